"""`extract --batch` on Apache Spark (PySpark): the same per-line code path, more machines.

Shape of a run (see docs/scale-out.md):

    sc.textFile(input, minPartitions)          byte-range splits, in file order
      .mapPartitions(process_partition)        one cached Pipeline per Python worker
      .saveAsTextFile(output_dir)              part-00000, part-00001, ... in input order

Order is kept by construction, with no shuffle: text splits are numbered in file order,
`mapPartitions` keeps order within a split, and part i holds split i. Concatenating the part
files by number gives one record per non-blank input line, in input order. Only when the
input cannot be split finely enough (a .gz file is one split) are lines numbered with
`zipWithIndex` and spread over range partitions sorted by that index, which keeps the same
order. The output stays as part files rather than `coalesce(1)`: coalescing without a
shuffle would run the whole NLP stage in one task, on one core. `output_lines` and
`stream_batch` read the parts back in order for a single stream.

pyspark is an optional extra and is imported only when a run starts.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import sys
import tempfile
import time
import warnings
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from trucewatch import errors
from trucewatch.config import Settings
from trucewatch.errors import ConfigError, InputError, TrucewatchError
from trucewatch.runners import spark_worker

if TYPE_CHECKING:
    from pyspark import SparkContext

INSTALL_HINT = "the Spark runner needs pyspark: pip install 'trucewatch[spark]'"
DEFAULT_MASTER = "local[2,3]"  # 2 cores; a failed task is tried up to 3 times
DRIVER_MEMORY = "1g"  # the driver only plans the job and moves file names; lines stay in tasks
PARTITIONS_PER_CORE = 4  # small tasks balance uneven reports and make a retry cheap

_LOG4J2 = """\
rootLogger.level = error
rootLogger.appenderRef.stderr.ref = stderr
appender.stderr.type = Console
appender.stderr.name = stderr
appender.stderr.target = SYSTEM_ERR
appender.stderr.layout.type = PatternLayout
appender.stderr.layout.pattern = spark %p %c{1}: %m%n
"""
_PART_RE = re.compile(r"part-(\d+)")
_WORKER_ERROR_RE = re.compile(r"trucewatch\.errors\.(\w+): (.+)")


@dataclass(frozen=True)
class SparkRunReport:
    """What a Spark batch run did; `lines == records + errors`."""

    lines: int
    records: int
    errors: int
    seconds: float
    output_dir: str
    partitions: int

    def summary(self) -> str:
        return (
            f"spark: {self.lines} lines -> {self.records} records, {self.errors} errors "
            f"in {self.seconds:.1f} s ({self.partitions} partitions) -> {self.output_dir}"
        )


def _pyspark() -> Any:
    try:
        import pyspark
    except ImportError:
        raise ConfigError(INSTALL_HINT) from None
    return pyspark


def _require_java() -> None:
    java_home = os.environ.get("JAVA_HOME")
    if java_home and Path(java_home, "bin", "java").is_file():
        return
    if shutil.which("java") is None:
        raise ConfigError(
            "the Spark runner needs Java 17 or later: install a JDK (e.g. apt-get install "
            "openjdk-17-jre-headless) or set JAVA_HOME"
        )


def is_local_master(master: str) -> bool:
    return master == "local" or master.startswith("local[")


@contextmanager
def spark_context(
    master: str = DEFAULT_MASTER,
    *,
    driver_memory: str = DRIVER_MEMORY,
    conf: Mapping[str, str] | None = None,
) -> Iterator[SparkContext]:
    """Start a quiet SparkContext (stopped on exit); one per process at a time.

    Workers run this interpreter (`sys.executable`), so they import the same trucewatch.
    For a local master everything binds to 127.0.0.1 and the web UI is off: no port is
    opened beyond loopback. For a cluster master the driver must be reachable by the
    executors, so the bind settings are left to Spark (or to `conf`).
    """
    pyspark = _pyspark()
    _require_java()
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    with tempfile.TemporaryDirectory(prefix="trucewatch-spark-") as scratch:
        log_config = Path(scratch, "log4j2.properties")
        log_config.write_text(_LOG4J2, encoding="utf-8")
        settings: dict[str, str] = {
            "spark.app.name": "trucewatch-extract",
            "spark.ui.enabled": "false",
            "spark.ui.showConsoleProgress": "false",
            "spark.driver.memory": driver_memory,
            "spark.driver.extraJavaOptions": f"-Dlog4j2.configurationFile={log_config.as_uri()}",
            "spark.python.worker.reuse": "true",  # spark_worker's cache relies on it
            "spark.pyspark.python": sys.executable,
            "spark.local.dir": scratch,
        }
        if is_local_master(master):
            os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
            settings["spark.driver.bindAddress"] = "127.0.0.1"
            settings["spark.driver.host"] = "127.0.0.1"
        settings.update(conf or {})
        spark_conf = pyspark.SparkConf().setMaster(master).setAll(list(settings.items()))
        with warnings.catch_warnings():
            # Starting a context imports pyspark.testing, which warns on pandas >= 3;
            # the runner uses no pandas, so this one warning is noise.
            warnings.filterwarnings(
                "ignore", "PySpark does not yet fully support pandas", FutureWarning
            )
            sc = pyspark.SparkContext(conf=spark_conf)
        sc.setLogLevel("ERROR")
        try:
            yield sc
        finally:
            sc.stop()


def _path_for_spark(path: str) -> str:
    """A URI (hdfs://, s3a://, file://) goes to Spark as is; a plain path is made absolute."""
    return path if "://" in path else str(Path(path).resolve())


def _check_paths(input_path: str, output_dir: str) -> None:
    if "://" not in input_path and not Path(input_path).is_file():
        raise InputError(f"--batch {input_path}: no such file")
    if "://" not in output_dir:
        out = Path(output_dir)
        if out.exists() and (not out.is_dir() or any(out.iterdir())):
            raise InputError(
                f"--out {output_dir}: already exists and is not empty; "
                "choose a new directory (Spark never overwrites)"
            )
        if out.is_dir():
            out.rmdir()  # Spark insists on creating the directory itself


def _translate(error: Exception) -> TrucewatchError:
    """Turn a failed Spark job into the TrucewatchError a worker raised, or one line."""
    text = str(error)
    found = _WORKER_ERROR_RE.search(text)
    if found and isinstance(getattr(errors, found.group(1), None), type):
        cls = getattr(errors, found.group(1))
        if issubclass(cls, TrucewatchError):
            return cls(f"in a Spark worker: {found.group(2).strip()}")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    cause = next((line for line in lines if "Error" in line or "Exception" in line), "")
    return TrucewatchError(f"the Spark job failed: {cause or (lines[0] if lines else text)}")


def part_files(output_dir: str | Path) -> list[Path]:
    """The part files of a local output directory, in input order (by part number)."""
    numbered = []
    for path in Path(output_dir).iterdir():
        found = _PART_RE.match(path.name)
        if found and not path.name.endswith(".crc"):
            numbered.append((int(found.group(1)), path))
    return [path for _number, path in sorted(numbered)]


def output_lines(output_dir: str | Path) -> Iterator[str]:
    """Every output record (one JSON string each, no newline) in input order; streams."""
    for path in part_files(output_dir):
        with path.open(encoding="utf-8") as part:
            for line in part:
                yield line.rstrip("\n")


def spark_batch(
    input_path: str,
    output_dir: str,
    *,
    settings: Settings,
    agreement_ref: str | None = None,
    master: str = DEFAULT_MASTER,
    partitions: int | None = None,
    sc: SparkContext | None = None,
) -> SparkRunReport:
    """Run `extract --batch` over a JSONL file on Spark; part files land in `output_dir`.

    `agreement_ref` (a shipped id or a YAML path readable on every executor) is loaded in
    the workers, once per worker process. `partitions` defaults to 4 per core. Pass `sc` to
    reuse a running context (then `master` is ignored); otherwise one is started and stopped.
    """
    _pyspark()
    _check_paths(input_path, output_dir)
    if sc is None:
        with spark_context(master) as own:
            return spark_batch(
                input_path,
                output_dir,
                settings=settings,
                agreement_ref=agreement_ref,
                partitions=partitions,
                sc=own,
            )
    started = time.perf_counter()
    wanted = partitions or sc.defaultParallelism * PARTITIONS_PER_CORE
    source = _path_for_spark(input_path)
    target = _path_for_spark(output_dir)
    try:
        lines = sc.textFile(source, minPartitions=wanted, use_unicode=False)
        if lines.getNumPartitions() >= min(wanted, sc.defaultParallelism):
            out = lines.mapPartitions(
                functools.partial(spark_worker.process_partition, settings, agreement_ref)
            )
        else:  # unsplittable input (e.g. gzip): number the lines, spread them by range
            total = max(1, lines.count())
            out = (
                lines.zipWithIndex()
                .map(lambda pair: (pair[1], pair[0]))
                .repartitionAndSortWithinPartitions(
                    wanted, functools.partial(_range_partition, total=total, parts=wanted)
                )
                .mapPartitions(
                    functools.partial(
                        spark_worker.process_indexed_partition, settings, agreement_ref
                    )
                )
            )
        used = out.getNumPartitions()
        out.saveAsTextFile(target)
        counts = sc.textFile(target).map(spark_worker.is_error_line).countByValue()
    except Exception as error:
        if isinstance(error, TrucewatchError):
            raise
        raise _translate(error) from None
    failed = int(counts.get(True, 0))
    good = int(counts.get(False, 0))
    return SparkRunReport(
        lines=failed + good,
        records=good,
        errors=failed,
        seconds=time.perf_counter() - started,
        output_dir=output_dir,
        partitions=used,
    )


def _range_partition(index: int, *, total: int, parts: int) -> int:
    """Partition of input line `index` so that partition order is input order."""
    return min(parts - 1, index * parts // total)


def stream_batch(
    input_path: str,
    out: TextIO,
    *,
    settings: Settings,
    agreement_ref: str | None = None,
    master: str = DEFAULT_MASTER,
    partitions: int | None = None,
    sc: SparkContext | None = None,
) -> SparkRunReport:
    """Run on Spark and write the records to `out` in input order (for moderate inputs).

    Records go to a temporary local directory first (the job stays fully parallel), then
    are copied to `out` part by part; the driver holds one line at a time, but the disk
    must hold the whole output once. Needs a local (or shared) filesystem.
    """
    with tempfile.TemporaryDirectory(prefix="trucewatch-spark-out-") as scratch:
        target = str(Path(scratch, "records"))
        report = spark_batch(
            input_path,
            target,
            settings=settings,
            agreement_ref=agreement_ref,
            master=master,
            partitions=partitions,
            sc=sc,
        )
        for line in output_lines(target):
            out.write(line + "\n")
        out.flush()
    return SparkRunReport(
        lines=report.lines,
        records=report.records,
        errors=report.errors,
        seconds=report.seconds,
        output_dir="-",
        partitions=report.partitions,
    )


__all__ = [
    "INSTALL_HINT",
    "SparkRunReport",
    "output_lines",
    "part_files",
    "spark_batch",
    "spark_context",
    "stream_batch",
]
