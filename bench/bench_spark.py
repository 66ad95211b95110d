"""Spark runner vs local runner for `extract --batch`: reports/second and peak memory.

    .venv/bin/python bench/bench_spark.py [--reports 500] [--master local[2]]

The corpus is synthetic: ~2,000-character reports assembled from sentence templates written
for this benchmark (strikes, shelling, clashes, quotes, designations, background), set in
the real places and parties of the 2016 Syrian cessation of hostilities so the knowledge
base resolves them; seeded, so every run reads the same texts. Each runner runs in a fresh
process; memory is the peak over that process *and all its descendants* (Spark's JVM and
Python workers, the local runner's forked pool), sampled from /proc every 0.2 s, both as
summed RSS (counts shared pages once per process) and summed PSS (shares them out fairly).
Spark's figures are split into session start, the warm-up that loads a pipeline in each
Python worker, and the measured run over an already-warm session.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

PLACES = ["Aleppo", "Idlib", "Daraya", "Homs", "Hama", "Douma", "Azaz", "Deraa", "Latakia"]
ATTACKERS = [
    "Russian warplanes",
    "Syrian government forces",
    "Islamic State fighters",
    "Nusra Front militants",
    "rebel groups",
    "Turkish artillery",
]
TARGETS = ["a hospital", "a market", "a school", "a bakery", "a residential block"]
SPEAKERS = [
    ("Sergei Lavrov", "the Russian foreign minister"),
    ("Mevlut Cavusoglu", "the Turkish foreign minister"),
    ("John Kerry", "the US Secretary of State"),
    ("Riad Hijab", "the opposition's chief coordinator"),
]
TEMPLATES = [
    "{attacker} struck {target} in {place} on {date}, killing {n} civilians, monitors said.",
    "{attacker} shelled the outskirts of {place} overnight, wounding {m} people.",
    "Clashes between {attacker} and {attacker2} near {place} left {n} fighters dead.",
    '"This is a clear violation of the truce," {speaker}, {role}, said on {date}.',
    "{speaker}, {role}, accused {attacker} of using the lull to reinforce positions.",
    "The Syrian government described all armed groups in {place} as terrorists.",
    "A car bomb exploded at a checkpoint in {place}, killing {m} people, state media said.",
    "Aid trucks carrying flour and medicine waited for days outside {place}.",
    "Residents of {place} said the electricity had been cut for most of the winter.",
    "Talks in Geneva on extending the cessation of hostilities are due to resume next week.",
    "The Syrian Observatory for Human Rights said it could not confirm the death toll.",
    "{attacker} captured two villages north of {place} on {date}, a local official said.",
    "Hundreds of people protested in {place} to demand the release of detainees.",
    "The price of bread in {place} has tripled since the road was closed.",
]
DATES = [f"{day} February 2016" for day in range(20, 29)] + [
    f"{day} March 2016" for day in range(1, 15)
]


def corpus(n: int, seed: int = 2016) -> list[str]:
    """n reports of ~2,000 characters, paragraphs of three sentences."""
    rng = random.Random(seed)
    texts = []
    for _ in range(n):
        parts: list[str] = []
        while sum(len(p) + 1 for p in parts) < 2000:
            speaker, role = rng.choice(SPEAKERS)
            parts.append(
                rng.choice(TEMPLATES).format(
                    attacker=rng.choice(ATTACKERS),
                    attacker2=rng.choice(ATTACKERS),
                    target=rng.choice(TARGETS),
                    place=rng.choice(PLACES),
                    date=rng.choice(DATES),
                    speaker=speaker,
                    role=role,
                    n=rng.randint(2, 40),
                    m=rng.randint(1, 30),
                )
            )
        parts[0] = parts[0][0].upper() + parts[0][1:]
        texts.append("\n\n".join(" ".join(parts[i : i + 3]) for i in range(0, len(parts), 3)))
    return texts


def write_corpus(path: Path, n: int) -> str:
    texts = corpus(n)
    with path.open("w", encoding="utf-8") as out:
        for i, text in enumerate(texts):
            line = {"id": f"r{i:05d}", "text": text, "published": "2016-03-01", "source": "bench"}
            out.write(json.dumps(line) + "\n")
    chars = sum(map(len, texts))
    words = sum(len(t.split()) for t in texts)
    return (
        f"corpus: {n} synthetic reports from {len(TEMPLATES)} templates "
        f"(Syrian places and parties, Feb-Mar 2016), mean {chars / n:.0f} chars, "
        f"{words / n:.0f} words/report, {path.stat().st_size / 1e6:.1f} MB JSONL"
    )


# ---- memory of a process tree ----------------------------------------------------------------


def _tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(parent, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def _rss_pss_kb(pid: int) -> tuple[int, int]:
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0, 0
    values = {}
    for line in text.splitlines()[1:]:
        key, _, rest = line.partition(":")
        if rest.strip().endswith("kB"):
            values[key] = int(rest.split()[0])
    return values.get("Rss", 0), values.get("Pss", 0)


class PeakMemory:
    """Samples a process tree's summed RSS and PSS until stopped; keeps the peaks."""

    def __init__(self, root: int, interval_s: float = 0.2) -> None:
        self.root, self.interval_s = root, interval_s
        self.rss_kb = self.pss_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            sums = [_rss_pss_kb(pid) for pid in _tree(self.root)]
            self.rss_kb = max(self.rss_kb, sum(r for r, _ in sums))
            self.pss_kb = max(self.pss_kb, sum(p for _, p in sums))
            self._stop.wait(self.interval_s)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


