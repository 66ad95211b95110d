"""What the reader remembers while walking one article: people named so far, the report's
dominant country, resolved places, and the knowledge-base look-ups (cached per article).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from trucewatch.model.document import Article
from trucewatch.model.event import ActorRef, Affiliation, PlaceRef
from trucewatch.model.kb import ActorMatch, KnowledgeBase, PlaceMatch
from trucewatch.nlp.syntax import place_as_actor
from trucewatch.nlp.text import Sentence

# v4: datelines are not the lead place; v5: nor do they (or capitals speaking for their
# governments) vote for the report's country, and where the wounded were treated is no place
CONTEXT_VERSION = "trucewatch.nlp.context.v5"
# The lead a coder reads for an event's place when its own sentence names none: the
# headline/dateline sentence and the two after it (FA-KES dev, first 100).
LEAD_SENTENCES = 3
_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
_WHOLE_NAME_ENTS = frozenset({"ORG", "ACTOR"})  # names read whole by person_in

ROLE_WORDS = frozenset(
    [
        "minister",
        "ministry",
        "secretary",
        "president",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "general",
        "commander",
        "ambassador",
        "envoy",
        "chief",
        "official",
        "officials",
        "leader",
        "prime",
        "foreign",
        "defense",
        "defence",
        "interior",
        "state",
        "deputy",
        "vice",
        "head",
        "director",
        "governor",
        "mayor",
        "senator",
        "representative",
        "adviser",
        "advisor",
        "colonel",
        "lieutenant",
        "major",
        "captain",
        "sergeant",
        "king",
        "prince",
        "emir",
        "sheikh",
        "cleric",
        "imam",
        "chairman",
        "chairwoman",
        "analyst",
        "researcher",
        "activist",
        "correspondent",
        "reporter",
        "editor",
        "mr",
        "mrs",
        "ms",
        "dr",
        "sen",
        "gen",
        "col",
        "lt",
        "brig",
        "adm",
        "maj",
        "capt",
        "sgt",
        "rep",
        "gov",
        "white",
        "house",
        "kremlin",
        "pentagon",
        "u.s.",
        "un",
        "u.n.",
        "special",
        "coordinator",
        "negotiator",
    ]
)
PRONOUNS = frozenset({"he", "she", "him", "her"})
NOT_PEOPLE = frozenset({"they", "it", "we", "them", "i", "you", "its", "their"})
DESCRIPTIONS = re.compile(
    r"^(?:the|a|an)\s+(?:\w+\s+){0,3}(?:minister|spokes\w+|president|official|envoy|ambassador"
    r"|secretary|diplomat|commander|general|leader|chief|source|statement)$",
    re.IGNORECASE,
)


# A wire dateline ("PELARGIR, Gondor (Reuters) - ", "JAMMU — ", "UMBAR/PELARGIR, May 2 - ")
# names the filing place: never an actor, and not by itself where the news happened.
_DATELINE_RE = re.compile(
    r"^\s*[A-Z][A-Z .'’/-]{2,}(?:,[^—–()\n]{0,40}?)?(?:\s*\([^)]{1,40}\))?\s*(?:-{1,2}|—|–)\s"
)


def dateline_end(text: str) -> int:
    """Where a sentence's wire dateline ends (0 when it has none)."""
    m = _DATELINE_RE.match(text)
    return m.end() if m else 0


_DIRECTION = re.compile(
    r"^(?:(?:north|south|east|west)(?:ern)?|(?:north|south)-?(?:east|west)(?:ern)?|central"
    r"|rural|greater|the)\s+",
    re.IGNORECASE,
)


EXACT_MATCH_SCORE = 97.0  # exact, alternate and spelling-variant matches score >= this


