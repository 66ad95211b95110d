"""The embedded store: idempotent articles, replaceable readings, incident queries, tokens."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from trucewatch.errors import StoreError
from trucewatch.model import (
    ActorRef,
    Article,
    Decision,
    EventKey,
    EventReport,
    Incident,
    PlaceRef,
    Reading,
    Verdict,
    article_id,
)
from trucewatch.model.event import Affiliation, Designation, Quote
from trucewatch.store import ArticleSource, DuckDBStore, IncidentFilter


def make_article(text: str, source_id: str = "a.txt") -> Article:
    return Article(id=article_id(text), source_id=source_id, text=text, source="Osgiliath Post")


@pytest.fixture()
def store(tmp_path: Path) -> DuckDBStore:
    with DuckDBStore(tmp_path / "tw.duckdb") as s:
        yield s


def test_same_text_is_stored_once_even_from_another_source(store: DuckDBStore) -> None:
    first = make_article("Shelling hit the market in Osgiliath.", "one.txt")
    again = make_article("Shelling  hit the MARKET in Osgiliath. ", "two.txt")
    assert first.id == again.id
    stored, dups = store.put_articles(
        [first], [ArticleSource(article_id=first.id, source_id="one.txt")]
    )
    assert stored == [first.id] and dups == []
    stored, dups = store.put_articles(
        [again], [ArticleSource(article_id=again.id, source_id="two.txt")]
    )
    assert stored == [] and dups == [first.id]
    assert store.count_articles() == 1
    assert [s.source_id for s in store.article_sources(first.id)] == ["one.txt", "two.txt"]


def test_reopening_the_file_keeps_everything(tmp_path: Path) -> None:
    path = tmp_path / "tw.duckdb"
    article = make_article("A convoy was stopped near Pelargir.")
    with DuckDBStore(path) as s:
        s.put_articles([article], [ArticleSource(article_id=article.id, source_id="x")])
    with DuckDBStore(path) as s:
        assert s.get_article(article.id) == article
        assert s.get_article(article.id[:10]) == article


def test_readings_replace_what_an_article_yielded(store: DuckDBStore) -> None:
    article = make_article("Drones struck a depot in Minas Tirith on Tuesday.")
    store.put_articles([article], [])
    event = EventReport(
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        evidence="Drones struck a depot.",
        date=dt.date(2016, 2, 16),
    )
    quote = Quote(speaker="Faramir", text="We will respond.", stance="threaten")
    designation = Designation(by=Affiliation(name="Gondor"), subject="the riders")
    store.put_readings(
        [(article.id, Reading(events=(event, event), quotes=(quote,), designations=(designation,)))]
    )
    assert len(list(store.iter_events())) == 2
    store.put_readings([(article.id, Reading(events=(event,)))])
    events = list(store.iter_events())
    assert len(events) == 1 and events[0].event.index == 0
    assert events[0].event.article_id == article.id
    assert store.list_quotes() == [] and store.list_designations() == []
    assert store.unread_article_ids("trucewatch.nlp.events.v1") == []
    assert store.unread_article_ids("trucewatch.nlp.events.v2") == [article.id]


def incident(n: int, *, country: str, grade: str, verdict: str, day: int) -> Incident:
    return Incident(
        id=f"inc-{n:03d}",
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        date_start=dt.date(2016, 3, day),
        location=PlaceRef(
            name="Town", country=country, lat=30.0 + n / 10, lon=40.0, precision="city"
        ),
        actor1=ActorRef(name="Gondor", id="gondor"),
        grade=grade,  # type: ignore[arg-type]
        verdicts=(
            Verdict(
                agreement="fic-truce",
                verdict=verdict,
                reasons=("r",),  # type: ignore[arg-type]
                rule="test",
            ),
        ),
    )


def test_incident_filters_and_cursor_pages(store: DuckDBStore) -> None:
    incidents = [
        incident(
            i,
            country="XG" if i % 2 else "XM",
            grade="fair" if i % 3 else "weak",
            verdict="violation" if i < 5 else "exempt",
            day=1 + i,
        )
        for i in range(12)
    ]
    store.put_incidents(incidents)
    seen: list[str] = []
    cursor = None
    while True:
        page = store.list_incidents(cursor=cursor, limit=5)
        seen += [i.id for i in page.items]
        cursor = page.next
        if cursor is None:
            break
    assert sorted(seen) == sorted(i.id for i in incidents) and len(seen) == 12
    assert seen[0] == "inc-011"  # newest first
    by = {
        "country": IncidentFilter(country="XG"),
        "verdict": IncidentFilter(agreement="fic-truce", verdict="exempt"),
        "grade": IncidentFilter(grade="weak"),
        "since": IncidentFilter(since=dt.date(2016, 3, 10)),
        "bbox": IncidentFilter(bbox=(39.0, 30.0, 41.0, 30.45)),
    }
    expected = {
        "country": {i.id for i in incidents if i.location and i.location.country == "XG"},
        "verdict": {i.id for i in incidents if i.verdicts[0].verdict == "exempt"},
        "grade": {i.id for i in incidents if i.grade == "weak"},
        "since": {i.id for i in incidents if i.date_start and i.date_start.day >= 10},
        "bbox": {i.id for i in incidents if i.location and i.location.lat <= 30.45},
    }
    for key, flt in by.items():
        got = {i.id for i in store.list_incidents(flt, limit=100).items}
        assert got == expected[key], key
        assert store.count_incidents(flt) == len(expected[key])
    assert store.get_incident("inc-003") == incidents[3]


def test_bad_cursor_is_a_store_error(store: DuckDBStore) -> None:
    with pytest.raises(StoreError, match="invalid cursor"):
        store.list_incidents(cursor="not-a-cursor!!")


def test_tokens_are_stored_hashed_and_revocable(store: DuckDBStore) -> None:
    token = store.create_token("newsroom", "write")
    assert store.token_scope(token) == "write"
    assert token not in str(store._query("SELECT * FROM tokens"))
    with pytest.raises(StoreError, match="exists"):
        store.create_token("newsroom", "read")
    assert store.revoke_token("newsroom") is True
    assert store.token_scope(token) is None


def test_decisions_replay_in_order(store: DuckDBStore) -> None:
    store.put_decision(Decision(kind="merge", incident_ids=("a", "b")))
    store.put_decision(Decision(kind="split", keys=(EventKey(article_id="x", index=1),)))
    assert [d.kind for d in store.list_decisions()] == ["merge", "split"]


def test_second_writer_process_gets_a_clear_error(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "held.duckdb"
    with DuckDBStore(path):
        code = (
            "import sys\n"
            "from trucewatch.store import DuckDBStore\n"
            "from trucewatch.errors import StoreError\n"
            f"try:\n    DuckDBStore({str(path)!r})\n"
            "except StoreError as e:\n    print(e); sys.exit(7)\n"
        )
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 7
    assert "cannot open store" in done.stdout
