"""Agreement files: malformed ones fail with file:line and the fix; shipped ones all load."""

from __future__ import annotations

import pytest

from trucewatch.assess import (
    list_agreements,
    load_agreement,
    parse_agreement,
    shipped_ids,
    template_text,
)
from trucewatch.errors import AgreementError
from trucewatch.model.kb import KnowledgeBase

SHIPPED = [
    "gaza-ceasefire-2025-01",
    "gaza-ceasefire-2025-10",
    "gaza-pause-2023-11",
    "israel-lebanon-2024-11",
    "minsk-ii-2015",
    "syria-coh-2016",
    "syria-coh-2016-09",
    "yemen-truce-2022",
]

MALFORMED = [
    # name, (old, new) edit of the fixture, words expected in the error
    (
        "typo in a top-level key",
        ("\nexemptions:", "\nexemptons:"),
        [
            "pelennor.yaml:60:",
            "unknown key 'exemptons' in 'agreement'",
            "did you mean 'exemptions'?",
            "valid: effect, end, exemptions",
        ],
    ),
    (
        "typo in a nested key",
        ("    until: {at", "    untill: {at"),
        ["pelennor.yaml:24:", "'instruments[1]'", "did you mean 'until'?"],
    ),
    (
        "end before start",
        ('at: {at: "2020-06-01 00:00"', 'at: {at: "2020-02-01 00:00"'),
        ["pelennor.yaml:35:", "is not after the effect"],
    ),
    (
        "instrument ends before effect",
        ('"2020-04-10 00:00"', '"2020-03-01 00:00"'),
        ["pelennor.yaml:24:", "ends (2020-03-01T00:00+02:00) before its effect"],
    ),
    (
        "unclosed polygon",
        ("[10.0, 11.0], [10.0, 10.0]]", "[10.0, 11.0]]"),
        ["pelennor.yaml:58:", "not closed", "first point [10.0, 10.0] != last point [10.0, 11.0]"],
    ),
    (
        "bad time zone",
        ("timezone: Europe/Helsinki\n", "timezone: Europe/Helsinky\n"),
        ["pelennor.yaml:5:", "unknown time zone 'Europe/Helsinky'"],
    ),
    (
        "bad date",
        ("date: 2020-03-05", "date: 2020-03-35"),
        ["pelennor.yaml:22:", "bad date '2020-03-35'"],
    ),
    (
        "bad local time",
        ('"2020-03-10 00:00"', '"10 March, midnight"'),
        ["pelennor.yaml:23:", "write local wall time as 'YYYY-MM-DD HH:MM'"],
    ),
    (
        "effect names no instrument",
        ("effect: terms", "effect: termz"),
        ["pelennor.yaml:32:", "unknown instrument 'termz'; valid: announcement, terms"],
    ),
    (
        "unknown event type",
        ("event_type: Battles\n", "event_type: Battle\n"),
        ["unknown ACLED event type 'Battle'"],
    ),
    ("bad view", ("view: violation", "view: breach"), ["positions[1].view", "'breach'"]),
    ("not YAML", ("parties:\n", "parties: [\n"), ["pelennor.yaml:", "not valid YAML"]),
]


@pytest.mark.parametrize(
    ("edit", "words"), [m[1:] for m in MALFORMED], ids=[m[0] for m in MALFORMED]
)
def test_malformed_agreement_names_file_line_and_fix(
    pelennor_text: str, edit: tuple[str, str], words: list[str]
) -> None:
    old, new = edit
    assert old in pelennor_text
    with pytest.raises(AgreementError) as caught:
        parse_agreement(pelennor_text.replace(old, new, 1), "pelennor.yaml")
    for word in words:
        assert word in str(caught.value)


def test_unknown_actor_is_checked_against_the_knowledge_base(
    pelennor_text: str, kb: KnowledgeBase
) -> None:
    text = pelennor_text.replace("  - actor: rohan\n", "  - actor: rohann\n")
    parse_agreement(text, "pelennor.yaml")  # without a KB the id cannot be checked
    with pytest.raises(AgreementError, match=r"pelennor.yaml:45: unknown actor 'rohann'"):
        parse_agreement(text, "pelennor.yaml", kb)


@pytest.mark.parametrize("agreement_id", SHIPPED)
def test_every_shipped_agreement_validates(agreement_id: str) -> None:
    agreement = load_agreement(agreement_id)
    assert agreement.id == agreement_id
    assert agreement.effect_time.at.tzinfo is not None


def test_shipped_ids_and_list() -> None:
    assert shipped_ids() == SHIPPED
    assert [a.id for a in list_agreements()] == SHIPPED


@pytest.mark.parametrize(
    ("agreement_id", "effect"),
    [
        ("syria-coh-2016", "2016-02-27T00:00+02:00"),
        ("syria-coh-2016-09", "2016-09-12T19:00+03:00"),
        ("minsk-ii-2015", "2015-02-15T00:00+02:00"),
        ("yemen-truce-2022", "2022-04-02T19:00+03:00"),
        ("gaza-pause-2023-11", "2023-11-24T07:00+02:00"),
        ("gaza-ceasefire-2025-01", "2025-01-19T11:15+02:00"),
        ("gaza-ceasefire-2025-10", "2025-10-10T12:00+03:00"),
        ("israel-lebanon-2024-11", "2024-11-27T04:00+02:00"),
    ],
)
def test_shipped_effect_times(agreement_id: str, effect: str) -> None:
    assert load_agreement(agreement_id).effect_time.iso() == effect


def test_template_is_a_valid_agreement() -> None:
    assert parse_agreement(template_text(), "template.yaml").id == "arnor-gondor-2020"


def test_unknown_id_lists_valid_ids() -> None:
    with pytest.raises(AgreementError, match=r"valid ids: gaza-ceasefire-2025-01, .*yemen"):
        load_agreement("syria-coh-2015")
