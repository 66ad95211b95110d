"""Every backend behaves the same: one suite, run on DuckDB and on a real PostgreSQL.

`any_store` and `store_target` (tests/store/conftest.py) are parametrized per backend; the
PostgreSQL runs carry the `postgres` marker and a fresh database each.
"""

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
    RunReport,
    Verdict,
    article_id,
)
from trucewatch.model.event import Affiliation, Designation, Quote
from trucewatch.store import ArticleSource, DuckDBStore, IncidentFilter, Store
from trucewatch.store.cursor import encode_cursor
from trucewatch.store.factory import is_postgres_target, open_store_target
from trucewatch.store.postgres import PostgresStore

AnyStore = DuckDBStore | PostgresStore


def make_article(text: str, source_id: str = "a.txt", **extra: object) -> Article:
    return Article(
        id=article_id(text),
        source_id=source_id,
        text=text,
        source="Osgiliath Post",
        **extra,  # type: ignore[arg-type]
    )


def link(article: Article, source_id: str) -> ArticleSource:
    return ArticleSource(article_id=article.id, source_id=source_id, outlet="Osgiliath Post")


def test_every_backend_implements_the_protocol(any_store: AnyStore) -> None:
    assert isinstance(any_store, Store)


# ---- articles ----------------------------------------------------------------------------


def test_same_text_from_two_sources_is_stored_once(any_store: AnyStore) -> None:
    first = make_article("Shelling hit the market in Osgiliath.", "one.txt")
    again = make_article("Shelling  hit the MARKET in Osgiliath. ", "two.txt")
    assert first.id == again.id
    assert any_store.put_articles([first], [link(first, "one.txt")]) == ([first.id], [])
    assert any_store.put_articles([again], [link(again, "two.txt")]) == ([], [first.id])
    assert any_store.count_articles() == 1
    assert any_store.get_article(first.id) == first  # the first copy wins
    assert [s.source_id for s in any_store.article_sources(first.id)] == ["one.txt", "two.txt"]


def test_duplicates_within_one_batch_are_reported_in_order(any_store: AnyStore) -> None:
    old = make_article("Old news from Pelargir.")
    any_store.put_articles([old], [])
    a, b = make_article("Report A from Lossarnach."), make_article("Report B from Lebennin.")
    stored, dups = any_store.put_articles(
        [a, old, b, a, b], [link(a, "feed#1"), link(a, "feed#1"), link(b, "feed#2")]
    )
    assert stored == [a.id, b.id]
    assert dups == [old.id, a.id, b.id]
    assert any_store.count_articles() == 3
    assert [s.source_id for s in any_store.article_sources(a.id)] == ["feed#1"]
    assert any_store.put_articles([], []) == ([], [])


def test_articles_keep_every_field_and_insertion_order(any_store: AnyStore) -> None:
    full = make_article(
        "Full report from Dol Amroth.",
        title="Truce holds",
        url="https://example.org/r/1",
        published=dt.date(2016, 2, 28),
        published_from="dateline",
        credits=("Reuters", "AFP"),
        author="Imrahil",
        language="en",
    )
    bare = make_article("Bare report from Ethring.")
    later = make_article("A later report from Linhir.")
    any_store.put_articles([full, bare], [])
    any_store.put_articles([later], [])
    assert [a.id for a in any_store.list_articles()] == [full.id, bare.id, later.id]
    assert [a.id for a in any_store.list_articles(limit=1, offset=1)] == [bare.id]
    assert list(any_store.iter_articles()) == [full, bare, later]
    assert any_store.get_article(full.id) == full
    assert any_store.get_article("no-such-id") is None


def test_reopening_the_store_keeps_everything(store_target: str) -> None:
    article = make_article("A convoy was stopped near Pelargir.")
    with open_store_target(store_target) as store:  # type: ignore[attr-defined]
        store.put_articles([article], [link(article, "x")])
        store.create_token("desk", "read")
        store.put_agreement_text("fic-truce", "id: fic-truce\n")
    with open_store_target(store_target) as store:  # type: ignore[attr-defined]
        assert store.get_article(article.id) == article
        assert store.get_article(article.id[:10]) == article  # a unique prefix is enough
        assert store.list_tokens() == [("desk", "read")]
        assert store.list_agreement_texts() == {"fic-truce": "id: fic-truce\n"}
    with open_store_target(store_target, read_only=True) as store:  # type: ignore[attr-defined]
        assert store.count_articles() == 1


