"""Menu rows, related-links boxes and mastheads in plain-text pages, and the story they spare."""

from __future__ import annotations

import pytest

from trucewatch.extract import clean_paragraphs, split_paragraphs
from trucewatch.extract.boilerplate import Cleaned

STORY = (
    "Shells struck the northern district of Karsta on Friday, killing two people, officials said.",
    "Residents said the firing began shortly after dawn and lasted for about an hour.",
    "The mediators said they would meet both delegations again next week in the capital.",
)


def _clean(text: str) -> Cleaned:
    return clean_paragraphs(split_paragraphs(text, layout=True))


@pytest.mark.parametrize(
    "line",
    [
        "Menu   Home   World   Middle East   Opinion",  # gaps of several spaces
        "Menu  Latest  Valleys  Harbours  Markets",
        "Home  News  Region  Economy  Sport  Contact",
        "Menu\tHome\tRegion\tArchive",
        "Menu Home World Middle East",  # single spaces: "Menu" and section labels
        "Home › World › Lakes",
        "Menu  Home  Tarn  Orrin  English / Other",
    ],
)
def test_menu_rows_are_removed(line: str) -> None:
    cleaned = _clean("\n\n".join([STORY[0], line, *STORY[1:]]))
    assert cleaned.paragraphs == list(STORY)
    assert [rule for rule, _ in cleaned.removed] == ["menu-bar"]


@pytest.mark.parametrize(
    "line",
    [
        "The café put a new menu on its door, and the baker reopened on Tuesday.",
        "Menu prices in Karsta doubled during the siege, traders said.",
        "He left.  She stayed.  The rest fled across the river.",  # double-spaced prose
        "Talks  resumed  on  Monday in the capital after a week.",
    ],
)
def test_lines_that_only_look_like_menus_survive(line: str) -> None:
    cleaned = _clean("\n\n".join([STORY[0], line, *STORY[1:]]))
    assert " ".join(line.split()) in cleaned.paragraphs
    assert cleaned.removed == []


@pytest.mark.parametrize(
    "box",
    [
        "Related stories\n- Fishermen count the cost of the closed lake\n- Who runs the talks?",
        "Related reports\nFishermen count the cost of the closed lake\nWho runs the talks?",
        "More on this story\n• Fishermen count the cost of the closed lake",
        "More on Tarn\n- Fishermen count the cost of the closed lake",
        "Read more\n- What the lake truce covers, in maps\n- Oil, nets and the ferry fare: a guide",
        "Most read\n1. Lake levels fall to a ten-year low\n2. Council votes to reopen the market",
        "You might also like\n- Explainer: the harbour board and the patrol boats",
        "MORE FROM THE GAZETTE\n> Orrin votes on a new bridge",
    ],
)
def test_related_links_box_is_removed_and_the_story_goes_on(box: str) -> None:
    cleaned = _clean("\n\n".join([STORY[0], box, *STORY[1:]]))
    assert cleaned.paragraphs == list(STORY)  # the story continues after the box
    assert {r for r, _ in cleaned.removed} == {"related-links"}


def test_related_links_end_at_the_first_story_paragraph() -> None:
    text = "\n".join([STORY[0], "", "Related stories", "- Who runs the talks?", *STORY[1:]])
    cleaned = _clean(text)
    assert cleaned.paragraphs == list(STORY)


@pytest.mark.parametrize(
    "line",
    [
        "Related talks in Orrin ended without agreement on Tuesday, the envoys said.",
        "More on the ceasefire terms was expected from the mediators on Friday.",
        "Read more about the truce, the spokeswoman told reporters, on the council website.",
    ],
)
def test_sentences_that_start_like_related_headings_survive(line: str) -> None:
    cleaned = _clean("\n\n".join([STORY[0], line, *STORY[1:]]))
    assert line in cleaned.paragraphs


@pytest.mark.parametrize(
    ("header", "title"),
    [
        (
            "LAKESHORE GAZETTE\n\nREGION\n\nFerries Cross the Lake Again",
            "Ferries Cross the Lake Again",
        ),
        (
            "Lakeshore Gazette\n\nWORLD / LAKES\n\nFerries cross the lake again",
            "Ferries cross the lake again",
        ),
        (
            "Ferries cross the lake again after five months",
            "Ferries cross the lake again after five months",
        ),
    ],
)
def test_masthead_and_section_lines_above_the_headline_go(header: str, title: str) -> None:
    cleaned = _clean("\n\n".join([header, *STORY]))
    assert cleaned.title == title
    assert cleaned.paragraphs == list(STORY)


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("By Ilse Varga", "Ilse Varga"),
        ("By Lakeshore Gazette staff", "Lakeshore Gazette staff"),
        ("By our Tarn correspondent", "our Tarn correspondent"),
        ("By the Gazette's lake desk", "the Gazette's lake desk"),
    ],
)
def test_bylines_become_the_author(byline: str, author: str) -> None:
    cleaned = _clean("\n\n".join([byline, *STORY]))
    assert cleaned.author == author
    assert cleaned.paragraphs == list(STORY)


def test_split_paragraphs_layout_keeps_gaps_and_blank_lines() -> None:
    text = "Menu   Home\tWorld\n\nThe delegations met for six hours.\n"
    assert split_paragraphs(text, layout=True) == [
        "Menu  Home  World",
        "",
        "The delegations met for six hours.",
    ]
    assert split_paragraphs(text) == ["Menu Home World", "The delegations met for six hours."]
