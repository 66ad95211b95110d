"""Word lists: the cheap first pass that picks sentences worth parsing (the trigger table
itself lives in nlp/triggers.py and is re-exported here).

Parsing every sentence caps a 2-core machine near 25 reports/s (field notes), so the reader
runs these regular expressions over raw sentence text first and sends only the sentences
that match to spaCy. Every list here is English news vocabulary, not tuned on any one file;
the trigger table was checked against the CASE 2021 and FA-KES dev sets (../shared/eval/dev).
"""

from __future__ import annotations

import re

from trucewatch.nlp.triggers import TRIGGERS, TRIGGERS_VERSION, Trigger

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

# "... killed four medics, just days after dozens of aid workers were killed": a clause
# that dates another event against this one tells an earlier event and its toll. Only
# after a main clause that told the dead: fronted ("Days after the raid, 5 were killed"),
# the sentence's own event follows it, and flattened pages drop the comma that ends it.
EARLIER_EVENT_RE = re.compile(
    r"\b(?:just |only )?(?:(?:a|one|two|three|four|five|six|several|a few|\d+) )?(?:days?"
    r"|hours?|weeks?) (?:after|before)\b",
    re.IGNORECASE,
)

# A responsibility claim refers to an attack already reported, it does not report one.
ATTRIBUTION_BEFORE_RE = re.compile(
    r"\b(?:claim(?:ed|s|ing)? (?:responsibility|credit) for|(?:suspected|believed|thought)"
    r" (?:to be|of being) behind|responsible for)(?:\s+\S+){0,4}\s*$",
    re.IGNORECASE,
)

# Words just before a trigger that make it a reference to an event told elsewhere, not a
# report of one: reactions ("condemned the bombing", "sanctions over the missile
# launch"), reasons ("expelled for taking part in protests"), a source ("according to
# vigilantes") or a concession ("talks began despite the air strikes").
REFERENCE_BEFORE_RE = re.compile(
    r"\b(?:in (?:response|reaction|reply) to|condemn\w*|deplor\w*|denounc\w*|sanctions?"
    r" (?:\w+ ){0,3}(?:over|for|after)|(?:for|over) (?:taking part|participating|participation"
    r"|involvement|role) in|according to|despite|in spite of|anniversary of|commemorat\w*"
    r"|investigat\w* (?:into|of)|inquiry into|trial (?:over|for)|convicted (?:of|for)"
    r"|sentenced (?:\w+ ){0,4}for|charge[sd]? (?:\w+ ){0,2}(?:of|with|for|over|to)"
    # diplomats sent home or called in over an attack: a diplomatic reaction to it
    r"|(?:diplomats|envoys?|ambassadors?) (?:[\w-]+ ){0,4}(?:expelled|summoned|recalled)"
    r"(?: [\w-]+){0,4} (?:after|over|following|for)"
    r"|(?:expel\w*|summon\w*|recall\w*) (?:[\w-]+ ){0,3}(?:diplomats|envoys?|ambassadors?)"
    r"(?: [\w-]+){0,4} (?:after|over|following|for))"
    r"(?:\s+[^\s,;:]+){0,4}\s*$",  # no comma between: "according to X, rebels attacked"
    re.IGNORECASE,
)

# Fire named as the support of another force's operation ("troops, backed by Russian air
# strikes, took the city"): the operation is the news, the support comes with it.
SUPPORT_BEFORE_RE = re.compile(
    r"\b(?:(?:backed|supported|aided|assisted|covered|helped) by|with the (?:help|support"
    r"|backing|cover) of|under (?:the )?cover of|(?:with|amid) (?:[\w-]+ )?(?:air|artillery)"
    r" support of)(?:\s+[^\s,;:]+){0,3}\s*$",
    re.IGNORECASE,
)

