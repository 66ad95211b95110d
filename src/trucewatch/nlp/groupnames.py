"""Other spellings under which a phrase may name a known armed group.

News names a group's members and property with forms its knowledge-base entry rarely
lists: the members by a person noun ("Dunlending militiamen" for the "Dunlending Militia"),
a hideout by the bare attributive name ("a Houthi hideout" for "the Houthis"). These are
regular English word formations, so the reader tries them when the phrase itself is
unknown (issue #4: actor2 missed on the gold suite).
"""

from __future__ import annotations

GROUPNAMES_VERSION = "trucewatch.nlp.groupnames.v1"

# Person nouns for members -> the collective noun of the body they belong to.
_MEMBER_TO_BODY = {
    "militiamen": "militia",
    "militiaman": "militia",
    "militiawomen": "militia",
    "guardsmen": "guard",
    "policemen": "police",
}


def _plural(word: str) -> str | None:
    """ "Houthi" -> "Houthis": the plural of a capitalised attributive group name."""
    if not word[:1].isupper() or not word.isalpha() or word.endswith(("s", "ish", "ese")):
        return None
    return f"{word}s"


def group_variants(text: str) -> list[str]:
    """Spellings to try for an unknown actor phrase, most literal first."""
    words = text.split()
    if not words:
        return []
    out: list[str] = []
    body = _MEMBER_TO_BODY.get(words[-1].lower())
    if body is not None and len(words) > 1:
        out.append(" ".join([*words[:-1], body]))  # "Dunlending militiamen" -> "... militia"
        words = words[:-1]
    if len(words) == 1:
        plural = _plural(words[0])
        if plural:
            out.append(plural)  # "a Dunlending hideout" -> "Dunlendings"
    return out


__all__ = ["GROUPNAMES_VERSION", "group_variants"]
