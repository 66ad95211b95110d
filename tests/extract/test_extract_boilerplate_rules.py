"""Each named boilerplate rule, on lines of its own kind and on story lines it must spare."""

from __future__ import annotations

import pytest

from trucewatch.extract import clean_paragraphs, split_paragraphs

STORY = [
    "Shells struck the northern district on Friday, killing two people, officials said.",
    "Residents said the firing began shortly after dawn and lasted for about an hour.",
    "The mediators said they would meet both delegations again next week in the capital.",
]


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Skip to main content", "nav-label"),
        ("Accessibility links", "nav-label"),
        ("Print", "nav-label"),
        ("Home | World | Africa | Opinion", "menu-bar"),
        ("Facebook Twitter WhatsApp Email", "share-widget"),
        ("Share on Telegram", "share-widget"),
        ("16x9 Image", "image-placeholder"),
        ("Image caption, Smoke rises over the harbour", "image-placeholder"),
        ("Image source, Getty Images", "image-placeholder"),
        ("Photo: A checkpoint outside the town", "image-placeholder"),
        ("Leave a reply", "comment-form"),
        ("Your email address will not be published.", "comment-form"),
        ("Comments (3)", "comment-form"),
        ("Tags: truce, shelling, mediation", "tag-list"),
        ("Topics: Middle East", "tag-list"),
        ("Updated 14:05 GMT", "timestamp"),
        ("5 min read", "timestamp"),
        ("© 2024 The Morning Lantern", "legal-line"),
        ("All rights reserved.", "legal-line"),
        ("We use cookies to improve your experience. Accept cookies", "legal-line"),
        ("Sign up for our evening briefing", "promo-prompt"),
        ("To find out more, click here.", "promo-prompt"),
        ("• Watch: the convoy crosses", "bullet-link"),
        ("Our journalists have covered the region since 1998.", "outlet-notice"),
    ],
)
def test_rule_removes_line(line: str, rule: str) -> None:
    cleaned = clean_paragraphs([STORY[0], line, *STORY[1:]])
    assert cleaned.paragraphs == STORY
    assert (rule, line) in cleaned.removed


@pytest.mark.parametrize(
    "line",
    [
        '"Our journalists were detained at the border," the editor said.',  # quoted speech
        "The government declared the charity an undesirable organization last year.",
        "Reuters reported that the ceasefire collapsed overnight, citing two officials.",
        "• The convoy carried enough flour for ten days, according to the agency.",
        "Fighters shared videos of the strike on social media.",
    ],
)
def test_story_line_survives(line: str) -> None:
    cleaned = clean_paragraphs([STORY[0], line.lstrip("• "), *STORY[1:]])
    assert line.lstrip("• ") in cleaned.paragraphs


def test_repeated_line_is_kept_once() -> None:
    caption = "A man walks past a damaged bakery in the old town on Thursday afternoon."
    cleaned = clean_paragraphs([caption, caption, *STORY])
    assert cleaned.paragraphs.count(caption) == 1


def test_everything_after_a_late_credit_line_is_footer() -> None:
    footer = ["With reporting by AFP", "The Lantern is read in forty countries.", "Menu"]
    cleaned = clean_paragraphs([*STORY, *footer], outlet="The Lantern")
    assert cleaned.paragraphs == STORY
    assert cleaned.credits == ("AFP",)


def test_an_early_credit_does_not_cut_the_story() -> None:
    cleaned = clean_paragraphs(["With reporting by AP", *STORY])
    assert cleaned.paragraphs == STORY
    assert cleaned.credits == ("AP",)


def test_split_paragraphs_joins_hard_wrapped_lines_only() -> None:
    text = (
        "The delegations met for six hours in the old customs house,\n"
        "and agreed to meet again.\n\nMenu\nShare\n"
    )
    assert split_paragraphs(text) == [
        "The delegations met for six hours in the old customs house, and agreed to meet again.",
        "Menu",
        "Share",
    ]
