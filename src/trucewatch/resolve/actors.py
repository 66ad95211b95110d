"""Actor lookup: names, aliases, renames over time, demonyms, metonyms, country context.

Order of attempts (first hit wins, and says which step matched in its reason):
1. exact name/alias/former name/ACLED name/metonym of a specific actor;
2. a country alias ("rebels", "the regime") of the context country's actor;
3. a generic class ("rebels", "gunmen", "civilians") when no country says more;
4. "<demonym or actor>'s <force noun>" ("Russian warplanes", "Assad's army") -> the branch;
5. a bare force noun with country context ("the army", "government forces");
6. a demonym alone ("Turkish", "U.S.") or an office of a state or body ("German Foreign
   Ministry spokeswoman", "White House spokesman", "a spokesman for the Houthis"), and a
   context-bound word ("coalition" over Syria or Iraq vs over Yemen);
7. fuzzy on the whole alias table (typos, transliterations), conservative threshold.
"""

from __future__ import annotations

import re
from datetime import date

from rapidfuzz import fuzz, process

from trucewatch.model.kb import Actor, ActorMatch, Unresolved
from trucewatch.resolve.names import name_key, skeleton

ACTORS_VERSION = "trucewatch.resolve.actors.v4"  # v2: demonyms alone, offices, context words
# v3: no fuzzy match to an acronym, nor across a different "X-led"/"X-backed" leader
# v4: "the air force", "the federal government", "federal troops" with country context

# Tuned on the alias table in tests/resolve/test_kb_actors.py plus 40 misspellings
# ("Hayat Tahrir al-Sahm", "Al Shabab", "Hezbolla"): 88 accepts all of them and rejects
# near-misses between distinct groups ("Jaysh al-Islam" vs "Jaysh al-Izza" scores 83).
ACTOR_FUZZY_MIN = 88.0
ACTOR_FUZZY_MIN_LEN = 5

