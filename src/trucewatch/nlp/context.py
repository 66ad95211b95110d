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
from trucewatch.nlp.dates import caption_spans
from trucewatch.nlp.lexicon import SPEECH_VERBS
from trucewatch.nlp.syntax import backs_a_force, dateline_end, place_as_actor
from trucewatch.nlp.text import Sentence

# v4: datelines are not the lead place; v5: nor do they (or capitals speaking for their
# governments) vote for the report's country, and where the wounded were treated is no place
# v6: parts of people's names, speakers' seats abroad and mid-text wire datelines are no
# event places; "Syrias Hasakeh" (a possessive that lost its apostrophe) is Hasakeh; names
# the text frames as places ("the town of X") are places; "the Idlib town of X" is X;
# nationality words settle the country when no place does (FA-KES dev governorate 0.858 ->
# 0.886: rows 1-200 0.885 -> 0.915, rows 201-402 0.832 -> 0.856)
# v7: a photo caption run into a sentence places no event (`news_start`)
# v8: a place name the report's country knows only by a near spelling is looked for in the
# one country its sentence names as a place ("strikes on southern X")
# v9: a name its apposition calls a town ("X, a town in Y") is framed as a place
# v10: a mixed-case filing city after a "Last updated" page stamp is a dateline; a news
# agency is no place; "the west of X" is part of X, not a bearing from it
CONTEXT_VERSION = "trucewatch.nlp.context.v10"
# The lead a coder reads for an event's place when its own sentence names none: the
# headline/dateline sentence and the two after it (FA-KES dev, first 100).
LEAD_SENTENCES = 3
_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
_WHOLE_NAME_ENTS = frozenset({"ORG", "ACTOR"})  # names read whole by person_in

ROLE_WORDS = frozenset(
    {
        *("minister", "ministry", "secretary", "president", "spokesman", "spokeswoman"),
        *("spokesperson", "general", "commander", "ambassador", "envoy", "chief"),
        *("official", "officials", "leader", "prime", "foreign", "defense", "defence"),
        *("interior", "state", "deputy", "vice", "head", "director", "governor", "mayor"),
        *("senator", "representative", "adviser", "advisor", "colonel", "lieutenant"),
        *("major", "captain", "sergeant", "king", "prince", "emir", "sheikh", "cleric"),
        *("imam", "chairman", "chairwoman", "analyst", "researcher", "activist"),
        *("correspondent", "reporter", "editor", "mr", "mrs", "ms", "dr", "sen", "gen"),
        *("col", "lt", "brig", "adm", "maj", "capt", "sgt", "rep", "gov", "white"),
        *("house", "kremlin", "pentagon", "u.s.", "un", "u.n.", "special", "coordinator"),
        "negotiator",
    }
)
PRONOUNS = frozenset({"he", "she", "him", "her"})
NOT_PEOPLE = frozenset({"they", "it", "we", "them", "i", "you", "its", "their"})
DESCRIPTIONS = re.compile(
    r"^(?:the|a|an)\s+(?:\w+\s+){0,3}(?:minister|spokes\w+|president|official|envoy|ambassador"
    r"|secretary|diplomat|commander|general|leader|chief|source|statement)$",
    re.IGNORECASE,
)


def news_start(text: str) -> int:
    """Where a sentence's own news begins: after its wire dateline, and after a photo
    caption the flattened page ran into it (`caption_spans`): the caption's place is where
    the photo was taken, the dateline's where the reporter files from."""
    return max([dateline_end(text), *(end for _, end in caption_spans(text))])


# "Syrias" / "Syria's" / "Syria’s": a possessive, with or without its apostrophe
_POSSESSIVE = re.compile(r"(?<=[a-z])(?:['’]s|s)$")

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


# Prepositions that put a state's name as where something happened ("strikes on X").
_AT = frozenset({"in", "on", "across", "into", "inside", "throughout", "over"})


