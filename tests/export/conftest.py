from __future__ import annotations

import json
from pathlib import Path

import pytest

from trucewatch.model import Incident

FIXTURE = Path(__file__).parents[1] / "fixtures" / "faces" / "incidents.json"


@pytest.fixture
def incidents() -> list[Incident]:
    return [Incident.model_validate(d) for d in json.loads(FIXTURE.read_text(encoding="utf-8"))]