# Head nouns -> the branch they point to (see BRANCH_FALLBACK when an actor lacks it).
FORCE_PHRASES: dict[str, str] = {
    phrase: branch
    for branch, phrases in {
        "air": (
            "warplanes",
            "warplane",
            "planes",
            "plane",
            "jets",
            "jet",
            "aircraft",
            "air force",
            "air forces",
            "airforce",
            "air strikes",
            "airstrikes",
            "airstrike",
            "air strike",
            "air raids",
            "air raid",
            "bombers",
            "bomber",
            "bombs",
            "bomb",
            "helicopters",
            "helicopter",
            "gunships",
            "aviation",
            "fighter jets",
            "drones",
            "drone",
            "pilots",
            "aerospace forces",
        ),
        "army": (
            "troops",
            "soldiers",
            "soldier",
            "army",
            "ground forces",
            "ground troops",
            "tanks",
            "infantry",
            "artillery",
            "shelling",
            "shells",
            "mortars",
        ),
        "military": (
            "forces",
            "military",
            "armed forces",
            "servicemen",
            "units",
            "missiles",
            "missile",
            "rockets",
            "rocket",
            "security forces",
            "defence forces",
            "defense forces",
            "government forces",
            "government troops",
            "federal forces",
            "federal troops",
        ),
        "navy": ("navy", "naval forces", "warships", "warship", "fleet"),
        "police": ("police", "policemen", "police forces"),
        "intelligence": ("intelligence", "intelligence services", "spies"),
        "paramilitary": ("paramilitaries", "militia", "militias"),
        "state": (
            "government",
            "federal government",
            "central government",
            "national government",
            "authorities",
            "officials",
            "regime",
            "leadership",
            "state",
            "administration",
        ),
    }.items()
    for phrase in phrases
}
BRANCH_FALLBACK = {
    "air": ("air", "military"),
    "army": ("army", "military"),
    "navy": ("navy", "military"),
    "police": ("police",),
    "intelligence": ("intelligence",),
    "paramilitary": ("paramilitary",),
    "military": ("military", "army"),
    "state": (),
}
# A bare force noun only names a country's own forces when it is not an air noun:
# "warplanes" over Idlib may be Syrian or Russian, "the army" is the country's.
# Nouns for the members of an armed group: "<group> fighters" is the group itself.
MEMBER_NOUNS = frozenset(
    {
        "fighters",
        "militants",
        "members",
        "gunmen",
        "jihadists",
        "insurgents",
        "rebels",
        "operatives",
        "combatants",
        "loyalists",
    }
)
# Kinds whose "members" would be a branch or a people, never the actor itself.
STATE_KINDS = frozenset({"state", "government"})
CONTEXT_BRANCHES = {"army", "military", "navy", "police", "intelligence", "state"}
# ... but the institution "the air force" (unlike "warplanes") is the country's own.
CONTEXT_AIR = frozenset({"air force", "airforce"})
_POSSESSIVE = re.compile(r"^(?P<owner>.+?)(?:'s|’s|s'|s’)\s+(?P<noun>.+)$")
_PAREN = re.compile(r"^(?P<outer>[^()]+?)\s*\((?P<inner>[^()]+)\)\s*$")
_LEADING = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)
# Words of an office or institution: "<owner> foreign ministry spokeswoman" is said for the
# owner state or body, while "<demonym>-backed militia" is someone else (so it is not here).
OFFICE_WORDS = frozenset(
    str.split(
        """foreign defence defense interior justice information affairs ministry minister ministers
    ministerial office government officials official president presidency presidential prime
    spokesman spokeswoman spokesperson spokespeople embassy ambassador envoy diplomat diplomats
    diplomatic authorities leader leaders leadership parliament cabinet secretary deputy vice
    chief head general staff national security council adviser advisor senior top state
    media sources source mission delegation negotiator negotiators representative permanent
    press service department king crown prince emir sultan chancellor chancellery
    mayor governor commander commanders delegate special high commissioner coordinator
    humanitarian political of and"""
    )
)
_OWNER_AFTER = re.compile(r"^(?P<office>.+?)\s+(?:for|of|to|from|at)\s+(?:the\s+)?(?P<owner>.+)$")
# A word that names different actors depending on where the war is: (word, country) -> id.
# Tuned on the actor files: the US-led coalition bombs in Syria and Iraq, the Saudi-led one
# in Yemen; an id missing from an overlay-less KB is skipped.
CONTEXT_ACTORS: dict[tuple[str, str], str] = {
    ("coalition", "SY"): "us-coalition",
    ("coalition", "IQ"): "us-coalition",
    ("coalition", "YE"): "saudi-coalition",
    ("international coalition", "YE"): "saudi-coalition",
    ("the coalition", "YE"): "saudi-coalition",
}


def name_on(actor: Actor, on: date | None) -> str:
    """The name the actor went by on `on` (its current name when undated)."""
    if on is not None:
        for period in actor.names:
            if (period.valid_from is None or period.valid_from <= on) and (
                period.valid_to is None or on < period.valid_to
            ):
                return period.name
    return actor.name


_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,7}")
_LED = re.compile(r"\b(\w+) (?:led|backed)\b")


def _leader(key: str) -> str | None:
    """The leader or backer a name is told by ("us led coalition" -> "us")."""
    found = _LED.search(key)
    return found.group(1) if found else None


