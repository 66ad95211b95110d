"""Date lines at the top of plain-text pages: the page's own date, read strictly."""

from __future__ import annotations

from datetime import date

import pytest

from trucewatch.config import Settings
from trucewatch.extract import extract_article, header_date
from trucewatch.model import Article, Document


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("15 February 2016", date(2016, 2, 15)),
        ("February 15, 2016 | 14:20 GMT", date(2016, 2, 15)),
        ("Published: 16 Feb 2016", date(2016, 2, 16)),
        ("Updated 21.02.2016", date(2016, 2, 21)),
        ("Monday 15 February 2016", date(2016, 2, 15)),
        ("Mon Feb 15, 2016 3:52pm GMT", date(2016, 2, 15)),
        ("Tuesday, February 16, 2016", date(2016, 2, 16)),
        ("Saturday February 27 2016", date(2016, 2, 27)),
        ("21 February 2016, 17:40", date(2016, 2, 21)),
        ("March 15, 2016 - 14:20 GMT", date(2016, 3, 15)),
        ("29 February 2016 | Updated 16:10", date(2016, 2, 29)),
        ("13 February 2016 | Border desk", date(2016, 2, 13)),
        ("Posted on Sept. 3, 2021 at 9:15 a.m.", date(2021, 9, 3)),
        ("2019-11-04", date(2019, 11, 4)),
    ],
)
def test_header_date_reads_date_lines(line: str, expected: date) -> None:
    assert header_date(line) == (expected, None)


def test_header_date_keeps_the_byline_it_shares_a_line_with() -> None:
    assert header_date("By Ilse Varga | 3 May 2022") == (date(2022, 5, 3), "By Ilse Varga")


@pytest.mark.parametrize(
    "line",
    [
        "February 12",  # no year: never guessed
        "Monday 15 February",
        "Updated 14:05 GMT",
        "The truce of June 2, 2022 was broken within hours.",  # a sentence that names a date
        "On 2 June 2022 the envoys met again in Orrin",
        "June 2, 2022 | Envoys from both shores met for a second day in Orrin",  # long trailer
        "Feb 30, 2016",  # no such day
        "31.02.2016",
        "04/05/2022",  # day-first or month-first: ambiguous
        "KARSTA, June 9, 2021 (Reuters) - A convoy arrived.",  # a dateline, read elsewhere
    ],
)
def test_header_date_refuses_non_date_lines(line: str) -> None:
    assert header_date(line) is None


STORY = (
    "Ferries crossed the lake between Tarn and Wellmouth on Wednesday for the first time "
    "in five months, port officials said.\n\n"
    "The next round of talks opens on June 21, 2023 in the island town of Orrin, "
    "the mediators said.\n"
)


def _article(content: str, **document: object) -> Article:
    doc = Document(source_id="test.txt", content=content, **document)
    article = extract_article(doc, Settings())
    assert isinstance(article, Article), article
    return article


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Ferries Cross Again\n\nWednesday, 7 June 2023\n\n", date(2023, 6, 7)),
        ("Ferries Cross Again\nBy Ilse Varga | 7 June 2023\n\n", date(2023, 6, 7)),
        ("Ferries Cross Again\n\nJune 7\n\n", None),  # no year
        ("Ferries Cross Again\n\n", None),  # the body's "June 21, 2023" is not the page date
    ],
)
def test_page_date_line_dates_the_article(header: str, expected: date | None) -> None:
    article = _article(header + STORY)
    assert article.published == expected
    assert article.published_from == ("metadata" if expected else "none")
    assert "7 June 2023" not in article.text
    assert "June 21, 2023" in article.text


def test_date_line_below_the_first_sentence_is_not_the_page_date() -> None:
    first, rest = STORY.split("\n\n", 1)
    article = _article(f"Ferries Cross Again\n\n{first}\n\n7 June 2023\n\n{rest}")
    assert article.published is None


def test_published_flag_wins_over_the_date_line() -> None:
    content = "Ferries Cross Again\n\nWednesday, 7 June 2023\n\n" + STORY
    article = _article(content, published=date(2023, 6, 8), published_from="flag")
    assert (article.published, article.published_from) == (date(2023, 6, 8), "flag")
    assert "7 June 2023" not in article.text


def test_page_date_line_wins_over_a_dateline() -> None:
    content = "Wednesday, 7 June 2023\n\nTARN, June 6, 2023 (AFP) - " + STORY
    article = _article(content)
    assert (article.published, article.published_from) == (date(2023, 6, 7), "metadata")
