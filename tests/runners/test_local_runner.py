"""The local batch runner: lines read together give the records each line gives alone,
in input order, with bad lines answered in their place."""

from __future__ import annotations

import json

import pytest

from trucewatch.config import load_settings
from trucewatch.errors import ModelMissingError
from trucewatch.pipeline import Pipeline
from trucewatch.runners.local import batch_records, process_line, process_lines

pytestmark = pytest.mark.model

LINES = [
    json.dumps(
        {
            "id": "a",
            "text": "Warplanes struck a bakery in Saraqib on Monday, killing five civilians, "
            "a local monitor said. Rescuers searched the rubble through the night.",
            "published": "2016-02-16",
        }
    ),
    "{not json",
    json.dumps({"id": "b", "text": "", "published": "2016-02-16"}),
    json.dumps({"id": "c", "published": "2016-02-16"}),
    json.dumps(
        {
            "id": "d",
            "text": "Rebels shelled a government checkpoint near Hama on Tuesday, wounding "
            "three soldiers, state media reported. The army said it returned fire.",
            "published": "2016-02-17",
        }
    ),
]


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    pipe = Pipeline(load_settings({}))
    try:
        pipe.reader()
    except ModelMissingError as error:
        pytest.skip(str(error))
    return pipe


def test_lines_read_together_equal_lines_read_alone(pipeline: Pipeline) -> None:
    together = process_lines(LINES, pipeline)
    alone = [process_line(line, pipeline) for line in LINES]
    assert together == alone
    assert [r["id"] for r in together] == ["a", None, "b", "c", "d"]
    assert [("error" in r) for r in together] == [False, True, True, True, False]
    assert together[0]["events"] and together[4]["events"]


@pytest.mark.parametrize("workers", [1, 2])
def test_batch_keeps_input_order_across_jobs(pipeline: Pipeline, workers: int) -> None:
    lines = LINES * 7  # more lines than one job holds
    out = list(batch_records(lines, pipeline, workers=workers, chunk_lines=8))
    assert [r["id"] for r in out] == [r["id"] for r in process_lines(LINES, pipeline)] * 7
