"""What only the PostgreSQL store has: a server to reach, several writers, a schema to share.

Behaviour common to every backend lives in test_store_conformance.py.
"""

from __future__ import annotations

import socket
import sys
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from trucewatch.errors import StoreError
from trucewatch.model import Article, article_id
from trucewatch.store import ArticleSource
from trucewatch.store.postgres import SCHEMA_VERSION, PostgresStore, describe_dsn


def make_articles(n: int, tag: str = "") -> list[Article]:
    return [
        Article(id=article_id(text), source_id=f"feed#{i}", text=text)
        for i, text in enumerate(f"Report {tag}{i}: shelling near Osgiliath." for i in range(n))
    ]


@pytest.fixture()
def psycopg_installed() -> None:
    pytest.importorskip("psycopg", reason="psycopg not installed; pip install -e '.[postgres]'")


@pytest.fixture()
def pg_store(pg_dsn: str) -> Iterator[PostgresStore]:
    with PostgresStore(pg_dsn) as store:
        yield store


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# ---- opening -----------------------------------------------------------------------------


def test_without_psycopg_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # what `import psycopg` sees when absent
    with pytest.raises(StoreError, match=r"pip install 'trucewatch\[postgres\]'"):
        PostgresStore("postgresql://tw@127.0.0.1/trucewatch")


@pytest.mark.parametrize(
    ("dsn", "shown"),
    [
        ("postgresql://tw:s3cret@db.example:6543/news", "postgresql://tw@db.example:6543/news"),
        ("postgres://db.example/news", "postgresql://db.example:5432/news"),
        (
            "host=db.example dbname=news user=tw password=s3cret",
            "postgresql://tw@db.example:5432/news",
        ),
        ("host=db.example password='s3cret", "postgresql://(unparseable DSN)"),
    ],
)
def test_the_dsn_is_described_without_its_password(
    psycopg_installed: None, dsn: str, shown: str
) -> None:
    assert describe_dsn(dsn) == shown


def test_an_unreachable_server_is_one_line_naming_host_and_database(
    psycopg_installed: None,
) -> None:
    port = closed_port()
    dsn = f"postgresql://tw:s3cret@127.0.0.1:{port}/newsdb?connect_timeout=3"
    with pytest.raises(StoreError) as caught:
        PostgresStore(dsn)
    message = str(caught.value)
    assert message.startswith(f"cannot open store postgresql://tw@127.0.0.1:{port}/newsdb: ")
    assert "s3cret" not in message and "\n" not in message
    assert caught.value.exit_code == 7


def test_a_malformed_dsn_is_refused_without_echoing_it(psycopg_installed: None) -> None:
    with pytest.raises(StoreError, match="could not be parsed") as caught:
        PostgresStore("host=db.example password='s3cret")
    assert "s3cret" not in str(caught.value)


@pytest.mark.postgres
def test_a_missing_database_is_named(pg_server: Any) -> None:
    dsn = pg_server.dsn("no_such_db")
    with pytest.raises(StoreError, match=r"cannot open store .*/no_such_db: .*does not exist"):
        PostgresStore(dsn)


@pytest.mark.postgres
def test_the_schema_is_created_once_with_its_version(pg_dsn: str) -> None:
    for _ in range(2):
        with PostgresStore(pg_dsn) as store:
            assert store._query("SELECT key, value FROM meta") == [
                ("schema_version", str(SCHEMA_VERSION))
            ]


@pytest.mark.postgres
def test_a_newer_schema_is_refused(pg_store: PostgresStore, pg_dsn: str) -> None:
    with pg_store._write("bump the schema") as cur:
        cur.execute("UPDATE meta SET value = %s WHERE key = 'schema_version'", [SCHEMA_VERSION + 1])
    with pytest.raises(StoreError, match=r"newer than this trucewatch .*upgrade trucewatch"):
        PostgresStore(pg_dsn)


