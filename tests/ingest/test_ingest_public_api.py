"""The ingest and extract packages export exactly what the pipeline and faces build on."""

from __future__ import annotations

import inspect

import pytest

import trucewatch.extract as extract
import trucewatch.ingest as ingest


@pytest.mark.parametrize("package", [ingest, extract], ids=["ingest", "extract"])
def test_every_exported_name_exists(package: object) -> None:
    names = package.__all__  # type: ignore[attr-defined]
    assert names == sorted(names)
    assert [n for n in names if not hasattr(package, n)] == []


def test_read_sources_signature_is_keyword_only_after_settings() -> None:
    params = inspect.signature(ingest.read_sources).parameters
    assert list(params)[:2] == ["sources", "settings"]
    assert all(
        params[name].kind is inspect.Parameter.KEYWORD_ONLY
        for name in ("published", "source_name", "stdin", "policy")
    )
