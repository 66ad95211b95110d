"""Casualty figures: who died, who was hurt, and how many of them were civilians.

Counts: digits and number words; "a"/"an"/"one" + a singular victim noun is 1, "a couple
of" 2, "a dozen" 12. Round multiples follow ACLED's published rule for vague estimates, the
most conservative figure: "tens" 10, "dozens" 12, "scores" 20, "hundreds" 100, "thousands"
1000. Quantities with no number in them ("several", "some", "a few", "many") give none: a
coder never invents a figure the report does not give. "No one was killed" is an explicit 0.

"at least 19", "more than 19", "up to 19", "some 19" all give 19.

Who counts as a civilian (our convention): victims named as civilians, children, women,
residents, a family, worshippers, shoppers, patients, the displaced (the victim nouns of the
lexicon); generic victims ("people", "persons", "men", "others", bare "five were killed",
"the death toll rose to 70") only when the sentence names no combatants among the dead. A
careful coder reads "an air strike on the market killed 20 people" as 20 civilians: the
dead are given no armed role. A combatant word that only names the attacker or the holder
of the ground ("rebels shelled", "a rebel-held town", "the rebel stronghold") names no armed
dead; a battle word ("clashes", "fighting") does, so its generic dead stay unknown.

A partial count ("including three children", "four of them children", "mostly women",
"Four children were among the 28 dead") says who the dead were, it does not add to them:
it only raises the civilian share of a generic total. Fighters told apart from a generic
total ("17 people, among them 13 policemen"; "50 people including 30 fighters") are not
civilians, the rest are generic dead with no armed role: 4 and 20 civilians. A total the
parts exceed was a round multiple's least reading ("dozens ... including 29") and becomes
their sum; a round multiple and an exact figure it covers ("kill dozens ... killed nearly
50 people") are one toll told twice. Cumulative tolls ("have been killed since 2011",
"so far", "in total") are background: a sentence giving one yields no figures.

Not victims: who gives the figure ("a rescue worker said 12 were killed"), the fighters
whose kin were killed ("executed the families of five rebels"), fighters named as killers
("troops executed 11 men"), blamed ("an attack blamed on regime forces") or a place's war
record ("the scene of some of the fiercest fighting of the war"). Across sentences, merge.py
counts out fighters a later sentence names among a generic total (`civilians_by_default`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from trucewatch.nlp.lexicon import COMBATANT_NOUNS, VICTIM_NOUNS

# v3: combatant-only tolls give 0 civilians; a figure told twice in a sentence counts once
# v4: "one of the attackers", "a shepherd was killed", "no one was killed" -> 0, "unarmed"
# v5: ACLED round multiples; v6: tolls; v7: combatants named only as attackers or holders
# of the ground leave generic dead civilian, numeric dates are masked, "14 Injured" is hurt
# v8: combatants named as killers or as advancing ("rebels kill 7") are not the dead;
# "N people including M civilians" gives M civilians; "killed 30 people injured 90"
# v9: "and 30 more wounded"
# v10: a toll shared "between them" by several attacks is no one event's figure
# v11: "N were among M dead" is a part of M; list items after "including" are parts; fighters
# told apart from a generic total leave the rest civilian; a bare toll and "others" follow
# the generic rule; "dozens" and the exact figure it covers are one toll; "15 injured in
# rebel attacks" is no group of rebels; "stronghold"/"territory" name the ground's holder
# v12: who says a figure, the kin of fighters and a place's war record name no dead;
# executions and two-digit counts after a killer's verb; a toll governs its count;
# "blamed on" names the attacker; `civilians_by_default` marks dead given no role
# v13: "a 10-year-old boy" is one victim; "a boy and his grandmother" two; "a village elder"
# (lexicon victim nouns: elders, traders, shopkeepers)
# v14: relatives counted in the plural after one victim ("a woman and her two daughters" 3)
# share its killing even when a wounding follows ("... and wounding six")
NUMBERS_VERSION = "trucewatch.nlp.numbers.v14"
# Armed victims the lexicon's combatant nouns miss ("killing 40 government forces").
_MORE_COMBATANTS = frozenset(
    {
        "forces",
        "loyalists",
        "conscripts",
        "paramilitaries",
        "jihadis",
        "bombers",
        "snipers",
        "raiders",
        "assailants",
        "marines",
        "sailors",
        "airmen",
        "paratroopers",
        "reservists",
    }
)

_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a couple of": 2,
    "a few": 3,
    "several": 3,
    "some": 3,
    "a number of": 3,
    "many": 3,
    "a dozen": 12,
    "dozens of": 12,
    "dozens": 12,
    "tens of": 10,
    "scores of": 20,
    "hundreds of": 100,
    "hundreds": 100,
    "thousands of": 1000,
    "thousands": 1000,
}
_VAGUE = "|".join(sorted((re.escape(w) for w in _WORDS), key=len, reverse=True))
_COUNT = (
    rf"(?P<n>\d{{1,3}}(?:,\d{{3}})+|\d+|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    rf"[- ](?:one|two|three|four|five|six|seven|eight|nine)|{_VAGUE})"
)
_NOUNS = sorted(
    VICTIM_NOUNS | COMBATANT_NOUNS | _MORE_COMBATANTS | {"others", "persons", "individuals"},
    key=len,
    reverse=True,
)
_GROUP = re.compile(
    rf"\b(?:at least |more than |over |nearly |almost |around |about |some |up to |as many as )?"
    rf"{_COUNT}\s+(?P<of>of the\s+)?(?P<mods>(?:(?:[a-z-]+|\d+-year-old)\s+){{0,2}}?)"
    rf"(?P<noun>{'|'.join(_NOUNS)})\b",
    re.IGNORECASE,
)
# One victim told by a singular noun phrase: "A shepherd was killed", "The driver was wounded".
_SINGLE = re.compile(
    r"\b(?:a|an|the|one)\s+(?:[a-z-]+\s+){0,2}?(?P<noun>[a-z]+)\s+(?:was|has been|had been)\s+"
    r"(?:also\s+|reportedly\s+|seriously\s+|critically\s+|lightly\s+)?"
    r"(?P<verb>killed|shot dead|wounded|injured|hurt)\b",
    re.IGNORECASE,
)
# "No one was killed", "there were no casualties": an explicit zero, not an unknown.
_NONE_KILLED = re.compile(
    r"\b(?:no one|nobody|none)\s+(?:was|were|has been|had been|have been)\s+(?:\w+\s+)?"
    r"(?P<verb>killed|hurt|injured|wounded)\b|\b(?:no one|nobody) died\b"
    r"|\bno (?P<noun>deaths|fatalities|casualties)\b",
    re.IGNORECASE,
)
_BARE = re.compile(
    rf"\b(?:at least |more than |over |nearly |some |up to |as many as )?{_COUNT}\s+"
    r"(?:more\s+)?"  # "... killed, and dozens more wounded": the verb's "were" left out
    # victims the lexicon does not know: "four traders were wounded"
    r"(?:(?:(?!(?:years?|km|kilomet\w*|miles|percent|of)\b)[a-z-]+\s+(?:[a-z-]+\s+)?)?"
    r"(?:were|have been|had been)\s+(?:also\s+|reportedly\s+)?)?"
    r"(?P<verb>killed|dead|died|wounded|injured|hurt)\b",
    re.IGNORECASE,
)
_AFTER_VERB = re.compile(
    rf"\b(?:kill(?:ed|ing|s)?|wound(?:ed|ing|s)?|injur(?:ed|ing|es))\s+"
    rf"(?:at least |more than |some )?{_COUNT}\b"
    r"(?!\s*(?:km|kilomet|miles|metres|meters|%|percent|years))",
    re.IGNORECASE,
)
# "the death toll rose to 31", "put the number of dead in the town at 14"
_TOLL = re.compile(
    r"\b(?:death toll|toll|number of (?:the )?(?:dead|deaths|killed|fatalities|victims))\b"
    rf"[^.]{{0,120}}?\b(?:rose|risen|climbed|reached|stood|stands|is|was"
    rf"|to|at)\s+(?:at least |more than |some )?{_COUNT}\b",
    re.IGNORECASE,
)
_KILL = re.compile(
    r"\b(?:kill\w*|dead|died|die|death|deaths|lives|bodies|massacred|executed|martyred"
    r"|slain|shot dead|perished|lost their lives)\b",
    re.IGNORECASE,
)
_HURT = re.compile(r"\b(?:wound\w*|injur\w*|hurt|casualties)\b", re.IGNORECASE)
# A casualty verb that governs the count right after it: "killing at least 100 people".
_VERB_BEFORE = re.compile(
    r"\b(?P<verb>kill(?:ed|ing|s)?|wound(?:ed|ing|s)?|injur(?:ed|ing|es)|left|leaving"
    r"|executed|executing|claimed the lives of"
    # "bringing the toll to 61 people", "a death toll of 12": the toll governs the count
    r"|toll\s+(?:(?:has\s+|had\s+)?(?:rose|risen|climbed|reached|stood|stands)\s+)?(?:to|at|of))"
    r"\s+(?:at least |more than |over |nearly |almost"
    r" |around |about |some |up to |as many as )?$",
    re.IGNORECASE,
)
# ... or the verb right after the victims: "58 others injured", "five were killed".
_COUNT_START = re.compile(r"\s+(?:at least |more than |over |nearly |about |some )?\d")
_VERB_AFTER = re.compile(
    r"\s*(?:were |was |have been |has been |had been |are |is )?(?:reportedly |also )?"
    r"(?P<verb>killed|dead|died|wounded|injured|hurt|executed|martyred)\b",
    re.IGNORECASE,
)
_PARTIAL_BEFORE = re.compile(
    r"(?:\bincluding|\bamong them|\bamong whom|\bamong the (?:dead|victims)|\bof whom"
    r"|\bmostly|\bmainly|\bmost of them|\bincluded|\bamong)\s+(?:at least |some )?$",
    re.IGNORECASE,
)
_PARTIAL_AFTER = re.compile(r"^\s*(?:of them|of whom)\b", re.IGNORECASE)
# "Four children were among the 28 dead": the children are part of the 28
# ("Ten children and 13 rebels were among ...": each item of the list before "among")
_AMONG_PART = re.compile(
    r"^(?:\s+(?!(?:killed|dead|died|wounded|injured|and)\b)[a-z-]+)?"  # "a rebel commander"
    r"(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)[\w-]+\s+[a-z-]+(?:\s+[a-z-]+)?){0,3}?"
    r"(?:\s+(?:were|are|was|is)\s+"
    r"(?:also\s+|reportedly\s+)?among\b(?!\s+(?:them|whom|those)\b)"
    # a headline drops the verb: "6 children among 19 dead"
    rf"|\s+among\s+(?:the\s+)?(?:at least |more than |some )?{_COUNT})",
    re.IGNORECASE,
)
_AMONG_HURT = re.compile(r"\s+(?:the\s+)?(?:\w+\s+)?(?:wounded|injured|hurt)\b", re.IGNORECASE)
# the armed noun a partial count's noun may lean on ("13 police officers")
_ARMED_TAIL = re.compile(
    r"^(?:\s+(?:"
    + "|".join(sorted(COMBATANT_NOUNS | _MORE_COMBATANTS, key=len, reverse=True))
    + r")\b)+",
    re.IGNORECASE,
)
# "... were among 19 civilians killed": a count right after "among" is the whole toll
# ("among them 10 children" puts a word between and stays a part)
_AMONG_TOTAL = re.compile(
    r"\bamong\s+(?:the\s+)?(?:at least |more than |some |nearly |over )?$", re.IGNORECASE
)
# The next item of a partial list: "including five children and two women"
_LIST_JOIN = re.compile(r"^\s*(?:,\s*)?(?:and\s+|as well as\s+)?$", re.IGNORECASE)
_MONTH_BEFORE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(?:\d{1,2},?\s+)?$",
    re.IGNORECASE,
)
# Cumulative or background tolls: the war's or a period's dead, not this event's.
# "killing more than 140 people between them": one toll for several attacks, no one event's
# figure (ACLED splits it; a reader without the split gives none)
_SHARED = re.compile(
    r"\b(?:killed|killing|left|leaving|dead|died|wounded|wounding)\b[^.;]{0,40}?"
    r"\bbetween them\b",
    re.IGNORECASE,
)
_CUMULATIVE = re.compile(
    r"\b(?:ha(?:s|ve)|had)\s+(?:so far\s+|now\s+|already\s+)?(?:been\s+)?"
    r"(?:killed|died|left|claimed|cost)\b[^.;]*?\bsince\b(?!\s+(?:the|a|an|that)\s+"
    r"(?:\w+\s+)?(?:attack|blast|strike|strikes|bombing|explosion|raid|raids|shelling|massacre))"
    r"|\bsince\b(?!\s+(?:the|a|an|that)\s+(?:\w+\s+)?(?:attack|blast|strike|strikes|bombing"
    r"|explosion|raid|raids|shelling|massacre))[^.;]*?\b(?:ha(?:s|ve))\s+(?:so far\s+)?"
    r"(?:been\s+)?(?:killed|died|left|claimed)\b"
    r"|\b(?:so far|to date|in total)\b"
    # "the toll from the six-year conflict", "killed in the past month": a war's or a
    # period's dead
    r"|\b(?:toll|dead)\s+(?:from|of|in)\s+(?:the\s+|this\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:war|conflict|insurgency|uprising|crisis)\b"
    r"|\b(?:in|during) the (?:last|past) (?:\w+ )?(?:weeks?|months?|years?)\b"
    # "the war has killed ...", "a conflict that has claimed ...": the war's dead
    r"|\b(?:war|conflict|insurgency|uprising|violence|fighting)(?:,[^,.;]{1,60},)?\s+"
    r"(?:that\s+|which\s+)?(?:ha(?:s|ve)|had)\s+(?:now\s+|already\s+)?"
    r"(?:killed|claimed|left|cost)\b"
    r"|\b(?:ha(?:s|ve)|had)\s+(?:been\s+)?(?:killed|died)\b[^.;]*?\b(?:this|last|past) year\b"
    r"|\bover the (?:past|last) (?:\w+ )?(?:years|months|decades?)\b",
    re.IGNORECASE,
)
# Dates inside a sentence ("21 Jul 2016", "July 1 2016", "March 2011") are masked before
# counting, so their numbers never read as tolls.
_DATE_MASK = re.compile(
    r"\b(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
    r"(?:\s+\d{1,2}(?:st|nd|rd|th)?\b)?,?\s+(?:19|20)\d\d\b"
    r"|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b"
    # numeric dates ("09-02-2016", "11.10.2017"): their year read as a toll of 2016
    r"|\b\d{1,2}[./-]\d{1,2}[./-](?:19|20)\d\d\b",
    re.IGNORECASE,
)
# Quantities with no number in them give no count ("several", "many", "some": a coder does
# not invent a figure). Round multiples follow ACLED's stated rule, the most conservative
# figure: "tens" 10, "dozens" 12, "scores" 20, "hundreds" 100, "thousands" 1000.
_VAGUE_WORDS = frozenset({"several", "some", "a few", "many", "a number of"})
# The exact figures a round multiple covers, read at its least ("dozens" 12): 24-99.
_VAGUE_SPAN = {
    **dict.fromkeys(("tens of",), (20, 99)),
    **dict.fromkeys(("dozens", "dozens of"), (24, 99)),
    **dict.fromkeys(("scores of",), (40, 199)),
    **dict.fromkeys(("hundreds", "hundreds of"), (200, 999)),
    **dict.fromkeys(("thousands", "thousands of"), (2000, 9999)),
}


def _covers(vague: int, n: int) -> bool:
    """Does the round multiple read as `vague` cover the exact figure n?"""
    return any(
        _value(word) == vague and low <= n <= high for word, (low, high) in _VAGUE_SPAN.items()
    )


_COLLECTIVE = frozenset({"police", "militia", "personnel"})
_ARMED = COMBATANT_NOUNS | _MORE_COMBATANTS
# Modifiers that make a generic victim a civilian ("four unarmed men").
_UNARMED = re.compile(r"\b(?:civilian|unarmed|innocent)\b")
_FAMILY = re.compile(rf"\bfamily of {_COUNT}\b", re.IGNORECASE)
# An age before a victim noun ("a 10-year-old boy") describes the victim, not a figure.
_AGE = re.compile(r"\d+-year-old", re.IGNORECASE)
# One more victim told as a relative of the one before: "a shepherd and his son", "a boy and
# his grandmother". Each is one civilian dead when the sentence tells a killing; relatives
# counted in the plural ("a woman and her two daughters") are that many more.
_KIN_ALSO = re.compile(
    r"\b(?:and|with)\s+(?:his|her)\s+(?:(?P<kin_n>two|three|four|five|six|seven|eight|nine"
    r"|ten|\d{1,2})\s+)?(?:(?:[a-z-]+|\d+-year-old)\s+)?"
    r"(?P<kin>son|daughter|mother|father|wife|husband|brother|sister|grandmother|grandfather"
    r"|grandson|granddaughter|child|baby|nephew|niece|uncle|aunt|cousin)(?P<plural>s|ren)?\b",
    re.IGNORECASE,
)
# Victims who are civilians only when the sentence names no combatants.
_GENERIC_NOUNS = frozenset({"people", "persons", "individuals", "man", "men", "others"})
_BATTLE_WORDS = ("clashes", "clashed", "fighting", "battle", "battles", "ambush", "offensive")
_COMBATANT_RE = re.compile(
    r"\b(?:"
    + "|".join(
        sorted(COMBATANT_NOUNS | _MORE_COMBATANTS | set(_BATTLE_WORDS), key=len, reverse=True)
    )
    + r")\b",
    re.IGNORECASE,
)


# A combatant word that names who attacked or who holds the ground, not who died: "rebel-held
# parts", "a rebel town", "a police station", "rebel shelling", "terrorists fired rockets",
# "attacks by rebels". Such a sentence still names no armed victims, so its generic dead
# ("16 people were killed") stay civilians (FA-KES dev: generic tolls beside "rebel-held"
# or "suicide bombers" were civilian in 20 of 20 one-sided attacks).
_ARMED_AS_HOLDER = re.compile(
    r"^(?:-|\s)?(?:held|controlled|run|besieged|backed|led|allied|linked|dominated)\b"
    r"|^\s+(?:town|towns|city|village|villages|areas?|districts?|neighbou?rhoods?|enclave"
    r"|suburbs?|stations?|headquarters|command|strongholds?|bastions?|territory)\b",
    re.IGNORECASE,
)
_ARMED_AS_ATTACKER = re.compile(
    r"^\s+(?:(?:also|reportedly|have|has|had|then)\s+)?(?:shell(?:s|ed|ing)?|fir(?:e|es|ed|ing)"
    r"|attack(?:s|ed)?|bombard\w*|bomb(?:s|ed|ing)?|launch(?:ed|es)?|blew|detonat\w*"
    r"|rockets?|mortars?|stormed|targeted|struck|pounded|raids?|strikes?|carried"
    # who moved on the ground acted ("as US-backed fighters advanced", "as rebels took")
    r"|advanc(?:ed|es|ing)|pressed|pushed|took|seized|captured"
    # who killed a number of people did the killing ("rebels kill 7", "a bomber killed 30
    # people", "troops executed the villagers"); "soldiers killed in an ambush" stays the dead
    r"|(?:kill(?:s|ed)?|execut(?:e|es|ed)|massacred?)\s+"
    r"(?:at least |more than |over |nearly |about |some |up to )?(?:\d+"
    r"|a |an |the |dozens|scores|hundreds|one|two|three|four|five|six|seven|eight|nine|ten"
    r"|eleven|twelve|twenty|thirty|forty|fifty))\b",
    re.IGNORECASE,
)
# "A rescue worker said 32 were killed": a noun phrase that says something is the source of
# the figure, not a victim ("two soldiers reported killed" stays the dead).
_SPEAKS = re.compile(
    r"^,?\s+(?:said|says|told|tells|added|adds|stated|reported|confirmed)\b"
    r"(?!\s+(?:to\s+have\s+been\s+|as\s+)?(?:killed|dead|died|wounded|injured|hurt|missing)\b)",
    re.IGNORECASE,
)
# "executed the families of five rebels": the count (and the armed noun) names whose kin
# the victims were, not who died
_KIN = (
    r"\b(?:famil(?:y|ies)|relatives|wives|widows|husbands|parents|sons|daughters|children|homes"
    r"|houses|friends|neighbou?rs)\s+of\s+"
)
_KIN_BEFORE = re.compile(_KIN + r"(?:the\s+)?(?:at least\s+)?$", re.IGNORECASE)
_KIN_OF_ARMED = re.compile(_KIN + r"(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
# A battle word that says what a place has seen over the war, not how these died
_SCENE_OF = re.compile(
    r"\b(?:scene|theatre|theater|site) of (?:some of )?(?:the )?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# "shells fired by rebels", "an attack the West blames on regime forces": the attacker
_BY_BEFORE = re.compile(
    r"\b(?:by|blamed? on|blames on)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}$", re.IGNORECASE
)


def names_armed_victims(text: str) -> bool:
    """Does the sentence name combatants who could be among the dead? A battle word always
    does; a combatant noun does unless it only names the attacker or the ground's holder."""
    for m in _COMBATANT_RE.finditer(text):
        word = m.group().lower()
        if word in _BATTLE_WORDS:
            if _SCENE_OF.search(text[max(0, m.start() - 50) : m.start()]):
                continue  # "the city, scene of some of the fiercest fighting of the war"
            return True
        after = text[m.end() : m.end() + 40]
        if _ARMED_AS_HOLDER.match(after) or _ARMED_AS_ATTACKER.match(after):
            continue
        if _BY_BEFORE.search(text[max(0, m.start() - 50) : m.start()]):
            continue
        if _KIN_OF_ARMED.search(text[max(0, m.start() - 60) : m.start()]):
            continue
        return True
    return False


