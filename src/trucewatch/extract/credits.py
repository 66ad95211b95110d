"""Wire-service credits: which agencies a report says it draws on, in canonical names.

Fusion counts a wire story copied by five outlets as one source, so credits must be found
in all the shapes outlets print them: credit lines ("With reporting by Reuters, AP, and
AFP"), datelines ("BEIRUT (Reuters) -"), sign-offs ("— Agence France-Presse") and
contribution notes ("The Associated Press contributed to this report").
"""

from __future__ import annotations

import re

# canonical name -> spellings seen in reporting (matched case-insensitively, whole words)
AGENCIES: dict[str, tuple[str, ...]] = {
    "Reuters": ("Reuters", "Thomson Reuters"),
    "AP": ("AP", "Associated Press", "The Associated Press"),
    "AFP": ("AFP", "Agence France-Presse", "Agence France Presse", "France-Presse"),
    "dpa": ("dpa", "Deutsche Presse-Agentur"),
    "ANSA": ("ANSA",),
    "EFE": ("EFE", "Agencia EFE"),
    "Anadolu": ("Anadolu", "Anadolu Agency", "Anadolu Ajansi"),
    "TASS": ("TASS", "ITAR-TASS"),
    "Interfax": ("Interfax", "Interfax-Ukraine"),
    "RIA Novosti": ("RIA Novosti", "RIA"),
    "Xinhua": ("Xinhua", "Xinhua News Agency"),
    "SANA": ("SANA", "Syrian Arab News Agency"),
    "UNIAN": ("UNIAN",),
    "Ukrinform": ("Ukrinform",),
    "IRNA": ("IRNA", "Islamic Republic News Agency"),
    "Kyodo": ("Kyodo", "Kyodo News"),
    "Yonhap": ("Yonhap", "Yonhap News Agency"),
    "PA": ("PA", "Press Association", "PA Media"),
    "Bloomberg": ("Bloomberg", "Bloomberg News"),
    "UPI": ("UPI", "United Press International"),
    "WAFA": ("WAFA",),
    "MENA": ("MENA",),
    "QNA": ("QNA",),
    "KUNA": ("KUNA",),
}

_SPELLING = {
    spelling.casefold(): name for name, spellings in AGENCIES.items() for spelling in spellings
}
# longest first so "Associated Press" wins over "AP" and "Anadolu Agency" over "Anadolu"
_NAMES = "|".join(
    re.escape(s) for s in sorted({s for v in AGENCIES.values() for s in v}, key=len, reverse=True)
)
_AGENCY = re.compile(rf"(?<![\w-])(?:the\s+)?({_NAMES})(?![\w-])", re.I)

# Credit lines: the text after the lead-in is a list of agencies (and sometimes reporters).
CREDIT_LINE = re.compile(
    r"^\s*[(\[]?\s*(?:with\s+(?:additional\s+)?reporting\s+(?:by|from)"
    r"|additional\s+reporting\s+(?:by|from)"
    r"|compiled\s+(?:by\s+[\w/ .-]+\s+)?from\s+(?:wire\s+|agency\s+)?reports?\s+(?:by|from)"
    r"|based\s+on\s+reporting\s+(?:by|from)"
    r"|material\s+from|with\s+(?:wire\s+)?reports?\s+from)\s+(?P<list>.+)$",
    re.I,
)
# "AFP contributed to this report." as its own paragraph or the last sentence of one
_CONTRIBUTED = re.compile(
    r"(?:^|(?<=[.!?]\s))\s*(?P<list>[^.!?]{1,120}?)\s+contributed\s+(?:reporting\s+)?"
    r"to\s+this\s+(?:report|story|article)",
    re.I,
)
# A credit line is short: longer paragraphs that merely contain one are story text.
MAX_CREDIT_WORDS = 40
# "BEIRUT (Reuters) -", "DAMASCUS, Feb 27 (AP) —", "KYIV, Ukraine, March 3 (AFP) --", and
# datelines filed from several cities: "BEIRUT/ISTANBUL, Feb 15 (Reuters) -"
DATELINE_CREDIT = re.compile(
    r"^\s*[A-Z][A-Za-z'’./ -]{1,40}(?:,[^()\n]{1,40})?\s*\((?P<list>[^()]{2,40})\)\s*(?:-|–|—|--)",
)
# a paragraph that is only a credit: "(AFP)", "— Agence France-Presse", "- Reuters"
_SIGN_OFF = re.compile(
    r"^\s*(?:[-–—]+\s*|\(|sources?\s*:\s*)?(?P<list>[^()]{2,60}?)\)?\s*\.?\s*$", re.I
)
# a staff credit without agencies, Reuters-style: "Reporting by A in B; Editing by C"
_STAFF_CREDIT = re.compile(
    r"^\s*[(\[]?\s*(?:reporting|writing|additional reporting)\s+by\b.*\b(?:editing|writing)\s+by\b"
    # or any bracketed credit note: "(Reporting from the Beirut bureau; editing by ...)"
    r"|^\s*[(\[]\s*(?:additional\s+)?(?:reporting|writing|editing|compiled)\b[^()\[\]]*[)\]]\s*$",
    re.I,
)


def _agencies_in(fragment: str) -> list[str]:
    return [_SPELLING[m.group(1).casefold()] for m in _AGENCY.finditer(fragment)]


def _only_agencies(fragment: str) -> bool:
    """True when a fragment is nothing but agency names joined by commas, 'and', slashes."""
    rest = _AGENCY.sub("", fragment)
    return not re.sub(r"[\s,;/&.]|\band\b", "", rest, flags=re.I)


def credits_in_line(line: str) -> list[str]:
    """Agencies one paragraph credits, or [] if it is not a credit of any known shape."""
    match = CREDIT_LINE.match(line) or _CONTRIBUTED.search(line)
    if match:
        return _agencies_in(match.group("list"))
    match = DATELINE_CREDIT.match(line)
    if match and _only_agencies(match.group("list")):
        return _agencies_in(match.group("list"))
    match = _SIGN_OFF.match(line)
    if match and len(line) < 70 and _only_agencies(match.group("list")):
        stripped = line.strip()
        marked = stripped.startswith(("-", "–", "—", "(")) or stripped.endswith(")")
        marked = marked or stripped.lower().startswith("source")
        if marked:
            return _agencies_in(match.group("list"))
    return []


def is_credit_line(line: str) -> bool:
    """A paragraph whose whole job is crediting sources (not a dateline that opens a story)."""
    if len(line.split()) > MAX_CREDIT_WORDS:
        return False
    if CREDIT_LINE.match(line) or _CONTRIBUTED.match(line) or _STAFF_CREDIT.match(line):
        return True
    return bool(credits_in_line(line)) and not DATELINE_CREDIT.match(line)


def find_credits(paragraphs: list[str]) -> tuple[str, ...]:
    """Canonical agency names credited anywhere in the paragraphs, in order, once each."""
    found: list[str] = []
    for paragraph in paragraphs:
        for name in credits_in_line(paragraph):
            if name not in found:
                found.append(name)
    return tuple(found)


__all__ = ["AGENCIES", "credits_in_line", "find_credits", "is_credit_line"]
