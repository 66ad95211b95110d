"""Events from candidate sentences: trigger -> sub-type, then agent, target, place, date,
figures and certainty read off the sentence's dependency parse.

One sentence yields at most one event per ACLED event type (the trigger with the lowest
rank leads). Threats, conditions and demands ("could enter", "if the truce fails",
"stop the air strikes") are not events and are skipped; agreements mentioned in a
concessive aside ("despite agreeing to the truce") are references to an earlier event.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from trucewatch.model.event import SUB_TO_TYPE, ActorRef, Certainty, EventReport, PlaceRef
from trucewatch.nlp.certainty import read_certainty
from trucewatch.nlp.context import ArticleContext
from trucewatch.nlp.dates import resolve_date
from trucewatch.nlp.lexicon import (
    BACKGROUND_RE,
    CASUALTY_VERBS,
    COMBATANT_NOUNS,
    SUPPRESS_BEFORE_RE,
    TRIGGERS,
    VENUE_WORDS,
    VICTIM_NOUNS,
)
from trucewatch.nlp.numbers import read_casualties
from trucewatch.nlp.syntax import (
    FORCE_HEADS,
    WEAPON_HEADS,
    actor_text,
    clean,
    concessive,
    is_hypothetical,
    is_pronoun,
    np_span,
    subject_of,
    token_at,
)
from trucewatch.nlp.text import Sentence

EVENTS_VERSION = "trucewatch.nlp.events.v1"

_STATE_KINDS = {"state", "government", "external"}
_VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_PLACE_PREPS = {
    "in",
    "at",
    "near",
    "outside",
    "around",
    "across",
    "inside",
    "on",
    "into",
    "of",
    "from",
    "towards",
    "toward",
}


@dataclass(frozen=True)
class Hit:
    sub_event_type: str
    rank: int
    start: int
    end: int


def find_triggers(text: str, ignore: tuple[int, int] | None = None) -> list[Hit]:
    """Every trigger phrase in a sentence, minus those asked to stop or in background."""
    hits: list[Hit] = []
    for trig in TRIGGERS:
        for m in trig.pattern.finditer(text):
            if ignore and ignore[0] <= m.start() < ignore[1]:
                continue
            if SUPPRESS_BEFORE_RE.search(text[max(0, m.start() - 60) : m.start()]):
                continue
            hits.append(Hit(trig.sub_event_type, trig.rank, m.start(), m.end()))
    return hits


def background_span(text: str) -> tuple[int, int] | None:
    """The clause that gives cumulative or background figures, if any."""
    m = BACKGROUND_RE.search(text)
    if m is None:
        return None
    start = max(
        text.rfind(",", 0, m.start()),
        text.rfind(";", 0, m.start()),
        text.rfind("—", 0, m.start()),
        text.rfind(" which ", 0, m.start()),
        text.rfind(" that ", 0, m.start()),
        0,
    )
    if start and text[start] == " " and text[start + 1 : start + 5] in {"whic", "that"}:
        # "a five-year war that has killed" -> start at the noun phrase before "that"
        start = max(
            text.rfind(",", 0, start),
            text.rfind(" in a ", 0, start),
            text.rfind(" a ", 0, start),
            0,
        )
    ends = [i for i in (text.find(",", m.end()), text.find(";", m.end())) if i > 0]
    return (start, min(ends) if ends else len(text))


def is_candidate(text: str) -> bool:
    """Cheap test: could this sentence hold an event?"""
    return any(t.pattern.search(text) for t in TRIGGERS) or bool(CASUALTY_VERBS.search(text))


def _agent(trigger: Token, doc: Doc, ctx: ArticleContext, on: dt.date | None) -> ActorRef | None:
    text, how = _agent_text(trigger, doc)
    if text is None:
        return None
    return ctx.actor(text, on, how)


def _agent_text(trigger: Token, doc: Doc) -> tuple[str | None, str]:
    # 1. "by X"
    for t in (trigger, trigger.head):
        for child in t.children:
            if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and not is_pronoun(pobj):
                        name = actor_text(pobj)
                        if name:
                            return name, f"agent 'by {name}'"
    # 2. modifiers of the trigger noun or of the noun it modifies ("Russian bombing campaign")
    nouns = [trigger]
    if trigger.dep_ in {"compound", "amod"}:
        nouns.append(trigger.head)
    for noun in nouns:
        if noun.tag_.startswith("NN"):
            for child in noun.lefts:
                if child.dep_ in {"amod", "compound", "poss", "nmod"} and not child.is_stop:
                    if child.lower_ in WEAPON_HEADS or child.i == trigger.i:
                        continue
                    if child.tag_ in {"NNP", "NNPS", "JJ", "NN"} and (
                        child.tag_ != "JJ"
                        or child.text[:1].isupper()
                        or child.lower_
                        in {"regime", "government", "rebel", "jihadist", "coalition", "militant"}
                    ):
                        span = np_span(child)
                        return clean(span.text), f"modifier {span.text!r} of {noun.text!r}"
    # 3. subject of the trigger verb, or of the verb the trigger noun depends on
    verb = trigger if trigger.tag_.startswith("VB") else None
    if verb is None and trigger.dep_ in {"nsubj", "nsubjpass"}:
        name = actor_text(trigger)
        if name:
            return name, f"subject {trigger.text!r}"
        return None, ""
    if verb is None:
        anc = trigger.head
        for _ in range(3):
            if anc.tag_.startswith("VB"):
                verb = anc
                break
            if anc.head is anc:
                break
            anc = anc.head
    if verb is None:
        return None, ""
    subj = subject_of(verb)
    if subj is None or subj.dep_ == "nsubjpass":
        return None, ""
    if is_pronoun(subj):
        root_subj = subject_of(doc[subj.i].sent.root) if doc.has_annotation("DEP") else None
        if root_subj is None or is_pronoun(root_subj) or root_subj.i == subj.i:
            return None, ""
        subj = root_subj
    if subj.lower_ in VICTIM_NOUNS:
        return None, ""
    name = actor_text(subj)
    if name and name.lower() not in {"who", "that", "which"}:
        return name, f"subject {subj.text!r} of {verb.text!r}"
    return None, ""


def _target(
    trigger: Token, doc: Doc, ctx: ArticleContext, on: dt.date | None, sub: str
) -> ActorRef | None:
    victims = [
        t
        for t in doc
        if t.lower_ in VICTIM_NOUNS
        and t.dep_ in {"dobj", "nsubjpass", "pobj", "conj", "nsubj", "appos"}
        and not (
            t.dep_ == "nsubj"
            and t.head.lower_ not in {"killed", "died", "wounded", "injured", "dead"}
        )
    ]
    if victims and sub not in {"Armed clash", "Agreement"}:
        v = victims[0]
        return ctx.civilians(np_span(v).text, on)
    for t in (trigger, trigger.head):
        for child in t.children:
            if child.dep_ in {"dobj", "nsubjpass"} and t.tag_.startswith("VB"):
                if child.ent_type_ in _PLACE_LABELS or child.lower_ in WEAPON_HEADS:
                    continue
                if (
                    child.lower_ in COMBATANT_NOUNS
                    or child.tag_ in {"NNP", "NNPS"}
                    or (child.lower_ in FORCE_HEADS)
                ):
                    name = actor_text(child)
                    if name:
                        return ctx.actor(name, on, f"target {child.text!r} of {t.text!r}")
            if child.dep_ == "prep" and child.lower_ in {"against", "on", "with", "targeting"}:
                for pobj in child.children:
                    if pobj.dep_ != "pobj" or pobj.ent_type_ in _PLACE_LABELS:
                        continue
                    if pobj.tag_ in {"NNP", "NNPS"} or pobj.lower_ in FORCE_HEADS | COMBATANT_NOUNS:
                        name = actor_text(pobj)
                        if name:
                            return ctx.actor(name, on, f"'{child.text} {name}'")
    return None


def _venue(token: Token) -> bool:
    for t in (token, token.head, token.head.head, token.head.head.head):
        if t.lower_ in VENUE_WORDS:
            return True
    return False


def _place(trigger: Token, doc: Doc, ctx: ArticleContext) -> PlaceRef | None:
    ents = [e for e in doc.ents if e.label_ in _PLACE_LABELS and not _venue(e.root)]
    # attached to the trigger ("shelling in X", "killed ... in X")
    for t in [trigger, *list(trigger.ancestors)[:2]]:
        for child in t.children:
            if child.dep_ == "prep" and child.lower_ in _PLACE_PREPS:
                for e in ents:
                    if e.root.head.i == child.i or e.root.head.head.i == child.i:
                        return ctx.place(e.text)
    if ents:
        nearest = min(ents, key=lambda e: min(abs(e.start - trigger.i), abs(e.end - trigger.i)))
        return ctx.place(nearest.text)
    if ctx.country_place is not None:
        return ctx.country_place.model_copy(update={"reason": "report's dominant country"})
    return None


def _with_country_precision(place: PlaceRef | None) -> PlaceRef | None:
    return place


def events_in_sentence(
    sent: Sentence,
    doc: Doc,
    ctx: ArticleContext,
    last_date: tuple[dt.date | None, str] | None,
) -> list[EventReport]:
    """The events one parsed sentence reports (none for threats, demands, background)."""
    text = sent.text
    ignore = background_span(text)
    hits = find_triggers(text, ignore)
    casualties = read_casualties(text, ignore)
    if not hits and casualties.fatalities and casualties.civilian_fatalities:
        # "Five people were killed in X": no weapon named; civilians -> Attack.
        kill = CASUALTY_VERBS.search(text)
        if kill and not (ignore and ignore[0] <= kill.start() < ignore[1]):
            hits = [Hit("Attack", 99, kill.start(), kill.end())]
    if not hits:
        return []
    by_type: dict[str, tuple[Hit, Token]] = {}
    for hit in sorted(hits, key=lambda h: (h.rank, h.start)):
        event_type = SUB_TO_TYPE[hit.sub_event_type]
        if event_type in _VIOLENT:
            event_type = "violent"  # one violent event per sentence: they share the figures
        if event_type in by_type:
            continue
        token = token_at(doc, hit.start, hit.end)
        if token is None or is_hypothetical(token):
            continue
        if hit.sub_event_type == "Agreement" and concessive(token):
            continue
        if _in_negation(token):
            continue
        absolute = sent.start + hit.start
        quoted = any(s <= absolute < e for s, e, _ in ctx.quote_spans)
        if quoted and not casualties.fatalities:
            continue  # rhetoric inside a quote ("they bomb our markets") is not a report
        if hit.sub_event_type == "Armed clash" and token.dep_ == "acl":
            continue  # "rebel groups fighting Assad" describes, it does not report
        by_type[event_type] = (hit, token)
    found = resolve_date(text, ctx.published)
    if found is None:
        if last_date is not None:
            date, precision = last_date
        else:
            date, precision = ctx.published, ("week" if ctx.published else "unknown")
    else:
        date, precision = found
    events: list[EventReport] = []
    for _, (hit, token) in sorted(by_type.items(), key=lambda kv: kv[1][0].rank):
        sub = hit.sub_event_type
        actor1 = _agent(token, doc, ctx, date)
        actor2 = _target(token, doc, ctx, date, sub)
        sub = _refine(sub, actor1, text[hit.start : hit.end])
        certainty, claimed_by = read_certainty(token, doc, sent, ctx)
        violent = SUB_TO_TYPE[sub] in _VIOLENT
        events.append(
            EventReport(
                event_type=SUB_TO_TYPE[sub],
                sub_event_type=sub,
                actor1=actor1,
                actor2=actor2,
                location=_place(token, doc, ctx),
                date=date,
                date_precision=precision,  # type: ignore[arg-type]
                fatalities=casualties.fatalities if violent or not events else None,
                civilian_fatalities=casualties.civilian_fatalities if violent else None,
                injured=casualties.injured if violent else None,
                certainty=certainty,
                claimed_by=claimed_by,
                evidence=text,
                article_id=ctx.article.id,
                extractor=EVENTS_VERSION,
            )
        )
        if violent:
            casualties = type(casualties)()  # figures belong to the lead violent event
    return events


def _in_negation(token: Token) -> bool:
    for t in (token, token.head):
        if any(c.dep_ == "neg" for c in t.children):
            return True
        if any(c.dep_ == "det" and c.lower_ == "no" for c in t.children):
            return True
    return False


_GOV_WORDS = re.compile(
    r"\b(?:army|government|regime|troops|soldiers|forces|military|troopers|police|marines"
    r"|command)\b",
    re.I,
)


def _refine(sub: str, actor1: ActorRef | None, text: str) -> str:
    """Territory changes: who took it decides the sub-type; a state's bombs fall from the air.

    `text` is the trigger phrase."""
    if (
        sub == "Remote explosive/landmine/IED"
        and re.match(r"(?i)bomb", text)
        and (
            actor1 is not None
            and (
                actor1.kind in _STATE_KINDS or (actor1.country is not None and actor1.kind is None)
            )
        )
    ):
        return "Air/drone strike"
    if sub in {"Government regains territory", "Non-state actor overtakes territory"}:
        if actor1 is not None and actor1.kind is not None:
            state = actor1.kind in _STATE_KINDS
        else:
            state = actor1 is not None and bool(_GOV_WORDS.search(actor1.text or actor1.name))
        if actor1 is None:
            state = bool(re.search(r"\b(?:recaptur|retook|retak|regain|liberat)", text, re.I))
        return "Government regains territory" if state else "Non-state actor overtakes territory"
    return sub


def merge_events(events: list[EventReport]) -> list[EventReport]:
    """Fold repeated mentions of one event (same type, actor, date, compatible place/figures)."""
    kept: list[EventReport] = []
    for ev in events:
        for i, other in enumerate(kept):
            if _same(ev, other):
                kept[i] = _richer(other, ev)
                break
        else:
            kept.append(ev)
    return [ev.model_copy(update={"index": i}) for i, ev in enumerate(kept)]


def _name(a: ActorRef | None) -> str | None:
    return None if a is None else (a.id or a.name.lower())


def _same(a: EventReport, b: EventReport) -> bool:
    if a.sub_event_type != b.sub_event_type or a.date != b.date:
        return False
    if _name(a.actor1) != _name(b.actor1) or a.actor1 is None:
        return False
    if a.actor2 and b.actor2 and _name(a.actor2) != _name(b.actor2):
        return False
    pa, pb = a.location, b.location
    fallback = "report's dominant country"
    if (
        pa
        and pb
        and pa.name != pb.name
        and "country" not in {pa.precision, pb.precision}
        and fallback not in {pa.reason, pb.reason}
    ):
        return False
    return not (a.fatalities and b.fatalities and a.fatalities != b.fatalities)


def _score(ev: EventReport) -> int:
    return (
        (ev.fatalities is not None) * 4
        + (ev.actor2 is not None) * 2
        + (ev.location is not None and ev.location.precision not in {"country", "unknown"})
        + (ev.certainty != "asserted")
    )


def _richer(a: EventReport, b: EventReport) -> EventReport:
    best, other = (a, b) if _score(a) >= _score(b) else (b, a)
    update: dict[str, object] = {}
    if best.location is None or (
        best.location.reason == "report's dominant country"
        and other.location is not None
        and other.location.precision not in {"country", "unknown"}
        and other.location.country == best.location.country
    ):
        update["location"] = other.location
    return best.model_copy(update=update) if update else best


__all__ = [
    "EVENTS_VERSION",
    "Certainty",
    "background_span",
    "events_in_sentence",
    "find_triggers",
    "is_candidate",
    "merge_events",
]
