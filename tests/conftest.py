"""Shared test helpers: where the repo and the shared evaluation data live."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLES = REPO / "samples"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "eval" / "seed.gold.json").is_file():
        pytest.skip(f"shared evaluation data not found at {SHARED}")
    return SHARED
