"""Boilerplate-heavy pages from imaginary outlets: what must stay, what must go."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from trucewatch.config import Settings
from trucewatch.extract import extract_article
from trucewatch.ingest import read_sources
from trucewatch.model import Article

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "extract"


@dataclass(frozen=True)
class Case:
    name: str
    title: str
    keep: tuple[str, ...]
    drop: tuple[str, ...]
    credits: tuple[str, ...]
    published: date | None
    published_from: str


CASES = (
    Case(
        "valley-courier-market-reopens.txt",
        "Market Reopens in Eastbridge as Truce Holds for a Third Day",
        keep=(
            "EASTBRIDGE, March 4, 2019 (AFP) - Traders in the river town",
            "We have been waiting four months to sell anything",
            "Monitors from the regional observer mission are due to arrive on Wednesday.",
        ),
        drop=(
            "Skip to main content",
            "Home | World",
            "By Mara Velinova",
            "Updated 09:40",
            "16x9 Image",
            "Stall holders unload crates",
            "Facebook Twitter",
            "Share this article",
            "Tags:",
            "Leave a comment",
            "Required fields",
            "Post Comment",
            "newsletter",
            "All rights reserved",
        ),
        credits=("AFP",),
        published=date(2019, 3, 4),
        published_from="dateline",
    ),
    Case(
        "northern-signal-talks.txt",
        "Envoys Say Prisoner Exchange Could Follow Harbor Talks",
        keep=(
            "Envoys from both sides of the Saltmarsh conflict said on Tuesday",
            "handed over a list of 212 detained fighters",
            'depended on "full quiet on the front line for seven days,"',
        ),
        drop=(
            "Accessibility links",
            "Breaking News",
            "Photo: Delegates",
            "Compiled from reports",
            "4x3 Image",
            "journalists report from places",
            "foreign agent",
            "fines or imprisonment",
            "click here",
        ),
        credits=("dpa", "Anadolu", "AP"),
        published=None,
        published_from="none",
    ),
    Case(
        "ridgeline-post-wrapped.txt",
        "Aid Convoy Reaches Besieged Quarter After Weeks of Delay",
        keep=(
            "carrying flour, medicine and fuel reached the besieged eastern quarter",
            "removed by soldiers at the crossing.",
            "The convoy carried enough flour for roughly ten days",
        ),
        drop=(
            "Ridgeline Post | News",
            "•",
            "Residents queued for bread",
            "Reporting by Tomas Heller",
            "Our Standards",
            "Read more:",
        ),
        credits=("Reuters",),
        published=date(2021, 6, 9),
        published_from="dateline",
    ),
    Case(
        "lakeshore-gazette-ferry-talks.txt",
        "Ferry Crossings Resume Between Tarn and Wellmouth After Truce Talks",
        keep=(
            "TARN/WELLMOUTH, June 7 (Reuters) - Passenger ferries crossed the lake",
            "The talks resume on June 21, 2023 in the island town of Orrin.",
            "the menu of fares would stay unchanged",  # after the related-links box
        ),
        drop=(
            "LAKESHORE GAZETTE",
            "REGION",
            "Menu",
            "Home",
            "Wednesday, 7 June 2023",
            "By Lakeshore Gazette staff",
            "Related stories",
            "Fishermen count the cost",
            "Who runs the Orrin talks?",
            "Share this article",
            "Most read",
            "Lake levels fall",
            "Tags:",
            "All rights reserved",
        ),
        credits=("Reuters",),
        published=date(2023, 6, 7),  # the page's date line, not the body's June 21, 2023
        published_from="metadata",
    ),
    Case(
        "harbor-ledger-shelling.html",
        "Shelling Damages Water Station in Port Alder",
        keep=(
            "Artillery fire struck the main water pumping station in Port Alder",
            "Each side accused the other of breaking the six-week-old ceasefire",
            "Whoever did this knew exactly what they were hitting.",
            "examine the craters and shell fragments.",
        ),
        drop=(
            "Skip to main content",
            "Subscribe",
            "Breaking News",
            "Facebook",
            "The pumping station on the north shore",
            "With reporting by",
            "Tags:",
            "Comments (14)",
            "Post Comment",
            "straight to your inbox",
            "independent newsroom",
            "All rights reserved",
        ),
        credits=("Reuters", "AFP"),
        published=date(2022, 8, 17),
        published_from="metadata",
    ),
    Case(
        "plains-daily-undated.html",
        "Grain Barges Leave Delta Port Under Corridor Deal",
        keep=(
            "The first three grain barges left the delta port of Mirne on Sunday",
            "at least five nautical miles from the corridor",
        ),
        drop=(
            "Menu | Sections",
            "contributed to this report",
            "Image caption",
            "Copyright 2023",
        ),
        credits=("AP",),
        published=None,  # "MIRNE, Oct. 2 (AP)" names no year: no date is better than a guess
        published_from="none",
    ),
)


def _extract(name: str) -> Article:
    settings = Settings()
    (doc,) = list(read_sources([str(FIXTURES / name)], settings))
    article = extract_article(doc, settings)
    assert isinstance(article, Article), article
    return article


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_fixture_keeps_story_and_drops_site(case: Case) -> None:
    article = _extract(case.name)
    assert [k for k in case.keep if k not in article.text] == []
    assert [d for d in case.drop if d in article.text] == []


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_fixture_title_credits_and_date(case: Case) -> None:
    article = _extract(case.name)
    assert article.title == case.title
    assert article.credits == case.credits
    assert (article.published, article.published_from) == (case.published, case.published_from)


def test_article_text_is_paragraphs_separated_by_blank_lines() -> None:
    article = _extract("ridgeline-post-wrapped.txt")
    paragraphs = article.text.split("\n\n")
    assert len(paragraphs) == 3
    assert all("\n" not in p for p in paragraphs)  # hard-wrapped lines were joined back


def test_article_id_is_the_hash_of_its_text() -> None:
    from trucewatch.model import article_id

    article = _extract("northern-signal-talks.txt")
    assert article.id == article_id(article.text)
    assert article.extractor.startswith("trucewatch.extract.")


def test_byline_becomes_author() -> None:
    assert _extract("valley-courier-market-reopens.txt").author == "Mara Velinova"