def display_name(surface: str, gazetteer_name: str, score: float) -> str:
    """The place's name as the report writes it when the gazetteer matched it exactly or as
    an alternate ("Azaz", not GeoNames' transliteration "I‘zāz"); the gazetteer's own name
    after a fuzzy match, whose surface form may be misspelt."""
    if score >= EXACT_MATCH_SCORE and surface[:1].isupper() and not surface.isupper():
        return surface
    return gazetteer_name


@dataclass
class Person:
    name: str
    role: str | None = None


@dataclass
class PersonRegistry:
    """Named people in order of appearance, so "Kerry", "he" and "the minister" resolve."""

    by_surname: dict[str, Person] = field(default_factory=dict)
    last_speaker: Person | None = None

    def add(self, name: str, role: str | None = None) -> Person:
        parts = name.split()
        key = re.sub(r"^al-", "", parts[-1].lower())
        known = self.by_surname.get(key)
        if known and len(known.name.split()) >= len(parts):
            if role and not known.role:
                known.role = role
            return known
        person = Person(name, role or (known.role if known else None))
        self.by_surname[key] = person
        return person

    def lookup(self, text: str) -> Person | None:
        """A person from a name, surname, pronoun or description ("the minister")."""
        clean = text.strip()
        low = clean.lower()
        if low in NOT_PEOPLE:
            return None
        if low in PRONOUNS or DESCRIPTIONS.match(clean):
            if self.last_speaker is None:
                return None
            if DESCRIPTIONS.match(clean):
                noun = low.split()[-1]
                for person in reversed(list(self.by_surname.values())):
                    if person.role and noun[:6] in person.role.lower():
                        return person
            return self.last_speaker
        key = re.sub(r"^al-", "", clean.split()[-1].lower()) if clean else ""
        return self.by_surname.get(key)