# Weapons named as things tested, owned or traded, not used on anyone: "a missile test",
# "the rocket launch" (of a satellite or test), "its nuclear bomb programme".
NOT_USED_AFTER_RE = re.compile(
    r"^[\w-]*\s*(?:[\w-]+\s+)?(?:tests?|testing|test-fir\w*|launch(?:es|er|ers)?\b|programm?e?s?"
    r"|capabilit\w+|arsenals?|stockpiles?|technology|defen[cs]e systems?|deals?|sales?|exports?"
    r"|factory|factories|production)\b",
    re.IGNORECASE,
)
NOT_USED_BEFORE_RE = re.compile(
    r"\b(?:tests?|tested|testing|test-fir\w*) (?:of )?(?:an? |the |its |their )?(?:[\w-]+ ){0,2}$"
    r"|\b(?:hydrogen|atomic|nuclear|thermonuclear|h-)[- ]?$"
    # weapons handed over are owned, not fired: "received U.S.-made anti-tank missiles"
    r"|\b(?:received|receives|receiving|supplied|supplies|supplying|delivered|delivering"
    r"|deliveries of|shipments? of|armed with|equipped with)\s+(?:[\w.-]+\s+){0,3}$",
    re.IGNORECASE,
)

# A weapon named as the object of its disruption ("sappers defused hundreds of landmines")
# did not go off.
DISRUPTED_BEFORE_RE = re.compile(
    r"\b(?:defus\w*|dismantl\w*|seiz\w*|confiscat\w*|recover\w*|clear(?:ed|ing)|remov\w*"
    r"|found|discovered|intercept\w*|impound\w*|neutrali[sz]\w*) (?:[\w-]+ ){0,3}$",
    re.IGNORECASE,
)

# Attacks on computers are not armed attacks.
CYBER_RE = re.compile(
    r"\b(?:cyber\w*|websites?|hack(?:ed|ers?|ing)|ddos|malware|ransomware|phishing|online)\b",
    re.IGNORECASE,
)

