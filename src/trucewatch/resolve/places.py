"""Place lookup over the compact GeoNames gazetteer plus the curated supplement.

Rows live in parallel lists (not 30k pydantic objects); a `Place` is built only for the
row a lookup returns. Two dictionaries (exact key, skeleton key) answer most lookups; the
fuzzy pass runs over one country's keys when the report's country is known.
"""

from __future__ import annotations

import bisect
import gzip
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz, process

from trucewatch.errors import KnowledgeBaseError
from trucewatch.model.kb import Place, PlaceMatch, Unresolved
from trucewatch.resolve.names import name_key, skeleton

# Tuned on the 25 conflict places and their spellings in tests/resolve/test_kb_places.py
# and 200 one-edit misspellings of sampled gazetteer names: at 86 on skeleton keys every
# spelling resolves and "Shyrokyne" (supplement) does not fall to "Shyroke" (ratio 80).
# v2: an exact country or region name beats a fuzzy spelling guess inside the country.
# v3: a lone compass or ordinal word names no place; a short all-caps word is an acronym.
# v4: a short name's fuzzy match far from every place the report names is no match.
# v5: a bare name prefix ("Tal") or a name shared across governorates ("Shaar") alone is no place
# v6: a nationality word (an actor's demonym) is no place pattern (`KB.entity_patterns`)
PLACES_VERSION = "trucewatch.resolve.places.v6"
PLACE_FUZZY_MIN = 86.0
PLACE_FUZZY_MIN_LEN = 4
NEAR_KM = 75.0  # a "near" place within this distance counts as support
# A fuzzy match on a name shorter than this (skeleton letters) needs a named place within
# NEAR_KM: gold suite, "Asan" (a temple near Akhnoor) fell to Pasan, 1,167 km away.
FUZZY_SHORT_LEN = 7
# Outside the report's country only a name a reader would recognise abroad may win: an
# exact or alternate name of a country, an admin1 area, or a city of this many people.
# Tuned on FA-KES dev (Syria): "US" fell to the Russian hamlet "Ous" (spelling variant),
# "New York" to a Ukrainian village of 9,735; Ankara or Beirut (~1M+) stay resolvable.
FOREIGN_MIN_POPULATION = 100_000
REGION_WORDS = re.compile(
    r"\s+(region|oblast|province|governorate|state|district|countryside|prefecture)$",
    re.IGNORECASE,
)
CITY_WORDS = re.compile(r"^(city of|town of|village of)\s+|\s+(city|town|village)$", re.IGNORECASE)
PRECISION_OF = {"P": "city", "A": "admin1", "C": "country"}
# A compass or ordinal word alone ("Northern", "Central" of a title-cased headline "Attacks
# in Northern Syria", "First") names no place: GeoNames-derived alternates make them Israeli
# districts or a Yemeni governorate (FA-KES dev: 2 events placed in Israel).
COMPASS_OR_ORDINAL = re.compile(
    r"^(?:(?:north|south)?-?(?:east|west)?(?:ern)?|north|south|central|middle|upper|lower|inner"
    r"|outer|greater|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)$",
    re.IGNORECASE,
)
# A short all-caps word ("US", "SANA", "UK") is an acronym, not a place, unless it is the
# name of a place in the report's country ("HOMS" in a Syrian report) or a country or
# region the gazetteer spells exactly so (its town alternates hold airport codes: "CNN").
# FA-KES dev: "US" -> the Russian hamlet "Ous", "SANA" (Syria's state news agency) -> a
# Yemeni village.
ACRONYM_MAX_LETTERS = 5
# A bare word that opens many place names ("Tal Abyad", "Tell Rifaat": "hill") or a name
# shared by places in different governorates ("Shaar", a gas field in Homs and a district
# of Aleppo city, and one letter off a Deir ez-Zor town) names no one place on its own.
BARE_NAME_WORDS = frozenset({"tal", "tall", "tell", "shaar"})


def is_acronym(phrase: str) -> bool:
    """Is this a short all-caps word ("US", "SANA"), as acronyms are written?"""
    letters = [c for c in phrase if c.isalpha()]
    return (
        " " not in phrase
        and 2 <= len(letters) <= ACRONYM_MAX_LETTERS
        and all(c.isupper() for c in letters)
    )


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance; the tests use the same formula to check coordinates."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def _by_length(key: str) -> tuple[int, str]:
    return (len(key), key)


