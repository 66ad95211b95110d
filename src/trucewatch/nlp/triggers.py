"""The trigger table: phrases that name an event of one ACLED sub-type.

Split out of lexicon.py (which keeps the other word lists) so each stays readable. Every
pattern is general English news vocabulary a coder would list in a codebook (verbs, nouns,
weapon words), never phrasing copied from an evaluation file. Tuned on the first half of
the CASE 2021 dev set (../shared/eval/dev), checked on its second half, the gold suite and
FA-KES.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# v5: round 5; v6: issue #4 (passives, riot police); v7: killing armed men is a clash;
# v8: long truce subjects, towns attacked; v9: hospitals and schools told as hit or destroyed
# v10: seized ground vs seized goods; v11: riot verbs in the present tense (captions), things
# thrown into the air are no attack, "descended into one of the worst outbreaks of violence"
# v12: "battled" is fighting, as "battling" and "battles" were; "crucified" is a killing
# v13: fire aimed at a side's position or troops with no weapon named is a clash; "heavy air
# and ground fire", "intense machine-gun fire"
# v14: a "counteroffensive" is fighting, as an "offensive" is
TRIGGERS_VERSION = "trucewatch.nlp.triggers.v14"


@dataclass(frozen=True)
class Trigger:
    """A phrase that names an event of one ACLED sub-type; `rank` breaks ties (low wins).

    Ranks are floats so a specific phrase ("a mob lynched", "gunmen stormed") can slot
    between two sub-types' general entries without renumbering the table."""

    sub_event_type: str
    pattern: re.Pattern[str]
    rank: float
    # The same pattern without IGNORECASE, for text lower-cased once by the caller: Python's
    # case-insensitive matching is the slow part (bench corpus: 3.3 -> 1.3 ms per report
    # for a pass over all triggers). None when a part of the pattern is case-sensitive.
    lowered: re.Pattern[str] | None = None

    def finditer(self, text: str, lower: str | None = None) -> Iterator[re.Match[str]]:
        """Matches in `text`, found in `lower` (= text.lower()) when given. Offsets are the
        text's; a lower-casing that changes the length (rare non-ASCII) falls back."""
        if lower is not None and self.lowered is not None and len(lower) == len(text):
            return self.lowered.finditer(lower)
        return self.pattern.finditer(text)


def _t(sub: str, rank: float, *alternatives: str) -> Trigger:
    body = "|".join(alternatives)
    pattern = rf"\b(?:{body})"
    # "(?-i:liberated)" must not match "Liberation": such patterns keep IGNORECASE only
    lowered = (
        None
        if "(?-i" in pattern or re.search(r"[A-Z]", re.sub(r"\\.", "", pattern))
        else (re.compile(pattern))
    )
    return Trigger(sub, re.compile(pattern, re.IGNORECASE), rank, lowered)