# Accidents and disasters: explosions, deaths and fires that no armed actor caused.
ACCIDENT_RE = re.compile(
    r"\b(?:earthquakes?|quakes?|tremors?|floods?|flooding|flash floods?|landslides?|mudslides?"
    r"|cyclones?|hurricanes?|typhoons?|tornado(?:es)?|storms?|volcan\w+|eruption|tsunami"
    r"|avalanche|drought|heatwave|wildfires?|blaze|lightning|stampede|crash|crashes|collision"
    r"|derail\w*|capsiz\w*|sank|drown\w*|accident\w*|accidentally|poison\w*|toxins?|leak\w*"
    r"|lost control"  # "his car lost control on an icy road"
    r"|spill|boiler|furnace|transformer|gas (?:cylinder|container|tank|pipeline|explosion|leak)"
    r"|(?:storage|shipping|cargo|freight) containers?"
    r"|cooking gas|chemical (?:plant|factory)|factory|refinery|short circuit|electrocut\w*"
    r"|covid\w*|virus|pandemic|epidemic|outbreak of|disease|cholera"
    r"|overdose|alcohol|adulterat\w*|contaminat\w*|intoxicat\w*|food|spurious|hooch|liquor"
    r"|after (?:consuming|eating|drinking))\b",
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
# "strikes on X are permitted": a rule about attacks, said of no attack in particular.
# Matched from the trigger's start: its head (one or two words), an optional target.
PERMITTED_RE = re.compile(
    r"^(?:[\w-]+\s+)?[\w-]+(?:\s+(?:on|against|in)\s+(?:the\s+|a\s+)?[\w'’-]+"
    r"(?:\s+[\w'’-]+)?)?\s+(?:are|is|were|was|would be|remain)\s+(?:not\s+|still\s+)?"
    r"(?:permitted|allowed|legal|legitimate|lawful|justified|banned|prohibited|forbidden"
    r"|exempt)\b",
    re.IGNORECASE,
)
SUPPRESS_BEFORE_RE = re.compile(
    r"\b(?:stop|stops|stopping|halt|halting|end|ending|cease|ceasing|exempt|exempting|without"
    r"|ban|banning|prohibit\w*|prevent\w*|avoid\w*|pause|no|not|never|against further"
    r"|calls? for an? end to|suspend\w*|refrain\w* from|freeze on|threat of"
    # a lull or fall in attacks, and attacks a party justifies or permits, are no attack
    r"|lull|decline|drop|fall|reduction|justify|justifies|justified|justifying|permit"
    r"|permits|permitted|allow|allows|allowed|authori[sz]\w*)"
    r"(?:\s+(?:to|of|in|on|the|a|an|all|any|its|their|further|more|russian|syrian|regime|"
    r"government|coalition|air|ground|\w+ing)){0,3}\s*$",
    re.IGNORECASE,
)

# Modal and conditional words: a threatened or conditional event did not happen.
# ACLED's non-violent transfer: ground that changes hands "without a fight". Codebook
# phrases, not tuned on any file.
UNOPPOSED_RE = re.compile(
    r"\b(?:without (?:a |any )?(?:fight(?:ing)?|resistance|a shot(?: being)? fired|bloodshed"
    r"|clashes|a battle|firing a shot)|peacefully|unopposed|uncontested|handed (?:\w+ ){0,3}over"
    r"|(?:transferred|ceded|surrendered) (?:\w+ ){0,2}control)\b",
    re.IGNORECASE,
)
# An attempt on ground that was beaten off: ACLED codes the fighting (Armed clash), since no
# territory changed hands.
REPELLED_RE = re.compile(
    r"\b(?:repell?(?:ed|ing)|repuls(?:ed|ing)|fought off|beat off|(?:were|was|been) (?:driven"
    r"|beaten|pushed|forced) (?:off|back(?! from| out of))|pushed (?:them|it|the \w+) back"
    r"|driven off)\b",
    re.IGNORECASE,
)
# Hostages named as released, freed or swapped were taken earlier: their release is not a
# new abduction ("the first hostages to be released", "hostages were freed on Sunday").
RELEASED_AFTER_RE = re.compile(
    r"^\W*(?:[\w-]+ ){0,3}?(?:to be |were |was |are |is |being |had been |have been |has been )?"
    r"(?:released|freed|handed over|exchanged|swapped|returned|set free)\b",
    re.IGNORECASE,
)
# A count of events a monitor or an official recorded ("recorded 143 violations, including
# about 60 explosions"): a tally over a period, not one event. Matched on the text before a
# trigger that is itself preceded by a number. A generalisation over many events ("most
# strikes so far had hit ...", "the majority of the attacks") is a tally too.
TALLY_BEFORE_RE = re.compile(
    r"\b(?:recorded|registered|counted|logged|documented|tallied|tally of|total of)\b"
    r"[^.;]{0,140}?(?:about|around|some|nearly|almost|more than|over|at least|roughly|up to)?"
    r"\s*\d[\d,]*\s+(?:[\w-]+\s+)?$"
    r"|\b(?:most|the (?:vast )?majority)(?: of)?(?: the| its| their| these| those)?\s+$",
    re.IGNORECASE,
)
# A withdrawal "under fire" was fought for: no quiet handover.
UNDER_FIRE_RE = re.compile(
    r"(?i)\bunder (?:heavy |intense |sustained |enemy )?(?:fire|attack|shelling|bombardment"
    r"|pressure)\b"
)
# Forceful takeover verbs: ground taken this way was fought for, whatever else is said.
FORCEFUL_TAKEOVER_RE = re.compile(r"(?i)^(?:storm|overr|drove|driven|pushed|liberat|captur)")

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
        "try",
        "tried",
        "attempt",
        "attempted",
        "wait",
        "waiting",
        "awaiting",
        "order",
        "orders",
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
        # one victim named by an everyday role is as civilian as several (issue #4)
        *("villager", "resident", "farmer", "shepherd", "herder", "herders", "student"),
        *("passenger", "shopper", "worshipper", "patient", "doctor", "teacher", "pilgrim"),
        *("elder", "elders", "trader", "traders", "shopkeeper"),
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
    "CYBER_RE",
    "DENIED_RE",
    "DESIGNATION_RE",
    "DISRUPTED_BEFORE_RE",
    "HYPOTHETICAL_HEADS",
    "HYPOTHETICAL_MARKS",
    "HYPOTHETICAL_WORDS_RE",
    "MODALS",
    "NOT_USED_AFTER_RE",
    "NOT_USED_BEFORE_RE",
    "PERMITTED_RE",
    "QUOTE_CHARS",
    "REFERENCE_BEFORE_RE",
    "RELEASED_AFTER_RE",
    "RESCUE_BEFORE_RE",
    "SPEECH_RE",
    "SPEECH_VERBS",
    "SUPPRESS_BEFORE_RE",
    "TALLY_BEFORE_RE",
    "TRIGGERS",
    "TRIGGERS_VERSION",
    "VENUE_WORDS",
    "VICTIM_NOUNS",
    "Trigger",
]
