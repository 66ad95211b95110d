"""Fusion benchmark: time and peak memory of `fuse_events` on seeded synthetic reports.

    .venv/bin/python bench/bench_fuse.py                  # 10k and 100k
    .venv/bin/python bench/bench_fuse.py 10000 100000 1000000

Each size runs in its own process so peak RSS is that size's. The synthetic world holds
constant density (500 reports a day over a 6 x 8 degree box with 3,000 towns), so a larger
N means a longer period, as in a real archive: near-linear fusion keeps events/s flat.
Each true incident has 1-5 reports from different outlets with realistic noise (jittered
points without a gazetteer id, admin1-level and unknown places, next-day and week-precision
dates, unknown or competing actors), so pairwise precision/recall are printed as well.
On a shared machine the cpu column (process time) is the figure to compare.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import random
import resource
import subprocess
import sys
import time
from collections import Counter

from trucewatch.fuse import fuse_events
from trucewatch.model import ActorRef, EventKey, EventReport, PlaceRef, ReportedEvent

REPORTS_PER_DAY = 500
TOWNS = 3_000
ADMIN1 = 14
SUBS = ("Air/drone strike", "Shelling/artillery/missile attack", "Armed clash", "Attack")
TYPES = {
    "Air/drone strike": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Armed clash": "Battles",
    "Attack": "Violence against civilians",
}
OUTLETS = tuple(f"Outlet {i}" for i in range(40))


def synthesise(n: int, seed: int = 7) -> tuple[list[ReportedEvent], dict[EventKey, int]]:
    """`n` reports of ~n/3 incidents, with the incident each truly belongs to."""
    rng = random.Random(seed)
    towns = []
    for i in range(TOWNS):
        lat, lon = 32 + 6 * rng.random(), 35 + 8 * rng.random()
        adm = f"A{int((lat - 32) / 6 * 2) * 7 + int((lon - 35) / 8 * 7)}"
        towns.append(
            PlaceRef.model_construct(
                name=f"Town {i}",
                id=f"pl-{i}",
                admin1=adm,
                country="SY",
                lat=lat,
                lon=lon,
                precision="city",
            )
        )
    actors = [
        ActorRef.model_construct(name=f"Actor {i}", id=f"act-{i}", kind="state") for i in range(30)
    ]
    days = max(1, n // REPORTS_PER_DAY)
    start = dt.date(2016, 1, 1).toordinal()
    out: list[ReportedEvent] = []
    gold: dict[EventKey, int] = {}
    incident = 0
    while len(out) < n:
        incident += 1
        town = rng.choice(towns)
        day = start + rng.randrange(days)
        sub = rng.choice(SUBS)
        actor = rng.choice(actors)
        for j in range(min(rng.randint(1, 5), n - len(out))):
            loc: PlaceRef | None = town
            r = rng.random()
            if r < 0.15:  # a point near the town, no gazetteer id
                b, d = rng.random() * 2 * math.pi, rng.random() * 3.0
                loc = PlaceRef.model_construct(
                    name=f"near {town.name}",
                    id=None,
                    admin1=town.admin1,
                    country="SY",
                    lat=town.lat + d / 111 * math.cos(b),  # type: ignore[operator]
                    lon=town.lon + d / 90 * math.sin(b),  # type: ignore[operator]
                    precision="point",
                )
            elif r < 0.22:
                loc = PlaceRef.model_construct(
                    name=town.admin1, admin1=town.admin1, country="SY", precision="admin1"
                )
            elif r < 0.24:
                loc = None
            r = rng.random()
            when, precision = day, "day"
            if r < 0.1:
                when = day + rng.choice((-1, 1))
            elif r < 0.15:
                precision = "week"
            r = rng.random()
            a1: ActorRef | None = actor if r > 0.1 else None
            if r > 0.97:
                a1 = rng.choice(actors)  # a competing attribution
            key = EventKey.model_construct(article_id=f"a{len(out)}", index=0)
            event = EventReport.model_construct(
                event_type=TYPES[sub],
                sub_event_type=sub,
                actor1=a1,
                actor2=None,
                location=loc,
                date=dt.date.fromordinal(when),
                date_precision=precision,
                fatalities=rng.randint(0, 20),
                civilian_fatalities=None,
                injured=None,
                certainty="asserted",
                claimed_by=None,
                evidence="",
                article_id=key.article_id,
                index=0,
                extractor="bench",
            )
            out.append(
                ReportedEvent.model_construct(
                    key=key,
                    event=event,
                    source_id=key.article_id,
                    outlet=OUTLETS[(incident + j) % len(OUTLETS)],
                    credits=(),
                    published=event.date,
                    text_fingerprint=None,
                )
            )
            gold[key] = incident
    rng.shuffle(out)
    return out, gold


def pairwise(pred: dict[EventKey, str], gold: dict[EventKey, int]) -> tuple[float, float]:
    """Pairwise precision/recall in linear time from cluster-size counts."""

    def pairs(c: Counter) -> int:
        return sum(v * (v - 1) // 2 for v in c.values())

    both = pairs(Counter((pred[k], gold[k]) for k in pred))
    p_pairs, g_pairs = pairs(Counter(pred.values())), pairs(Counter(gold.values()))
    return both / p_pairs if p_pairs else 1.0, both / g_pairs if g_pairs else 1.0


def run_one(n: int) -> None:
    reports, gold = synthesise(n)
    rss_in = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t0, c0 = time.perf_counter(), time.process_time()
    incidents = fuse_events(reports)
    secs, cpu = time.perf_counter() - t0, time.process_time() - c0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    pred = {m.key: inc.id for inc in incidents for m in inc.members}
    precision, recall = pairwise(pred, gold)
    print(
        f"{n:>9,} reports  {len(incidents):>8,} incidents  {secs:8.2f} s  cpu {cpu:7.2f} s  "
        f"{n / secs:>9,.0f} reports/s  peak RSS {rss:7.0f} MiB (inputs {rss_in:.0f})  "
        f"pairwise P {precision:.3f} R {recall:.3f}",
        flush=True,
    )


def main(argv: list[str]) -> None:
    if argv[:1] == ["--one"]:
        run_one(int(argv[1]))
        return
    sizes = [int(a) for a in argv] or [10_000, 100_000]
    seconds: list[tuple[int, float]] = []
    for n in sizes:
        done = subprocess.run(
            [sys.executable, __file__, "--one", str(n)], check=True, capture_output=True, text=True
        )
        print(done.stdout, end="", flush=True)
        seconds.append((n, float(done.stdout.split(" s ")[0].split()[-1])))
    for (n0, s0), (n1, s1) in itertools.pairwise(seconds):
        print(f"{n0:,} -> {n1:,}: size x{n1 / n0:.1f}, fusion time x{s1 / s0:.1f}")


if __name__ == "__main__":
    main(sys.argv[1:])
