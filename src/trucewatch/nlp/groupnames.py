"""Other spellings under which a phrase may name a known armed group.

News names a group's members and property with forms its knowledge-base entry rarely
lists: the members by a person noun ("Dunlending militiamen" for the "Dunlending Militia"),
a hideout by the bare attributive name ("a Houthi hideout" for "the Houthis"). These are
regular English word formations, so the reader tries them when the phrase itself is
unknown (issue #4: actor2 missed on the gold suite).
"""

from __future__ import annotations

GROUPNAMES_VERSION = "trucewatch.nlp.groupnames.v2"  # v2: "the X (terrorist) group" -> X

# Person nouns for members -> the collective noun of the body they belong to.
_MEMBER_TO_BODY = {
    "militiamen": "militia",
    "militiaman": "militia",
    "militiawomen": "militia",
    "guardsmen": "guard",
    "policemen": "police",
}


# Common nouns a group's name is told with ("the Harad group", "the X terrorist
# organization"), and the labels that may stand between: the name is what precedes them.
_BODY_NOUNS = frozenset({"group", "organization", "organisation", "movement", "faction", "outfit"})
_LABELS = frozenset(
    {"terrorist", "terror", "militant", "jihadist", "extremist", "armed", "insurgent", "islamist"}
)


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
    if words[-1].lower() in _BODY_NOUNS and len(words) > 1:
        name = words[:-1]
        while name and name[-1].lower() in _LABELS:
            name = name[:-1]
        if name and name[0].lower() in {"the", "so-called"}:
            name = name[1:]
        if name:
            out.append(" ".join(name))  # "the Harad terrorist group" -> "Harad"
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
