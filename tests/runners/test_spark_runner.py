"""The Spark runner gives exactly the local runner's records, in input order.

One SparkContext serves the whole module (starting one takes ~12 s) and its Python workers
keep their cached pipelines between tests, so only the first run pays for loading spaCy.
"""

from __future__ import annotations

import builtins
import gzip
import importlib.util
import io
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from trucewatch.config import Settings
from trucewatch.errors import ConfigError, InputError
from trucewatch.pipeline import Pipeline
from trucewatch.runners.local import process_line
from trucewatch.runners.spark import (
    INSTALL_HINT,
    output_lines,
    part_files,
    spark_batch,
    spark_context,
    stream_batch,
)

HAVE_PYSPARK = importlib.util.find_spec("pyspark") is not None
HAVE_JAVA = shutil.which("java") is not None
needs_spark = pytest.mark.skipif(
    not (HAVE_PYSPARK and HAVE_JAVA),
    reason="needs pyspark (pip install 'trucewatch[spark]') and Java 17+ on PATH",
)

pytestmark = [
    pytest.mark.spark,
    # PySpark's own warning, not ours (field notes: it warns on pandas >= 3).
    pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning"),
]

AGREEMENT = "syria-coh-2016"
STRIKE = (
    "On 12 February 2016 Russian aircraft struck a hospital in Aleppo, killing 16 civilians, "
    "the Syrian Observatory for Human Rights said. The Syrian government denied the report."
)
SHELLING = (
    "Government forces shelled the town of Daraya on 28 February 2016, a day after the "
    "cessation of hostilities took effect, wounding five people, activists said."
)
QUOTE = (
    '"What is important now is embracing this opportunity," Turkish Foreign Minister '
    "Mevlut Cavusoglu said on Twitter on 27 February 2016, calling the truce fragile."
)

# (line, is_good): the mix a real feed throws at a batch job.
LINES: list[tuple[str, bool]] = [
    (json.dumps({"id": "strike", "text": STRIKE, "published": "2016-02-12"}), True),
    ('{"id": "truncated", "text": "Shelling hit', False),  # invalid JSON
    (json.dumps({"id": "no-text", "published": "2016-02-12"}), False),
    (json.dumps({"id": "bad-date", "text": SHELLING, "published": "2016-02-30"}), False),
    (json.dumps({"id": "shelling", "text": SHELLING, "published": "2016-02-28"}), True),
    ("[1, 2, 3]", False),  # JSON, but not an object
    (json.dumps({"id": "html", "html": f"<html><body><p>{STRIKE}</p></body></html>"}), True),
    (json.dumps({"id": "missing-file", "path": "/nonexistent/report.txt"}), False),
    (json.dumps({"text": QUOTE, "source": "AFP"}), True),  # no id: echoed as null
    (json.dumps({"id": "quote", "text": QUOTE, "published": "2016-02-27"}), True),
    (json.dumps({"id": 7, "text": "Привет. " + SHELLING, "published": "2016-02-28"}), True),
    (json.dumps({"id": "strike-2", "text": STRIKE + " " + SHELLING}), True),
]