def _place_ref(match: PlaceMatch, name: str, key: str, reason: str) -> PlaceRef:
    """The record's place for a gazetteer match of `name`, as the text wrote it (`key`)."""
    p = match.place
    return PlaceRef(
        name=display_name(name, p.name, match.score),
        admin1=p.admin1,
        country=p.country,
        lat=p.lat,
        lon=p.lon,
        precision=p.precision,
        id=p.id,
        text=key,
        reason=reason,
    )


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
    scores: dict[str, float] = field(default_factory=dict)  # place text -> match score
    _person_words: frozenset[str] | None = None
    _seats: frozenset[str] | None = None
    # an accidental explosion was told: "the explosion" later refers back to it
    accident_told: bool = False
    # (place id, side) for each side told as leaving a place ("troops pulled out of X")
    withdrawals: list[tuple[str, ActorRef]] = field(default_factory=list)

    @property
    def published(self) -> dt.date | None:
        return self.article.published

    # -- places ---------------------------------------------------------------------------
    def place(self, text: str, country: str | None = None) -> PlaceRef:
        """Resolve a place name with the report's country as context (cached). A name the
        report's country knows only by a near spelling is looked for in the country its own
        sentence names (`country`): "strikes on southern X ... in the village of Y" finds
        Y in X before a look-alike in the report's country."""
        key = text.strip()
        if country is not None and country != self.country:
            ref = self.place(key)
            if ref.id is not None and self.scores.get(key, 0.0) >= EXACT_MATCH_SCORE:
                return ref  # the name as written, found: no other country to prefer
            own = self._place_in(key, country)
            return own if own.id is not None else ref
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
            name = key
            match = self.kb.resolve_place(name, context=context or None)
            owner, _, rest = name.partition(" ")
            if not isinstance(match, PlaceMatch) and rest and _POSSESSIVE.search(owner):
                # "Syrias Hasakeh city", "Turkeys Hatay province": a country's possessive
                # whose apostrophe was lost in scraping, then the place itself
                whose = self.kb.resolve_place(_POSSESSIVE.sub("", owner), context=None)
                if isinstance(whose, PlaceMatch) and whose.place.precision == "country":
                    name = rest
                    match = self.kb.resolve_place(name, context=context or None)
            bare = _DIRECTION.sub("", name)
            if not isinstance(match, PlaceMatch) and bare != name and bare:
                # "northern Idlib", "rural Hama": the place is the name after the direction
                match = self.kb.resolve_place(bare, context=context or None)
            if isinstance(match, PlaceMatch):
                ref = _place_ref(match, name, key, match.reason)
                self.scores[key] = match.score
            else:
                ref = PlaceRef(name=key, text=key, reason=match.reason)
        self.places[key] = ref
        return ref

    def _place_in(self, key: str, country: str) -> PlaceRef:
        """A place name looked up in the country its sentence names (not cached with the
        report's places: the same name may be told of elsewhere in another sentence)."""
        if self.kb is None or not is_proper_name(key):
            return self.place(key)
        match = self.kb.resolve_place(key, context={"country": country})
        bare = _DIRECTION.sub("", key)
        if not isinstance(match, PlaceMatch) and bare != key and bare:
            match = self.kb.resolve_place(bare, context={"country": country})
        if not isinstance(match, PlaceMatch) or match.place.country != country:
            return PlaceRef(
                name=key, text=key, reason=f"not found in {country}, the country its sentence names"
            )
        return _place_ref(match, key, key, f"{match.reason}; the country its sentence names")

    def sentence_country(self, doc: Doc, dateline: int) -> str | None:
        """The one country a sentence names as a place ("strikes on southern X", "in X"),
        not as an actor or a speaker's seat; None when it names none or several. A state's
        name the entity ruler tagged as an actor counts only after a place preposition."""
        found = set()
        for e in doc.ents:
            if e.start_char < dateline or place_as_actor(e.root):
                continue
            if e.label_ not in _PLACE_ENTS and not (
                e.label_ == "ACTOR" and e.root.dep_ == "pobj" and e.root.head.lower_ in _AT
            ):
                continue
            ref = self.place(e.text)
            if ref.id is not None and ref.precision == "country" and ref.country:
                found.add(ref.country)
        return found.pop() if len(found) == 1 else None

    def told_places(self, named: list[Span], dateline: int) -> list[Span]:
        """The place mentions of an event's sentence that may be where it happened: not
        in the dateline (where the reporter files from), not a place speaking for its
        government or seating a speaker (`speaks_from`), not part of a person's name;
        a place that only qualifies a place noun ("the Idlib town of X") after the rest."""
        ents = [
            e
            for e in named
            if e.start_char >= dateline and not self.speaks_from(e) and not self.not_a_place(e)
        ]
        return sorted(ents, key=area_modifier)

    def speaks_from(self, ent: Span) -> bool:
        """`speaks_from`, or a bare re-mention of a foreign place the article names as a
        seat of speakers or a dateline elsewhere: "Moscow" of a headline whose story runs
        "the defence ministry in Moscow said" (after the country is settled)."""
        if speaks_from(ent):
            return True
        if self._seats is None:
            seats = set()
            for doc in self.docs.values():
                for e in doc.ents:
                    if e.label_ in _PLACE_ENTS and speaks_from(e):
                        ref = self.place(e.text)
                        if ref.country and self.country and ref.country != self.country:
                            seats.add(e.text.casefold())
            self._seats = frozenset(seats)
        return ent.text.casefold() in self._seats

    def relabel_framed_places(self) -> int:
        """Label GPE the mentions the NER took for people or organisations ("the town of
        Qardaha" PERSON, "in Marea" ORG, "Tel Hamis" PERSON) where the text frames them as
        places (`place_frame`) and they resolve in the report's country by name or spelling
        (never a fuzzy guess). Call after `settle_country`; returns how many changed."""
        if self.kb is None or not self.country:
            return 0
        namesakes = self._namesakes()
        changed = 0
        for doc in self.docs.values():
            ents = list(doc.ents)
            found = False
            for k, ent in enumerate(ents):
                if ent.label_ not in _MISTAKEN_LABELS or not ent.text[:1].isupper():
                    continue
                if not place_frame(ent) or name_tail(ent) or ent.text in namesakes:
                    continue
                ref = self.place(ent.text)
                score = self.scores.get(ent.text.strip(), 0.0)
                if ref.country == self.country and ref.id and score >= EXACT_MATCH_SCORE:
                    ents[k] = Span(doc, ent.start, ent.end, label="GPE")
                    found = True
                    changed += 1
            if found:
                doc.ents = ents
        return changed

    def _namesakes(self) -> set[str]:
        """Names the article places inside an area ("Hader in Quneitra province") that the
        gazetteer resolves outside it: its match is a namesake, not the place meant."""
        out: set[str] = set()
        for doc in self.docs.values():
            for ent in doc.ents:
                inside = container_after(ent)
                if inside is None:
                    continue
                ref, area = self.place(ent.text), self.place(inside.text)
                if ref.id and area.id and ref.admin1 and area.admin1 != ref.admin1:
                    out.add(ent.text)
        return out

    def person_words(self) -> frozenset[str]:
        """Surnames of the article's people ("Suri" of "Abu Firas al-Suri"), so a later
        bare mention ("Suri was meeting ...") reads as the person, not a town abroad."""
        if self._person_words is None:
            words: set[str] = set()
            for doc in self.docs.values():
                for ent in doc.ents:
                    # the NER tags many multi-word place names PERSON ("Khan Sheikhoun"):
                    # only a kunya ("Abu Firas al-Suri") says a person for sure
                    kunya = ent.label_ == "PERSON" and len(ent) > 2 and ent[0].lower_ in _KUNYA
                    if kunya and ent[-1].is_alpha:
                        words.add(ent[-1].lower_)
                    elif ent.label_ in _PLACE_ENTS and name_tail(ent):
                        words.add(ent.text.lower())
            self._person_words = frozenset(words)
        return self._person_words

    def not_a_place(self, ent: Span) -> bool:
        """Is this place-labelled mention part of a person's name (see `name_tail`), a
        one-word re-mention of a surname the article gave a person, or a news agency
        ("told SANA", "Anadolu reported")?"""
        return (
            name_tail(ent)
            or news_agency(ent.text)
            or (len(ent) == 1 and ent.text.lower() in self.person_words())
        )

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
            dateline = news_start(doc.text)
            own = self.sentence_country(doc, dateline)
            for ent in doc.ents:
                if ent.label_ not in _PLACE_ENTS or not ent.text[:1].isupper():
                    continue
                if ent.start_char < dateline:
                    continue  # where the reporter files from, or a photo was taken
                if care_place(ent):
                    continue  # where the wounded were treated
                if self.not_a_place(ent):
                    continue  # "Abu al-Hassan", a person
                if backs_a_force(ent[-1]):
                    continue  # "the Damascus-backed militia": a government, not the scene
                ref = self.place(ent.text, own)
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
            inside = [r for r in lead if r.id != best.id and names_its_area(best, r)]
            if inside:
                # "in Idlib": the city or its province? A town inside that the lead names
                # ("the Idlib town of Maarat al-Numan") is where the story is.
                best, how = inside[0], f"the lead's place inside {best.name}"
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
        """Pick the report's dominant country: the one its named places fall in most often,
        else the one its nationality words name most often."""
        counts: Counter[str] = Counter()
        country_refs: dict[str, PlaceRef] = {}
        for text in mentions:
            ref = self.place(text)
            if ref.country:
                counts[ref.country] += 1
                if ref.precision == "country":
                    country_refs.setdefault(ref.country, ref)
        if not counts and self.kb is not None:
            # No place names a country: the nationality words do ("Syrian activists say a
            # missile hit a rebel-held town"), so "the town of Marea" can resolve at home.
            for doc in self.docs.values():
                for ent in doc.ents:
                    if ent.label_ == "NORP":
                        match = self.kb.resolve_actor(ent.text)
                        state = match.actor if isinstance(match, ActorMatch) else None
                        if state is not None and state.kind == "state" and state.country:
                            counts[state.country] += 1
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
    if not (i >= 2 and doc[i - 1].lower_ in {"of", "from"} and doc[i - 2].lower_ in _BEARINGS):
        return False
    return not _part_of(doc, i - 2)