@dataclass
class ArticleContext:
    """Per-article state; built by the reader, read by the extractors."""

    article: Article
    kb: KnowledgeBase | None
    sentences: list[Sentence]
    docs: dict[int, Doc]
    people: PersonRegistry = field(default_factory=PersonRegistry)
    country: str | None = None
    country_place: PlaceRef | None = None
    places: dict[str, PlaceRef] = field(default_factory=dict)
    actors: dict[tuple[str, dt.date | None], ActorRef] = field(default_factory=dict)
    quote_spans: list[tuple[int, int, str | None]] = field(default_factory=list)
    _article_place: tuple[PlaceRef | None] | None = None

    @property
    def published(self) -> dt.date | None:
        return self.article.published

    # -- places ---------------------------------------------------------------------------
    def place(self, text: str) -> PlaceRef:
        """Resolve a place name with the report's country as context (cached)."""
        key = text.strip()
        if key in self.places:
            return self.places[key]
        if not is_proper_name(key):
            # The entity ruler matches case-blind, so "northern", "first" or "bid" can come
            # back as places (admin1 aliases abroad); English writes place names capitalised.
            ref = PlaceRef(name=key, text=key, reason="lower-case words are not a place name")
        elif self.kb is None:
            ref = PlaceRef(name=key, text=key, reason="no knowledge base loaded")
        else:
            context: dict[str, str] = {}
            if self.country:
                context["country"] = self.country
            near = [p.name for p in self.places.values() if p.id][:5]
            if near:
                context["near"] = ",".join(near)
            match = self.kb.resolve_place(key, context=context or None)
            bare = _DIRECTION.sub("", key)
            if not isinstance(match, PlaceMatch) and bare != key and bare:
                # "northern Idlib", "rural Hama": the place is the name after the direction
                match = self.kb.resolve_place(bare, context=context or None)
            if isinstance(match, PlaceMatch):
                p = match.place
                ref = PlaceRef(
                    name=display_name(key, p.name, match.score),
                    admin1=p.admin1,
                    country=p.country,
                    lat=p.lat,
                    lon=p.lon,
                    precision=p.precision,
                    id=p.id,
                    text=key,
                    reason=match.reason,
                )
            else:
                ref = PlaceRef(name=key, text=key, reason=match.reason)
        self.places[key] = ref
        return ref

    def article_place(self) -> PlaceRef | None:
        """Where the article's story happens, as a coder falls back to it when the event's
        sentence names no place below the country: the first place in the lead (headline,
        dateline, first sentences) that resolves inside the report's country below country
        level; else the admin1 area the article's places fall in most often (ties: first
        named). None when the article names no such place."""
        if self._article_place is not None:
            return self._article_place[0]
        found: list[tuple[int, PlaceRef]] = []
        for position, sent in enumerate(self.sentences):
            doc = self.docs.get(sent.index)
            if doc is None:
                continue
            dateline = dateline_end(doc.text)
            for ent in doc.ents:
                if ent.label_ not in _PLACE_ENTS or not ent.text[:1].isupper():
                    continue
                if ent.start_char < dateline:
                    continue  # where the reporter files from
                if care_place(ent):
                    continue  # where the wounded were treated
                ref = self.place(ent.text)
                if ref.id is None or ref.precision in {"country", "unknown"}:
                    continue
                if self.country and ref.country != self.country:
                    continue
                if ref.admin1 is None:
                    continue
                found.append((position, ref))
        best: PlaceRef | None = None
        how = ""
        lead = [ref for position, ref in found if position < LEAD_SENTENCES]
        if lead:
            best, how = lead[0], "first place in the article's lead"
        elif found:
            counts = Counter(ref.admin1 for _, ref in found)
            top = max(counts.values())
            best = next(ref for _, ref in found if counts[ref.admin1] == top)
            how = f"article's most-named area ({top} mention(s) in {best.admin1})"
        if best is not None:
            best = best.model_copy(
                update={"reason": f"{how}; the event's sentence names no place: {best.reason}"}
            )
        self._article_place = (best,)
        return best

    def settle_country(self, mentions: list[str]) -> None:
        """Pick the report's dominant country: the one its named places fall in most often."""
        counts: Counter[str] = Counter()
        country_refs: dict[str, PlaceRef] = {}
        for text in mentions:
            ref = self.place(text)
            if ref.country:
                counts[ref.country] += 1
                if ref.precision == "country":
                    country_refs.setdefault(ref.country, ref)
        if counts:
            self.country = counts.most_common(1)[0][0]
            self.country_place = country_refs.get(self.country)
            # Re-resolve with the country known: ambiguous names ("Donetsk") need it.
            self.places = {k: v for k, v in self.places.items() if v.country == self.country}

    # -- actors ---------------------------------------------------------------------------
    def actor(self, text: str, on: dt.date | None, how: str) -> ActorRef:
        """Resolve an actor phrase; unresolved names keep their surface text and a reason."""
        key = (text, on)
        if key in self.actors:
            return self.actors[key]
        if self.kb is None:
            ref = ActorRef(name=text, text=text, reason=f"{how}; no knowledge base loaded")
        else:
            context = {"country": self.country} if self.country else None
            match = self.kb.resolve_actor(text, on=on, context=context)
            if isinstance(match, ActorMatch):
                a = match.actor
                ref = ActorRef(
                    name=name_on(a.name, a.names, on),
                    id=a.id,
                    country=a.country,
                    kind=a.kind,
                    text=text,
                    reason=f"{how}; {match.reason}",
                    acled_name=a.acled_name,
                )
            else:
                ref = ActorRef(name=text, text=text, reason=f"{how}; {match.reason}")
        self.actors[key] = ref
        return ref

    def civilians(self, text: str, on: dt.date | None) -> ActorRef:
        """The victims' actor: the KB's civilians entry if it has one, else a plain label."""
        if self.kb is not None:
            ref = self.actor("civilians", on, f"victims named as {text!r}")
            if ref.id:
                return ref.model_copy(update={"text": text})
        return ActorRef(
            name="Civilians",
            kind="civilians",
            country=self.country,
            text=text,
            reason=f"victims named as {text!r}",
        )

    def affiliation(self, role: str | None, on: dt.date | None) -> Affiliation | None:
        """The state or organisation a role names ("Turkish Foreign Minister" -> Turkey)."""
        if not role or self.kb is None:
            return None
        words = role.replace("-", " ").split()
        tries = [role, *[" ".join(words[:n]) for n in (2, 1)]]
        for attempt in tries:
            if not attempt:
                continue
            match = self.kb.resolve_actor(attempt, on=on)
            if isinstance(match, ActorMatch):
                a = match.actor
                return Affiliation(name=name_on(a.name, a.names, on), country=a.country)
        return None