# ---- readings ----------------------------------------------------------------------------


def strike(day: int = 16) -> EventReport:
    return EventReport(
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        evidence="Drones struck a depot.",
        date=dt.date(2016, 2, day),
        location=PlaceRef(name="Minas Tirith", country="XG"),
    )


def test_readings_replace_what_an_article_yielded(any_store: AnyStore) -> None:
    article = make_article(
        "Drones struck a depot in Minas Tirith on Tuesday.",
        published=dt.date(2016, 2, 17),
        credits=("Reuters",),
    )
    any_store.put_articles([article], [])
    quote = Quote(speaker="Faramir", text="We will respond.", stance="threaten")
    designation = Designation(by=Affiliation(name="Gondor"), subject="the riders")
    any_store.put_readings(
        [
            (
                article.id,
                Reading(
                    events=(strike(), strike(17)), quotes=(quote,), designations=(designation,)
                ),
            )
        ]
    )
    assert any_store.count_events() == 2
    assert [q.article_id for q in any_store.list_quotes([article.id])] == [article.id]
    assert any_store.list_quotes(["someone-else"]) == []
    assert len(any_store.list_designations()) == 1
    any_store.put_readings([(article.id, Reading(events=(strike(),)))])
    events = list(any_store.iter_events())
    assert len(events) == 1
    stored = events[0]
    assert (stored.event.index, stored.event.article_id) == (0, article.id)
    assert (stored.source_id, stored.outlet) == ("a.txt", "Osgiliath Post")
    assert (stored.published, stored.credits) == (dt.date(2016, 2, 17), ("Reuters",))
    assert any_store.list_quotes() == [] and any_store.list_designations() == []
    assert any_store.unread_article_ids("trucewatch.nlp.events.v1") == []
    assert any_store.unread_article_ids("trucewatch.nlp.events.v2") == [article.id]


def test_unread_articles_come_in_insertion_order(any_store: AnyStore) -> None:
    articles = [make_article(f"Report number {n} from Anórien.") for n in range(4)]
    any_store.put_articles(articles, [])
    any_store.put_readings([(articles[2].id, Reading(events=(strike(),)))])
    expected = [a.id for a in articles if a is not articles[2]]
    assert any_store.unread_article_ids("trucewatch.nlp.events.v1") == expected


def test_a_failed_readings_batch_changes_nothing(any_store: AnyStore) -> None:
    article = make_article("Mortars fell on Cair Andros.")
    any_store.put_articles([article], [])
    any_store.put_readings([(article.id, Reading(events=(strike(),)))])
    twice = [(article.id, Reading(events=(strike(),))), (article.id, Reading())]
    with pytest.raises(StoreError, match="could not store readings"):
        any_store.put_readings(twice)  # one readings row per article: the batch is refused
    assert any_store.count_events() == 1
    any_store.put_readings([(article.id, Reading())])  # and the store still works after it
    assert any_store.count_events() == 0


# ---- incidents ---------------------------------------------------------------------------