def _part_of(doc: Doc, bearing: int) -> bool:
    """A bearing with its article names a part of the place, not a point outside it: "in
    the west of X", "the rebel-held east of X", against "west of X", "5 km west of X"."""
    j = bearing - 1
    while j >= 0 and bearing - j <= 4:
        t = doc[j]
        if t.lower_ == "the":
            return True
        modifier = t.pos_ == "ADJ" or t.tag_ == "VBN" or t.text == "-"
        if not (modifier or (j + 1 < len(doc) and doc[j + 1].text == "-")):
            return False
        j -= 1
    return False


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


# Labels the NER gives place names it does not know ("Tel Abyad" PERSON, "Marea" ORG).
_MISTAKEN_LABELS = frozenset({"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "EVENT", "NORP"})
# Words that frame a name as a place: "the town of X", "X province", "the X countryside".
_FRAME_NOUNS = frozenset(
    {
        "town",
        "towns",
        "city",
        "village",
        "villages",
        "district",
        "neighbourhood",
        "neighborhood",
        "province",
        "governorate",
        "countryside",
        "suburb",
        "outskirts",
        "area",
        "region",
        "camp",
        "settlement",
        "settlements",
    }
)
# "in X", "near X": locative prepositions whose object is a place or an institution; an
# institution (the UN, an agency) does not resolve as a place at home, so it stays.
_FRAME_PREPS = frozenset({"in", "near", "outside", "around", "into", "over"})


def names_its_area(city: PlaceRef, other: PlaceRef) -> bool:
    """Is `city` named like its own admin1 area ("Idlib", Idlib Governorate), so a mention
    may mean the area, and does `other` lie in that area below it?"""
    if city.precision != "city" or not city.admin1 or other.admin1 != city.admin1:
        return False
    return other.precision == "city" and city.name.split()[0].lower() in city.admin1.lower()


def area_modifier(ent: Span) -> bool:
    """Does the place only qualify a place noun ("the Idlib town of X", "the Aleppo province
    village of X")? The event is at X, the place the noun introduces."""
    root = ent.root
    return root.dep_ in {"compound", "amod", "nmod"} and root.head.lower_ in _FRAME_NOUNS


def place_frame(ent: Span) -> bool:
    """Does the text use the mention as a place: "the town of X", "X province", "in X",
    "X, a town in Y"?"""
    doc = ent.doc
    i = ent.start
    while i >= 1 and _DIRECTION.match(doc[i - 1].text + " "):
        i -= 1  # "in northern X"
    before = doc[i - 1].lower_ if i >= 1 else ""
    if before == "of" and ent.start >= 2 and doc[ent.start - 2].lower_ in _FRAME_NOUNS:
        return True
    if ent.end < len(doc) and doc[ent.end].lower_ in _FRAME_NOUNS:
        return True
    if any(c.dep_ == "appos" and c.lower_ in _FRAME_NOUNS for c in ent.root.children):
        return True  # "hit Khan Sheikhoun, a town in Idlib province"
    return container_after(ent) is not None or before in _FRAME_PREPS


def container_after(ent: Span) -> Span | None:
    """The place a name is put inside: "Maarat al-Numan in Idlib province" -> the province."""
    doc = ent.doc
    i = ent.end
    if i + 1 >= len(doc) or doc[i].lower_ != "in":
        return None
    i += 2 if doc[i + 1].lower_ == "the" else 1
    for e in doc.ents:
        if e.start == i and e.label_ in _PLACE_ENTS:
            return e
    return None


_SEAT_PREPS = frozenset({"in", "from", "at"})
_KUNYA = frozenset({"abu", "umm"})  # "Abu Firas al-Suri": father/mother of; a person
_ARTICLES = frozenset({"al", "el", "bin", "ibn"})
_NAME_LINKS = frozenset({"-", *_ARTICLES, *_KUNYA})


def name_tail(ent: Span) -> bool:
    """Does the place-labelled mention end a person's name the NER split off: "Abu al-"
    (PERSON) + "Hassan" (a city in India), "Abu Firas al-" + "Suri"? The token before it
    belongs to a PERSON and links to it ("al-", "bin", "Abu")."""
    if ent.start == 0:
        return False
    before = ent.doc[ent.start - 1]
    if before.ent_type_ != "PERSON" or (before.lower_ not in _NAME_LINKS and before.whitespace_):
        return False
    person = next((e for e in ent.doc.ents if e.start <= before.i < e.end), None)
    # a name word or a kunya before the link ("Abu al-", "Firas al-"); a bare "Al-" that the
    # NER tagged PERSON is the article of a town's name ("the towns of Dabiq and Al-Bab")
    return person is not None and any(
        t.is_alpha and t.lower_ not in _ARTICLES for t in person if t.i < before.i or t is before
    )


def votes_for_country(ent: Span) -> bool:
    """Does a place mention count towards the report's dominant country? Not the wire
    dateline (where the reporter files from: "BEIRUT/ISTANBUL (Reuters) -") and not a
    capital or country named as a government that speaks or blames ("Ankara accused ...",
    "Moscow has denied"): a report from one country's bureaus about another country's war
    would otherwise be read against the wrong country, and its towns would not resolve."""
    if ent.start_char < dateline_end(ent.doc.text):
        return False
    return not speaks_from(ent)


# Wire services whose credit follows the filing place: "Moscow AFP", "BEIRUT (Reuters)".
_WIRES = frozenset(
    {"afp", "reuters", "ap", "dpa", "xinhua", "tass", "sputnik", "ria", "anadolu", "upi", "ians"}
)


# News agencies the NER takes for places ("told SANA", "Anadolu reported"); "SANA" only in
# capitals ("Sana" is also a spelling of Yemen's capital).
_AGENCIES = _WIRES | frozenset({"irna", "nna", "efe", "ansa", "interfax", "kyodo", "yonhap"})
_AGENCY_SUFFIX = re.compile(r"\s+(?:news\s+)?agency$", re.IGNORECASE)


def news_agency(text: str) -> bool:
    """Is the name a news agency's (never a place, whatever the gazetteer holds)?"""
    name = _AGENCY_SUFFIX.sub("", text.strip())
    return name.casefold() in _AGENCIES or name == "SANA"


def wire_dateline(ent: Span) -> bool:
    """Is the place a bureau's dateline, followed by a wire's credit ("... in Syria Moscow
    AFP Saturday", "Aleppo (Reuters) -")? A scraped page keeps it mid-sentence, in mixed
    case, where `dateline_end` does not see it."""
    doc = ent.doc
    if ent.root.dep_ == "pobj":
        return False  # "... in the city of Daraa Sputnik": a headline, then its credit
    i = ent.end
    while i < len(doc) and doc[i].text in {"(", "-", "—", "–", ","}:
        i += 1
    return i < len(doc) and doc[i].lower_ in _WIRES


def speaks_from(ent: Span) -> bool:
    """Does the place stand for a government ("Moscow denied", see `place_as_actor`), seat
    a speaker ("the defence ministry in Moscow said", "officials in Ankara told") or date a
    wire's report (`wire_dateline`)? Either way the news did not happen there (FA-KES dev:
    Russian strikes in Syria placed in Moscow, twice)."""
    if place_as_actor(ent.root) or wire_dateline(ent):
        return True
    prep = ent.root.head
    if ent.root.dep_ != "pobj" or prep.lower_ not in _SEAT_PREPS:
        return False
    speaker = prep.head
    return speaker.dep_ in {"nsubj", "nsubjpass"} and speaker.head.lower_ in SPEECH_VERBS


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
    "area_modifier",
    "care_place",
    "container_after",
    "dateline_end",
    "is_proper_name",
    "most_specific",
    "name_on",
    "name_tail",
    "news_agency",
    "news_start",
    "person_in",
    "place_frame",
    "reference_point",
    "speaks_from",
    "votes_for_country",
    "wire_dateline",
]
