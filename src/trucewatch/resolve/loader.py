"""Read and validate knowledge-base YAML (shipped data and user overlays), with line numbers.

One format for both, so a user's overlay file looks exactly like a shipped one:
top-level keys `actors`, `designations`, `places`. Every error names the file, the line,
what is wrong and what is valid; all errors of a load are reported together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, get_args

import yaml

from trucewatch.errors import KnowledgeBaseError
from trucewatch.model.kb import ActorKind, Precision

LINE = "__line__"
ACTOR_KINDS: tuple[str, ...] = get_args(ActorKind)
PRECISIONS: tuple[str, ...] = get_args(Precision)
BRANCHES = ("military", "army", "air", "navy", "police", "intelligence", "paramilitary")
DESIGNATION_KINDS = ("official-list", "party-claim")
ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
COUNTRY_RE = re.compile(r"^[A-Z]{2}$")

ACTOR_KEYS = {
    "id": "required",
    "name": "required for a new actor",
    "kind": "required for a new actor",
    "country": "ISO alpha-2",
    "parent": "actor id",
    "aliases": "list",
    "demonyms": "list",
    "metonyms": "list",
    "country_aliases": "list",
    "acled_name": "text",
    "names": "list of {name, valid_from, valid_to}",
    "branch": "one of " + ", ".join(BRANCHES),
    "note": "text",
}
NAME_KEYS = {"name", "valid_from", "valid_to"}
DESIGNATION_KEYS = {
    "actor",
    "authority",
    "label",
    "valid_from",
    "valid_to",
    "kind",
    "source",
    "covers_subunits",
}
PLACE_KEYS = {
    "id",
    "name",
    "country",
    "admin1",
    "lat",
    "lon",
    "precision",
    "aliases",
    "population",
    "feature",
    "source",
}
TOP_KEYS = ("actors", "designations", "places")


class _LineLoader(yaml.SafeLoader):
    """SafeLoader that records each mapping's line under `__line__` (1-based)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping = super().construct_mapping(node, deep=deep)
        mapping[LINE] = node.start_mark.line + 1
        return mapping


@dataclass
class RawData:
    """Records read from YAML, each a dict with `__line__` and `__file__`, not yet merged."""

    actors: list[dict[str, Any]] = field(default_factory=list)
    designations: list[dict[str, Any]] = field(default_factory=list)
    places: list[dict[str, Any]] = field(default_factory=list)


def read_yaml(path: Path, label: str, errors: list[str], into: RawData) -> None:
    """Parse one file into `into`; problems go to `errors` as 'label:line: message'."""
    try:
        doc = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line = mark.line + 1 if mark is not None else 0
        errors.append(f"{label}:{line}: not valid YAML: {exc.problem}")
        return
    except (OSError, UnicodeDecodeError) as exc:
        errors.append(f"{label}:0: cannot read: {exc}")
        return
    if doc is None:
        return
    if not isinstance(doc, dict):
        errors.append(f"{label}:1: expected a mapping with keys {', '.join(TOP_KEYS)}")
        return
    for key, value in doc.items():
        if key == LINE:
            continue
        if key not in TOP_KEYS:
            errors.append(
                f"{label}:{doc[LINE]}: unknown top-level key {key!r}; valid: {', '.join(TOP_KEYS)}"
            )
            continue
        if value is None:
            continue
        if not isinstance(value, list):
            errors.append(f"{label}:{doc[LINE]}: {key!r} must be a list")
            continue
        for item in value:
            if not isinstance(item, dict):
                errors.append(f"{label}:{doc[LINE]}: each entry of {key!r} must be a mapping")
                continue
            item["__file__"] = label
            getattr(into, key).append(item)


def where(item: dict[str, Any]) -> str:
    return f"{item.get('__file__', '?')}:{item.get(LINE, 0)}"


def check_keys(item: dict[str, Any], valid: set[str] | dict[str, str], what: str) -> list[str]:
    unknown = sorted(str(k) for k in item if k not in valid and k not in (LINE, "__file__"))
    return [
        f"{where(item)}: {what}: unknown key {k!r}; valid: {', '.join(sorted(valid))}"
        for k in unknown
    ]


def as_date(
    value: Any, item: dict[str, Any], key: str, what: str, errors: list[str]
) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        errors.append(f"{where(item)}: {what}: {key} {value!r} is not a date (YYYY-MM-DD)")
        return None


def as_strings(
    value: Any, item: dict[str, Any], key: str, what: str, errors: list[str]
) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str | int | float) for v in value):
        return tuple(str(v) for v in value)
    errors.append(f"{where(item)}: {what}: {key} must be a list of names")
    return ()


def raise_if(errors: list[str]) -> None:
    if errors:
        shown = errors[:25]
        more = f"\n... and {len(errors) - 25} more" if len(errors) > 25 else ""
        raise KnowledgeBaseError("\n".join(shown) + more)


__all__ = [
    "ACTOR_KEYS",
    "ACTOR_KINDS",
    "BRANCHES",
    "COUNTRY_RE",
    "DESIGNATION_KEYS",
    "DESIGNATION_KINDS",
    "ID_RE",
    "NAME_KEYS",
    "PLACE_KEYS",
    "PRECISIONS",
    "RawData",
    "as_date",
    "as_strings",
    "check_keys",
    "raise_if",
    "read_yaml",
    "where",
]
