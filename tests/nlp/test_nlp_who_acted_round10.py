"""Round 10 (FA-KES dev, actor category): an attack takes no author from another event.

A planted bomb is its bombers' and takes no author from a later clash or shelling told
about the same town; an "as ..." clause telling the war around the news lends the lead's
attack no author; "killed in Gondorian shelling" names the shelling side even when the
parse strands the modifier. Fictional sentences."""

from __future__ import annotations

from typing import Any

from trucewatch.nlp.matching import find_triggers


def _violent(reading: Any) -> Any:
    violent = [e for e in reading.events if e.event_type != "Strategic developments"]
    assert violent, reading.events
    return violent[0]


def _id(ref: Any) -> str | None:
    return None if ref is None else ref.id


# ---- a planted bomb and the war around it --------------------------------------------------


def test_a_car_bomb_takes_no_author_from_fighting_told_later(read: Any) -> None:
    ev = _violent(
        read(
            "A car bomb killed six people in Osgiliath on Monday, a monitor said. The city "
            "has seen heavy fighting between Gondorian forces and the Host on Monday."
        )
    )
    assert ev.sub_event_type == "Remote explosive/landmine/IED"
    assert ev.actor1 is None
    # ... while a later sentence naming who set the bomb off still gives its author
    ev = _violent(
        read(
            "A car bomb killed six people in Osgiliath on Monday. Host fighters set off the "
            "car bomb near the market, a monitor said."
        )
    )
    assert _id(ev.actor1) == "host"


# ---- a clause telling the war around the news ----------------------------------------------


def test_an_as_clause_about_a_campaign_lends_the_attack_no_author(read: Any) -> None:
    ev = _violent(
        read(
            "A rocket attack on the Osgiliath market killed four people on Monday as "
            "Gondorian forces pressed a campaign against the Host in the hills."
        )
    )
    assert ev.actor1 is None
    # a toll told "as jets struck" is the strike's own
    ev = _violent(read("Four people were killed on Monday as Gondorian jets struck Osgiliath."))
    assert _id(ev.actor1) == "gondor"


# ---- a modifier the parse strands -----------------------------------------------------------


def test_killed_in_a_sides_shelling_names_that_side(read: Any) -> None:
    ev = _violent(read("Five villagers were killed in Gondorian shelling of Osgiliath on Monday."))
    assert _id(ev.actor1) == "gondor"
    assert "modifier" in (ev.actor1.reason or "")


# ---- a group named with its country ----------------------------------------------------------


def test_a_countrys_name_on_a_groups_name_is_where_it_fights(read: Any) -> None:
    ev = _violent(
        read(
            "A suicide bomber from Gondor's Blackroot Brotherhood killed ten soldiers in "
            "Osgiliath on Monday."
        )
    )
    assert _id(ev.actor1) != "gondor"


def test_a_hyphenated_group_name_the_phrase_ends_in_is_found(
    make_read: Any, fictional_kb: Any
) -> None:
    from trucewatch.model import Actor

    kb = fictional_kb.with_actors(
        Actor(id="harrow", name="Al-Harrow Front", kind="rebel", country="XG")
    )
    ev = _violent(
        make_read(kb)(
            "A suicide bomber from Gondor's Al-Harrow Front killed ten soldiers in "
            "Osgiliath on Monday."
        )
    )
    assert _id(ev.actor1) == "harrow"
    # split into its words, a backer's name is seen too: it is not the group
    ev = _violent(
        make_read(kb)(
            "Gunmen from the Harad-backed Al-Harrow Front attacked a village near "
            "Osgiliath on Monday."
        )
    )
    assert _id(ev.actor1) == "harrow"


# ---- a country's name on a word for fighting ---------------------------------------------------


def test_a_countrys_name_on_fighting_says_where_not_who(read: Any) -> None:
    for text in (
        "Gondor fighting kills 40 fighters near Osgiliath on Monday.",
        "Harad clashes kill 12 near Umbar on Monday.",
    ):
        assert _violent(read(text)).actor1 is None, text
    # a one-sided attack word keeps the state it names
    ev = _violent(read("Gondor strikes kill 12 near Umbar on Monday."))
    assert _id(ev.actor1) == "gondor"


