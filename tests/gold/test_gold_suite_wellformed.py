"""The gold suite is consistent with itself: every gold file parses, points at an existing report,
uses real ACLED pairs, ISO dates and known certainty values, and every verbatim phrase it checks
for (clean-text phrases, boilerplate, credits, quote texts, designation subjects) occurs in the
report. The overlay YAML for the fictional cases parses and its references resolve.

Fast and model-free: this tests the fixtures, not the extractor (the scoring test does that).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from trucewatch.model.event import ACLED_TYPES
from trucewatch.model.kb import Actor, DesignationEntry, Place

GOLD_DIR = Path(__file__).resolve().parents[1] / "fixtures" / "gold"
GOLD_FILES = sorted(GOLD_DIR.glob("*.gold.json"))
OVERLAY = GOLD_DIR / "kb-overlay" / "fictional.yaml"

CERTAINTIES = {"asserted", "reported", "alleged", "denied", "hypothetical"}
DATE_PRECISIONS = {"day", "week", "month", "year", "unknown"}
EVENT_FIELDS = {
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country",
    "location",
    "date",
    "date_precision",
    "fatalities",
    "civilian_fatalities",
    "injured",
    "certainty",
    "claimed_by",
}
NEVER_FIELDS = EVENT_FIELDS | {"why", "certainty_not"}
COUNT_FIELDS = ("fatalities", "civilian_fatalities", "injured")
QUOTE_FIELDS = {"speaker", "text", "direct", "channel"}
DESIGNATION_FIELDS = {"by", "label", "subject_contains", "why"}
TOP_KEYS = {"case", "input", "published", "source", "document", "events", "quotes", "designations"}
# Names that are not actors in a knowledge base but categories every coder uses.
GENERIC_ACTORS = {"Civilians", "Protesters", "Rioters", "Unidentified Armed Group"}
ISO2 = re.compile(r"^[A-Z]{2}$")


def _any_of(value: Any) -> list[Any]:
    """Gold lists mean 'any of these is acceptable'."""
    return value if isinstance(value, list) else [value]


def _load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def _report_text(path: Path, gold: dict[str, Any]) -> str:
    return (path.parent / gold["input"]).read_text(encoding="utf-8")


def _event_specs(gold: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    ev = gold["events"]
    return (
        [("required", e) for e in ev["required"]]
        + [("optional", e) for e in ev.get("optional", [])]
        + [("never", e) for e in ev.get("never", [])]
    )


def _is_iso_date(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return True


@pytest.fixture(scope="module")
def overlay() -> dict[str, Any]:
    return yaml.safe_load(OVERLAY.read_text(encoding="utf-8"))


def _kind(case: str) -> str:
    """A held-out case (`heldout-fic-*`, `heldout-real-*`, and the second held-out set's
    `heldout2-fic-*`, `heldout2-real-*`) is checked like its kind."""
    return case.removeprefix("heldout-").removeprefix("heldout2-")


def test_gold_suite_has_enough_cases() -> None:
    names = [_kind(p.name) for p in GOLD_FILES]
    fic = [n for n in names if n.startswith("fic-")]
    real = [n for n in names if n.startswith("real-")]
    assert len(names) >= 44, names
    assert len(fic) >= 18 and len(real) >= 20, (len(fic), len(real))
    assert len(fic) + len(real) == len(names), "cases are named [heldout-|heldout2-]fic-* or real-*"


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name.removesuffix(".gold.json"))
class TestGoldFile:
    def test_parses_with_the_seed_shape(self, path: Path) -> None:
        gold = _load(path)
        assert gold.keys() >= TOP_KEYS, TOP_KEYS - gold.keys()
        assert gold["case"] == path.name.removesuffix(".gold.json")
        assert {"required", "max_false_positives"} <= gold["events"].keys()
        assert isinstance(gold["events"]["max_false_positives"], int)
        assert 0 <= gold["events"]["max_false_positives"] <= 3
        assert "required" in gold["quotes"]
        assert "required" in gold["designations"]
        if _kind(gold["case"]).startswith("fic-"):
            assert gold.get("kb_overlay") == "kb-overlay"
            assert (path.parent / gold["kb_overlay"]).is_dir()

    def test_input_exists_and_is_not_empty(self, path: Path) -> None:
        gold = _load(path)
        assert gold["input"] == f"reports/{gold['case']}.txt"
        assert len(_report_text(path, gold).split()) > 30

    def test_published_is_iso(self, path: Path) -> None:
        gold = _load(path)
        assert gold["published"] is None or _is_iso_date(gold["published"])

    def test_events_use_valid_acled_pairs(self, path: Path) -> None:
        for kind, spec in _event_specs(_load(path)):
            types = _any_of(spec.get("event_type", list(ACLED_TYPES)))
            for t in types:
                assert t in ACLED_TYPES, f"{kind}: unknown event_type {t!r}"
            if "sub_event_type" in spec:
                allowed = {s for t in types for s in ACLED_TYPES[t]}
                for sub in _any_of(spec["sub_event_type"]):
                    assert sub in allowed, f"{kind}: {sub!r} is not a sub-event of {types}"
            if kind != "never":
                assert "event_type" in spec, f"{kind} event without event_type"

    def test_event_fields_are_known_and_well_typed(self, path: Path) -> None:
        for kind, spec in _event_specs(_load(path)):
            fields = NEVER_FIELDS if kind == "never" else EVENT_FIELDS
            assert spec.keys() <= fields, f"{kind}: unknown keys {spec.keys() - fields}"
            if kind == "never":
                assert spec.get("why"), "every never entry says why"
            for d in _any_of(spec.get("date", [])):
                assert _is_iso_date(d), f"{kind}: date {d!r} is not ISO"
            for p in _any_of(spec.get("date_precision", [])):
                assert p in DATE_PRECISIONS
            for key in ("certainty", "certainty_not"):
                for c in _any_of(spec.get(key, [])):
                    assert c in CERTAINTIES, f"{kind}: certainty {c!r}"
            for c in _any_of(spec.get("country", [])):
                assert ISO2.match(c), f"{kind}: country {c!r}"
            for key in COUNT_FIELDS:
                for n in _any_of(spec.get(key, [])):
                    assert n is None or (isinstance(n, int) and n >= 0), f"{kind}: {key}={n!r}"
            for key in ("actor1", "actor2", "location", "claimed_by"):
                for v in _any_of(spec.get(key, [])):
                    assert isinstance(v, str) and v.strip(), f"{kind}: {key} {v!r}"

    def test_document_phrases_occur_in_the_report(self, path: Path) -> None:
        gold = _load(path)
        text = _report_text(path, gold)
        doc = gold["document"]
        assert doc.get("text_must_contain"), "at least one body phrase is checked"
        for phrase in doc.get("text_must_contain", []):
            assert phrase in text, f"text_must_contain not in report: {phrase!r}"
        # Boilerplate the cleaner must drop has to be there to drop, or the check proves nothing.
        for phrase in doc.get("text_must_not_contain", []):
            assert phrase in text, f"text_must_not_contain not in raw report: {phrase!r}"
        for credit in doc.get("credits", []):
            assert credit in text, f"credit {credit!r} not in report"

    def test_quotes_are_verbatim(self, path: Path) -> None:
        gold = _load(path)
        text = _report_text(path, gold)
        for q in gold["quotes"]["required"]:
            assert q.keys() <= QUOTE_FIELDS, q.keys() - QUOTE_FIELDS
            assert isinstance(q["direct"], bool)
            assert q["text"] in text, f"quote text not verbatim in report: {q['text']!r}"
            assert q["speaker"] in text, f"speaker {q['speaker']!r} not named in report"
            if q.get("channel"):
                assert q["channel"].lower() in text.lower(), f"channel {q['channel']!r}"

    def test_designations_are_grounded(self, path: Path) -> None:
        gold = _load(path)
        text = _report_text(path, gold)
        des = gold["designations"]
        for d in des["required"] + des.get("optional", []) + des.get("never", []):
            assert d.keys() <= DESIGNATION_FIELDS, d.keys() - DESIGNATION_FIELDS
            assert d["by"] and d["label"] and d["subject_contains"]
            assert any(s in text for s in d["subject_contains"]), d

    def test_without_published_shape(self, path: Path) -> None:
        wp = _load(path).get("without_published")
        if wp is None:
            return
        assert wp.get("why")
        assert wp["document_published"] is None
        for year in wp["no_event_date_year_other_than"]:
            assert year is None or re.fullmatch(r"\d{4}", year)

    def test_fictional_actor_names_resolve_in_overlay(self, path: Path, overlay: dict) -> None:
        gold = _load(path)
        if not _kind(gold["case"]).startswith("fic-"):
            return
        known = set(GENERIC_ACTORS)
        for a in overlay["actors"]:
            known |= {a["name"], *a.get("aliases", [])}
        places = set()
        for p in overlay["places"]:
            places |= {p["name"], *p.get("aliases", [])}
        for kind, spec in _event_specs(gold):
            for key in ("actor1", "actor2"):
                for name in _any_of(spec.get(key, [])):
                    assert name in known, f"{kind}: actor {name!r} not in the overlay"
            for c in _any_of(spec.get("country", [])):
                assert c.startswith("X"), f"fictional cases use fictional country codes, got {c!r}"
            locs = _any_of(spec.get("location", []))
            if locs and kind != "never":
                assert places & set(locs), f"{kind}: none of {locs} is an overlay place"


def test_overlay_parses_and_references_resolve(overlay: dict) -> None:
    actors = [Actor.model_validate(a) for a in overlay["actors"]]
    ids = [a.id for a in actors]
    assert len(ids) == len(set(ids)), "actor ids are unique"
    for a in actors:
        assert a.parent is None or a.parent in ids, f"{a.id}: parent {a.parent!r} undefined"
        assert a.country is None or a.country.startswith("X")
    for d in overlay["designations"]:
        fields = {k: v for k, v in d.items() if k != "actor"}
        entry = DesignationEntry.model_validate({**fields, "actor_id": d["actor"]})
        assert entry.actor_id in ids
        assert entry.kind == "official-list" or entry.authority in ids
    places = [Place.model_validate(p) for p in overlay["places"]]
    pids = [p.id for p in places]
    assert len(pids) == len(set(pids))
    for p in places:
        assert p.country in {"XG", "XA", "XM", "XR", "XH"}


def test_overlay_loads_into_the_knowledge_base() -> None:
    """The resolver's own loader accepts the overlay and resolves the names the gold uses."""
    from trucewatch.resolve.kb import load_kb

    kb = load_kb(OVERLAY.parent)
    for name in ("Host of Mordor", "Gondorian warplanes", "Free Riders of Rohan"):
        assert hasattr(kb.resolve_actor(name), "actor"), name
    for place in ("Osgiliath", "Helm's Deep", "Pelargir"):
        assert hasattr(kb.resolve_place(place), "place"), place


def test_readme_lists_every_case() -> None:
    readme = (GOLD_DIR / "README.md").read_text(encoding="utf-8")
    missing = [
        p.name.removesuffix(".gold.json")
        for p in GOLD_FILES
        if p.name.removesuffix(".gold.json") not in readme
    ]
    assert not missing, missing


def test_every_report_has_a_gold_file() -> None:
    reports = {p.stem for p in (GOLD_DIR / "reports").glob("*.txt")}
    golds = {p.name.removesuffix(".gold.json") for p in GOLD_FILES}
    assert reports == golds, reports ^ golds
