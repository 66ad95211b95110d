"""The core commands end to end: ingest twice changes nothing; extract prints the record."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from trucewatch.cli.main import main
from trucewatch.store import DuckDBStore

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "samples"
SAMPLE_SOURCES = [str(SAMPLES / d) for d in ("text", "html", "feeds", "archive")]


def shared_gold_years(shared_dir: Path) -> set[str | None]:
    gold = json.loads((shared_dir / "eval" / "seed.gold.json").read_text())
    return set(gold["without_published"]["no_event_date_year_other_than"])


def run_cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        main(argv)
        code = 0
    except SystemExit as done:
        code = int(done.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_ingesting_the_sample_corpus_twice_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "tw.duckdb")
    code, out, _ = run_cli(["ingest", *SAMPLE_SOURCES, "--db", db, "--json"], capsys)
    assert code == 0
    first = json.loads(out)
    assert first["stored"] >= 30, first
    with DuckDBStore(db) as store:
        counts_before = store.table_counts()
        ids_before = [a.id for a in store.list_articles(limit=10_000)]
    code, out, _ = run_cli(["ingest", *SAMPLE_SOURCES, "--db", db, "--json"], capsys)
    second = json.loads(out)
    assert code == 0
    assert second["stored"] == 0
    assert second["duplicates"] == first["stored"] + first["duplicates"]
    assert second["read"] == first["read"]
    with DuckDBStore(db) as store:
        assert store.table_counts() == counts_before
        assert [a.id for a in store.list_articles(limit=10_000)] == ids_before
        runs = store.list_runs()
    assert len(runs) == 2 and {r.stored for r in runs} == {first["stored"], 0}


@pytest.mark.model
def test_seed_report_passes_the_gold_document_checks(
    shared_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold = json.loads((shared_dir / "eval" / "seed.gold.json").read_text())
    seed = shared_dir / "samples" / "seed-rferl-2016-02-12.txt"
    code, out, err = run_cli(
        ["extract", str(seed), "--published", gold["published"], "--source", gold["source"]],
        capsys,
    )
    assert code == 0, err
    record = json.loads(out)
    document = record["document"]
    assert record["schema"] == "trucewatch.report/1"
    assert document["published"] == "2016-02-12"
    assert document["source"] == "RFE/RL"
    assert document["credits"] == gold["document"]["credits"]
    for phrase in gold["document"]["text_must_contain"]:
        assert phrase in document["text"], phrase
    for phrase in gold["document"]["text_must_not_contain"]:
        assert phrase not in document["text"], phrase
    assert isinstance(record["events"], list) and isinstance(record["quotes"], list)


@pytest.mark.model
def test_without_published_the_date_stays_null(
    shared_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed = shared_dir / "samples" / "seed-rferl-2016-02-12.txt"
    code, out, err = run_cli(["extract", str(seed)], capsys)
    assert code == 0, err
    record = json.loads(out)
    assert record["document"]["published"] is None
    allowed = shared_gold_years(shared_dir)
    years = {e["date"][:4] if e["date"] else None for e in record["events"]}
    assert years <= allowed, f"invented years {years - allowed}"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"\x00\x01\x02\x03\xff\xfe" * 200, "binary"),
    ],
)
def test_a_bad_single_report_is_one_line_and_a_nonzero_exit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, reason: str
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    code, out, err = run_cli(["extract", str(bad)], capsys)
    assert code != 0
    assert out == ""
    assert len(err.strip().splitlines()) == 1 and reason in err


def test_unknown_date_flag_is_a_specific_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(["extract", "x.txt", "--published", "12/02/2016"], capsys)
    assert code != 0 and out == ""
    assert "YYYY-MM-DD" in err


@pytest.mark.parametrize("command", ["ingest", "run"])
def test_a_missing_source_path_stops_before_anything_is_stored(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    db = tmp_path / "tw.duckdb"
    real = tmp_path / "report.txt"
    real.write_text("Gondor's army shelled Osgiliath on Monday, killing two people.\n" * 3)
    missing = tmp_path / "no-such-report.txt"
    code, out, err = run_cli([command, str(real), str(missing), "--db", str(db)], capsys)
    assert code == 3 and out == ""
    assert err.strip() == f"trucewatch: error: {missing}: no such file or directory"
    assert not db.exists()


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["incidents", "lists"], "No such command 'lists'"),
        (["incidents", "--limit", "many"], "--limit"),
        (["no-such-command"], "No such command"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], said: str
) -> None:
    code, out, err = run_cli(argv, capsys)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1
    assert err.startswith("trucewatch: error: ") and said in err


@pytest.mark.model
def test_batch_streams_records_in_order_and_survives_bad_lines(tmp_path: Path) -> None:
    lines = [
        {
            "id": "a",
            "text": "Warplanes struck a bakery in Saraqib on Monday, killing five "
            "civilians, a local monitor said.",
            "published": "2016-02-16",
            "source": "Test Wire",
        },
        "this line is not json",
        {"id": "b", "published": "2016-02-16"},
        {
            "id": "c",
            "html": "<html><head><title>Calm day</title></head><body><article><p>"
            "The truce held across most of the country on Sunday, residents said, and markets "
            "reopened in several towns for the first time in weeks.</p></article></body></html>",
            "published": "2016-02-28",
        },
        {"id": "d", "text": "Shelling hit Douma.", "published": "28 Feb"},
    ]
    batch = tmp_path / "in.jsonl"
    batch.write_text("\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n")
    done = subprocess.run(
        [sys.executable, "-m", "trucewatch", "extract", "--batch", str(batch), "--workers", "2"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r.get("id") for r in records] == ["a", None, "b", "c", "d"]
    assert records[0]["document"]["source"] == "Test Wire"
    assert "error" in records[1] and "invalid JSON" in records[1]["error"]
    assert "error" in records[2] and "text" in records[2]["error"]
    assert records[3]["document"]["title"] == "Calm day"
    assert "error" in records[4] and "YYYY-MM-DD" in records[4]["error"]