class ActorIndex:
    """Indexes built once per knowledge base; lookups are dictionary hits, then fuzzy."""

    def __init__(self, actors: dict[str, Actor]) -> None:
        self.actors = actors
        self.exact: dict[str, list[tuple[str, str, str]]] = {}  # key -> (id, surface, how)
        self.country_alias: dict[tuple[str, str], list[tuple[str, str]]] = {}
        self.demonyms: dict[str, list[str]] = {}
        self.children: dict[str, list[str]] = {}
        for actor in actors.values():
            if actor.parent:
                self.children.setdefault(actor.parent, []).append(actor.id)
            forms = [(actor.name, "name")]
            forms += [(p.name, "name used from/until a date") for p in actor.names]
            forms += [(a, "alias") for a in actor.aliases]
            forms += [(m, "metonym") for m in actor.metonyms]
            if actor.acled_name:
                forms.append((actor.acled_name, "ACLED name"))
            for surface, how in forms:
                key = name_key(surface)
                if key:
                    self.exact.setdefault(key, []).append((actor.id, surface, how))
            for surface in actor.country_aliases:
                if actor.country:
                    entry = (actor.id, surface)
                    self.country_alias.setdefault((actor.country, name_key(surface)), []).append(
                        entry
                    )
            for demonym in actor.demonyms:
                self.demonyms.setdefault(name_key(demonym), []).append(actor.id)
        self.fuzzy_keys = [k for k in self.exact if len(k) >= ACTOR_FUZZY_MIN_LEN]
        self.fuzzy_skeletons = [skeleton(k) for k in self.fuzzy_keys]

    # ---- helpers -------------------------------------------------------------------------
    @staticmethod
    def is_generic(actor_id: str) -> bool:
        """Generic classes ("rebels", "gunmen") have ids starting 'generic-' (generic.yaml)."""
        return actor_id.startswith("generic-")

    def chain(self, actor_id: str) -> list[str]:
        """The actor and its ancestors, nearest first (cycles cut)."""
        seen: list[str] = []
        current: str | None = actor_id
        while current and current in self.actors and current not in seen:
            seen.append(current)
            current = self.actors[current].parent
        return seen

    def state_of(self, country: str) -> Actor | None:
        for actor in self.actors.values():
            if actor.kind == "state" and actor.country == country and actor.parent is None:
                return actor
        return None

    def branch_of(self, actor_id: str, branch: str) -> tuple[str, str]:
        """The descendant serving `branch` (breadth first), else the actor itself."""
        for wanted in BRANCH_FALLBACK[branch]:
            queue = list(self.children.get(actor_id, []))
            while queue:
                child = queue.pop(0)
                if self.actors[child].branch == wanted:
                    return child, wanted
                queue.extend(self.children.get(child, []))
        return actor_id, "state"

    def pick(
        self, hits: list[tuple[str, str, str]], context: dict[str, str]
    ) -> tuple[str, str, str, str]:
        """Choose among same-key hits: context country first, then specific over generic."""
        country = context.get("country", "").upper()
        ranked = sorted(
            hits,
            key=lambda h: (
                self.actors[h[0]].country != country if country else False,
                self.is_generic(h[0]),
                len(self.chain(h[0])),
            ),
        )
        best = ranked[0]
        note = ""
        if len({h[0] for h in hits}) > 1:
            others = ", ".join(sorted({h[0] for h in hits} - {best[0]}))
            note = f"; also names {others}" + (
                f"; chose by country context {country}" if country else ""
            )
        return best[0], best[1], best[2], note

    def match(
        self, actor_id: str, text: str, reason: str, on: date | None, score: float = 100.0
    ) -> ActorMatch:
        actor = self.actors[actor_id]
        current = name_on(actor, on)
        if on is not None and current != actor.name:
            reason += f"; on {on.isoformat()} named '{current}'"
        return ActorMatch(
            actor=actor, matched=text, reason=reason, score=score, name_on_date=current
        )

    # ---- resolution ----------------------------------------------------------------------
    def resolve(
        self, text: str, on: date | None = None, context: dict[str, str] | None = None
    ) -> ActorMatch | Unresolved:
        context = context or {}
        stripped = _LEADING.sub("", text.strip().strip(".,;:\"'")).strip()
        if not name_key(stripped):
            return Unresolved(text=text, reason="empty actor name")
        found = self._direct(stripped, text, on, context)
        if found is None:
            paren = _PAREN.match(stripped)
            if paren:
                for part in (paren["outer"], paren["inner"]):
                    found = self._direct(part, text, on, context)
                    if found is not None:
                        break
        if found is None:
            found = self._compound(stripped, text, on, context)
        if found is None:
            found = self._office(stripped, text, on, context)
        if found is None and all(w in OFFICE_WORDS for w in name_key(stripped).split()):
            return Unresolved(text=text, reason="an office without the state or body it serves")
        if found is None:
            found = self._led_force(stripped, text, on, context)
        if found is None:
            found = self._fuzzy(stripped, text, on)
        if found is None:
            hint = "" if context.get("country") else " (no country context given)"
            return Unresolved(
                text=text, reason=f"no actor name, alias, demonym or close spelling matches{hint}"
            )
        return found

    def _direct(
        self, phrase: str, text: str, on: date | None, context: dict[str, str]
    ) -> ActorMatch | None:
        key = name_key(phrase)
        country = context.get("country", "").upper()
        hits = self.exact.get(key, [])
        specific = [h for h in hits if not self.is_generic(h[0])]
        if specific:
            actor_id, surface, how, note = self.pick(specific, context)
            label = self.actors[actor_id].name
            return self.match(actor_id, text, f"{how} '{surface}' of {label}{note}", on)
        if country and (country, key) in self.country_alias:
            actor_id, surface = self.country_alias[(country, key)][0]
            reason = (
                f"'{surface}' with country context {country} means {self.actors[actor_id].name}"
            )
            return self.match(actor_id, text, reason, on)
        bound = CONTEXT_ACTORS.get((key, country))
        if bound in self.actors:
            reason = f"'{phrase}' with country context {country} means {self.actors[bound].name}"
            return self.match(bound, text, reason, on)
        if hits:
            actor_id, surface, how, _ = self.pick(hits, context)
            reason = f"generic class: {how} '{surface}' of {self.actors[actor_id].name}"
            if not country:
                reason += " (no country context to say whose)"
            return self.match(actor_id, text, reason, on)
        return None

    def _compound(
        self, phrase: str, text: str, on: date | None, context: dict[str, str]
    ) -> ActorMatch | None:
        """'Russian warplanes', "Assad's forces", 'pro-government militias', 'the army'."""
        folded = name_key(phrase)
        possessive = _POSSESSIVE.match(phrase)
        splits: list[tuple[str, str]] = []
        if possessive:
            splits.append((possessive["owner"], name_key(possessive["noun"])))
        words = folded.split()
        for cut in range(len(words) - 1, 0, -1):
            splits.append((" ".join(words[:cut]), " ".join(words[cut:])))
        for owner, noun in splits:
            branch = FORCE_PHRASES.get(noun)
            if branch is None:
                member = self._member_of(owner, noun, text, on, context)
                if member is not None:
                    return member
                continue
            owner_key = name_key(owner)
            owner_ids = self.demonyms.get(owner_key, [])
            how = "demonym"
            if not owner_ids:
                direct = self._direct(owner, owner, on, context)
                if direct is None:
                    continue
                owner_ids, how = [direct.actor.id], direct.reason
            owner_id = sorted(owner_ids, key=lambda i: len(self.chain(i)))[0]
            target, served = self.branch_of(owner_id, branch)
            owner_name = self.actors[owner_id].name
            if how == "demonym":
                lead = f"demonym '{owner}' of {owner_name} + '{noun}'"
            else:
                lead = f"'{owner}' ({how}) + '{noun}'"
            tail = (
                f" -> {served} branch {self.actors[target].name}"
                if target != owner_id
                else f" -> {owner_name} itself"
            )
            return self.match(target, text, lead + tail, on)
        branch = FORCE_PHRASES.get(folded)
        country = context.get("country", "").upper()
        context_branch = branch in CONTEXT_BRANCHES or folded in CONTEXT_AIR
        if branch is not None and context_branch and country:
            state = self.state_of(country)
            if state is not None:
                target, served = self.branch_of(state.id, branch)
                reason = (
                    f"'{phrase}' with country context {country} -> "
                    f"{self.actors[target].name} ({served})"
                )
                return self.match(target, text, reason, on)
        return None

    def _member_of(
        self, owner: str, noun: str, text: str, on: date | None, context: dict[str, str]
    ) -> ActorMatch | None:
        """ "Islamic State fighters", "Hamas militants": members of a named non-state group
        act as the group. A demonym ("Syrian rebels") or a state's name is no such owner:
        rebels from Syria are not Syria."""
        if noun not in MEMBER_NOUNS or name_key(owner) in self.demonyms:
            return None
        direct = self._direct(owner, owner, on, context)
        if direct is None or direct.actor.kind in STATE_KINDS:
            return None
        if self.is_generic(direct.actor.id):
            return None
        reason = f"'{owner}' ({direct.reason}) + '{noun}': members of the group"
        return self.match(direct.actor.id, text, reason, on)

    def _demonym_owner(self, key: str, context: dict[str, str]) -> str | None:
        """The actor a demonym names: the context country's first, then the top-level one."""
        ids = self.demonyms.get(key, [])
        if not ids:
            return None
        country = context.get("country", "").upper()
        ranked = sorted(
            ids,
            key=lambda i: (
                self.actors[i].country != country if country else False,
                len(self.chain(i)),
                self.actors[i].kind != "state",
            ),
        )
        return ranked[0]

    def _office(
        self, phrase: str, text: str, on: date | None, context: dict[str, str]
    ) -> ActorMatch | None:
        """'Turkish', 'U.S.', 'German Foreign Ministry spokeswoman', 'White House spokesman',
        'a spokesman for the Houthis' -> the state or body the office belongs to."""
        after = _OWNER_AFTER.match(phrase)
        if after and all(w in OFFICE_WORDS for w in name_key(after["office"]).split()):
            owner = self._direct(after["owner"], text, on, context) or self._office(
                after["owner"], text, on, context
            )
            if owner is not None:
                reason = f"office '{after['office']}' of {owner.actor.name} ({owner.reason})"
                return self.match(owner.actor.id, text, reason, on)
        possessive = _POSSESSIVE.match(phrase)
        if possessive and all(w in OFFICE_WORDS for w in name_key(possessive["noun"]).split()):
            owner = self._direct(possessive["owner"], text, on, context)
            if owner is not None:
                reason = f"office '{possessive['noun']}' of {owner.actor.name} ({owner.reason})"
                return self.match(owner.actor.id, text, reason, on)
        words = name_key(phrase).split()
        # longest leading owner first: "white house", "state department", "u s", "turkish"
        for cut in range(min(len(words), 4), 0, -1):
            head, rest = " ".join(words[:cut]), words[cut:]
            if any(w not in OFFICE_WORDS for w in rest):
                continue
            owner_id = self._demonym_owner(head, context)
            if owner_id is not None:
                what = f"demonym '{head}'" + (f" + office '{' '.join(rest)}'" if rest else "")
                return self.match(owner_id, text, f"{what} -> {self.actors[owner_id].name}", on)
            if rest:
                direct = self._direct(head, head, on, context)
                if direct is not None and not self.is_generic(direct.actor.id):
                    reason = f"office '{' '.join(rest)}' of {direct.actor.name} ({direct.reason})"
                    return self.match(direct.actor.id, text, reason, on)
        return None

    def _led_force(
        self, phrase: str, text: str, on: date | None, context: dict[str, str]
    ) -> ActorMatch | None:
        """ "the US-led military coalition" -> "US-led coalition": the leader and the force
        noun name it; words between them only describe it."""
        words = name_key(phrase).split()
        if "led" not in words or len(words) < words.index("led") + 3:
            return None
        short = " ".join([*words[: words.index("led") + 1], words[-1]])
        return self._direct(short, text, on, context)

    def _fuzzy(self, phrase: str, text: str, on: date | None) -> ActorMatch | None:
        key = name_key(phrase)
        if len(key) < ACTOR_FUZZY_MIN_LEN:
            return None
        best = process.extractOne(
            skeleton(key), self.fuzzy_skeletons, scorer=fuzz.ratio, score_cutoff=ACTOR_FUZZY_MIN
        )
        if best is None:
            return None
        _, score, index = best
        hits = self.exact[self.fuzzy_keys[index]]
        actor_id, surface, how = hits[0]
        if _ACRONYM.fullmatch(surface) or _leader(key) != _leader(self.fuzzy_keys[index]):
            # "Atmehs" is no misspelling of "ATMIS": an acronym is written exactly; and a
            # "US-led coalition" is no misspelt "Saudi-led coalition": the leader is a name
            return None
        reason = f"fuzzy {score:.0f} to {how} '{surface}' of {self.actors[actor_id].name}"
        return self.match(actor_id, text, reason, on, score=float(score))


__all__ = ["ACTORS_VERSION", "ACTOR_FUZZY_MIN", "FORCE_PHRASES", "ActorIndex", "name_on"]