# ---- capitals that are no names, clauses about a place, whose a thing is --------------------


def test_a_sentence_run_into_its_date_line_opens_with_no_name(read: Any) -> None:
    ev = _violent(
        read(
            "12 March 2025 Fresh fighting shook Osgiliath on Monday as Host fighters "
            "battled to break the siege."
        )
    )
    assert _id(ev.actor1) == "host"
    ev = _violent(read("12 March 2025 Heavy shelling hit Osgiliath on Monday, killing four."))
    assert ev.actor1 is None


def test_who_fights_where_the_attack_fell_did_not_make_it(read: Any) -> None:
    ev = _violent(
        read(
            "A drone strike hit a camp near Osgiliath on Monday, in the hills where the Host "
            "is fighting Gondorian forces."
        )
    )
    assert ev.actor1 is None


def test_a_demonym_on_a_thing_inside_the_phrase_is_no_author(fictional_kb: Any) -> None:
    # "Gondorian weapons depot blast raids hit Osgiliath": the depot is Gondorian; the
    # raids' author is not named (a hand-built parse of a run-in headline)
    import spacy
    from spacy.tokens import Doc, Span

    from trucewatch.model import Article, article_id
    from trucewatch.nlp.context import ArticleContext
    from trucewatch.nlp.parties import _resolve

    words = ["Gondorian", "weapons", "depot", "blast", "raids", "hit", "Osgiliath", "."]
    heads = [2, 2, 3, 4, 5, 5, 5, 5]
    deps = ["amod", "compound", "compound", "compound", "nsubj", "ROOT", "dobj", "punct"]
    tags = ["JJ", "NNS", "NN", "NN", "NNS", "VBD", "NNP", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, tags=tags)
    doc.ents = [Span(doc, 0, 1, label="NORP"), Span(doc, 6, 7, label="GPE")]
    text = doc.text
    art = Article(id=article_id(text), source_id="t", text=text, published=None)
    ctx = ArticleContext(article=art, kb=fictional_kb, sentences=[], docs={0: doc})
    ref = _resolve(ctx, "Gondorian weapons depot blast", doc[4], None, "subject 'raids'")
    assert ref is None or ref.id != "gondor"


# ---- the author of an attack a speaker reports ---------------------------------------------


def test_strikes_thought_to_be_by_planes_from_a_state_told_under_said(read: Any) -> None:
    ev = _violent(
        read(
            "A monitor said airstrikes thought to be by planes from Harad killed 20 villagers "
            "near Osgiliath on Monday."
        )
    )
    assert _id(ev.actor1) == "harad"


def test_a_counteroffensive_is_fighting(read: Any) -> None:
    hits = find_triggers("A Host counteroffensive near Osgiliath left 40 soldiers dead.")
    assert [h.sub_event_type for h in hits] == ["Armed clash"]
    ev = _violent(
        read("A Host counteroffensive near Osgiliath has left 40 Gondorian soldiers dead today.")
    )
    assert _id(ev.actor1) == "host"


def test_a_pronoun_stands_for_the_nearer_subject_not_the_sentences(read: Any) -> None:
    ev = _violent(
        read(
            "Gondorian soldiers learned that one of the raiders threw a grenade at the gate "
            "before he detonated his explosive belt in Osgiliath on Monday."
        )
    )
    assert _id(ev.actor1) != "gondor"
    # a speaker's own "it" is still the speaker
    ev = _violent(
        read(
            "The Gondorian army said it had answered with a drone strike on Host positions "
            "near Osgiliath on Monday."
        )
    )
    assert _id(ev.actor1) == "gondor"


def test_a_headline_of_troops_killed_in_clashes_names_whom_they_fought(read: Any) -> None:
    # no auxiliary, as headlines write it: the troops are the dead, not the killers
    ev = _violent(read("12 Gondorian troops killed in clashes with Host fighters near Osgiliath."))
    assert _id(ev.actor1) == "host"
