"""What runs inside Spark's Python workers: one cached Pipeline per worker process.

Why a module-level cache (the one deliberate module global in the runners): Spark pickles
the function given to `mapPartitions` with cloudpickle. Functions and dicts that live in
`__main__` or in a closure are pickled *by value*, so each task would arrive with a fresh,
empty cache and reload the knowledge base and spaCy (tens of seconds) per partition. A
function in this importable module is pickled *by reference*: the worker imports the module
once, and with `spark.python.worker.reuse=true` (Spark's default, set explicitly by the
runner) the same Python process serves task after task, so the pipeline loads once per
worker process, not once per task.

The heavy Pipeline is keyed by Settings alone and agreements by (Settings, ref), so runs
with different agreements on one session share the loaded model.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from trucewatch.config import Settings
from trucewatch.pipeline import Pipeline
from trucewatch.runners.local import process_line

# Per worker process; see the module docstring for why this is not held by an object.
_PIPELINES: dict[Settings, Pipeline] = {}
_AGREEMENTS: dict[tuple[Settings, str], Any] = {}


def cached_pipeline(settings: Settings, agreement_ref: str | None) -> tuple[Pipeline, Any]:
    """This process's Pipeline (reader loaded) and agreement, loaded on first use."""
    pipeline = _PIPELINES.get(settings)
    if pipeline is None:
        pipeline = Pipeline(settings)
        # Load eagerly so a missing model fails the task (and the job, with its message)
        # instead of turning every line into an error record.
        pipeline.reader()
        _PIPELINES[settings] = pipeline
    if agreement_ref is None:
        return pipeline, None
    key = (settings, agreement_ref)
    if key not in _AGREEMENTS:
        # Agreements are loaded the way the CLI loads them; assess is a stage, so import late.
        from trucewatch.assess import load_agreement

        _AGREEMENTS[key] = load_agreement(agreement_ref, pipeline.knowledge_base())
    return pipeline, _AGREEMENTS[key]


def guarded_record(line: str, pipeline: Pipeline, agreement: Any) -> dict[str, Any]:
    """`process_line`, plus a net for bugs: one poison line must not fail a long job.

    The local runner lets an unexpected exception crash the run; on a cluster that would
    retry the task and then abort hours of work, so here it becomes an error record.
    """
    try:
        return process_line(line, pipeline, agreement)
    except Exception as error:
        try:
            obj = json.loads(line)
            line_id = obj.get("id") if isinstance(obj, dict) else None
        except ValueError:
            line_id = None
        return {"id": line_id, "error": f"internal error: {type(error).__name__}: {error}"}


def process_partition(
    settings: Settings, agreement_ref: str | None, lines: Iterable[bytes]
) -> Iterator[str]:
    """Raw input lines of one partition -> output JSON lines, in the same order.

    Lines arrive as bytes and are decoded with errors="replace", as the local CLI reads
    them, so one bad byte yields an odd record rather than a failed task. Blank lines are
    skipped, as the local runner skips them.
    """
    pipeline: Pipeline | None = None
    agreement: Any = None
    for raw in lines:
        line = raw.decode("utf-8", errors="replace")
        if not line.strip():
            continue
        if pipeline is None:  # an all-blank partition never loads the model
            pipeline, agreement = cached_pipeline(settings, agreement_ref)
        record = guarded_record(line, pipeline, agreement)
        yield json.dumps(record, ensure_ascii=False)


def process_indexed_partition(
    settings: Settings, agreement_ref: str | None, rows: Iterable[tuple[int, bytes]]
) -> Iterator[str]:
    """As `process_partition`, for (input index, line) rows from the rebalanced path."""
    return process_partition(settings, agreement_ref, (line for _index, line in rows))


def is_error_line(line: str) -> bool:
    """Whether an output line is an error record; used to count what was written."""
    return "error" in json.loads(line)


__all__ = [
    "cached_pipeline",
    "guarded_record",
    "is_error_line",
    "process_indexed_partition",
    "process_partition",
]
