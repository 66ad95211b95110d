"""Dashboard and API at scale: response times over a store of N synthetic incidents.

    .venv/bin/python bench/bench_dashboard.py [--incidents 10000]

Corpus: N seeded synthetic incidents spread over 60 days and 200 places in Syria, 1-4
member reports each, with a verdict under one agreement (a mix of all verdict kinds).
Each page or route is requested 5 times in-process (Starlette's test client, no network)
and the median and worst times are printed, with the HTML size, so growth stays visible.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import tempfile
import time
import warnings
from pathlib import Path

from trucewatch.config import Settings
from trucewatch.model import (
    ActorRef,
    EventKey,
    FigureRange,
    Incident,
    Member,
    PlaceRef,
    Source,
    Verdict,
)
from trucewatch.model.verdict import VERDICT_KINDS
from trucewatch.store import DuckDBStore

ACTORS = [
    ("russia", "Russia"),
    ("syria", "Syria"),
    ("islamic-state", "Islamic State"),
    ("hts", "Hayat Tahrir al-Sham"),
    ("turkey", "Turkey"),
]


def synthetic_incidents(count: int, seed: int = 7) -> list[Incident]:
    rng = random.Random(seed)
    places = [
        (f"Town {i}", 32.5 + rng.random() * 4.5, 35.8 + rng.random() * 6.0) for i in range(200)
    ]
    start = dt.date(2016, 2, 1)
    out = []
    for n in range(count):
        name, lat, lon = rng.choice(places)
        actor_id, actor_name = rng.choice(ACTORS)
        day = start + dt.timedelta(days=rng.randrange(60))
        members = tuple(
            Member(
                key=EventKey(article_id=f"a{n:06d}{m}", index=0),
                source_id=f"r{n}-{m}.txt",
                outlet=f"Outlet {m}",
                reason="synthetic",
                evidence="A strike hit the town.",
            )
            for m in range(rng.randint(1, 4))
        )
        killed = rng.randint(0, 30)
        out.append(
            Incident(
                id=f"inc-{n:08d}",
                event_type="Explosions/Remote violence",
                sub_event_type="Air/drone strike",
                date_start=day,
                date_end=day,
                date_precision="day",
                location=PlaceRef(
                    name=name, admin1="Idlib", country="SY", lat=lat, lon=lon, precision="city"
                ),
                actor1=ActorRef(name=actor_name, id=actor_id, country="SY", kind="state"),
                actor2=ActorRef(name="Civilians", id="civilians", kind="civilians"),
                members=members,
                sources=tuple(
                    Source(
                        key=f"outlet:{m.outlet}",
                        outlets=(m.outlet or "",),
                        article_ids=(m.key.article_id,),
                        reason="own outlet",
                    )
                    for m in members
                ),
                fatalities=FigureRange(min=killed, max=killed + 3, best=killed),
                grade="fair" if len(members) > 1 else "weak",
                verdicts=(
                    Verdict(
                        agreement="syria-coh-2016",
                        verdict=rng.choice(VERDICT_KINDS),
                        reasons=("synthetic",),
                        rule="bench",
                        party=actor_name,
                    ),
                ),
            )
        )
    return out


def timed(client, url: str, repeats: int = 5) -> tuple[float, float, int]:  # type: ignore[no-untyped-def]
    times, size = [], 0
    for _ in range(repeats):
        start = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
        size = len(response.content)
    return statistics.median(times), max(times), size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--incidents", type=int, default=10_000)
    args = parser.parse_args()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from trucewatch.api import create_app

    with tempfile.TemporaryDirectory() as tmp:
        store = DuckDBStore(Path(tmp) / "bench.duckdb")
        start = time.perf_counter()
        store.put_incidents(synthetic_incidents(args.incidents))
        print(
            f"corpus: {args.incidents} synthetic incidents (seed 7), stored in "
            f"{time.perf_counter() - start:.2f} s"
        )
        app = create_app(Settings(api_rate_per_minute=1_000_000), store)
        with TestClient(app) as client:
            urls = [
                "/",
                "/?verdict=violation&agreement=syria-coh-2016",
                "/incidents/inc-00000042",
                "/claims",
                "/api/incidents?limit=100",
                "/api/incidents?country=SY&since=2016-03-01&limit=100",
                "/api/stats",
                "/api/export/geojson",
            ]
            print(f"{'request':<52} {'median s':>9} {'worst s':>9} {'bytes':>10}")
            for url in urls:
                median, worst, size = timed(client, url)
                print(f"{url:<52} {median:>9.3f} {worst:>9.3f} {size:>10,}")
        store.close()


if __name__ == "__main__":
    main()
