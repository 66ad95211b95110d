"""Extraction accuracy with pinned floors: lowering one is a visible change.

Floors are the values measured when they were set (2026-11-27, rule set
trucewatch.nlp.*.v1, shipped KB + the gold suite's fictional overlay), rounded down a little.
The dev sets live in ../shared/eval (read at run time, never copied); those tests skip when
it is absent.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from trucewatch.evaluate import Tally, run_file, run_gold_file

pytestmark = [pytest.mark.model, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]
SHARED_EVAL = REPO.parent / "shared" / "eval"
GOLD_SUITE = REPO / "tests" / "fixtures" / "gold"


def _pipeline(overlay: str | None) -> Any:
    from trucewatch.config import load_settings
    from trucewatch.pipeline import Pipeline

    return Pipeline(load_settings(kb_overlay_dir=overlay))


@pytest.fixture(scope="session")
def record_fn() -> Any:
    """An interchange-record function over the full pipeline, one per KB overlay."""
    from trucewatch.errors import InputError, ModelMissingError
    from trucewatch.model import Article, Document, article_id
    from trucewatch.model.record import report_record

    pipes: dict[str | None, Any] = {}

    def make(overlay: str | None) -> Any:
        if overlay not in pipes:
            pipes[overlay] = _pipeline(overlay)
            try:
                pipes[overlay].reader()
            except ModelMissingError as error:
                pytest.skip(str(error))
        pipe = pipes[overlay]

        def record(text: str, published: dt.date | None, source: str | None) -> dict[str, Any]:
            doc = Document(source_id="gold", content=text, published=published, source=source)
            try:
                return pipe.record(doc)
            except InputError:  # a clean snippet shorter than an article: read it as is
                art = Article(
                    id=article_id(text),
                    source_id="gold",
                    text=text,
                    published=published,
                    source=source,
                )
                return report_record(art, pipe.read(art))

        return record

    return make


def _shared(name: str) -> Path:
    path = SHARED_EVAL / name
    if not path.exists():
        pytest.skip(f"{path} not found (../shared is absent)")
    return path


def _check(tally: Tally, floors: dict[str, float]) -> None:
    acc = tally.accuracy()
    low = {k: round(acc.get(k, 0.0), 3) for k, v in floors.items() if acc.get(k, 0.0) < v}
    assert not low, f"below floor: {low} (floors {floors}); worst: {tally.failures[:3]}"


def test_seed_report_passes_every_check(record_fn: Any) -> None:
    tally = run_gold_file(_shared("seed.gold.json"), record_fn(None))
    assert tally.checks_failed == 0, json.dumps(tally.failures, default=str)[:2000]


def test_gold_suite_floors(record_fn: Any) -> None:
    files = sorted(GOLD_SUITE.glob("*.gold.json"))
    if not files:
        pytest.skip("gold suite not present")
    # The floors below keep their meaning: they are over the 50 cases they were set on. The
    # 10 `heldout-*` cases (written 2026-11-27 as a held-out set) are scored with the rest in
    # `all_cases` below (the 60), with their own floors; the 8 `heldout2-*` cases (a second
    # held-out set, written the same day) join them in `all_68`, with floors of their own.
    total = Tally()
    all_cases = Tally()
    all_68 = Tally()
    for path in files:
        overlay = json.loads(path.read_text()).get("kb_overlay")
        tally = run_gold_file(path, record_fn(str(path.parent / overlay) if overlay else None))
        all_68.merge(tally)
        if path.name.startswith("heldout2-"):
            continue
        all_cases.merge(tally)
        if not path.name.startswith("heldout-"):
            total.merge(tally)
    # measured 2026-11-27 (rule sets events.v7, numbers.v5, ...): event.found 0.589 (43/73),
    # actor1 0.804, actor2 0.548, location 0.875, date 1.0, fatalities 0.956, sub-type
    # 0.944, false positives within bound 0.76, never 0.94, quote.found 1.0, quote.text 1.0,
    # designation.found 0.6, cases fully passing 20/50, document.* 1.0
    # raised for issue #4 (rule sets events.v8, sides.v2, reader.v3, triggers.v6): event.found
    # 0.712 (52/73), actor1 0.843 (43/51), actor2 0.839 (26/31), false positives within
    # bound 0.80 (40/50), cases fully passing 27/50
    # raised 2026-11-27 (places.v3, context.v6: acronyms, compass words, people's names,
    # speakers' capitals and wire datelines are no event places): location 0.922 (59/64)
    # raised for gold round 8 (events.v9, reader.v4, nonevents.v1, implied.v1, names.v3,
    # merge.v5, numbers.v8, triggers.v7): event.found 0.849 (62/73), actor1 0.922 (47/51), actor2
    # 0.871 (27/31), location 0.922 (59/64), claimed_by 0.9 (9/10), sub-type 0.972,
    # fatalities 0.978, false positives within bound 0.92 (46/50), never 0.98 (49/50),
    # cases fully passing 35/50
    # raised for CASE/gold round 9 (events.v10, places.v4, numbers.v10, nonevents.v2, scorer
    # counts the record's ACLED actor name): event.found 0.904 (66/73), actor1 0.941 (48/51),
    # location 0.984 (63/64), false positives within bound 0.94 (47/50), never 1.0 (50/50),
    # undated.event_year 1.0 (95/95), cases fully passing 42/50
    # raised for gold round 10 (events.v11, parties "after" clauses and handovers, merge.v7,
    # reader.v7, context.v7, designations.v3, triggers.v12, actors.v3): event.found 0.986
    # (72/73), actor1 1.0 (51/51), actor2 1.0 (31/31), claimed_by 1.0, location 1.0 (64/64),
    # date 1.0, fatalities 1.0 (45/45), sub-type 0.986 (71/72), false positives within bound
    # 1.0 (50/50), quote.found/text 1.0 (31/31), designation.found 1.0 (5/5), cases fully
    # passing 49/50 (left: Hezbollah's fire at a position, a weapon the text does not name)
    _check(
        total,
        {
            "event.found": 0.986,
            "event.actor1": 1.0,
            "event.actor2": 1.0,
            "event.claimed_by": 1.0,
            "event.location": 1.0,
            "event.date": 1.0,
            "event.fatalities": 1.0,
            "event.sub_event_type": 0.986,
            "event.false_positives_within_bound": 1.0,
            "event.never": 1.0,
            "quote.found": 1.0,
            "quote.text": 1.0,
            "designation.found": 1.0,
            "case.passed": 0.98,
            "undated.event_year": 1.0,
            "undated.document_published": 1.0,
            "document.must_contain": 1.0,
            "document.must_not_contain": 1.0,
            "document.credits": 1.0,
        },
    )
    # all 60 cases, measured 2026-11-27 after round 11 (held-out fixes: designations.v4,
    # reader.v9, numbers.v13, dates.v6, nonevents.v4, events.v15, context.v9, syntax.v6):
    # event.found 0.882 (82/93), actor1 0.943 (66/70), actor2 1.0 (40/40), location 0.964
    # (80/83), date 0.989 (87/88), fatalities 0.967 (59/61), sub-type 0.967 (88/91), false
    # positives within bound 0.9 (54/60), never 0.968 (60/62), quote.found 0.930 (40/43),
    # quote.text 0.976 (40/41), designation.found 1.0 (10/10), cases fully passing 50/60
    # quotes round 11 (quotes.v3: organisation speakers, attribution after reported speech,
    # pronoun after it): quote.found 1.0 (43/43), quote.text 1.0 (43/43), cases 51/60
    _check(
        all_cases,
        {
            "event.found": 0.881,
            "event.actor1": 0.942,
            "event.actor2": 1.0,
            "event.claimed_by": 1.0,
            "event.location": 0.963,
            "event.date": 0.988,
            "event.fatalities": 0.967,
            "event.sub_event_type": 0.967,
            "event.false_positives_within_bound": 0.9,
            "event.never": 0.967,
            "quote.found": 1.0,
            "quote.text": 1.0,
            "designation.found": 1.0,
            "case.passed": 0.85,
            "undated.event_year": 1.0,
            "undated.document_published": 1.0,
            "document.must_contain": 1.0,
            "document.must_not_contain": 1.0,
            "document.credits": 1.0,
        },
    )
    # all 68 cases (the 60 and the second held-out set `heldout2-*`), measured 2026-11-27
    # after round 12 (numbers.v14, dates.v7, reader.v10, events.v16, sides.v5, places.v5):
    # event.found 0.838 (88/105), actor1 0.927 (76/82), actor2 0.935 (43/46), location 0.958
    # (91/95), date 0.99 (99/100), fatalities 0.957 (67/70), sub-type 0.961 (98/102), false
    # positives within bound 0.824 (56/68), never 0.961 (74/77), quote.found 0.891 (49/55),
    # quote.text 0.942 (49/52), designation.found 1.0 (13/13), undated.event_year 0.994
    # (154/155), cases fully passing 52/68
    # raised for KB round 12 (gazetteer adds NG CD AF MZ CM CF, their states and armed groups;
    # reader.v12): all 68 cases event.found 0.848 (89/105), false positives within bound 0.838
    # (57/68), cases fully passing 54/68
    _check(
        all_68,
        {
            "event.found": 0.847,
            "event.actor1": 0.926,
            "event.actor2": 0.934,
            "event.claimed_by": 1.0,
            "event.location": 0.957,
            "event.date": 0.99,
            "event.fatalities": 0.957,
            "event.sub_event_type": 0.960,
            "event.false_positives_within_bound": 0.838,
            "event.never": 0.961,
            "quote.found": 0.890,
            "quote.text": 0.942,
            "designation.found": 1.0,
            "case.passed": 0.794,
            "undated.event_year": 0.993,
            "undated.document_published": 1.0,
            "document.must_contain": 1.0,
            "document.must_not_contain": 1.0,
            "document.credits": 1.0,
        },
    )


def test_case2021_subtype_floor(record_fn: Any) -> None:
    tally = run_file(_shared("dev/case2021-subtypes-dev.tsv"), record_fn(None))
    # measured 2026-11-27: sub_event_type 0.844 (358/424; target 0.85), no conflict event on
    # non-ACLED snippets 0.882 (75/85)
    # issue #4 (triggers.v6, matching.v4, events.v8): sub_event_type 0.880 (373/424; first
    # half 194/212, second half 179/212), no conflict event 0.906 (77/85)
    # gold round 8 (triggers.v7, events.v9): sub_event_type 0.882 (374/424), no conflict 0.906
    # round 9 (triggers.v11, events.v10): sub_event_type 0.894 (379/424; first half 194/212,
    # second half 185/212), no conflict 0.929 (79/85; first half 39/42, second half 40/43)
    _check(
        tally, {"case2021.sub_event_type": 0.893, "case2021.no_conflict_event_on_non_acled": 0.929}
    )


def test_fakes_main_event_floor(record_fn: Any) -> None:
    tally = run_file(_shared("dev/fakes-dev.csv"), record_fn(None), limit=100)
    # measured 2026-11-27 on the first 100 articles: event_found 1.0, actor 0.64, date 0.85,
    # governorate 0.86, civilian_deaths 0.60, all four fields 0.28 (target 0.80: far off;
    # all 402: actor 0.565, date 0.662, governorate 0.858, civilian 0.659, all four 0.239)
    # raised 2026-11-27 (round 7: sides.v2, merge.v3, numbers.v7, "terrorists" unidentified):
    # first 100 actor 0.70, civilian_deaths 0.65, all four 0.34 (date 0.86, governorate 0.86
    # unchanged); all 402: actor 0.672, civilian 0.709, all four 0.299; rows 1-200 / 201-402
    # actor 0.670 / 0.673, civilian 0.715 / 0.703, all four 0.250 / 0.347
    # raised 2026-11-27 (round 8: truecase.v1, triggers.v7, numbers.v8, merge.v5,
    # groupnames.v2, syntax.v4): first 100 actor 0.73, civilian_deaths 0.68, all four 0.38;
    # all 402: actor 0.716, civilian 0.731, all four 0.331; rows 1-200 / 201-402 actor
    # 0.710 / 0.723, civilian 0.755 / 0.708, all four 0.280 / 0.381
    # raised 2026-11-27 (places.v3, context.v6: where events happen): first 100 governorate
    # 0.90 (was 0.87); all 402: governorate 0.883 (was 0.858); rows 1-200 / 201-402 0.910 /
    # 0.856 (were 0.885 / 0.832)
    # raised 2026-11-27 (dates.v4, events.v11, gazetteer rows): first 100 date 0.87 (was
    # 0.86), all four 0.41 (was 0.40); all 402: date 0.677 (was 0.674), governorate 0.891
    # (was 0.883), all four 0.346 (was 0.338)
    # raised (round 9: numbers.v10, merge.v7, matching.v6: who the dead were): first 100
    # civilian_deaths 0.75 (was 0.68), all four 0.45 (was 0.40); all 402: civilian 0.771 (was
    # 0.731), all four 0.363 (was 0.338), actor 0.716 and governorate 0.881 (one roundup
    # headline each); rows 1-200 / 201-402 civilian 0.805 / 0.738 (were 0.755 / 0.708)
    # raised (round 9: events.v12/parties, reader.v7, triggers.v12, actors.v3: who did it):
    # first 100 actor 0.79 (was 0.74), all four 0.44 (was 0.40); all 402: actor 0.754 (was
    # 0.719); rows 1-200 / 201-402 actor 0.775 / 0.733 (were 0.715 / 0.723)
    # raised (dates.v5, context.v7, events.v13, merge.v8: photo captions neither date nor
    # place the lead): first 100 governorate 0.91 (was 0.90); all 402 governorate 0.891 (was
    # 0.888), date 0.679 (was 0.677), actor 0.714 (was 0.716: one bombing had taken a later
    # air strike's author)
    # raised (round 10: numbers.v12, merge.v10, sides.v4: the lead's toll told later, fighters
    # counted out across sentences): first 100 civilian_deaths 0.84 (was 0.75), all four 0.52
    # (was 0.46), actor 0.75 (was 0.74); all 402: civilian 0.813 (was 0.771), all four 0.391
    # (was 0.371); rows 1-200 / 201-402 civilian 0.870 / 0.757 (were 0.805 / 0.738)
    # raised (round 10, who acted: merge.v12, sides.v5, events.v15, triggers.v14): first 100
    # actor 0.84 (was 0.80), all four 0.59 (was 0.56); all 402: actor 0.801 (was 0.756), all
    # four 0.433 (was 0.415); rows 1-200 / 201-402 actor 0.855 / 0.757 (were 0.780 / 0.743)
    # raised (where it happened, round 3: reader.v9, context.v9, names.v4, events.v17,
    # places.v5, syntax.v8: the lead read for its place, stamped datelines, agencies, place
    # names run together): first 100 governorate 0.92 (was 0.91), all four 0.57 (was 0.56),
    # actor 0.79 (was 0.80: one lead whose own event is untold lost a rebel author it had
    # taken from a wrongly placed later event); all 402: governorate 0.903 (was 0.891), all
    # four 0.423 (was 0.415); rows 1-200 / 201-402 governorate 188 / 175 (were 185 / 173)
    _check(
        tally,
        {
            "fakes.event_found": 0.97,
            # lowered 0.84 -> 0.83 on merging 'gov3' (2026-11-27): one lead (row 46) whose
            # own event is untold had taken a rebel author from a later event placed in the
            # wrong city; with that place right the lead reads unknown (was right by luck)
            "fakes.actor": 0.83,
            "fakes.date": 0.87,
            "fakes.governorate": 0.92,
            "fakes.civilian_deaths": 0.84,
            "fakes.all_fields": 0.59,
        },
    )