# ---- the two runners, each in its own process ------------------------------------------------


def _child_local(source: Path, workers: int) -> dict[str, float]:
    from trucewatch.config import Settings
    from trucewatch.pipeline import Pipeline
    from trucewatch.runners.local import batch_records

    start = time.perf_counter()
    pipeline = Pipeline(Settings())
    pipeline.reader()
    loaded = time.perf_counter()
    lines = errors = 0
    with source.open(encoding="utf-8") as inp, open(os.devnull, "w") as sink:
        for record in batch_records(inp, pipeline, workers=workers):
            sink.write(json.dumps(record, ensure_ascii=False) + "\n")
            lines += 1
            errors += "error" in record
    done = time.perf_counter()
    return {
        "model_load_s": loaded - start,
        "run_s": done - loaded,
        "lines": lines,
        "errors": errors,
    }


def _child_spark(source: Path, master: str, partitions: int | None) -> dict[str, float]:
    from trucewatch.config import Settings
    from trucewatch.runners.spark import spark_batch, spark_context

    scratch = Path(tempfile.mkdtemp(prefix="bench-spark-"))
    warm = scratch / "warm.jsonl"
    with source.open(encoding="utf-8") as inp:
        warm.write_text("".join(next(inp) for _ in range(8)), encoding="utf-8")
    start = time.perf_counter()
    with spark_context(master) as sc:
        started = time.perf_counter()
        cores = sc.defaultParallelism
        warmup = spark_batch(
            str(warm), str(scratch / "warm-out"), settings=Settings(), partitions=cores, sc=sc
        )
        report = spark_batch(
            str(source), str(scratch / "out"), settings=Settings(), partitions=partitions, sc=sc
        )
    return {
        "session_start_s": started - start,
        "warmup_s": warmup.seconds,
        "run_s": report.seconds,
        "lines": report.lines,
        "errors": report.errors,
        "partitions": report.partitions,
        "output": str(scratch / "out"),
    }


def _run_child(args: list[str]) -> tuple[dict[str, float], float, int, int]:
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, __file__, *args], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
    )
    with PeakMemory(proc.pid) as peak:
        out, _ = proc.communicate()
    if proc.returncode:
        raise SystemExit(f"child {args} failed with exit code {proc.returncode}")
    wall = time.perf_counter() - start
    return json.loads(out.decode().strip().splitlines()[-1]), wall, peak.rss_kb, peak.pss_kb


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reports", type=int, default=500)
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--workers", type=int, default=2, help="local runner processes")
    parser.add_argument("--partitions", type=int, default=None)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--source", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "local":
        print(json.dumps(_child_local(Path(args.source), args.workers)))
        return
    if args.child == "spark":
        print(json.dumps(_child_spark(Path(args.source), args.master, args.partitions)))
        return

    with tempfile.TemporaryDirectory(prefix="bench-spark-corpus-") as scratch:
        source = Path(scratch, "corpus.jsonl")
        print(write_corpus(source, args.reports))
        print(f"machine: {os.cpu_count()} cores; python {sys.version.split()[0]}")
        local, local_wall, local_rss, local_pss = _run_child(
            ["--child", "local", "--source", str(source), "--workers", str(args.workers)]
        )
        spark_args = ["--child", "spark", "--source", str(source), "--master", args.master]
        if args.partitions:
            spark_args += ["--partitions", str(args.partitions)]
        spark, spark_wall, spark_rss, spark_pss = _run_child(spark_args)
        same = _same_output(source, Path(str(spark["output"])))

    n = args.reports
    print(
        f"local  (workers={args.workers}): model load {local['model_load_s']:.1f} s, "
        f"run {local['run_s']:.1f} s -> {n / local['run_s']:.1f} reports/s "
        f"({n / local_wall:.1f}/s end to end, {local_wall:.1f} s); "
        f"peak RSS {local_rss / 1024:.0f} MB, PSS {local_pss / 1024:.0f} MB; "
        f"errors {local['errors']:.0f}"
    )
    print(
        f"spark  ({args.master}, {spark['partitions']:.0f} partitions): session start "
        f"{spark['session_start_s']:.1f} s, worker warm-up {spark['warmup_s']:.1f} s, "
        f"run {spark['run_s']:.1f} s -> {n / spark['run_s']:.1f} reports/s "
        f"({n / spark_wall:.1f}/s end to end, {spark_wall:.1f} s); "
        f"peak RSS {spark_rss / 1024:.0f} MB, PSS {spark_pss / 1024:.0f} MB; "
        f"errors {spark['errors']:.0f}"
    )
    print(f"outputs identical: {same}")


def _same_output(source: Path, spark_out: Path) -> bool:
    """Spark's records against a fresh single-process local run over the first 20 lines."""
    from trucewatch.config import Settings
    from trucewatch.pipeline import Pipeline
    from trucewatch.runners.local import process_line
    from trucewatch.runners.spark import output_lines

    pipeline = Pipeline(Settings())
    with source.open(encoding="utf-8") as inp:
        want = [
            json.dumps(process_line(next(inp), pipeline), ensure_ascii=False) for _ in range(20)
        ]
    got = []
    for line in output_lines(spark_out):
        got.append(line)
        if len(got) == 20:
            break
    return got == want


if __name__ == "__main__":
    main()
