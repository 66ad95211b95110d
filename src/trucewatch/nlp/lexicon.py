"""Word lists and trigger patterns: the cheap first pass that picks sentences worth parsing.

Parsing every sentence caps a 2-core machine near 25 reports/s (field notes), so the reader
runs these regular expressions over raw sentence text first and sends only the sentences
that match to spaCy. Every list here is English news vocabulary, not tuned on any one file;
the trigger table was checked against the CASE 2021 and FA-KES dev sets (../shared/eval/dev).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TRIGGERS_VERSION = "trucewatch.nlp.triggers.v2"


@dataclass(frozen=True)
class Trigger:
    """A phrase that names an event of one ACLED sub-type; `rank` breaks ties (low wins)."""

    sub_event_type: str
    pattern: re.Pattern[str]
    rank: int


def _t(sub: str, rank: int, *alternatives: str) -> Trigger:
    body = "|".join(alternatives)
    return Trigger(sub, re.compile(rf"\b(?:{body})", re.IGNORECASE), rank)


# Ordered roughly from most to least specific: a sentence with "suicide bomber" and
# "killed" is a Suicide bomb, not an Attack. Ranks say which sub-type leads a sentence.
TRIGGERS: tuple[Trigger, ...] = (
    _t(
        "Chemical weapon",
        1,
        r"chemical (?:weapons? )?(?:attack|strike|weapon|agent)s?",
        r"chlorine",
        r"sarin",
        r"mustard gas",
        r"nerve (?:agent|gas)",
        r"toxic gas",
        r"poison(?:ous)? gas",
        r"gas attack",
    ),
    _t(
        "Suicide bomb",
        2,
        r"suicide[- ](?:bomb|attack|car|vest|blast|truck|belt|explosion)\w*",
        r"self-immolat\w*",
        r"blew (?:himself|herself|themselves) up",
        r"detonated (?:his|her|their) (?:explosive|suicide)",
        r"(?:explosives?|bomb)[- ]laden",
        r"suicide (?:[\w-]+ ){0,3}(?:explosive|ied|device|bomber)s?",
        r"s?vbieds?\b",
        r"kamikazes?",
        r"explosive (?:vests?|belts?)",
        r"killing (?:himself|herself|themselves)",
    ),
    _t(
        "Air/drone strike",
        3,
        r"air ?strikes?",
        r"air[- ]raids?",
        r"aerial (?:bombardment|attack|bombing|strike)s?",
        r"drone (?:strike|attack)s?",
        r"warplanes?",
        r"war ?planes?",
        r"fighter jets?",
        r"jets? (?:bombed|struck|hit|pounded|targeted)",
        r"helicopters? (?:dropped|bombed|fired|struck|pounded)",
        r"barrel bombs?",
        r"bombing campaign",
        r"bombers?\b(?!\s+(?:blew|detonated))",
        r"(?:air|aerial|drone|helicopter) (?:bombardment|attack|assault)s?",
        r"(?:russian|regime|coalition|government|israeli|american|u\.?s\.?-led) "
        r"(?:bomb(?:s|ing|ings|ed)?|planes?|aircraft|strikes?)",
        r"aircraft (?:bombed|struck|hit|targeted|pounded)",
        r"(?:drones?|jets?|warplanes?|helicopters?|gunships?) (?:\w+ ){0,2}(?:struck|hit|bombed"
        r"|attacked|targeted|pounded|fired|dropped|raided|strafed)",
    ),
    _t(
        "Shelling/artillery/missile attack",
        4,
        r"shell(?:ing|ed|s)\b",
        r"artillery",
        r"mortars?",
        r"rockets?",
        r"missiles?",
        r"projectiles?",
        r"katyusha",
        r"bombard(?:ed|ment|ing)",
        r"howitzers?",
        r"tank fire",
        r"grad\b",
    ),
    _t(
        "Grenade",
        5,
        r"(?:hand |stun |rocket-propelled )?grenades?",
        r"\brpgs?\b",
    ),
    _t(
        "Remote explosive/landmine/IED",
        6,
        r"car bombs?",
        r"booby[- ]trap\w*",
        r"(?:land)?mines?\b(?! (?:workers?|ministry))",
        r"\bieds?\b",
        r"improvised explosive",
        r"explosive devices?",
        r"roadside bombs?",
        r"bombs? (?:exploded|went off|blast|detonated|attack)",
        r"(?:blast|explosion)s?\b",
        r"bomb(?:ing)?s?\b",
        r"explod(?:ed|es|ing)",
        r"detonat(?:ed|ion)",
        r"sticky bomb",
    ),
    _t(
        "Sexual violence",
        7,
        r"rap(?:e|ed|es|ing)\b",
        r"sexual(?:ly)? (?:assault|abuse|violence|slaver)\w*",
        r"molest\w*",
    ),
    _t(
        "Abduction/forced disappearance",
        8,
        r"kidnap\w*",
        r"abduct\w*",
        r"hostages?",
        r"forcibly disappeared",
        r"forced disappearance",
        r"taken captive",
    ),
    _t(
        "Excessive force against protesters",
        9,
        r"(?:opened fire|shot|live (?:ammunition|rounds|bullets|fire)|beat|killed|attacked)\w*"
        r" (?:[\w-]+ ){0,4}(?:on |at |into |against )?(?:the |a )?(?:peaceful )?"
        r"(?:protest|protesters|demonstrators|demonstration|marchers|rall(?:y|ies)|sit-in|crowds?)\b",
        r"(?:protest|demonstrat|rall|sit-in|march)\w* (?:[\w-]+ ){0,8}?(?:with|using) live"
        r" (?:ammunition|rounds|bullets|fire)",
        r"(?:protesters|demonstrators|marchers) (?:[\w-]+ ){0,3}"
        r"(?:were |was |have been |had been )?(?:killed|shot|died|wounded|injured)",
        r"excessive force",
        r"violently (?:suppress|dispers|broke up|break up|crush)\w*",
        r"crack(?:ed|ing)? down on (?:\w+ ){0,2}(?:protest|demonstrat)\w*",
    ),
    _t(
        "Violent demonstration",
        10,
        r"riot(?:s|ed|ing|ers)?\b",
        r"(?:protesters|demonstrators|rioters) (?:\w+ ){0,3}(?:torched|set fire|burned|burnt"
        r"|threw|hurled|stormed|clashed|vandali[sz]ed|attacked|pelted|looted|smashed)",
        r"(?:violent|angry) (?:protest|demonstration)s?",
        r"clash\w* (?:[\w-]+ ){0,8}?(?:with )?(?:the )?(?:[\w-]+ )?(?:protesters|demonstrators"
        r"|rioters)",
        r"(?:protesters|demonstrators|crowds?|youths) (?:[\w-]+ ){0,6}(?:clash\w*|threw|hurled"
        r"|throw|throwing)",
        r"(?:protest|demonstrat|rall)\w* (?:[\w-]+ ){0,10}?(?:clash\w*"
        r"|turn(?:ed)? (?:very )?violent|descended into (?:\w+ ){0,5}violence"
        r"|escalat\w* (?:into )?violence)",
        r"(?:threw|hurled|throwing|hurling|throws) (?:[\w-]+ ){0,2}(?:stones|rocks|molotov|petrol"
        r" bombs?|firebombs?|bottles|bricks)",
        r"molotov",
        r"(?:protesters|demonstrators|rioters|crowds?) (?:\w+ ){0,3}(?:light|lit|set|started)"
        r" (?:\w+ )?fires?",
        r"stone[- ]?throw\w*",
        r"pelted",
        r"stone[- ]?pelt\w*",
    ),
    _t(
        "Mob violence",
        11,
        r"mobs?\b",
        r"lynch\w*",
        r"vigilantes?",
    ),
    _t(
        "Protest with intervention",
        12,
        r"(?:detained|arrested|dispersed|suppressed|broke up|detain)\w* (?:\w+ ){0,8}?"
        r"(?:protest|demonstrat|rall|sit-in|march)\w*",
        r"(?:protest|demonstrat|rall|sit-in)\w* (?:\w+ ){0,8}?(?:were |was )?(?:detained"
        r"|arrested|dispersed|suppressed)",
        r"(?:police|security forces|officers) (?:\w+ ){0,3}(?:dispersed|detained|arrested|broke up"
        r"|blocked|stopped)\w* (?:\w+ ){0,4}(?:protest|demonstrat|rall|march)\w*",
        r"(?:protesters|demonstrators) (?:were |have been )?(?:detained|arrested"
        r"|dispersed)",
        r"(?:tear ?gas|water ?cannons?|rubber bullets|batons?|pepper spray|stun grenades)"
        r" (?:[\w-]+ ){0,8}?(?:protest|demonstrat|rall|sit-in|march|crowd)\w*",
        r"(?:protest|demonstrat|rall|sit-in|march|crowd)\w* (?:[\w-]+ ){0,8}?(?:tear ?gas"
        r"|water ?cannons?|rubber bullets|pepper spray)",
        r"(?:dispers|broke up|break up|breaking up|halt)\w* (?:[\w-]+ ){0,4}?(?:protest"
        r"|demonstrat|rall|sit-in|march|crowd|gathering)\w*",
    ),
    _t(
        "Peaceful protest",
        13,
        r"protest(?:s|ed|ing|ers)?\b",
        r"demonstrat(?:ion|ions|ors|ed|ing)\b",
        r"rall(?:y|ies|ied)\b",
        r"sit-ins?",
        r"marched\b",
        r"marches\b",
        r"hunger strike",
        r"strikes? by (?:workers|teachers|doctors|drivers)",
        r"vigils?",
        r"took to the streets",
        r"die-ins?",
        r"booed",
    ),
    _t(
        "Government regains territory",
        14,
        r"recaptur\w*",
        r"retook",
        r"retak(?:e|en|ing)\b",
        r"regain(?:ed|s|ing)? control",
        r"liberat(?:ed|ion|ing)",
        r"back under (?:government|state|army) control",
        r"regain\w*",
        r"drove (?:\w+ ){0,4}out of",
        r"(?:pushed|driven) (?:\w+ ){0,2}back",
    ),
    _t(
        "Non-state actor overtakes territory",
        15,
        r"captur(?:ed|ing|es)\b",
        r"seiz(?:ed|ing|es)\b(?!(?: \w+){0,5} (?:weapons|arms|drugs|ammunition|explosives|cash"
        r"|firearms|rifles|guns))",
        r"overr(?:an|un)",
        r"took (?:full )?control",
        r"tak(?:en|ing|es) (?:full )?control",
        r"fell to",
        r"advanced? (?:into|on)",
        r"stormed",
    ),
    _t(
        "Armed clash",
        16,
        r"clash(?:es|ed|ing)?\b",
        r"fighting\b",
        r"fought\b",
        r"battles?\b",
        r"battling\b",
        r"gun ?battles?",
        r"firefights?",
        r"exchange of fire",
        r"exchanged fire",
        r"offensive\b",
        r"ambush\w*",
        r"skirmish\w*",
        r"assault on",
        r"(?:attack(?:ed|s|ing)?|set upon|raided) (?:on )?(?:[\w-]+ ){0,3}(?:positions?"
        r"|checkpoints?|posts?|bases?|troops|soldiers|forces|patrols?|convoys?|barracks|camps?"
        r"|outposts?|garrisons?|police stations?|stations?|military)",
        r"shoot-?outs?",
        r"gunfights?",
        r"combat\b",
        r"(?:soldiers|troops|fighters|militants|rebels|insurgents) (?:were )?killed",
    ),
    _t(
        "Attack",
        17,
        r"gunmen",
        r"shot dead",
        r"shot (?:and killed|at)",
        r"opened fire",
        r"executed",
        r"executions?",
        r"massacre\w*",
        r"stabb\w*",
        r"beheaded",
        r"murder\w*",
        r"assassinat\w*",
        r"lynched",
        r"tortured",
        r"(?:attacked|killed|shot|burned) (?:\w+ ){0,3}(?:civilians|villagers|residents|women"
        r"|children|worshippers|farmers|family|journalists?|activists?|villages?|population"
        r"|mosques?|churches|schools?|universit(?:y|ies)|markets?|hospitals?|homes?)",
        r"(?:armed men|assailants|attackers) (?:\w+ ){0,2}(?:attacked|raided|stormed)",
        r"gunfire",
        r"sniper",
        r"hacked to death",
        r"beat(?:en)? to death",
    ),
    _t(
        "Arrests",
        18,
        r"arrest(?:ed|s|ing)?\b",
        r"detain(?:ed|s|ing)?\b",
        r"round(?:ed)? up",
        r"taken into custody",
        r"apprehended",
        r"raids? on (?:the )?(?:homes?|houses?|offices?)",
    ),
    _t(
        "Agreement",
        8,
        r"agreed (?:an? |the )?(?:[\w-]+ ){0,2}(?:ceasefire|cease-fire|truce|deal|accord|pact)",
        r"(?:truce|ceasefire|cease-fire|agreement|deal|accord) (?:[\w-]+ ){0,10}?(?:took|takes"
        r"|came into|comes into|went into|goes into|set to take|due to take) (?:effect|force)",
        r"surrender(?:ed|s)? to\b",
        r"(?:have|has|had) surrendered",
        r"in exchange for (?:the )?release",
        r"exchange (?:\w+ ){0,2}of prisoners",
        r"(?:started|began|launched|opened|resumed|held) (?:\w+ ){0,2}(?:peace |ceasefire )?"
        r"(?:talks|negotiations)",
        r"agreed (?:to|on|upon)",
        r"agreeing (?:to|on)",
        r"sign(?:ed|ing)? (?:an? |the )?(?:\w+ ){0,3}(?:agreement|deal|accord|truce|ceasefire"
        r"|cease-fire|treaty|memorandum|pact)",
        r"reached (?:an? |the )?(?:\w+ ){0,3}(?:agreement|deal|accord|truce|ceasefire"
        r"|cease-fire|understanding)",
        r"brokered",
        r"(?:truce|ceasefire|cease-fire|peace deal|agreement) (?:was |has been )?"
        r"(?:agreed|signed|reached|announced|brokered)",
        r"prisoner (?:swap|exchange)",
        r"exchanged? (?:of )?prisoners",
        r"released (?:\w+ ){0,3}(?:prisoners|detainees|hostages)",
    ),
    _t(
        "Disrupted weapons use",
        0,
        r"(?:weapons|arms|ammunition|firearms|explosives|rifles|guns|grenades|rounds)"
        r" (?:\w+ ){0,8}(?:seized|confiscated|recovered|found|discovered|impounded)",
        r"confiscat\w*",
        r"recovered (?:\w+ ){0,3}(?:weapons|firearms|ammunition|explosives|rifles)",
        r"explosive devices? (?:was|were) (?:found|discovered|located)",
        r"cache of",
        r"defus\w*",
        r"dismantl\w*",
        r"intercept\w*",
        r"shot down",
        r"foiled",
        r"thwarted",
        r"bomb squad",
        r"controlled explosion",
        r"seiz(?:ed|ure of) (?:\w+ ){0,3}(?:weapons|arms|explosives|ammunition|rockets|bombs)",
        r"weapons? cache",
        r"(?:found|discovered) (?:\w+ ){0,3}(?:explosives?|bombs?|weapons|ieds?|mines)",
        r"seiz(?:ed|es|ing) (?:[\w-]+ ){0,3}(?:guns|pistols|firearms|rifles|bullets|rounds"
        r"|grenades|magazines)",
        r"(?:stash|depot|cache)s? (?:\w+ ){0,3}(?:weapons|arms|ammunition|projectiles|explosives"
        r"|rockets|mines)",
        r"cleared (?:\w+ ){0,4}(?:landmines|mines)",
        r"cleared (?:\w+ ){0,2}mines",
    ),
    _t(
        "Headquarters or base established",
        21,
        r"(?:set up|established|establish|built|opened|setting up) (?:[\w-]+ ){0,5}"
        r"(?:base|bases|headquarters|outposts?|camps?|posts?|positions?|checkpoints?|points?"
        r"|barracks|garrisons?)\b",
        r"(?:bases?|outposts?|camps?|posts?|points?|barracks) (?:\w+ ){0,2}(?:was|were|been)"
        r" (?:established|set up|built)",
        r"new (?:military )?(?:base|headquarters|outpost)",
        r"(?:base|headquarters) (?:was |were )?(?:set up|established)",
        r"settled in",
    ),
    _t(
        "Looting/property destruction",
        22,
        r"loot\w*",
        r"torched",
        r"set (?:\w+ ){0,3}(?:on )?fire",
        r"set ablaze",
        r"burn(?:ed|t) (?:down )?(?:\w+ ){0,3}(?:houses|homes|shops|buildings|vehicles|cars"
        r"|crops|fields|villages?|churches|mosques|offices)",
        r"demolish\w*",
        r"razed",
        r"vandali[sz]\w*",
        r"destroyed (?:\w+ ){0,3}(?:houses|homes|shops|property|buildings|crops)",
        r"ransack\w*",
        r"plunder\w*",
    ),
    _t(
        "Non-violent transfer of territory",
        23,
        r"withdr(?:ew|awn|awal|aw)\b",
        r"pulled out",
        r"handed over",
        r"handed (?:the |an? )?(?:[\w-]+ ){0,4}(?:to|over to)\b",
        r"handover",
        r"evacuat(?:ed|ion) of (?:\w+ ){0,3}(?:fighters|rebels|militants)",
        r"took over (?:\w+ ){0,3}(?:positions?|checkpoints?|areas?|bases?)",
        r"entered (?:the )?(?:town|city|village|area)",
        r"retreat\w*",
    ),
    _t(
        "Change to group/activity",
        24,
        r"merg(?:ed|er|ing)\b",
        r"(?:joined|join) forces",
        r"defect\w*",
        r"dissolv\w*",
        r"disband\w*",
        r"pledged allegiance",
        r"formed a (?:new )?(?:group|coalition|alliance|militia)",
        r"announced (?:\w+ ){0,3}(?:formation|dissolution|split)",
        r"(?:relocat|mobili[sz])\w*",
        r"(?:deployed|deploys|deploying|deployment of|reinforc\w*|redeploy\w*) (?:[\w-]+ ){0,4}"
        r"(?:troops|forces|units|soldiers|fighters|presence|defen[cs]es?|positions|reinforcements)",
        r"(?:deployed|deploy|deployment) (?:\w+ ){0,3}(?:in|to|into)\b",
        r"(?:mov(?:ed|ing)|sen(?:t|ding)|forward(?:ed|ing)) (?:more )?(?:troops|forces|fighters"
        r"|reinforcements)",
        r"pull(?:ed|s|ing)? back\b",
        r"fortif(?:y|ied|ies|ying)",
        r"recruit(?:ed|ing|ment|s)?\b",
        r"lockdown",
        r"curfew",
        r"state of emergency",
        r"suspended (?:\w+ ){0,3}(?:operations|activities|talks)",
        r"(?:weapons|arms) (?:handover|surrender|collection)",
        r"surrender(?:ed)? (?:their )?(?:weapons|arms)",
        r"ban(?:ned)? (?:on )?(?:\w+ ){0,2}(?:group|party|rallies|gatherings)",
        r"training exercise",
        r"military (?:drills?|exercises?)",
    ),
)

# Words that kill people; "killed 16" with no weapon says only "violence".
CASUALTY_VERBS = re.compile(
    r"\b(?:kill(?:ed|ing|s)?|dead|died|die|death toll|deaths?|lives|bodies|wound(?:ed|ing)"
    r"|injur(?:ed|ing|ies|y)|hurt|casualties)\b",
    re.IGNORECASE,
)

SPEECH_VERBS = frozenset(
    {
        "say",
        "said",
        "says",
        "saying",
        "tell",
        "told",
        "tells",
        "add",
        "added",
        "adds",
        "state",
        "stated",
        "states",
        "assert",
        "asserted",
        "asserts",
        "insist",
        "insisted",
        "insists",
        "claim",
        "claimed",
        "claims",
        "warn",
        "warned",
        "warns",
        "report",
        "reported",
        "reports",
        "announce",
        "announced",
        "announces",
        "declare",
        "declared",
        "declares",
        "accuse",
        "accused",
        "accuses",
        "deny",
        "denied",
        "denies",
        "confirm",
        "confirmed",
        "confirms",
        "write",
        "wrote",
        "writes",
        "tweet",
        "tweeted",
        "urge",
        "urged",
        "urges",
        "stress",
        "stressed",
        "note",
        "noted",
        "explain",
        "explained",
        "argue",
        "argued",
        "allege",
        "alleged",
        "maintain",
        "maintained",
        "threaten",
        "threatened",
        "demand",
        "demanded",
        "call",
        "called",
        "reiterate",
        "reiterated",
        "vow",
        "vowed",
        "quote",
        "quoted",
        "describe",
        "described",
        "blame",
        "blamed",
    }
)

SPEECH_RE = re.compile(
    r"\b(?:" + "|".join(sorted(SPEECH_VERBS, key=len, reverse=True)) + r")\b|according to",
    re.IGNORECASE,
)

QUOTE_CHARS = re.compile(r"[\"“”]")

DESIGNATION_RE = re.compile(r"\b(?:terroris[tm]s?|extremists?|jihadists?)\b", re.IGNORECASE)

# Phrasing that marks a figure or fighting as background, not a new event: the whole
# clause it sits in is set aside (cumulative tolls, monitors' running tallies).
BACKGROUND_RE = re.compile(
    r"\b(?:war|conflict|crisis|uprising|violence|fighting|insurgency|campaign)\b[^.;]{0,60}?"
    r"\b(?:has|have|had)\s+(?:so far\s+|already\s+)?(?:killed|left|claimed|displaced|cost)"
    r"|\bsince (?:(?:early |late |mid-)?(?:19|20)\d\d|the (?:start|beginning|outbreak))"
    r"|\bso far this year\b|\bin total\b|\bsince the war began\b"
    r"|\b(?:has|have|had) (?:so far |now )?(?:recorded|documented|counted|registered|tallied)\b"
    r"|\bnationwide toll\b"
    r"|\bover the (?:past|last) (?:\w+ )?(?:years|decades?)\b",
    re.IGNORECASE,
)

# Background that covers only the phrase itself and what follows it in the clause
# ("a 63-year conflict that has claimed ...", "since April", "the scene of a ... attack").
BACKGROUND_LOCAL_RE = re.compile(
    r"\b(?:\w+|\d+)-year(?:-old)? (?:war|conflict|civil war|insurgency)\b"
    r"|\bsince (?:(?:early |late |mid-)?(?:january|february|march|april|may|june|july|august"
    r"|september|october|november|december)\b|last (?:year|month)|the (?:\w+ )?(?:war|fighting"
    r"|conflict|uprising|revolution|crisis|offensive) (?:began|started|erupted|broke out))"
    r"|\b(?:that|which|where) (?:was|were|had been|has been) the scene of\b"
    r"|\bthe (?:latest|last|deadliest|worst) (?:\w+ )?in an? (?:string|series|spate|wave|run)"
    r" of\b",
    re.IGNORECASE,
)

# A responsibility claim refers to an attack already reported, it does not report one.
ATTRIBUTION_BEFORE_RE = re.compile(
    r"\b(?:claim(?:ed|s|ing)? (?:responsibility|credit) for|(?:suspected|believed|thought)"
    r" (?:to be|of being) behind|responsible for)(?:\s+\S+){0,4}\s*$",
    re.IGNORECASE,
)

# Accidents and disasters: explosions, deaths and fires that no armed actor caused.
ACCIDENT_RE = re.compile(
    r"\b(?:earthquakes?|quakes?|tremors?|floods?|flooding|flash floods?|landslides?|mudslides?"
    r"|cyclones?|hurricanes?|typhoons?|tornado(?:es)?|storms?|volcan\w+|eruption|tsunami"
    r"|avalanche|drought|heatwave|wildfires?|blaze|lightning|stampede|crash|crashes|collision"
    r"|derail\w*|capsiz\w*|sank|drown\w*|accident\w*|accidentally|poison\w*|toxins?|leak\w*"
    r"|spill|boiler|furnace|transformer|gas (?:cylinder|container|tank|pipeline|explosion|leak)"
    r"|cooking gas|chemical (?:plant|factory)|factory|refinery|short circuit|electrocut\w*"
    r"|covid\w*|virus|pandemic|epidemic|outbreak of|disease|cholera"
    r"|overdose|alcohol)\b",
    re.IGNORECASE,
)

# Words that rescue or free hostages: the hostages were taken earlier, this is not a new
# abduction.
RESCUE_BEFORE_RE = re.compile(
    r"\b(?:rescu\w+|freed|free|freeing|releas\w+|swap\w*|exchang\w+|held|holding)"
    r"(?:\s+\S+){0,3}\s*$",
    re.IGNORECASE,
)

# Words that, just before a trigger, say the event is asked for, stopped or excluded.
SUPPRESS_BEFORE_RE = re.compile(
    r"\b(?:stop|stops|stopping|halt|halting|end|ending|cease|ceasing|exempt|exempting|without"
    r"|ban|banning|prohibit\w*|prevent\w*|avoid\w*|pause|no|not|never|against further"
    r"|calls? for an? end to|suspend\w*|refrain\w* from|freeze on|threat of)"
    r"(?:\s+(?:to|of|in|on|the|a|an|all|any|its|their|further|more|russian|syrian|regime|"
    r"government|coalition|air|ground|\w+ing)){0,3}\s*$",
    re.IGNORECASE,
)

# Modal and conditional words: a threatened or conditional event did not happen.
MODALS = frozenset({"could", "would", "might", "may", "can", "will", "shall", "should", "must"})
HYPOTHETICAL_HEADS = frozenset(
    {
        "threaten",
        "threatened",
        "threatens",
        "threatening",
        "warn",
        "warned",
        "warns",
        "plan",
        "plans",
        "planned",
        "planning",
        "vow",
        "vowed",
        "vows",
        "offer",
        "offered",
        "offers",
        "intend",
        "intends",
        "intended",
        "want",
        "wants",
        "wanted",
        "seek",
        "seeks",
        "sought",
        "prepare",
        "prepared",
        "preparing",
        "ready",
        "aim",
        "aims",
        "aimed",
        "promise",
        "promised",
        "pledge",
        "pledged",
        "fear",
        "feared",
        "fears",
        "possibility",
        "risk",
        "urge",
        "urged",
        "urges",
        "call",
        "called",
        "calls",
        "demand",
        "demanded",
        "demands",
        "continue",
        "try",
        "tried",
        "attempt",
        "attempted",
    }
)
HYPOTHETICAL_MARKS = frozenset({"if", "unless", "whether", "lest"})
HYPOTHETICAL_WORDS_RE = re.compile(
    r"\b(?:possibly|potential(?:ly)?|hypothetical|in case|would-be)\b", re.IGNORECASE
)

ALLEGED_RE = re.compile(
    r"\b(?:allegedly|alleged|accus\w+|blam\w+|suspected of|purported(?:ly)?)\b",
    re.IGNORECASE,
)
DENIED_RE = re.compile(
    r"\b(?:den(?:y|ied|ies|ial)|rejected (?:the )?(?:claims?|reports?))\b", re.IGNORECASE
)

VICTIM_NOUNS = frozenset(
    {
        "civilian",
        "civilians",
        "child",
        "children",
        "kids",
        "boy",
        "boys",
        "girl",
        "girls",
        "woman",
        "women",
        "people",
        "persons",
        "residents",
        "villagers",
        "family",
        "families",
        "worshippers",
        "students",
        "patients",
        "farmers",
        "shepherds",
        "shoppers",
        "passengers",
        "journalist",
        "journalists",
        "doctors",
        "medics",
        "infants",
        "babies",
        "toddlers",
        "elderly",
        "refugees",
        "displaced",
        "worker",
        "workers",
        "teachers",
        "protesters",
        "demonstrators",
        "mourners",
        "pilgrims",
        "man",
        "men",
        "teenager",
        "teenagers",
    }
)
COMBATANT_NOUNS = frozenset(
    {
        "soldier",
        "soldiers",
        "troops",
        "fighter",
        "fighters",
        "militant",
        "militants",
        "rebel",
        "rebels",
        "insurgents",
        "members",
        "gunmen",
        "jihadists",
        "terrorists",
        "militiamen",
        "militia",
        "policemen",
        "police",
        "officers",
        "personnel",
        "guards",
        "combatants",
        "servicemen",
        "commanders",
        "commander",
        "recruits",
        "mercenaries",
        "attackers",
        "extremists",
    }
)

# Places named as venues of talks are where diplomats met, not where the event happened.
VENUE_WORDS = frozenset(
    {
        "talks",
        "negotiations",
        "conference",
        "summit",
        "meeting",
        "meetings",
        "gathered",
        "leaders",
        "forum",
        "session",
        "hearing",
        "court",
        "parliament",
        "briefing",
        "embassy",
    }
)

__all__ = [
    "ACCIDENT_RE",
    "ALLEGED_RE",
    "ATTRIBUTION_BEFORE_RE",
    "BACKGROUND_LOCAL_RE",
    "BACKGROUND_RE",
    "CASUALTY_VERBS",
    "COMBATANT_NOUNS",
    "DENIED_RE",
    "DESIGNATION_RE",
    "HYPOTHETICAL_HEADS",
    "HYPOTHETICAL_MARKS",
    "HYPOTHETICAL_WORDS_RE",
    "MODALS",
    "QUOTE_CHARS",
    "RESCUE_BEFORE_RE",
    "SPEECH_RE",
    "SPEECH_VERBS",
    "SUPPRESS_BEFORE_RE",
    "TRIGGERS",
    "TRIGGERS_VERSION",
    "VENUE_WORDS",
    "VICTIM_NOUNS",
    "Trigger",
]