def _length_window(pool: list[str], length: int) -> list[str]:
    """The slice of a length-sorted pool whose lengths can reach PLACE_FUZZY_MIN.

    fuzz.ratio is 200 * matches / (len_a + len_b) and matches <= min(len_a, len_b), so a
    score >= c needs min/max >= c / (200 - c): with c = 86, lengths within a factor 0.754.
    """
    factor = PLACE_FUZZY_MIN / (200.0 - PLACE_FUZZY_MIN)
    low = bisect.bisect_left(pool, (math.ceil(length * factor), ""), key=_by_length)
    high = bisect.bisect_right(pool, (math.floor(length / factor), "\uffff"), key=_by_length)
    return pool[low:high]


@dataclass
class Gazetteer:
    ids: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    admin1: list[str] = field(default_factory=list)
    lat: list[float] = field(default_factory=list)
    lon: list[float] = field(default_factory=list)
    population: list[int] = field(default_factory=list)
    feature: list[str] = field(default_factory=list)
    alternates: list[tuple[str, ...]] = field(default_factory=list)
    curated: dict[int, Place] = field(default_factory=dict)
    exact: dict[str, list[int]] = field(default_factory=dict)
    loose: dict[str, list[int]] = field(default_factory=dict)
    by_id: dict[str, int] = field(default_factory=dict)
    fuzzy_keys: dict[str, list[str]] = field(default_factory=dict)  # country -> skeletons
    fuzzy_all: list[str] = field(default_factory=list)

    # ---- loading -------------------------------------------------------------------------
    @classmethod
    def load(cls, path: Path, curated: dict[str, Place]) -> Gazetteer:
        gaz = cls()
        try:
            with gzip.open(path, "rt", encoding="utf-8") as fh:
                for line in fh:
                    if line.startswith("#"):
                        continue
                    cols = line.rstrip("\n").split("\t")
                    alts = tuple(a for a in cols[8].split("|") if a) if len(cols) > 8 else ()
                    gaz.add_row(
                        cols[0],
                        cols[1],
                        cols[2],
                        cols[3],
                        float(cols[4]),
                        float(cols[5]),
                        int(cols[6]),
                        cols[7],
                        alts,
                    )
        except (OSError, ValueError, IndexError) as exc:
            raise KnowledgeBaseError(
                f"gazetteer {path} is unreadable ({exc}); "
                "rebuild it with scripts/build_gazetteer.py"
            ) from None
        for place in curated.values():
            gaz.add_place(place)
        gaz.index()
        return gaz

    def add_row(
        self,
        pid: str,
        name: str,
        cc: str,
        admin1: str,
        lat: float,
        lon: float,
        pop: int,
        feature: str,
        alts: tuple[str, ...],
    ) -> int:
        if pid in self.by_id:  # an overlay or supplement place replaces a row of that id
            row = self.by_id[pid]
        else:
            row = len(self.ids)
            self.by_id[pid] = row
            for column in (
                self.ids,
                self.names,
                self.countries,
                self.admin1,
                self.lat,
                self.lon,
                self.population,
                self.feature,
                self.alternates,
            ):
                column.append(None)  # type: ignore[arg-type]
        self.ids[row], self.names[row], self.countries[row] = pid, name, cc
        self.admin1[row], self.lat[row], self.lon[row] = admin1, lat, lon
        self.population[row], self.feature[row], self.alternates[row] = pop, feature, alts
        return row

    def add_place(self, place: Place) -> None:
        row = self.add_row(
            place.id,
            place.name,
            place.country,
            place.admin1 or "",
            place.lat,
            place.lon,
            place.population,
            place.feature,
            place.aliases,
        )
        self.curated[row] = place

    def index(self) -> None:
        self.exact.clear()
        self.loose.clear()
        for row, name in enumerate(self.names):
            for surface in (name, *self.alternates[row]):
                self.exact.setdefault(name_key(surface), []).append(row)
                self.loose.setdefault(skeleton(surface), []).append(row)
        per_country: dict[str, set[str]] = {}
        for key, rows in self.loose.items():
            if len(key) < PLACE_FUZZY_MIN_LEN:
                continue
            for row in rows:
                per_country.setdefault(self.countries[row], set()).add(key)
        # Sorted by length so a fuzzy search can slice out the only lengths that can reach
        # the cutoff (see `_length_window`): ~5x fewer comparisons than the whole pool.
        self.fuzzy_keys = {cc: sorted(keys, key=_by_length) for cc, keys in per_country.items()}
        self.fuzzy_all = sorted(
            {k for k in self.loose if len(k) >= PLACE_FUZZY_MIN_LEN}, key=_by_length
        )

    # ---- answers -------------------------------------------------------------------------
    def place(self, row: int) -> Place:
        if row in self.curated:
            return self.curated[row]
        pid = self.ids[row]
        return Place(
            id=pid,
            name=self.names[row],
            country=self.countries[row],
            admin1=self.admin1[row] or None,
            lat=self.lat[row],
            lon=self.lon[row],
            precision=PRECISION_OF.get(self.feature[row], "city"),  # type: ignore[arg-type]
            population=self.population[row],
            feature=self.feature[row],
            aliases=self.alternates[row],
            source=f"GeoNames {pid.split(':', 1)[1]}" if pid.startswith("gn:") else "GeoNames",
        )

    def describe(self, row: int) -> str:
        if row in self.curated:
            where = f"curated {self.ids[row]}; {self.curated[row].source}"
        elif self.ids[row].startswith("gn:"):
            where = f"GeoNames {self.ids[row][3:]}"
        else:
            where = f"GeoNames-derived {self.ids[row]}"
        return f"'{self.names[row]}' ({where}), {self.admin1[row] or '-'}, {self.countries[row]}"

    def nearest_km(self, row: int, anchors: list[tuple[float, float]]) -> float:
        if not anchors:
            return math.inf
        return min(haversine_km(self.lat[row], self.lon[row], a, b) for a, b in anchors)

    def anchors(self, near: str, country: str) -> list[tuple[float, float]]:
        """Coordinates of the context's nearby places (exact matches only, best row each)."""
        points: list[tuple[float, float]] = []
        for name in filter(None, (n.strip() for n in near.split(","))):
            rows = [
                r
                for r in self.exact.get(name_key(name), [])
                if not country or self.countries[r] == country
            ]
            if rows:
                best = max(rows, key=lambda r: (self.feature[r] == "P", self.population[r]))
                points.append((self.lat[best], self.lon[best]))
        return points

    def candidates(
        self, phrase: str, country: str, fuzzy: bool = True
    ) -> dict[int, tuple[int, float, str]]:
        """row -> (quality, score, how): exact name 3, alternate 2, spelling variant 1, fuzzy 0.

        Fuzzy runs when nothing matched, or when a country is known and nothing matched there.
        """
        key, loose = name_key(phrase), skeleton(phrase)
        how: dict[int, tuple[int, float, str]] = {}
        if not key:
            return how
        for row in self.exact.get(key, []):
            primary = name_key(self.names[row]) == key
            how[row] = (3, 100.0, "exact name") if primary else (2, 100.0, "alternate name")
        for row in self.loose.get(loose, []):
            how.setdefault(row, (1, 97.0, "spelling variant"))
        in_country = not country or any(self.countries[r] == country for r in how)
        if fuzzy and (not how or not in_country) and len(loose) >= PLACE_FUZZY_MIN_LEN:
            pool = self.fuzzy_keys.get(country, []) if country else self.fuzzy_all
            for cand, score, _ in process.extract(
                loose,
                _length_window(pool, len(loose)),
                scorer=fuzz.ratio,
                score_cutoff=PLACE_FUZZY_MIN,
                limit=5,
            ):
                for row in self.loose[cand]:
                    if row not in how or how[row][1] < score:
                        how[row] = (0, float(score), f"fuzzy {score:.0f}")
        return how

    def _known_abroad(self, row: int, how: dict[int, tuple[int, float, str]]) -> bool:
        """May this out-of-country row answer despite the report's country context?"""
        if how[row][0] < 2:  # spelling variants and fuzzy matches stay home
            return False
        return (
            self.feature[row] in {"C", "A"}
            or row in self.curated
            or self.population[row] >= FOREIGN_MIN_POPULATION
        )

    def _spelt_as(self, row: int, phrase: str) -> bool:
        return phrase in (self.names[row], *self.alternates[row])

    def resolve(self, text: str, context: dict[str, str] | None = None) -> PlaceMatch | Unresolved:
        context = context or {}
        country = context.get("country", "").upper()
        admin1 = name_key(context.get("admin1", ""))
        phrase = re.sub(r"^the\s+", "", text.strip().strip(".,;:\"'"), flags=re.IGNORECASE)
        if COMPASS_OR_ORDINAL.match(phrase):
            return Unresolved(text=text, reason=f"'{phrase}' is a compass or ordinal word")
        if phrase.lower() in BARE_NAME_WORDS:
            return Unresolved(text=text, reason=f"'{phrase}' alone names no one place")
        core = CITY_WORDS.sub("", REGION_WORDS.sub("", phrase)).strip()
        # The whole phrase first ("Donetsk Oblast" is itself a name); then without the
        # region/city word, which then says which kind of place is meant.
        how = self.candidates(phrase, country, fuzzy=core == phrase)
        want_admin = want_city = False
        if not how and core != phrase:
            want_admin = bool(REGION_WORDS.search(phrase))
            want_city = bool(CITY_WORDS.search(phrase))
            how = self.candidates(core, country)
        else:
            core = phrase
        if not name_key(core):
            return Unresolved(text=text, reason="empty place name")
        if COMPASS_OR_ORDINAL.match(core):  # "Southern City" (of Daraa)
            return Unresolved(text=text, reason=f"'{core}' is a compass or ordinal word")
        if not how:
            scope = f" in {country}" if country else ""
            return Unresolved(text=text, reason=f"no gazetteer name or close spelling{scope}")
        if is_acronym(phrase):
            how = {
                r: v
                for r, v in how.items()
                if (v[0] >= 2 and self.countries[r] == country)
                or (self.feature[r] in {"C", "A"} and self._spelt_as(r, phrase))
            }
            if not how:
                scope = f" in {country}" if country else ""
                return Unresolved(
                    text=text, reason=f"'{phrase}' reads as an acronym (no place so named{scope})"
                )
        if any(q >= 2 and self.feature[r] in {"C", "A"} for r, (q, _s, _k) in how.items()):
            # "the border with Iraq": the exact name of a country or region is that place,
            # not a spelling guess at a village at home ("Iraq" ~ "Al Hirak", ratio 89).
            how = {r: v for r, v in how.items() if v[0] > 0}
        anchors = self.anchors(context.get("near", ""), country)

        def rank(row: int) -> tuple[float, ...]:
            feature = self.feature[row]
            if want_admin:
                feature_pref = {"A": 2, "C": 1}.get(feature, 0)
            else:
                # A country's own name beats a same-named hamlet ("Burma", Jordan).
                prefs = {"C": 3, "P": 2, "S": 2, "L": 2}
                feature_pref = prefs.get(feature, 0) if not want_city else int(feature == "P")
            distance = self.nearest_km(row, anchors)
            return (
                float(bool(country) and self.countries[row] == country),
                float(bool(admin1) and name_key(self.admin1[row]) == admin1),
                float(feature_pref) if want_admin or want_city else 0.0,
                float(distance <= NEAR_KM),
                -round(distance / 10) if anchors and distance <= NEAR_KM else 0.0,
                float(feature == "C" and not want_city),
                float(how[row][0]) + how[row][1] / 1000,
                float(feature_pref),
                -distance if anchors else 0.0,
                float(self.population[row]),
            )

        rows = sorted(how, key=rank, reverse=True)
        best = rows[0]
        _quality, score, kind = how[best]
        if (
            _quality == 0
            and len(skeleton(core)) < FUZZY_SHORT_LEN
            and anchors
            and self.nearest_km(best, anchors) > NEAR_KM
            and self.feature[best] not in {"C", "A"}
            and self.population[best] < FOREIGN_MIN_POPULATION
        ):
            # "Asan" ~ "Pasan", "Haris" ~ "Harish": one letter off a short name is another
            # name; far from every place the report names, the guess is some other town
            # (a misspelt city a reader would know, "Hassak" for Hasakah, still counts)
            return Unresolved(
                text=text,
                reason=f"'{core}' is a short name only close in spelling to "
                f"{self.describe(best)}, {self.nearest_km(best, anchors):.0f} km from the "
                "places the report names",
            )
        if country and self.countries[best] != country and not self._known_abroad(best, how):
            return Unresolved(
                text=text,
                reason=f"no place '{core}' in {country}; the only match ({kind}) is "
                f"{self.describe(best)}, too obscure to leave the country context",
            )
        reason = f"{kind} '{core}' -> {self.describe(best)}"
        facts = []
        if country:
            facts.append(
                f"country context {country}"
                if self.countries[best] == country
                else f"country context {country} not met (best match is in {self.countries[best]})"
            )
        if anchors:
            facts.append(f"{self.nearest_km(best, anchors):.0f} km from named nearby places")
        if want_admin:
            facts.append("region word asks for an admin area")
        if len(rows) > 1:
            facts.append(f"chosen over {len(rows) - 1} other candidate(s)")
        if self.population[best]:
            facts.append(f"population {self.population[best]:,}")
        if facts:
            reason += "; " + ", ".join(facts)
        return PlaceMatch(place=self.place(best), matched=text, reason=reason, score=score)


__all__ = [
    "BARE_NAME_WORDS",
    "COMPASS_OR_ORDINAL",
    "FOREIGN_MIN_POPULATION",
    "NEAR_KM",
    "PLACES_VERSION",
    "PLACE_FUZZY_MIN",
    "Gazetteer",
    "haversine_km",
    "is_acronym",
]
