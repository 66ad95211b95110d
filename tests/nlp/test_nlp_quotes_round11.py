"""Quotes round 11: organisations as speakers, attribution after reported speech, pronouns.

Sentences are made up (fictional people and places; Gondor and Harad from the fictional KB).
"""

from __future__ import annotations

from typing import Any

from trucewatch.nlp.quotes import channel_in


def _reported(reading: Any, fragment: str) -> Any:
    found = [q for q in reading.quotes if not q.direct and fragment in q.text]
    assert found, reading.quotes
    return found[0]


def test_an_army_speaks_as_an_organisation(read: Any) -> None:
    r = read(
        "The Gondorian army said on Tuesday that raiders had burned two granaries near the ford."
    )
    q = _reported(r, "raiders had burned two granaries")
    assert q.speaker == "Gondorian army"
    assert q.role is None and q.affiliation is None


def test_a_bare_ministry_is_the_one_named_before(read: Any) -> None:
    r = read(
        "Harad's interior ministry opened an inquiry into the fire at the grain store.\n\n"
        "The ministry said in a statement that three guards had been detained for questioning."
    )
    q = _reported(r, "three guards had been detained")
    assert q.speaker == "Harad's interior ministry"
    assert q.channel == "statement"


def test_attribution_after_the_clause_with_an_outlet(read: Any) -> None:
    r = read(
        "Nine people were hurt when the footbridge gave way under the crowd, the town's fire "
        "chief, Orla Penhallow, told the Calder Tribune."
    )
    q = _reported(r, "Nine people were hurt")
    assert q.speaker == "Orla Penhallow"
    assert q.channel == "Calder Tribune"


def test_told_reporters_is_a_briefing(read: Any) -> None:
    r = read(
        "Gondor's governor, Ada Brook, said on Monday that the river roads would stay closed.\n\n"
        "The raiders fled across the river before dawn, the governor told reporters."
    )
    q = _reported(r, "raiders fled across the river")
    assert q.speaker == "Ada Brook"
    assert q.channel == "briefing"


def test_pronoun_after_reported_speech(read: Any) -> None:
    r = read(
        "Harad's envoy, Oskar Pellimoor, said on Monday that the talks would resume in Calder.\n\n"
        "Both delegations had agreed to a new round of prisoner exchanges, he said."
    )
    q = _reported(r, "Both delegations had agreed")
    assert q.speaker == "Oskar Pellimoor"


def test_only_an_organisations_own_statement_is_quoted(read: Any) -> None:
    # a trailing ", the ministry said" sources the reporter's narration; "said it had" is
    # the body's report of its own doings; neither is a statement to quote
    r = read(
        "Police arrested four men in Calder on suspicion of smuggling rifles, the interior "
        "ministry said.\n\n"
        "The Gondorian army said it had pulled its guns back from the ridge.\n\n"
        "The Gondorian army said on Friday that the raiders had crossed the river at night."
    )
    assert [q.speaker for q in r.quotes] == ["Gondorian army"]


def test_channel_told_reporters() -> None:
    assert channel_in("the governor told reporters in Calder") == "briefing"
    assert channel_in("she said in comments to journalists") == "briefing"


def test_pronoun_resolves_to_an_official_introduced_before(read: Any) -> None:
    # no one has spoken yet: "she" is the last person the report introduced with a role
    r = read(
        "Gondor's governor, Ada Brook, visited the market in Calder where rebels killed two "
        "traders on Monday.\n\n"
        "The shelling lasted for more than two hours, she said."
    )
    q = _reported(r, "The shelling lasted")
    assert q.speaker == "Ada Brook"


def test_his_spokesman_is_not_an_earlier_named_spokesman(read: Any) -> None:
    r = read(
        "Gondor's army spokesman, Hallas Dorwin, said on Monday that the ford was quiet again. "
        "No boats had crossed the river since Sunday, he said.\n\n"
        "Harad's king condemned the raid and called for an inquiry, his spokesman said."
    )
    assert not [q for q in r.quotes if "condemned the raid" in q.text]
    assert _reported(r, "No boats had crossed").speaker == "Hallas Dorwin"


def test_a_name_after_the_is_a_body_not_a_person(read: Any) -> None:
    r = read(
        "Gondor's envoy, Mira Quenlan, said on Monday that talks would resume in Calder. "
        "Both sides had agreed on the agenda, she told reporters.\n\n"
        "Youths threw stones at the consulate and burned two cars outside, the Lantern Watch "
        "said."
    )
    assert not [q for q in r.quotes if "threw stones" in q.text]
    assert _reported(r, "Both sides had agreed").speaker == "Mira Quenlan"