def incident(
    n: int, *, country: str, grade: str, verdict: str, day: int, actor2: str | None = None
) -> Incident:
    return Incident(
        id=f"inc-{n:03d}",
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        date_start=dt.date(2016, 3, day),
        date_end=dt.date(2016, 3, day + 1) if n == 0 else None,
        location=PlaceRef(
            name="Town", country=country, lat=30.0 + n / 10, lon=40.0, precision="city"
        ),
        actor1=ActorRef(name="Gondor", id="gondor"),
        actor2=ActorRef(name=actor2) if actor2 else None,
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


INCIDENTS = [
    incident(
        i,
        country="XG" if i % 2 else "XM",
        grade="fair" if i % 3 else "weak",
        verdict="violation" if i < 5 else "exempt",
        day=1 + i,
        actor2="Éored of Rohan" if i in (4, 7) else None,
    )
    for i in range(12)
]


def ids(*numbers: int) -> set[str]:
    return {f"inc-{n:03d}" for n in numbers}


FILTERS = {
    "agreement": (IncidentFilter(agreement="fic-truce"), ids(*range(12))),
    "other-agreement": (IncidentFilter(agreement="fic-other"), set()),
    "verdict": (IncidentFilter(agreement="fic-truce", verdict="exempt"), ids(*range(5, 12))),
    "verdict-only": (IncidentFilter(verdict="violation"), ids(*range(5))),
    "actor-id": (IncidentFilter(actor="gondor"), ids(*range(12))),
    "actor-name-any-case": (IncidentFilter(actor="éored OF rohan"), ids(4, 7)),
    "grade": (IncidentFilter(grade="weak"), ids(0, 3, 6, 9)),
    "country-any-case": (IncidentFilter(country="xg"), ids(1, 3, 5, 7, 9, 11)),
    "since": (IncidentFilter(since=dt.date(2016, 3, 10)), ids(9, 10, 11)),
    "since-counts-date-end": (IncidentFilter(since=dt.date(2016, 3, 2)), ids(*range(12))),
    "until": (IncidentFilter(until=dt.date(2016, 3, 3)), ids(0, 1, 2)),
    "bbox": (IncidentFilter(bbox=(39.0, 30.0, 41.0, 30.45)), ids(0, 1, 2, 3, 4)),
    "bbox-elsewhere": (IncidentFilter(bbox=(0.0, 0.0, 1.0, 1.0)), set()),
    "combined": (IncidentFilter(country="XM", grade="fair", verdict="exempt"), ids(8, 10)),
}


@pytest.mark.parametrize("name", FILTERS)
def test_incident_filters(any_store: AnyStore, name: str) -> None:
    flt, expected = FILTERS[name]
    any_store.put_incidents(INCIDENTS)
    assert {i.id for i in any_store.list_incidents(flt, limit=100).items} == expected
    assert {i.id for i in any_store.iter_incidents(flt)} == expected
    assert any_store.count_incidents(flt) == len(expected)


@pytest.mark.parametrize("limit", [1, 5, 12, 100])
def test_cursor_pages_cover_everything_once_newest_first(any_store: AnyStore, limit: int) -> None:
    any_store.put_incidents(INCIDENTS)
    seen: list[str] = []
    cursor: str | None = None
    while True:
        page = any_store.list_incidents(cursor=cursor, limit=limit)
        assert len(page.items) <= limit
        seen += [i.id for i in page.items]
        cursor = page.next
        if cursor is None:
            break
    assert seen == [f"inc-{n:03d}" for n in reversed(range(12))]
    assert any_store.get_incident("inc-003") == INCIDENTS[3]
    assert any_store.get_incident("inc-999") is None


def test_ties_are_broken_by_id_in_byte_order(any_store: AnyStore) -> None:
    same_day = [
        INCIDENTS[0].model_copy(update={"id": i, "date_end": None}) for i in ("b", "B", "a", "A")
    ]
    undated = INCIDENTS[1].model_copy(update={"id": "0", "date_start": None})
    any_store.put_incidents([undated, *same_day])
    order = [i.id for i in any_store.list_incidents().items]
    assert order == ["A", "B", "a", "b", "0"]  # undated last; uppercase before lowercase


def test_put_incidents_replaces_the_whole_set(any_store: AnyStore) -> None:
    any_store.put_incidents(INCIDENTS)
    any_store.put_incidents(INCIDENTS[:2])
    assert any_store.count_incidents() == 2
    assert any_store.count_incidents(IncidentFilter(verdict="exempt")) == 0
    any_store.put_incidents([])
    assert any_store.list_incidents().items == []


@pytest.mark.parametrize(
    "cursor", ["not-a-cursor!!", "eDox", encode_cursor(3).upper(), "bzotMQ", "\u00e9"]
)
def test_bad_cursor_is_a_store_error(any_store: AnyStore, cursor: str) -> None:
    with pytest.raises(StoreError, match="invalid cursor"):
        any_store.list_incidents(cursor=cursor)


# ---- decisions, tokens, agreements, runs -------------------------------------------------


def test_decisions_replay_in_order(any_store: AnyStore) -> None:
    any_store.put_decision(Decision(kind="merge", incident_ids=("a", "b")))
    any_store.put_decision(Decision(kind="split", keys=(EventKey(article_id="x", index=1),)))
    any_store.put_decision(Decision(kind="merge", incident_ids=("c", "d"), note="third"))
    decisions = any_store.list_decisions()
    assert [(d.kind, d.note) for d in decisions] == [
        ("merge", ""),
        ("split", ""),
        ("merge", "third"),
    ]
    assert all(d.created is not None for d in decisions)


def test_tokens_are_stored_hashed_and_revocable(any_store: AnyStore) -> None:
    token = any_store.create_token("newsroom", "write")
    assert token.startswith("tw_")
    assert any_store.token_scope(token) == "write"
    assert token not in str(any_store._query("SELECT * FROM tokens"))
    with pytest.raises(StoreError, match="exists"):
        any_store.create_token("newsroom", "read")
    with pytest.raises(StoreError, match="valid: read, write"):
        any_store.create_token("admin", "root")
    any_store.create_token("analyst", "read")
    assert any_store.list_tokens() == [("analyst", "read"), ("newsroom", "write")]
    assert any_store.revoke_token("newsroom") is True
    assert any_store.revoke_token("newsroom") is False
    assert any_store.token_scope(token) is None
    assert any_store.token_scope("tw_guess") is None


def test_agreement_texts_are_replaced_by_id(any_store: AnyStore) -> None:
    any_store.put_agreement_text("fic-truce", "v1")
    any_store.put_agreement_text("fic-other", "other")
    any_store.put_agreement_text("fic-truce", "v2")
    assert any_store.list_agreement_texts() == {"fic-truce": "v2", "fic-other": "other"}


def test_runs_are_replaced_by_id_and_listed_newest_first(any_store: AnyStore) -> None:
    first = RunReport(run_id="r1", command="ingest", started=dt.datetime(2024, 5, 1, 9))
    second = RunReport(
        run_id="r2",
        command="run",
        started=dt.datetime(2024, 5, 2, 10),
        finished=dt.datetime(2024, 5, 2, 10, 5),
        read=3,
        stored=2,
        duplicates=1,
        skipped={"empty": 1},
        article_ids=["x", "y"],
    )
    any_store.record_run(first)
    any_store.record_run(second)
    any_store.record_run(first.model_copy(update={"read": 7}))
    runs = any_store.list_runs()
    assert [(r.run_id, r.read) for r in runs] == [("r2", 3), ("r1", 7)]
    assert runs[0] == second
    assert [r.run_id for r in any_store.list_runs(limit=1)] == ["r2"]


def test_aware_run_times_come_back_as_naive_utc(any_store: AnyStore) -> None:
    started = dt.datetime(2024, 5, 2, 12, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    any_store.record_run(RunReport(run_id="r", command="run", started=started))
    assert any_store.list_runs()[0].started == dt.datetime(2024, 5, 2, 10, 0)


def test_table_counts(any_store: AnyStore) -> None:
    article = make_article("Artillery fire near Osgiliath.")
    any_store.put_articles([article], [link(article, "a"), link(article, "b")])
    any_store.put_readings([(article.id, Reading(events=(strike(),)))])
    any_store.put_incidents(INCIDENTS[:3])
    assert any_store.table_counts() == {
        "articles": 1,
        "article_sources": 2,
        "events": 1,
        "quotes": 0,
        "designations": 0,
        "incidents": 3,
    }


# ---- the factory -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "postgres"),
    [
        ("postgresql://tw@db.example:5432/trucewatch", True),
        ("postgres://tw@db.example/trucewatch", True),
        ("POSTGRESQL://tw@db.example/trucewatch", True),
        ("trucewatch.duckdb", False),
        ("data/postgres.duckdb", False),
        (":memory:", False),
    ],
)
def test_factory_reads_the_target_kind(target: str, postgres: bool) -> None:
    assert is_postgres_target(target) is postgres


def test_factory_opens_duckdb_for_a_path(tmp_path: Path) -> None:
    store = open_store_target(str(tmp_path / "nested" / "tw.duckdb"))
    try:
        assert isinstance(store, DuckDBStore)
    finally:
        store.close()


def test_fingerprints_are_kept_once_per_article(any_store: AnyStore) -> None:
    assert any_store.fingerprints([]) == {}
    any_store.put_fingerprints({"a1": "sketch-one", "a2": "sketch-two"})
    any_store.put_fingerprints({"a1": "a later sketch", "a3": "sketch-three"})
    assert any_store.fingerprints(["a1", "a3", "missing"]) == {
        "a1": "sketch-one",
        "a3": "sketch-three",
    }
