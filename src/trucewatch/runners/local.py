"""`extract --batch`: many reports through one pipeline, streamed, on all local cores.

Memory stays constant in the number of input lines: lines are taken in bounded windows and
each window is mapped over a process pool in order. The pipeline (knowledge base + spaCy)
loads once in the parent; forked workers inherit it copy-on-write, so no worker reloads
the model. The per-process pipeline lives in this importable module (not `__main__`) so
that workers find it.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import multiprocessing
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from trucewatch.errors import TrucewatchError
from trucewatch.model import Document
from trucewatch.model.document import MediaType
from trucewatch.pipeline import Pipeline

# Process-local cache set before the pool forks; read by `_process_lines` in the workers.
_PIPELINE: dict[str, Any] = {}


def document_from_line(obj: dict[str, Any], pipeline: Pipeline) -> Document:
    """Turn one batch input object into a Document, or raise a TrucewatchError."""
    if not isinstance(obj, dict):
        raise TrucewatchError("line is not a JSON object")
    source_id = str(obj.get("id") or obj.get("path") or obj.get("url") or "")
    published = obj.get("published")
    try:
        published_date = dt.date.fromisoformat(published) if published else None
    except (TypeError, ValueError):
        raise TrucewatchError(f"published {published!r} is not a YYYY-MM-DD date") from None
    source = obj.get("source") if isinstance(obj.get("source"), str) else None
    url = obj.get("url") if isinstance(obj.get("url"), str) else None

    def document(content: str, media_type: MediaType) -> Document:
        return Document(
            source_id=source_id or "-",
            content=content,
            media_type=media_type,
            source=source,
            url=url,
            published=published_date,
            origin="jsonl",
        )

    if isinstance(obj.get("text"), str):
        return document(obj["text"], "text/plain")
    if isinstance(obj.get("html"), str):
        return document(obj["html"], "text/html")
    if isinstance(obj.get("path"), str):
        path = Path(obj["path"])
        for item in pipeline.documents(
            [str(path)], published=published_date, source_name=obj.get("source")
        ):
            if isinstance(item, Document):
                return item.model_copy(update={"source_id": source_id or str(path)})
            raise TrucewatchError(f"{path}: skipped ({item.reason}) {item.detail}".strip())
        raise TrucewatchError(f"{path}: no document found")
    raise TrucewatchError('line has none of "text", "html" or "path"')


def process_line(line: str, pipeline: Pipeline, agreement: Any = None) -> dict[str, Any]:
    """One input line -> one output record (or {"id", "error"}); never raises."""
    return process_lines([line], pipeline, agreement)[0]


def process_lines(
    lines: Sequence[str], pipeline: Pipeline, agreement: Any = None
) -> list[dict[str, Any]]:
    """Input lines -> their records (or {"id", "error"}), in order; never raises. The
    lines' articles are read together, so spaCy batches their sentences."""
    out: list[dict[str, Any]] = [{} for _ in lines]
    documents: list[tuple[int, Any, Document]] = []
    for i, line in enumerate(lines):
        line_id: Any = None
        try:
            obj = json.loads(line)
            line_id = obj.get("id") if isinstance(obj, dict) else None
            documents.append((i, line_id, document_from_line(obj, pipeline)))
        except json.JSONDecodeError as error:
            out[i] = {"id": None, "error": f"invalid JSON: {error.msg} at column {error.colno}"}
        except TrucewatchError as error:
            out[i] = {"id": line_id, "error": str(error)}
    results = pipeline.records([d for _, _, d in documents], agreement=agreement)
    for (i, line_id, _), result in zip(documents, results, strict=True):
        if isinstance(result, TrucewatchError):
            out[i] = {"id": line_id, "error": str(result)}
        else:
            out[i] = {"id": line_id, **result}
    return out


def _process_lines(lines: list[str]) -> list[dict[str, Any]]:
    return process_lines(lines, _PIPELINE["pipeline"], _PIPELINE.get("agreement"))


def batch_records(
    lines: Iterable[str],
    pipeline: Pipeline,
    *,
    agreement: Any = None,
    workers: int = 2,
    chunk_lines: int = 64,
) -> Iterator[dict[str, Any]]:
    """Yield one record per non-blank input line, in input order."""
    wanted = (line for line in lines if line.strip())
    per_job = max(1, chunk_lines // 4)  # lines read together: one spaCy batch or so
    if workers <= 1:
        while chunk := list(itertools.islice(wanted, per_job)):
            yield from process_lines(chunk, pipeline, agreement)
        return
    pipeline.reader()  # load the model once, before forking
    _PIPELINE["pipeline"] = pipeline
    _PIPELINE["agreement"] = agreement
    window = workers * chunk_lines * 4
    context = multiprocessing.get_context("fork")
    try:
        with context.Pool(workers) as pool:
            while True:
                batch = list(itertools.islice(wanted, window))
                if not batch:
                    break
                jobs = [batch[i : i + per_job] for i in range(0, len(batch), per_job)]
                for records in pool.imap(_process_lines, jobs):
                    yield from records
    finally:
        _PIPELINE.clear()


__all__ = ["batch_records", "document_from_line", "process_line", "process_lines"]
