"""Read agreement YAML into a validated `Agreement`, with errors that name file, line and fix.

Line numbers come from PyYAML's node marks: the document is composed once, every key and
item is mapped to its line, and each validation error is translated back to that line.
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterator
from importlib import resources
from pathlib import Path as FilePath
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from trucewatch.errors import AgreementError
from trucewatch.model.agreement import Agreement, Path
from trucewatch.model.kb import KnowledgeBase, Unresolved

_SHIPPED_PACKAGE = "trucewatch.assess"
_SHIPPED_DIR = "agreements"
_NOT_AGREEMENTS = frozenset({"template"})


class _Loader(yaml.SafeLoader):
    """SafeLoader whose bad dates (2020-02-30) are YAML errors with a line, not ValueErrors."""

    def construct_yaml_timestamp(self, node: yaml.Node) -> Any:  # type: ignore[override]
        try:
            return super().construct_yaml_timestamp(node)  # type: ignore[arg-type]
        except ValueError as error:
            raise yaml.constructor.ConstructorError(
                None, None, f"bad date {node.value!r} ({error})", node.start_mark
            ) from error


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)


def _shipped_files() -> dict[str, Any]:
    """Shipped agreement files by id (the file stem), excluding the template."""
    folder = resources.files(_SHIPPED_PACKAGE) / _SHIPPED_DIR
    found = {}
    for entry in folder.iterdir():
        name = entry.name
        if name.endswith(".yaml") and name[: -len(".yaml")] not in _NOT_AGREEMENTS:
            found[name[: -len(".yaml")]] = entry
    return dict(sorted(found.items()))


def shipped_ids() -> list[str]:
    """Ids of the agreements that ship with TruceWatch."""
    return list(_shipped_files())


def template_text() -> str:
    """The commented template every field is explained in."""
    folder = resources.files(_SHIPPED_PACKAGE) / _SHIPPED_DIR
    return (folder / "template.yaml").read_text(encoding="utf-8")


def _lines(node: yaml.Node, path: Path, table: dict[Path, int]) -> None:
    """Record the 1-based line of every key and item below `node`."""
    table.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            child = (*path, str(key.value))
            table[child] = key.start_mark.line + 1
            _lines(value, child, table)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _lines(item, (*path, index), table)


def _line_of(table: dict[Path, int], path: Path) -> int:
    """Line of `path`, or of its nearest recorded ancestor."""
    for cut in range(len(path), -1, -1):
        if path[:cut] in table:
            return table[path[:cut]]
    return 1


def _where(path: Path) -> str:
    """Human path: instruments[1].effect ('agreement' at the top)."""
    if not path:
        return "agreement"
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def _model_classes(annotation: Any) -> Iterator[type[BaseModel]]:
    """The pydantic models an annotation may hold (through Optional, tuple, list)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
        return
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType, tuple, list):
        for arg in typing.get_args(annotation):
            yield from _model_classes(arg)


def _model_at(path: Path) -> type[BaseModel] | None:
    """The model class that holds the mapping at `path` (int parts step into sequences)."""
    model: type[BaseModel] | None = Agreement
    for part in path:
        if isinstance(part, int):
            continue
        if model is None or part not in model.model_fields:
            return None
        candidates = list(_model_classes(model.model_fields[part].annotation))
        model = candidates[0] if candidates else None
    return model


def _unknown_key(path: Path) -> str:
    parent, key = path[:-1], str(path[-1])
    model = _model_at(parent)
    valid = sorted(model.model_fields) if model is not None else []
    close = difflib.get_close_matches(key, valid, n=1, cutoff=0.6)
    hint = f"; did you mean {close[0]!r}?" if close else ";"
    return f"unknown key {key!r} in {_where(parent)!r}{hint} valid: {', '.join(valid)}"


def _messages(error: ValidationError) -> Iterator[tuple[Path, str]]:
    """Each validation error as (path, plain message)."""
    for item in error.errors():
        path: Path = tuple(p for p in item["loc"] if not (isinstance(p, str) and "[" in p))
        kind = item["type"]
        ctx = item.get("ctx") or {}
        if kind == "extra_forbidden":
            yield path, _unknown_key(path)
        elif kind == "missing":
            parent = path[:-1]
            yield parent, f"missing key {path[-1]!r} in {_where(parent)!r}"
        elif kind == "agreement":
            sub = tuple(ctx.get("path", ()))
            yield (*path, *sub), str(ctx.get("message", item["msg"]))
        elif kind == "literal_error":
            yield path, f"{_where(path)}: {item['msg'].lower()}, got {item['input']!r}"
        else:
            yield path, f"{_where(path)}: {item['msg']}"


def parse_agreement(
    text: str, origin: str = "<agreement>", kb: KnowledgeBase | None = None
) -> Agreement:
    """Parse and validate agreement YAML; raise `AgreementError` naming origin:line."""
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = getattr(error, "problem", None) or str(error)
        raise AgreementError(f"{origin}:{line}: not valid YAML: {problem}") from error
    if not isinstance(data, dict):
        raise AgreementError(f"{origin}:1: an agreement file must be a mapping of keys")
    table: dict[Path, int] = {}
    _lines(node, (), table)
    try:
        agreement = Agreement.model_validate(data)
    except ValidationError as error:
        lines = [f"{origin}:{_line_of(table, p)}: {m}" for p, m in _messages(error)]
        raise AgreementError("\n".join(lines)) from None
    if kb is not None:
        problems = [
            f"{origin}:{_line_of(table, path)}: unknown actor {actor!r} at {_where(path)}"
            + _actor_hint(kb, actor)
            for path, actor in agreement.actor_ids()
            if kb.actor(actor) is None
        ]
        if problems:
            raise AgreementError("\n".join(problems))
    return agreement


def _actor_hint(kb: KnowledgeBase, actor: str) -> str:
    """Suggest the knowledge base's id for a mistyped actor id, if it can resolve the words."""
    match = kb.resolve_actor(actor.replace("-", " "))
    if isinstance(match, Unresolved):
        return " (not in the knowledge base)"
    return f"; did you mean {match.actor.id!r}?"


def load_agreement(ref: str, kb: KnowledgeBase | None = None) -> Agreement:
    """Load an agreement from a file path or a shipped id (e.g. 'syria-coh-2016')."""
    shipped = _shipped_files()
    if ref in shipped:
        return parse_agreement(
            shipped[ref].read_text(encoding="utf-8"), f"agreements/{ref}.yaml", kb
        )
    path = FilePath(ref)
    if path.suffix in {".yaml", ".yml"} or path.exists():
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise AgreementError(f"cannot read agreement file {ref!r}: {error}") from error
        return parse_agreement(text, str(path), kb)
    close = difflib.get_close_matches(ref, list(shipped), n=1)
    hint = f"did you mean {close[0]!r}? " if close else ""
    raise AgreementError(
        f"no agreement {ref!r} (neither a file nor a shipped id); {hint}"
        f"valid ids: {', '.join(shipped)}"
    )


def list_agreements(kb: KnowledgeBase | None = None) -> list[Agreement]:
    """Every shipped agreement, validated, in id order."""
    return [load_agreement(ref, kb) for ref in _shipped_files()]


__all__ = [
    "list_agreements",
    "load_agreement",
    "parse_agreement",
    "shipped_ids",
    "template_text",
]