@dataclass(frozen=True)
class Casualties:
    fatalities: int | None = None
    civilian_fatalities: int | None = None
    injured: int | None = None
    # False when the civilian count is only a floor ("killed 3 people including a woman"
    # in a sentence naming fighters): who the rest were is not told
    civilians_told: bool = True
    # True when some of the civilians are dead given no role ("killed 20 people"), civilian
    # only by our convention: a later sentence naming fighters among them refines it
    # (metadata: two readings with the same counts compare equal)
    civilians_by_default: bool = field(default=False, compare=False)


def _value(raw: str) -> int:
    raw = raw.lower().replace(",", "")
    if raw.isdigit():
        return int(raw)
    if raw in _WORDS:
        return _WORDS[raw]
    tens, _, unit = raw.replace("-", " ").partition(" ")
    return _WORDS.get(tens, 0) + _WORDS.get(unit, 0)


def _kind(text: str, start: int, end: int) -> str | None:
    """'kill' or 'hurt': the verb governing the count just before it, else the nearest after,
    else the last one before."""
    right_after = _VERB_AFTER.match(text[end : end + 40])
    governing = _VERB_BEFORE.search(text[max(0, start - 40) : start])
    if right_after and governing and _COUNT_START.match(text, end + right_after.end()):
        # "killed 30 people injured 90": the verb after has its own count, so the one
        # before governs this one (the comma or "and" lost in the page's flattening)
        right_after = None
    if right_after:
        return "hurt" if _HURT.match(right_after.group("verb")) else "kill"
    if governing:
        verb = governing.group("verb").lower()
        if verb.startswith(("wound", "injur")):
            return "hurt"
        if verb.startswith(("kill", "execut", "claimed", "toll")):
            return "kill"
    after = text[end : end + 70]
    before = text[max(0, start - 60) : start]
    kill_after = _KILL.search(after)
    hurt_after = _HURT.search(after)
    first_after = min(
        (m for m in (kill_after, hurt_after) if m), key=lambda m: m.start(), default=None
    )
    if first_after is not None and first_after.start() < 40:
        return "kill" if first_after is kill_after else "hurt"
    kills_before = list(_KILL.finditer(before))
    hurts_before = list(_HURT.finditer(before))
    last_kill = kills_before[-1].end() if kills_before else -1
    last_hurt = hurts_before[-1].end() if hurts_before else -1
    if last_kill < 0 and last_hurt < 0:
        if first_after is not None:
            return "kill" if first_after is kill_after else "hurt"
        return None
    return "kill" if last_kill > last_hurt else "hurt"