@pytest.mark.postgres
def test_read_only_reads_but_refuses_writes(pg_store: PostgresStore, pg_dsn: str) -> None:
    pg_store.put_articles(make_articles(2), [])
    with PostgresStore(pg_dsn, read_only=True) as reader:
        assert reader.count_articles() == 2
        with pytest.raises(StoreError, match="read-only"):
            reader.create_token("desk", "read")
    assert pg_store.list_tokens() == []


# ---- writers -----------------------------------------------------------------------------


@pytest.mark.postgres
def test_racing_writers_agree_on_who_stored_each_article(pg_dsn: str) -> None:
    articles = make_articles(300)
    stores = [PostgresStore(pg_dsn) for _ in range(3)]
    results: list[tuple[list[str], list[str]]] = []
    barrier = threading.Barrier(len(stores))

    def write(store: PostgresStore) -> None:
        barrier.wait()
        results.append(store.put_articles(articles, []))

    threads = [threading.Thread(target=write, args=(s,)) for s in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    try:
        stored = [i for s, _ in results for i in s]
        assert sorted(stored) == sorted(a.id for a in articles)  # each stored exactly once
        assert all(len(s) + len(d) == len(articles) for s, d in results)
        assert stores[0].count_articles() == len(articles)
    finally:
        for store in stores:
            store.close()


@pytest.mark.postgres
def test_threads_can_share_one_store(pg_store: PostgresStore) -> None:
    batches = [make_articles(30, tag=f"t{n}-") for n in range(4)]
    errors: list[BaseException] = []

    def work(batch: list[Article]) -> None:
        try:
            for article in batch:
                pg_store.put_articles(
                    [article], [ArticleSource(article_id=article.id, source_id="s")]
                )
                pg_store.count_articles()
        except BaseException as error:  # surfaced below: a thread's exception is otherwise lost
            errors.append(error)

    threads = [threading.Thread(target=work, args=(b,)) for b in batches]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert pg_store.table_counts()["articles"] == 120
    assert pg_store.table_counts()["article_sources"] == 120


@pytest.mark.postgres
def test_a_large_batch_goes_through_in_one_call(pg_store: PostgresStore) -> None:
    articles = [
        a.model_copy(update={"text": a.text + " More detail." * 150}) for a in make_articles(3000)
    ]
    stored, duplicates = pg_store.put_articles(articles, [])
    assert (len(stored), duplicates) == (3000, [])
    assert [a.id for a in pg_store.list_articles(limit=3)] == [a.id for a in articles[:3]]


@pytest.mark.postgres
def test_a_nul_character_fails_the_batch_cleanly(pg_store: PostgresStore) -> None:
    good, bad = make_articles(2)
    bad = bad.model_copy(update={"text": "a report with a \x00 byte"})
    with pytest.raises(StoreError, match=r"could not store articles .*NUL"):
        pg_store.put_articles([good, bad], [])
    assert pg_store.count_articles() == 0
    assert pg_store.put_articles([good], []) == ([good.id], [])


@pytest.mark.postgres
def test_a_dropped_connection_is_reopened(pg_store: PostgresStore, pg_server: Any) -> None:
    import psycopg

    pg_store.put_articles(make_articles(1), [])
    admin = pg_server.dsn("postgres")
    with psycopg.connect(admin, autocommit=True) as con:
        con.execute("SELECT pg_terminate_backend(%s)", [pg_store._con.info.backend_pid])
    with pytest.raises(StoreError, match="could not read"):
        pg_store.count_articles()  # the call in flight fails, with a StoreError
    assert pg_store.count_articles() == 1  # the next one reconnects
    first, second = make_articles(2)
    assert pg_store.put_articles([first, second], []) == ([second.id], [first.id])


@pytest.mark.postgres
def test_the_test_server_sorts_text_like_a_production_locale(pg_store: PostgresStore) -> None:
    """Guards the conformance tie-break test: it only proves something on a non-C collation."""
    if pg_store._query("SELECT 'B' < 'a'")[0][0]:
        pytest.skip("this server's default collation is byte order already")
    assert pg_store._query("SELECT 'B' < 'a' COLLATE \"C\"")[0][0] is True
