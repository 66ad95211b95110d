"""Store fixtures: every backend behind one `any_store`, and a real throwaway PostgreSQL.

The PostgreSQL cluster starts once per session (~1.5 s: initdb + pg_ctl) from Debian's
server binaries, listens only on 127.0.0.1 and a socket in its temp dir, trusts local
connections, and is stopped at session end; a watchdog stops it too if pytest is killed.
Each test gets an empty database. Set TRUCEWATCH_TEST_POSTGRES_DSN to a superuser URL
(postgresql://user:pw@host:port/postgres) to use an existing server instead.
"""

from __future__ import annotations

import os
import pwd
import shlex
import shutil
import signal
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest

from trucewatch.store import Store
from trucewatch.store.factory import open_store_target

EXTERNAL_DSN_ENV = "TRUCEWATCH_TEST_POSTGRES_DSN"
NO_BINARIES = "PostgreSQL server binaries not found; `make system` installs them"
NO_PSYCOPG = "psycopg not installed; pip install -e '.[postgres]'"
NO_OWNER = "running as root and no 'postgres' user (or runuser) to own the test cluster"


@dataclass(frozen=True)
class PgServer:
    """Where the test server listens; its user may create and drop databases."""

    host: str
    port: int
    user: str
    password: str | None = None

    def dsn(self, dbname: str) -> str:
        """A URL, not key=value: the store factory recognises postgresql:// targets."""
        auth = quote(self.user, safe="")
        if self.password:
            auth += ":" + quote(self.password, safe="")
        return f"postgresql://{auth}@{self.host}:{self.port}/{dbname}"


def _bindir() -> Path | None:
    """Newest Debian server install (initdb and pg_ctl are not on PATH there)."""
    found = [p.parent for p in Path("/usr/lib/postgresql").glob("*/bin/initdb")]
    found.sort(key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0)
    return found[-1] if found else None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _run(cmd: list[str], what: str, log: Path | None = None) -> str:
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
    if done.returncode != 0:
        tail = log.read_text(errors="replace")[-2000:] if log and log.exists() else ""
        raise RuntimeError(f"{what} failed ({done.returncode}): {done.stderr.strip()}\n{tail}")
    return done.stdout


def _cluster_owner(base: Path) -> list[str]:
    """initdb refuses to run as root: as root, run the cluster as Debian's `postgres` user."""
    if os.geteuid() != 0:
        return []
    runuser = shutil.which("runuser")
    try:
        owner = pwd.getpwnam("postgres")
    except KeyError:
        owner = None
    if owner is None or runuser is None:
        pytest.skip(NO_OWNER)
    os.chown(base, owner.pw_uid, owner.pw_gid)
    return [runuser, "-u", "postgres", "--"]


def _external_server(dsn: str) -> PgServer:
    from psycopg.conninfo import conninfo_to_dict

    params = conninfo_to_dict(dsn)
    return PgServer(
        host=str(params.get("host") or "127.0.0.1"),
        port=int(params.get("port") or 5432),
        user=str(params.get("user") or "postgres"),
        password=str(params["password"]) if params.get("password") else None,
    )


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """A running PostgreSQL for this session; stopped (always) when the session ends."""
    pytest.importorskip("psycopg", reason=NO_PSYCOPG)
    if os.environ.get(EXTERNAL_DSN_ENV):
        yield _external_server(os.environ[EXTERNAL_DSN_ENV])
        return
    bindir = _bindir()
    if bindir is None:
        pytest.skip(NO_BINARIES)
    # /tmp, not pytest's tmp dir: that is private to root, and the server runs as `postgres`.
    base = Path(
        tempfile.mkdtemp(prefix="trucewatch-pg-", dir="/tmp" if os.geteuid() == 0 else None)
    )
    data, log = base / "data", base / "server.log"
    watchdog: subprocess.Popen[bytes] | None = None
    started = False
    try:
        as_owner = _cluster_owner(base)
        initdb = [*as_owner, str(bindir / "initdb"), "-D", str(data), "-U", "postgres"]
        initdb += ["-A", "trust", "-E", "UTF8", "--no-sync", "--no-instructions"]
        if "--icu-locale" in _run([str(bindir / "initdb"), "--help"], "initdb --help"):
            # A natural-language default collation, as production servers have: it catches
            # queries that forget the byte order DuckDB uses.
            initdb += ["--locale=C", "--locale-provider=icu", "--icu-locale=en"]
        else:
            initdb += ["--no-locale"]
        _run(initdb, "initdb")
        stop = [*as_owner, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]
        # If pytest dies without teardown, stop the server and remove its files anyway.
        watch = (
            f"while kill -0 {os.getpid()} 2>/dev/null; do sleep 1; done; "
            f"{shlex.join(stop)} >/dev/null 2>&1; rm -rf {shlex.quote(str(base))}"
        )
        watchdog = subprocess.Popen(
            ["sh", "-c", watch],
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        port = 0
        for attempt in range(3):  # another process may take the free port before we bind it
            port = _free_port()
            options = (
                f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={base} "
                "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
            )
            start = [*as_owner, str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log)]
            start += ["-w", "-t", "30", "-o", options, "start"]
            try:
                _run(start, "pg_ctl start", log)
                started = True
                break
            except RuntimeError:
                if attempt == 2:
                    raise
        yield PgServer(host="127.0.0.1", port=port, user="postgres")
    finally:
        try:
            if started:
                _run(stop, "pg_ctl stop", log)
        finally:
            if watchdog is not None:
                os.killpg(watchdog.pid, signal.SIGKILL)
                watchdog.wait()
            shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_database(pg_server: PgServer) -> Iterator[str]:
    """One scratch database for the session, dropped at the end (open sessions and all)."""
    import psycopg

    name = f"tw_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_server.dsn("postgres"), autocommit=True) as con:
        con.execute(f"CREATE DATABASE {name} TEMPLATE template0")
    try:
        yield pg_server.dsn(name)
    finally:
        with psycopg.connect(pg_server.dsn("postgres"), autocommit=True) as con:
            con.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture()
def pg_dsn(pg_database: str) -> str:
    """An empty database for one test: the scratch database with its schema dropped.

    Dropping the schema (~15 ms) costs far less than a database per test (~300 ms for
    CREATE + DROP DATABASE), and the store still creates its tables from nothing.
    """
    import psycopg

    with psycopg.connect(pg_database, autocommit=True) as con:
        # A store an earlier test left open would hold locks on the tables we drop.
        con.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        con.execute("DROP SCHEMA public CASCADE")
        con.execute("CREATE SCHEMA public")
    return pg_database


@pytest.fixture(params=["duckdb", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """What a user passes to `--db`: a DuckDB file path or a PostgreSQL URL."""
    if request.param == "postgres":
        return str(request.getfixturevalue("pg_dsn"))
    return str(tmp_path / "tw.duckdb")


@pytest.fixture()
def any_store(store_target: str) -> Iterator[Store]:
    """The same behavioural tests, once per backend."""
    store = open_store_target(store_target)
    try:
        yield store
    finally:
        store.close()
