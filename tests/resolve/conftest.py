"""The shipped knowledge base, loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from trucewatch.resolve import KB, load_kb

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "resolve"


@pytest.fixture(scope="session")
def kb() -> KB:
    return load_kb()


@pytest.fixture(scope="session")
def kb_fixtures() -> Path:
    return FIXTURES