# The rank of "a hospital was destroyed": an attack whose weapon the report tells elsewhere
# (implied.py gives it the report's remote strikes' sub-type that day).
FACILITY_STRUCK_RANK = 17.5

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
        r"(?:bomb(?:s|ing|ings|ed)?|planes?|aircraft|strikes?|jets?|drones?|helicopters?)",
        r"(?:by|from) (?:[\w-]+ ){0,2}(?:jets|warplanes|aircraft|drones|helicopters|gunships)\b",
        r"aircraft (?:bombed|struck|hit|targeted|pounded)",
        # a bare "strike on a building": in conflict copy, a strike from the air. A labour
        # strike is dated or aimed at a policy ("a strike on Monday", "against the reform").
        r"(?<!hunger )(?<!general )(?<!workers' )strikes? (?:on|against) (?!(?:[\w-]+ ){0,2}?"
        r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march"
        r"|april|may|june|july|august|september|october|november|december|government|reforms?"
        r"|pensions?|wages?|pay|policy|policies|law|bill|cuts|austerity|privati[sz]ation))",
        # a bare strike that destroys or kills is a military one (a labour strike does neither)
        r"(?<!hunger )(?<!general )strikes? (?:\w+ly )?(?:destroyed|flattened|levell?ed|razed"
        r"|demolished|killed|wounded|injured)\b",
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
        r"tank (?:fire|attack|shell|round)s?",
        r"tanks? (?:\w+ ){0,2}(?:fired|shelled|pounded|attacked)",
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
        r"(?:abused|abusing) (?:\w+ ){0,2}(?:women|girls|children|minors)\b",
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
        r"(?:protests?|protesters|demonstrators?|demonstrations?|marchers|rall(?:y|ies)|sit-ins?"
        r"|crowds?)\b",
        r"(?:hits?|hitting|struck|club(?:bed|bing|s)|beating|beats|kick(?:ed|ing|s))"
        r" (?:[\w-]+ ){0,3}(?:protesters?|demonstrators?|marchers)\b",
        r"(?:used|using|fired|firing) (?:[\w-]+ ){0,4}(?:bullets|live rounds|live ammunition)"
        r" (?:[\w-]+ ){0,3}(?:to )?(?:disperse|clear|break up)",
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
        # "riot police", "anti-riot units" name the police that face a crowd, not a riot
        r"(?<!anti-)(?<!anti )riot(?:s|ed|ing|ers)?\b(?! (?:police|policemen|officers|squads?"
        r"|units?|gear|shields?|control|troops|vans?|trucks?|act))",
        r"(?:protesters|demonstrators|rioters|activists) (?:\w+ ){0,3}(?:torched|set fire|burned"
        r"|burnt|threw|hurled|stormed|clashed|vandali[sz]ed|attacked|pelted|looted|smashed"
        r"|broke into|forced (?:their way )?into|tore down|pulled down|toppled"
        # present tense: photo captions ("protesters pull down a wall")
        r"|(?:pull|pulls|tear|tears) down|topples?|smash(?:es)?|torch(?:es)?|sets? fire"
        r"|vandali[sz]es?|breaks? into)\b",
        r"(?:violent|angry) (?:protest|demonstration)s?",
        r"clash\w* (?:[\w-]+ ){0,8}?(?:with )?(?:the )?(?:[\w-]+ )?(?:protesters|demonstrators"
        r"|rioters)",
        # things thrown "into the air" (confetti, paper rolls) are a show, not an attack
        r"(?:protesters|demonstrators|crowds?|youths) (?:[\w-]+ ){0,6}(?:clash\w*|(?:threw|hurled"
        r"|throw|throwing)\b(?! (?:[\w-]+ ){0,6}?(?:in|into) the air))",
        r"(?:protest|demonstrat|rall)\w* (?:[\w-]+ ){0,10}?(?:clash\w*"
        r"|turn(?:ed)? (?:very )?violent|descended into (?:\w+ ){0,6}violence"
        r"|escalat\w* (?:into )?violence)",
        r"(?:threw|hurled|throwing|hurling|throws) (?:[\w-]+ ){0,2}(?:stones|rocks|molotov|petrol"
        r" bombs?|firebombs?|bottles|bricks)",
        r"molotov",
        r"(?:protesters|demonstrators|rioters|crowds?) (?:\w+ ){0,3}(?:light|lit|set|started)"
        r" (?:\w+ )?fires?",
        r"stone[- ]?throw\w*",
        r"burn(?:ing|ed|t)? (?:[\w-]+ ){0,2}tyres",
        r"burn(?:ing|ed|t)? (?:[\w-]+ ){0,2}tires",
        r"(?:protest|demonstrat|rall|march)\w* (?:[\w-]+ ){0,12}?(?:set ablaze|torched|looted"
        r"|vandali[sz]ed|ransacked|smashed|burn(?:ed|t|ing) (?:down )?(?:[\w-]+ ){0,2}(?:cars|banks"
        r"|shops|buildings|vehicles|offices))",
        r"(?:set ablaze|torched|looted|vandali[sz]ed|ransacked) (?:[\w-]+ ){0,12}?(?:by )?"
        r"(?:protest|demonstrat|rioters)\w*",
        r"pelted",
        r"stone[- ]?pelt\w*",
        # fireworks turned on the police or a rival crowd are projectiles
        r"(?:fire|fired|firing|threw|hurled|launch\w*|shot) (?:[\w-]+ ){0,2}(?:firecrackers"
        r"|fireworks|flares) (?:at|against|toward|towards|on)\b",
    ),
    _t(
        "Violent demonstration",
        12.5,
        # ACLED codes road blocks with barricades or burning tyres as violent; a police
        # removal of the blockade (Protest with intervention, 12) still leads.
        r"(?:protesters|demonstrators|people|crowds?|residents|villagers|youths|workers"
        r"|farmers|students) (?:[\w-]+ ){0,3}(?:blocked|blockaded|barricaded)"
        r" (?:[\w-]+ ){0,3}(?:roads?|highways?|streets?|routes?|junctions?|bridges?)",
        r"(?:erected|set up|mounted) (?:[\w-]+ ){0,2}barricades",
    ),
    _t(
        "Mob violence",
        9.5,
        # a named mob beating or lynching someone beats the generic "riot" (10)
        r"lynch\w*",
        r"mobs? (?:[\w-]+ ){0,3}(?:attacked|beat|chased|lynched|killed|torched|assaulted"
        r"|stormed|set upon|stoned)",
        r"(?:villagers|residents|locals|youths|groups|families|communities|clans|tribes"
        r"|supporters) (?:[\w-]+ ){0,4}clash(?:ed|es)? (?:[\w-]+ ){0,6}?(?:sticks|rods|stones"
        r"|machetes|clubs|knives|axes|bamboo|sharp weapons)",
        r"(?:sticks|rods|machetes|clubs|axes) (?:[\w-]+ ){0,3}(?:clash\w*|attack\w*|beat\w*)",
        r"vigilante (?:attack|violence|mob|killing|group)s?",
        r"vigilantism",
    ),
    _t(
        "Mob violence",
        11,
        r"mobs?\b",
        r"vigilantes?\b",
    ),
    _t(
        "Protest with intervention",
        12,
        r"(?:detained|arrested|dispersed|suppressed|broke up|detain)\w* (?:[\w.'-]+ ){0,10}?"
        r"(?:protest|demonstrat|rall|sit-in|march)\w*",
        # protesters removed by force, named first and taken back by a pronoun later
        r"(?:protest|demonstrat|sit-in)\w* (?:[\w,'-]+ ){0,25}?(?:police|security forces"
        r"|officers|troops|soldiers) (?:[\w-]+ ){0,4}(?:drag|remov|evict|forcibly)\w*",
        r"(?:drag(?:ged|ging)?|carried|removed|evicted|cleared) (?:[\w-]+ ){0,4}(?:protesters"
        r"|demonstrators|activists|sit-in)",
        r"(?:protesters|demonstrators|activists) (?:[\w-]+ ){0,3}(?:were |was )?(?:dragged|carried"
        r" away|removed|evicted)",
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
        # "used water cannon to disperse party activists": the purpose names a gathering
        r"(?:tear ?gas|water ?cannons?|rubber bullets|batons?|pepper spray|stun grenades)"
        r" (?:[\w,-]+ ){0,6}?to (?:disperse|break up|scatter|clear|push back)\b",
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
        r"vigils?\b",
        r"(?:held|holding|carried|carrying|waved|waving) (?:up )?(?:\w+ ){0,2}(?:placards|banners"
        r"|signs)",
        r"chant(?:ed|ing)\b",
        r"took to the streets",
        # a crowd gathering in public is ACLED's protest, unless it is armed men or people
        # gathered for worship, mourning or shelter
        r"(?:hundreds|thousands|dozens|scores|crowds?) of (?!(?:[\w.'-]+ ){0,3}?(?:fighters"
        r"|troops|soldiers|militants|rebels|refugees|migrants|displaced|pilgrims|worshippers"
        r"|mourners|fans|tourists|voters)\b)(?:[\w.'-]+ ){0,8}?(?:gathered|assembled"
        r"|converged|massed)\b",
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
        r"(?-i:liberat(?:ed|ion|ing))",  # lower case: not "Liberation Front"
        r"back under (?:government|state|army) control",
        r"regain\w*",
        r"drove (?:\w+ ){0,4}out of",
        # armed men pushed out of a place: ground changed hands (people driven out of their
        # homes are displaced, not a territory change)
        r"(?:driven|pushed|forced|kicked|expelled|ousted|chased) (?:the )?(?:[\w-]+ ){0,3}?"
        r"(?:militants|rebels|fighters|insurgents|jihadists|terrorists|troops|forces|soldiers"
        r"|militia\w*|gunmen|army) (?:were |was )?out of",
        r"(?:pushed|driven) (?:\w+ ){0,2}back",
    ),
    _t(
        "Non-state actor overtakes territory",
        15,
        r"captur(?:ed|ing|es)\b",
        # ... unless what was seized is goods: only quantity and filler words may stand
        # between the verb and the goods ("seized a large cache of weapons"); "seized the
        # headquarters and weapons depots of X" took ground
        r"seiz(?:ed|ing|es)\b(?!(?: (?:the|a|an|some|several|large|small|huge|big|quantit(?:y|ies)"
        r"|amounts?|caches?|stockpiles?|haul|dozens|hundreds|thousands|of|and|illegal|illicit"
        r"|stolen|smuggled|hidden|unlicensed|over|about|around|nearly|almost|more|than|at"
        r"|least|up|to|roughly|approximately|estimated|\d[\d,.]*)){0,6} (?:weapons|arms|drugs"
        r"|ammunition|explosives"
        r"|cash|firearms|rifles|guns|counterfeit|goods|narcotics|heroin|cocaine|cannabis"
        r"|marijuana|methamphetamine|pills|tablets|contraband|cigarettes|vehicles|boats"
        r"|passports|documents|assets|property|properties|kilograms?|kg|tonnes?|tons?|boxes"
        r"|consignments?|shipments?|currency|gold|timber|fuel|animals))",
        r"overr(?:an|un)",
        r"took (?:full )?control",
        r"gain(?:ed|s|ing)? (?:full )?control",
        r"tak(?:en|ing|es) (?:full )?control",
        r"fell to",
        r"(?:have|has|had) taken over (?:[\w,-]+ ){0,3}(?:towns?|villages?|cit(?:y|ies)"
        r"|localit(?:y|ies)|districts?|territor(?:y|ies)|provinces?|regions?)",
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
        r"battl(?:ing|ed)\b",
        r"gun ?battles?",
        r"firefights?\b",  # not "firefighters"
        r"exchange of fire",
        r"exchanged fire",
        r"offensive\b",
        r"counter-?offensives?\b",
        r"ambush\w*",
        r"skirmish\w*",
        r"assault on",
        r"(?:attack(?:ed|s|ing)?|set upon|raided) (?:on )?(?:[\w'’-]+ ){0,3}(?:positions?"
        r"|checkpoints?|posts?|bases?|troops|soldiers|forces|patrols?|convoys?|barracks|camps?"
        r"|outposts?|garrisons?|police stations?|stations?|military|army|units?|brigades?"
        r"|battalions?|divisions?|regiments?)",
        # an operation "backed by heavy air and ground fire", "under intense machine-gun fire"
        r"(?:heavy|intense|sustained|fierce) (?:air|ground|machine-gun|small-arms|automatic"
        r"|tank|naval|helicopter)(?: and (?:air|ground|artillery|tank|naval|helicopter))? fire\b",
        # fire aimed at a side's position, with no weapon named ("fired at an army post")
        r"fired (?:[\w-]+ ){0,2}(?:at|on|upon|towards?|into) (?:an? |the )?(?:[\w'’-]+ ){0,3}?"
        r"(?:positions?|posts?|outposts?|bases?|checkpoints?|barracks|patrols?|convoys?"
        r"|troops|soldiers)\b",
        # a town held by an armed side is attacked through its defenders
        r"(?:attack(?:ed|s|ing)?|assault(?:ed|s|ing)?) (?:on )?(?:the |a )?[\w-]+-(?:held"
        r"|controlled) (?:[\w-]+ ){0,2}(?:towns?|city|cities|villages?|areas?|districts?"
        r"|suburbs?|neighbou?rhoods?|enclaves?)\b",
        r"shoot-?outs?",
        r"gunfights?\b",
        r"combat\b",
        r"(?:soldiers|troops|fighters|militants|rebels|insurgents) (?:were )?killed",
        # an armed side killing armed men is fighting between armed sides ("the army killed
        # 60 militants", "Army kills over 70 terrorists"); a weapon named elsewhere in the
        # sentence still leads (air strike, shelling rank first)
        r"kill(?:ed|s|ing)? (?:at least |more than |over |nearly |about |some |up to )?"
        r"(?:\d[\d,]*|dozens of|scores of|hundreds of|two|three|four|five|six|seven|eight"
        r"|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty"
        r"|ninety) (?:[\w-]+ ){0,2}(?:soldiers|troops|fighters|militants|rebels|insurgents"
        r"|terrorists|jihadists|gunmen|militiamen|extremists)\b",
        r"(?:terrorists|jihadists|gunmen|militiamen|extremists) (?:were|have been|had been)"
        r" killed",
    ),
    _t(
        "Attack",
        14.5,
        # armed men storming a building and killing people: an attack, not territory (15)
        r"(?:gunmen|assailants|attackers|armed men) (?:[\w-]+ ){0,3}(?:stormed|raided"
        r"|attacked|opened fire|burst into)(?! (?:[\w-]+ ){0,3}(?:military|army|police|patrols?"
        r"|checkpoints?|troops|soldiers|bases?|convoys?|positions?|barracks|posts?))",
    ),
    _t(
        "Attack",
        17,
        r"(?:gun|knife|machete|shooting|stabbing|acid|arson) attacks?",
        r"shootings?\b",
        r"gunmen",
        r"shot dead",
        r"shot (?:and killed|at)",
        r"opened fire",
        r"executed",
        r"executions?",
        r"massacre\w*",
        r"stabb\w*",
        r"beheaded",
        r"crucified",
        r"murder\w*",
        r"assassinat\w*",
        r"lynched",
        r"tortured",
        # an armed group attacking a town or village attacks its people (a state's forces
        # attacking one fight for it: events._refine)
        r"attacked (?:the )?(?:town|village|city|locality|commune|settlement|hamlet)s? of\b",
        r"attacked (?-i:[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?), an? (?:[\w-]+ ){0,2}(?:town|village"
        r"|city|locality|commune|settlement|hamlet)\b",
        r"(?:attacked|killed|shot|burned) (?:\w+ ){0,3}(?:civilians|villagers|residents|women"
        r"|children|worshippers|farmers|family|journalists?|activists?|villages?|population"
        r"|mosques?|churches|schools?|universit(?:y|ies)|markets?|hospitals?|homes?)",
        r"gunfire",
        r"sniper",
        r"hacked to death",
        r"beat(?:en)? to death",
    ),
    _t(
        "Attack",
        FACILITY_STRUCK_RANK,
        # a hospital or school told only as hit or destroyed, with no weapon or author: an
        # attack on the place a war's victims shelter in (a coder reads the weapon and the
        # author from the rest of the report; implied.py, fusion). Looting's property list
        # (homes, shops, markets, mosques) keeps its own passive.
        # One building: "five hospitals were hit" counts strikes over many places (a total).
        r"(?:hospital|clinic|(?:medical|health) (?:facility|cent(?:er|re)|post)|school)"
        r" (?:[\w-]+ ){0,5}?(?:was|has been|had been) (?:[\w-]+ )?"
        r"(?:destroyed|flattened|levell?ed|razed|reduced to rubble|hit|struck|bombed|shelled)\b"
        # ... unless a disaster did it ("destroyed by an earthquake", "hit in the floods")
        r"(?! (?:by|in) (?:an? |the )?(?:[\w-]+ )?(?:earthquakes?|quakes?|tremors?|floods?"
        r"|flooding|storms?|cyclones?|hurricanes?|typhoons?|tornado(?:es)?|landslides?|fires?"
        r"|blazes?|wildfires?|lightning)\b)",
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
        # the truce's parties may run long ("a truce between the coalition backing Yemen's
        # government and the Houthis took effect"); 14 words, possessives included
        r"(?:truce|ceasefire|cease-fire|agreement|deal|accord|cessation of hostilities)"
        r" (?:[\w'’-]+ ){0,14}?(?:took|takes"
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
        r"(?:talks|negotiations) (?:[\w-]+ ){0,8}?(?:started|began|opened|resumed|kicked off)",
        r"(?:declared|announced|decided|proclaimed|extended) (?:an? |the )?(?:[\w-]+ ){0,2}"
        r"(?:ceasefire|cease-fire|truce)",
        r"decision (?:on|of|to) (?:an? |the )?(?:[\w-]+ ){0,1}(?:ceasefire|cease-fire|truce)",
        r"(?:truce|ceasefire|cease-fire|peace deal|agreement) (?:was |has been )?"
        r"(?:agreed|signed|reached|announced|brokered)",
        r"prisoner (?:swap|exchange)",
        r"exchanged? (?:of )?prisoners",
        r"released (?:\w+ ){0,3}(?:prisoners|detainees|hostages)",
    ),
    _t(
        "Disrupted weapons use",
        0,
        r"(?:weapons|arms|ammunition|firearms|explosives|rifles|guns|grenades|rounds|bombs"
        r"|mines|landmines|shells|rockets|devices|ordnance|ieds)"
        r" (?:\w+ ){0,8}(?:seized|confiscated|recovered|found|discovered|impounded|identified"
        r"|spotted|located)",
        r"unexploded (?:[\w-]+ ){0,2}(?:ordnance|bombs?|shells?|rockets?|mines?|devices?"
        r"|munitions?|grenades?)",
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
        # ACLED: explosives that go off early or by accident while handled by those who meant
        # to use them are disrupted, not an attack
        r"(?:accidentally|prematurely) (?:\w+ ){0,2}(?:detonat|activat|explod|set off|trigger)\w*",
        r"(?:detonat|explod|went off|blew up)\w* (?:\w+ ){0,2}(?:accidentally|prematurely)",
        r"bomb squad",
        r"controlled explosion",
        r"seiz(?:ed|ure of) (?:\w+ ){0,3}(?:weapons|arms|explosives|ammunition|rockets|bombs)",
        r"weapons? cache",
        r"(?:found|discovered) (?:\w+ ){0,3}(?:explosives?|bombs?|weapons|ieds?|mines)",
        r"seiz(?:ed|es|ing) (?:[\w-]+ ){0,3}(?:guns|pistols|firearms|rifles|bullets|rounds"
        r"|grenades|magazines)",
        # "a depot containing a large amount of weapons": the contents may trail the noun
        r"(?:stash|depot|cache|arsenal)s? (?:[\w-]+ ){0,6}(?:weapons|arms|ammunition|projectiles"
        r"|explosives|rockets|mines)",
        r"clear(?:ed|ing)? (?:[\w,.-]+ ){0,4}(?:landmines|mines|explosives|ordnance)",
    ),
    _t(
        "Other",
        7.5,
        # ACLED codes the discovery of mass graves under Strategic developments: Other
        r"mass graves?",
    ),
    _t(
        "Headquarters or base established",
        21,
        r"(?:set up|established|establish|establishing|built|building|opened(?! fire)|setting up)"
        r" (?:[\w-]+ ){0,5}"
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
        r"set (?:[\w-]+ ){0,3}alight",
        r"burn(?:ed|t) (?:down )?(?:\w+ ){0,3}(?:houses|homes|shops|buildings|vehicles|cars"
        r"|crops|fields|villages?|churches|mosques|offices)",
        r"demolish\w*",
        r"razed",
        r"vandali[sz]\w*",
        r"destroyed (?:\w+ ){0,3}(?:houses|homes|shops|property|buildings|crops)",
        r"ransack\w*",
        r"(?:destruction|destroy\w*|damag\w*|attacks? on|vandalism)"
        r" (?:of |to |on )?(?:[\w-]+ ){0,3}propert(?:y|ies)",
        r"plunder\w*",
        r"pillag\w*",
        # the property named first, the damage in the passive ("shops were burned")
        r"(?:houses|homes|shops|stores|businesses|propert(?:y|ies)|buildings|vehicles|cars"
        r"|crops|villages?|churches|mosques|temples|offices|markets?) (?:[\w-]+ ){0,4}?"
        r"(?:were|was|have been|has been|had been|being|got) (?:[\w-]+ )?(?:looted|burned"
        r"|burnt|torched|ransacked|vandali[sz]ed|destroyed|razed|demolished|set (?:on fire"
        r"|ablaze|alight))",
        # armed men carrying off property: ACLED's looting
        r"st(?:ole|olen)\b",
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
        r"evacuation (?:deal|agreement|accord)",
        r"(?:fighters|rebels|militants|insurgents|troops|forces) (?:[\w-]+ ){0,4}"
        r"(?:began |started )?(?:leaving|left|departed|vacated)",
    ),
    _t(
        "Change to group/activity",
        13.8,
        # a defection is the news of its sentence; the fighting or retreat it happens amid
        # is its setting (ACLED codes the defection)
        r"defect(?:ed|ing|s|ion|ions|ors?)\b",
        r"pledged allegiance",
    ),
    _t(
        "Change to group/activity",
        24,
        r"merg(?:ed|er|ing)\b",
        r"(?:joined|join) forces",
        r"dissolv\w*",
        r"disband\w*",
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

__all__ = ["FACILITY_STRUCK_RANK", "TRIGGERS", "TRIGGERS_VERSION", "Trigger"]