def _write_input(path: Path) -> Path:
    # Blank lines produce no record, as in the local runner.
    text = (
        "\n".join(line for line, _good in LINES[:6])
        + "\n\n"
        + "\n".join(line for line, _good in LINES[6:])
    )
    path.write_text(text + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def sc() -> Iterator[Any]:
    if not (HAVE_PYSPARK and HAVE_JAVA):
        pytest.skip("needs pyspark (pip install 'trucewatch[spark]') and Java 17+ on PATH")
    with spark_context("local[2,3]") as context:
        yield context


@pytest.fixture(scope="module")
def local_records() -> list[dict[str, Any]]:
    """The local runner's records for LINES, JSON round-tripped like the output files."""
    from trucewatch.assess import load_agreement

    pipeline = Pipeline(Settings())
    agreement = load_agreement(AGREEMENT, pipeline.knowledge_base())
    return [
        json.loads(json.dumps(process_line(line, pipeline, agreement), ensure_ascii=False))
        for line, _good in LINES
    ]


def _check_against_local(got: list[dict[str, Any]], want: list[dict[str, Any]]) -> None:
    assert [r.get("id") for r in got] == [r.get("id") for r in want]
    assert [("error" in r) for r in got] == [not good for _line, good in LINES]
    for got_record, want_record in zip(got, want, strict=True):
        assert got_record == want_record


@needs_spark
@pytest.mark.model
def test_spark_records_equal_local_runner_in_input_order(
    sc: Any, local_records: list[dict[str, Any]], tmp_path: Path
) -> None:
    source = _write_input(tmp_path / "in.jsonl")
    report = spark_batch(
        str(source),
        str(tmp_path / "out"),
        settings=Settings(),
        agreement_ref=AGREEMENT,
        partitions=5,
        sc=sc,
    )
    got = [json.loads(line) for line in output_lines(tmp_path / "out")]
    assert len(part_files(tmp_path / "out")) == report.partitions >= 5  # order spans parts
    _check_against_local(got, local_records)
    assert (report.lines, report.errors) == (len(LINES), sum(not g for _l, g in LINES))
    assert report.records == report.lines - report.errors
    assert all("verdicts" in r for r in got if "error" not in r)
    assert sum(len(r.get("events", [])) for r in got) >= 3  # real readings, not empty shells
    assert got[1]["id"] is None and got[1]["error"].startswith("invalid JSON")
    assert "YYYY-MM-DD" in got[3]["error"]


@needs_spark
@pytest.mark.model
def test_unsplittable_gzip_input_is_rebalanced_and_keeps_order(
    sc: Any, local_records: list[dict[str, Any]], tmp_path: Path
) -> None:
    plain = _write_input(tmp_path / "in.jsonl")
    packed = tmp_path / "in.jsonl.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    report = spark_batch(
        str(packed),
        str(tmp_path / "out"),
        settings=Settings(),
        agreement_ref=AGREEMENT,
        partitions=4,
        sc=sc,
    )
    assert report.partitions == 4
    _check_against_local([json.loads(x) for x in output_lines(tmp_path / "out")], local_records)


@needs_spark
@pytest.mark.model
def test_stream_batch_writes_the_same_lines_to_a_stream(sc: Any, tmp_path: Path) -> None:
    source = _write_input(tmp_path / "in.jsonl")
    spark_batch(str(source), str(tmp_path / "out"), settings=Settings(), partitions=3, sc=sc)
    sink = io.StringIO()
    report = stream_batch(str(source), sink, settings=Settings(), partitions=2, sc=sc)
    assert sink.getvalue().splitlines() == list(output_lines(tmp_path / "out"))
    assert report.output_dir == "-" and report.lines == len(LINES)


@needs_spark
def test_worker_cache_loads_one_pipeline_per_worker_process(sc: Any) -> None:
    def probe(_rows: Any) -> Iterator[tuple[int, int]]:
        import os

        from trucewatch.runners import spark_worker

        key = Settings(batch_chunk_lines=999)  # a key of its own: no reader is loaded
        spark_worker._PIPELINES.setdefault(key, Pipeline(key))
        yield os.getpid(), id(spark_worker._PIPELINES[key])

    seen = sc.parallelize(range(16), 16).mapPartitions(probe).collect()
    pids = {pid for pid, _pipeline in seen}
    assert len(seen) == 16 and len(pids) <= 3  # tasks share a few reused workers
    assert len(set(seen)) == len(pids)  # and each worker kept one pipeline across tasks


@needs_spark
def test_existing_output_dir_is_refused_before_spark_runs(tmp_path: Path) -> None:
    source = _write_input(tmp_path / "in.jsonl")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "part-00000").write_text("old\n")
    with pytest.raises(InputError, match="already exists"):
        spark_batch(str(source), str(tmp_path / "out"), settings=Settings())


@needs_spark
def test_missing_input_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        spark_batch(str(tmp_path / "nope.jsonl"), str(tmp_path / "out"), settings=Settings())


def test_missing_pyspark_names_the_install(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    real_import = builtins.__import__

    def no_pyspark(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "pyspark" or name.startswith("pyspark."):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pyspark)
    with pytest.raises(ConfigError) as caught:
        spark_batch(str(tmp_path / "in.jsonl"), str(tmp_path / "out"), settings=Settings())
    assert str(caught.value) == INSTALL_HINT