# A place named only to locate another ("north of Aleppo", "15 km from the border town of
# Kilis") is a reference point, not where the event happened.
_BEARINGS = frozenset(
    {
        "north",
        "south",
        "east",
        "west",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "km",
        "kms",
        "kilometres",
        "kilometers",
        "miles",
        "metres",
        "meters",
    }
)
_PLACE_NOUNS = frozenset({"town", "city", "village", "district", "province", "region", "area"})
_RANK = {"point": 0, "city": 1, "admin1": 2}


def reference_point(ent: Span) -> bool:
    """Is the place named as a bearing or distance from somewhere else: "north of X",
    "X km from Y", "north-east of the town of Y"?"""
    doc = ent.doc
    i = ent.start
    while i >= 3 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in _PLACE_NOUNS:
        i -= 2  # "... of the town of Y": read past "the town of"
        if doc[i - 1].lower_ in {"the", "a"}:
            i -= 1
    if i >= 1 and doc[i - 1].lower_ in {"the", "a"}:
        i -= 1
    return i >= 2 and doc[i - 1].lower_ in {"of", "from"} and doc[i - 2].lower_ in _BEARINGS


def most_specific(chosen: PlaceRef, others: list[PlaceRef]) -> PlaceRef:
    """The finest place the sentence names inside the chosen one: "in Azaz in Aleppo
    province" happened in Azaz (a town inside the province), as a coder codes it."""
    rank = _RANK.get(chosen.precision)
    if rank is None or chosen.id is None:
        return chosen
    area = chosen.admin1 or chosen.name
    inside = [
        o
        for o in others
        if o.id is not None
        and o.id != chosen.id
        and _RANK.get(o.precision, rank) < rank
        and o.country == chosen.country
        and o.admin1 == area
    ]
    if not inside:
        return chosen
    best = min(inside, key=lambda o: _RANK[o.precision])
    return best.model_copy(
        update={"reason": f"most specific place inside {chosen.name}: {best.reason}"}
    )


# Words that name where casualties were cared for, not where they were hit.
_CARE_WORDS = frozenset({"treated", "treatment", "hospitalised", "hospitalized"})
_CARE_GOALS = frozenset({"treatment", "hospital", "hospitals"})  # "for treatment", "to hospital"


def care_place(ent: Span) -> bool:
    """Is the place named only as where the wounded were treated ("were treated in X",
    "taken across the border for treatment in the town of X", "taken to hospital in X")?
    A coder never codes the event there. Only the clause of the place's own verb counts:
    "shelling hit X and the wounded were treated" keeps X."""
    for t in list(ent.root.ancestors)[:5]:
        if t.lower_ in _CARE_WORDS:
            return True
        if t.tag_.startswith("VB"):
            return any(
                c.dep_ == "prep"
                and c.lower_ in {"for", "to"}
                and any(g.lower_ in _CARE_GOALS for g in c.children)
                for c in t.children
            )
    return False


def votes_for_country(ent: Span) -> bool:
    """Does a place mention count towards the report's dominant country? Not the wire
    dateline (where the reporter files from: "BEIRUT/ISTANBUL (Reuters) -") and not a
    capital or country named as a government that speaks or blames ("Ankara accused ...",
    "Moscow has denied"): a report from one country's bureaus about another country's war
    would otherwise be read against the wrong country, and its towns would not resolve."""
    if ent.start_char < dateline_end(ent.doc.text):
        return False
    return not place_as_actor(ent.root)


