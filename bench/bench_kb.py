"""Knowledge-base benchmark: load time, memory, lookups per second.

    .venv/bin/python bench/bench_kb.py

Names: the actor and place sets below (exact names, aliases/alternate spellings, and
misspellings that need the fuzzy pass), each looked up many times with and without a
country context.
"""

from __future__ import annotations

import resource
import time
from collections.abc import Callable

from trucewatch.resolve import load_kb

ACTORS = {
    "exact": ["Hayat Tahrir al-Sham", "Russia", "Hamas", "Rapid Support Forces", "Tatmadaw"],
    "alias": ["Nusra Front", "Daesh", "Russian warplanes", "Assad's regime", "Ansar Allah"],
    "fuzzy": ["Hezbolla", "Hayat Tahrir al-Sahm", "Al Shabab", "Jaysh al Islaam", "Wagnerr Group"],
}
PLACES = {
    "exact": ["Aleppo", "Donetsk", "Omdurman", "Saraqib", "Horlivka"],
    "alias": ["Maaret al-Numan", "I`zaz", "Tal Rifaat", "Hodeidah", "Stepanakert"],
    "fuzzy": ["Kafrnbel", "Avdiyivkka", "Debaltsiv", "Mayadeen", "Beit Hanun"],
}
CONTEXTS = [None, {"country": "SY"}]


def rate(fn: Callable[[str], object], names: list[str], seconds: float = 1.0) -> float:
    done, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for name in names:
            fn(name)
        done += len(names)
    return done / (time.perf_counter() - start)


def main() -> None:
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    kb = load_kb()
    load_s = time.perf_counter() - start
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    counts = kb.counts()
    print(f"load: {load_s:.2f} s; {counts}")
    print(f"memory: peak RSS grew {(rss_after - rss_before) / 1024:.0f} MB while loading")
    for context in CONTEXTS:
        label = f"context={context}"
        for mix, names in ACTORS.items():
            r = rate(lambda n, c=context: kb.resolve_actor(n, context=c), names)
            print(f"actors {mix:6s} {label}: {r:,.0f}/s")
        for mix, names in PLACES.items():
            r = rate(lambda n, c=context: kb.resolve_place(n, context=c), names)
            print(f"places {mix:6s} {label}: {r:,.0f}/s")


if __name__ == "__main__":
    main()