def _is_date(text: str, match: re.Match[str]) -> bool:
    """ "21 Jul 2016 Dozens of ...": a year (or a day) of a date is no count."""
    raw = match.group("n")
    before = text[max(0, match.start("n") - 16) : match.start("n")]
    if _MONTH_BEFORE.search(before):
        return True
    return bool(re.fullmatch(r"(?:19|20)\d\d", raw)) and bool(
        re.search(r"\b(?:in|since|of|year)\s+$", before, re.IGNORECASE)
    )


def is_cumulative(text: str) -> bool:
    """Does the sentence give a cumulative or background toll (war dead, "so far")?"""
    return bool(_CUMULATIVE.search(text))


def read_casualties(text: str, ignore: tuple[int, int] | None = None) -> Casualties:
    """Killed / civilian killed / injured counts in one sentence (None when not given).

    `ignore` is a character span (background clause) whose figures do not count.
    """
    if is_cumulative(text) or _SHARED.search(text):
        return Casualties()
    text = _DATE_MASK.sub(lambda m: " " * len(m.group()), text)
    combatants = names_armed_victims(text)
    killed = civilians = hurt = 0
    partial_civilians = named_civilians = partial_total = partial_armed = 0
    partial_armed_spans: list[tuple[int, int]] = []
    among_kill = among_civilians = 0  # "Four children were among the dead" with no total
    by_role = 0  # civilians the sentence names by a role ("children", "civilians")
    floor_only = False
    last_kill_civilian: bool | None = None
    generic_kill = combatant_kill = False
    found_kill = found_civ = found_hurt = False
    taken: list[tuple[int, int]] = []
    # (kind, civilian?, figure) already counted: a headline and its lead run together in
    # one sentence ("11 civilians killed in X ... at least 11 civilians were killed") tell
    # one toll twice. Two groups of the same size ("2 soldiers and 2 civilians") differ
    # by kind of victim and both count.
    told: set[tuple[str, bool, int]] = set()

    vague_told: dict[tuple[str, bool], int] = {}
    vague_kill = False  # a kill toll read from a round multiple ("dozens")

    def retold(kind: str, civilian: bool, n: int, raw: str = "") -> int:
        """How much this count adds: 0 when the sentence told it already; a round
        multiple ("kill dozens") and an exact figure it covers ("killed nearly 50
        people") are one toll told twice, and the exact figure stands."""
        key = (kind, civilian, n)
        span = _VAGUE_SPAN.get(raw.lower())
        if key in told:
            return 0
        if span is not None:
            if any(k == kind and c == civilian and span[0] <= m <= span[1] for k, c, m in told):
                return 0
            nonlocal vague_kill
            vague_kill = vague_kill or kind == "kill"
            told.add(key)
            vague_told.setdefault((kind, civilian), n)
            return n
        told.add(key)
        before = vague_told.get((kind, civilian))
        if before is not None and _covers(before, n):
            del vague_told[(kind, civilian)]
            return n - before
        return n

    def free(start: int, end: int) -> bool:
        if ignore and ignore[0] <= start < ignore[1]:
            return False
        return all(end <= s or start >= e for s, e in taken)

    def kind_of(match: re.Match[str]) -> str | None:
        return _kind(text, match.start(), match.end())

    partial_ends: list[int] = []  # where each partial count ended, for the list's next item
    single_ends: list[int] = []  # where each whole count of one victim ("a boy") ended

    def partial(match: re.Match[str]) -> bool:
        before = text[max(0, match.start() - 30) : match.start()]
        if _AMONG_TOTAL.search(before):
            return False  # "... were among 19 civilians killed": the whole toll
        if (
            "noun" in match.re.groupindex
            and not _VERB_AFTER.match(text[match.end() : match.end() + 40])
            and any(
                end <= match.start() and _LIST_JOIN.match(text[end : match.start()])
                for end in partial_ends
            )
        ):
            return True  # "including five children and two women": both are part
        return bool(
            _PARTIAL_BEFORE.search(before)
            or _PARTIAL_AFTER.match(text[match.end("n") : match.end("n") + 12])
            or _AMONG_PART.match(text[match.end() : match.end() + 60])
        )

    for match in _FAMILY.finditer(text):
        if free(match.start(), match.end()) and _kind(text, match.start(), match.end()) == "kill":
            taken.append((match.start(), match.end()))
            n = _value(match.group("n"))
            killed, civilians, by_role = killed + n, civilians + n, by_role + n
            found_kill = found_civ = True
    for match in _GROUP.finditer(text):
        if not free(match.start(), match.end()) or _is_date(text, match):
            continue
        noun = match.group("noun").lower()
        mods = match.group("mods").lower()
        if match.group("of") and (noun not in _ARMED or mods):
            continue  # "three of the victims" restates; "one of the attackers" counts
        if re.search(
            r"\b(?:years?|km|kilomet|of the|from|who|million|billion)\b", _AGE.sub("", mods)
        ):
            continue
        if re.search(r"\b(?:in|on|at|by|after|and|were|was|killed|dead|wounded|injured)\b", mods):
            continue  # "15 injured in rebel attacks": the noun is no part of the count's phrase
        raw = match.group("n").lower()
        if raw in {"a", "an"} and (noun.endswith("s") or noun in _COLLECTIVE):
            continue  # "a police checkpoint": a modifier, not one victim
        if noun in _ARMED and _ARMED_AS_HOLDER.match(text[match.end() : match.end() + 40]):
            continue  # "a besieged rebel town": the holder of the ground, not a victim
        if _SPEAKS.match(text[match.end() : match.end() + 60]) or _KIN_BEFORE.search(
            text[max(0, match.start() - 40) : match.start()]
        ):
            taken.append((match.start(), match.end()))
            continue  # the source of the figure, or the kin of the victims
        if raw in _VAGUE_WORDS:
            taken.append((match.start(), match.end()))
            continue
        n = _value(raw)
        if partial(match):
            taken.append((match.start(), match.end()))
            partial_ends.append(match.end())
            among = _AMONG_PART.match(text[match.end() : match.end() + 60])
            if among and _AMONG_HURT.match(text, match.end() + among.end()):
                continue  # "two civilians were among the wounded": not a part of the dead
            partial_total += n
            if among and kind_of(match) == "kill":
                among_kill += n
                among_civilians += n if noun in VICTIM_NOUNS and noun not in _GENERIC_NOUNS else 0
            if noun in _ARMED and not _UNARMED.search(mods):
                partial_armed += n
                tail = _ARMED_TAIL.match(text[match.end() :])
                end = match.end() + (tail.end() if tail else 0)
                partial_armed_spans.append((match.start(), end))
            if (noun in VICTIM_NOUNS and noun not in _GENERIC_NOUNS) or "civilian" in mods:
                partial_civilians += n
            if noun.startswith("civilian") or "civilian" in mods:
                named_civilians += n
            continue
        kind = _kind(text, match.start(), match.end())
        if kind is None:
            continue
        taken.append((match.start(), match.end()))
        generic = noun in _GENERIC_NOUNS and not _UNARMED.search(mods)
        civilian = (noun in VICTIM_NOUNS and not generic) or bool(_UNARMED.search(mods))
        if generic and not combatants:
            civilian = True
        if noun == "others" and kind == "kill":
            # "killing 36 people ... rocket fire killed nine others": the others are the
            # same kind of dead as the group counted before them, else generic dead
            civilian = last_kill_civilian if last_kill_civilian is not None else not combatants
        elif noun == "others":
            civilian = found_civ and not found_kill
        n = retold(kind, civilian, n, raw)
        if not n:
            continue
        if kind == "kill":
            killed += n
            found_kill = True
            last_kill_civilian = civilian
            if raw in {"a", "an", "one"}:
                single_ends.append(match.end())
            generic_kill = generic_kill or generic
            combatant_kill = combatant_kill or (not civilian and not generic)
            if civilian:
                civilians += n
                found_civ = True
                by_role += n if noun != "others" and not generic else 0
        else:
            hurt += n
            found_hurt = True
    for pattern in (_BARE, _AFTER_VERB, _TOLL):
        for match in pattern.finditer(text):
            if not free(match.start(), match.end()) or _is_date(text, match):
                continue
            if pattern is _AFTER_VERB and match.group("n").lower() in {"a", "an"}:
                continue  # "killed a family of six": the noun phrase counts, not "a"
            if match.group("n").lower() in _VAGUE_WORDS:
                taken.append((match.start(), match.end()))
                continue
            n = _value(match.group("n"))
            if pattern is not _TOLL and partial(match):
                taken.append((match.start(), match.end()))
                continue
            verb = match.group("verb").lower() if pattern is _BARE else ""  # "14 Injured"
            kind = "hurt" if verb in {"wounded", "injured", "hurt"} else None
            if kind is None:
                kind = "hurt" if re.match(r"(?i)wound|injur", match.group()) else "kill"
            taken.append((match.start(), match.end()))
            if pattern is not _TOLL:
                n = retold(kind, kind == "kill" and not combatants, n, match.group("n"))
                if not n:
                    continue
            if kind == "kill":
                if pattern is _TOLL:
                    killed = max(killed, n)
                    # "the toll reached 33 civilians": the toll names its victims
                    after = text[match.end() : match.end() + 30].lower().split()
                    named = after[0].strip(",.;") if after else ""
                    # "the toll reached 33 civilians"; a bare toll is generic dead, civilian
                    # when the sentence names no combatants (as "killed at least 58")
                    if named in VICTIM_NOUNS or (named not in _ARMED and not combatants):
                        civilians = max(civilians, n)
                        found_civ = True
                    if named in VICTIM_NOUNS - _GENERIC_NOUNS:
                        by_role = max(by_role, n)
                    # "the toll rose to 82 people including 58 civilians": generic dead
                    generic_kill = generic_kill or named not in VICTIM_NOUNS - _GENERIC_NOUNS
                else:
                    killed += n
                    generic_kill = True
                    if not combatants:  # "killed at least 58" with no fighters named
                        civilians += n
                        found_civ = True
                found_kill = True
            else:
                hurt += n
                found_hurt = True
    for match in _SINGLE.finditer(text):
        if not free(match.start(), match.end()):
            continue
        taken.append((match.start(), match.end()))
        noun = match.group("noun").lower()
        if match.group("verb").lower() in {"killed", "shot dead"}:
            killed += 1
            found_kill = True
            if noun in _ARMED:
                combatant_kill = True
            elif not combatants:
                civilians += 1
                found_civ = True
                by_role += 1 if noun in VICTIM_NOUNS - _GENERIC_NOUNS else 0
        else:
            hurt += 1
            found_hurt = True
    for match in _KIN_ALSO.finditer(text):
        # "killing a boy and his grandmother": the relative right after one counted victim
        # (not after a part: "three villagers, among them a shepherd and his son")
        after_one = any(text[end : match.start()].strip() == "" for end in single_ends)
        counted = match.group("kin_n")
        if match.group("plural") and not counted:
            continue  # "and her sons": how many is not told
        many = _value(counted) if counted else 1
        # the relative shares the killing of the victim before it ("killing a woman and her
        # daughter and wounding six"), unless a verb of its own follows ("... was wounded")
        own = _VERB_AFTER.match(text[match.end() : match.end() + 40])
        if own and _HURT.match(own.group("verb")):
            continue
        if after_one and free(match.start(), match.end()):
            taken.append((match.start(), match.end()))
            killed, civilians, by_role = killed + many, civilians + many, by_role + many
            found_civ = True
    nobody = _NONE_KILLED.search(text)
    if nobody is not None and not (found_kill or found_hurt):
        # "No one was killed": the report says zero; "no casualties" covers both counts
        hurt_only = (nobody.group("verb") or "").lower() in {"injured", "wounded"}
        if not hurt_only:
            return Casualties(fatalities=0, civilian_fatalities=0, injured=None)
        return Casualties(injured=0)
    if found_kill and partial_total > killed and vague_kill:
        # "Dozens were killed, including at least 29 in one district": the parts name more
        # dead than the vague total's least reading, so the total is at least their sum
        if found_civ and civilians == killed and generic_kill:
            civilians = partial_total - partial_armed
        killed = partial_total
    if partial_armed and generic_kill and killed > partial_armed and not combatant_kill:
        masked = text
        for start, end in partial_armed_spans:
            masked = masked[:start] + " " * (end - start) + masked[end:]
        if not names_armed_victims(masked):
            # "17 people were killed, among them 13 policemen": the fighters are told apart,
            # the rest are generic dead with no armed role, civilians by our convention
            civilians = max(partial_civilians, killed - partial_armed)
            found_civ = True
            partial_civilians = 0  # settled: the floor below must not raise it again
    if among_kill and not found_kill:
        # "Four children were among the dead": the toll is told elsewhere, these are dead
        killed, civilians, found_kill = among_kill, among_civilians, True
        by_role = among_civilians
        found_civ = found_civ or among_civilians > 0
        partial_civilians = 0
    if partial_civilians and found_kill:
        # "25 people including 10 fighters" says nothing; "... including 9 children" does.
        floor = min(partial_civilians, killed)
        if not found_civ or (generic_kill and combatants):
            civilians = max(civilians, floor)
            floor_only = civilians < killed
            by_role = max(by_role, floor)
        if generic_kill and 0 < named_civilians <= killed:
            # "30 people including 24 civilians": the civilians are told, the rest are
            # not civilians (FA-KES counts 24); "... including 9 children" stays a floor
            civilians = by_role = named_civilians
            floor_only = False
        found_civ = True
    if found_kill and not found_civ and combatant_kill and not generic_kill:
        # "killed 40 government forces": the dead are named as combatants, so a
        # conservative coder records no civilian deaths (0, not unknown).
        found_civ = True
    return Casualties(
        fatalities=killed if found_kill else None,
        civilian_fatalities=civilians if found_civ else None,
        injured=hurt if found_hurt else None,
        civilians_told=not floor_only,
        civilians_by_default=found_civ and civilians > by_role,
    )


__all__ = [
    "NUMBERS_VERSION",
    "Casualties",
    "is_cumulative",
    "names_armed_victims",
    "read_casualties",
]