def is_proper_name(text: str) -> bool:
    """Does a mention read as a proper name (some word capitalised, or a digit-free acronym)?"""
    return any(word[:1].isupper() for word in text.split())


def name_on(default: str, names: tuple, on: dt.date | None) -> str:  # type: ignore[type-arg]
    """The name an actor went by on a date (Nusra -> JFS -> HTS), else its main name."""
    if on is None:
        return default
    for n in names:
        if (n.valid_from is None or n.valid_from <= on) and (
            n.valid_to is None or on <= n.valid_to
        ):
            return str(n.name)
    return default


_ROLE_TAGS = frozenset({"NNP", "NNPS", "JJ", "NN", "NNS", "HYPH"})


def role_before(doc: Doc, start: int) -> str | None:
    """The title run just before a name: "Turkish Foreign Minister" (Mevlut Cavusoglu)."""
    i = start
    while i > 0 and (doc[i - 1].tag_ in _ROLE_TAGS or doc[i - 1].lower_ in {"of", "-", "u.s."}):
        i -= 1
    while i < start and doc[i].lower_ in {"of", "-"}:
        i += 1
    run = doc[i:start]
    if not any(t.lower_ in ROLE_WORDS for t in run):
        return None
    return run.text.replace(" - ", "-").strip(" ,") or None


def person_in(span: Span | Doc, head: Token) -> tuple[str | None, str | None]:
    """(full name, role) of the person a subject phrase names, if it names one."""
    for ent in span.ents:
        if ent.label_ == "PERSON" and ent.start <= head.i < ent.end:
            return ent.text.strip(), role_before(head.doc, ent.start)
    for child in head.children:
        # "the defence minister, Halladan Veyr," / "the minister Halladan Veyr"
        if child.dep_ == "appos" and head.lower_ in ROLE_WORDS:
            for ent in span.ents:
                if ent.label_ == "PERSON" and ent.start <= child.i < ent.end:
                    role_tokens = [
                        t for t in head.doc[head.left_edge.i : head.i + 1] if t.dep_ != "det"
                    ]
                    role = " ".join(t.text for t in role_tokens) or None
                    return ent.text.strip(), role
    if head.tag_ != "NNP":
        return None, None
    doc = head.doc
    start = head.i
    while (
        start > 0
        and (doc[start - 1].tag_ == "NNP" or doc[start - 1].text in {"-", "al", "bin", "ibn", "de"})
        and doc[start - 1].lower_ not in ROLE_WORDS
    ):
        start -= 1
    name = doc[start : head.i + 1].text
    if doc[start].lower_ in ROLE_WORDS or len(name) < 3:
        return None, None
    left = head.left_edge.i
    role_tokens = [t for t in doc[left:start] if t.dep_ != "det"]
    role = " ".join(t.text for t in role_tokens).replace(" - ", "-").strip(" ,") or None
    # A bare proper noun could be a country ("Russia said"); only call it a person when
    # a role introduces it or it has a first name.
    if role is None and head.i - start < 1:
        return None, None
    for ent in span.ents:
        # an adjective opens many names ("White Council Monitoring Mission"): the whole
        # named organisation, not its last capitalised nouns with a "role" before them
        if ent.label_ in _WHOLE_NAME_ENTS and ent.start < start <= head.i < ent.end:
            return re.sub(r"^(?:the|The)\s+", "", ent.text.strip()), None
    return name, role


__all__ = [
    "CONTEXT_VERSION",
    "LEAD_SENTENCES",
    "ArticleContext",
    "Person",
    "PersonRegistry",
    "care_place",
    "dateline_end",
    "is_proper_name",
    "most_specific",
    "name_on",
    "person_in",
    "reference_point",
    "votes_for_country",
]
