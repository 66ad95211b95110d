"""Writes need a write token (401/403); body size (413) and rate (429) limits."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from trucewatch.config import Settings
from trucewatch.model import Document

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

AGREEMENT = """\
id: demo-truce
name: Demo truce between Arnor and Gondor
timezone: Europe/London
instruments:
  - id: terms
    kind: terms
    name: Terms
    date: 2020-01-01
    effect: {at: "2020-01-02 00:00", timezone: Europe/London}
effect: terms
parties:
  - actor: russia
  - actor: syria-army
scope:
  countries: [GB]
obligations:
  - id: cease
    name: Cease attacks
    covers:
      - event_type: Battles
"""


def _code(response) -> str:  # type: ignore[no-untyped-def]
    return response.json()["error"]["code"]


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_writes_need_a_write_token(client, store) -> None:
    reader = store.create_token("reader", "read")
    posted = client.post("/api/agreements", content=AGREEMENT)
    assert posted.status_code == 401 and _code(posted) == "unauthorized"
    assert posted.headers["www-authenticate"] == "Bearer"
    bad = client.post("/api/agreements", content=AGREEMENT, headers=_auth("tw_forged"))
    assert bad.status_code == 401
    forbidden = client.post("/api/agreements", content=AGREEMENT, headers=_auth(reader))
    assert forbidden.status_code == 403 and _code(forbidden) == "forbidden"
    assert client.get("/api/incidents").status_code == 200  # reads need no token


def test_post_agreement_validates_and_stores(client, store) -> None:
    writer = store.create_token("writer", "write")
    done = client.post("/api/agreements", content=AGREEMENT, headers=_auth(writer))
    assert done.status_code == 201, done.text
    assert done.json() == {"id": "demo-truce", "name": "Demo truce between Arnor and Gondor"}
    assert "demo-truce" in store.list_agreement_texts()
    listed = {a["id"]: a["origin"] for a in client.get("/api/agreements").json()}
    assert listed["demo-truce"] == "posted"
    broken = AGREEMENT.replace("effect: terms", "efect: terms")
    refused = client.post("/api/agreements", content=broken, headers=_auth(writer))
    assert refused.status_code == 422 and _code(refused) == "invalid_agreement"
    assert "efect" in refused.json()["error"]["message"]
    store.revoke_token("writer")
    assert (
        client.post("/api/agreements", content=AGREEMENT, headers=_auth(writer)).status_code == 401
    )


def test_post_reports_runs_the_processor(tmp_path: Path, settings, store) -> None:
    """The route hands Documents to app.state.process_reports (the pipeline by default)."""
    from trucewatch.api import create_app

    from .conftest import make_client

    received: list[Document] = []

    def process(documents):  # type: ignore[no-untyped-def]
        received.extend(documents)
        return {
            "run_id": "r1",
            "read": len(documents),
            "stored": len(documents),
            "duplicates": 0,
            "skipped": {},
            "article_ids": [],
            "incidents": store.count_incidents(),
        }

    writer = store.create_token("writer", "write")
    app = create_app(settings, store, process_reports=process)
    with make_client(app) as client:
        body = {
            "reports": [
                {"id": "r-1", "text": "Shelling hit the mill.", "published": "2016-03-02"},
                {"id": "r-2", "html": "<p>Clashes at dawn.</p>", "source": "Valley Courier"},
            ]
        }
        response = client.post("/api/reports", json=body, headers=_auth(writer))
        assert response.status_code == 200, response.text
        assert response.json()["read"] == 2
        assert [d.media_type for d in received] == ["text/plain", "text/html"]
        assert received[0].published.isoformat() == "2016-03-02"
        both = {"reports": [{"id": "x", "text": "a", "html": "b"}]}
        invalid = client.post("/api/reports", json=both, headers=_auth(writer))
        assert invalid.status_code == 422 and _code(invalid) == "invalid"


def test_body_over_the_limit_is_413(client, store) -> None:
    writer = store.create_token("writer", "write")
    big = json.dumps({"reports": [{"id": "x", "text": "word " * 10_000}]})
    response = client.post(
        "/api/reports", content=big, headers={**_auth(writer), "content-type": "application/json"}
    )
    assert response.status_code == 413 and _code(response) == "body_too_large"

    def chunks():  # type: ignore[no-untyped-def]
        for _ in range(30):
            yield b"x" * 1000

    chunked = client.post("/api/agreements", content=chunks(), headers=_auth(writer))
    assert chunked.status_code == 413


def test_rate_limit_is_per_client_and_429(store) -> None:
    from trucewatch.api import create_app

    from .conftest import make_client

    app = create_app(Settings(api_rate_per_minute=3), store)
    with make_client(app) as client:
        statuses = [client.get("/api/incidents").status_code for _ in range(4)]
        assert statuses == [200, 200, 200, 429]
        limited = client.get("/api/stats")
        assert _code(limited) == "rate_limited" and int(limited.headers["retry-after"]) >= 1
        assert client.get("/static/app.css").status_code == 200  # assets are not counted
    assert app.state.rate.take("10.0.0.9") == 0.0  # another client has its own bucket


def test_token_bucket_is_bounded_and_refills() -> None:
    from trucewatch.api.limits import TokenBucket

    now = [0.0]
    bucket = TokenBucket(60, max_clients=100, clock=lambda: now[0])
    for n in range(500):
        bucket.take(f"10.0.{n // 256}.{n % 256}")
    assert len(bucket) == 100
    for _ in range(60):
        assert bucket.take("a") == 0.0
    assert bucket.take("a") > 0
    now[0] += 1.0  # one request per second refills
    assert bucket.take("a") == 0.0


def test_query_timeout_is_504(settings, store, monkeypatch) -> None:
    import time

    from trucewatch.api import create_app

    from .conftest import make_client

    app = create_app(Settings(api_query_seconds=0.05), store)

    def slow(*args, **kwargs):  # type: ignore[no-untyped-def]
        time.sleep(0.3)
        return None

    monkeypatch.setattr(store, "get_incident", slow)
    with make_client(app) as client:
        response = client.get("/api/incidents/inc-aleppo-0301")
    assert response.status_code == 504 and _code(response) == "query_timeout"


@pytest.mark.model
def test_posted_reports_go_through_the_whole_pipeline(settings, store) -> None:
    """No stand-in: the default processor ingests, reads, fuses and assesses for real."""
    from trucewatch.api import create_app

    from .conftest import make_client

    writer = store.create_token("writer", "write")
    app = create_app(settings, store)
    body = {
        "reports": [
            {
                "id": "wire-1",
                "text": "Russian warplanes struck a market in Saraqib in Idlib province on "
                "Tuesday, killing 12 civilians, the Syrian Observatory for Human Rights said.",
                "published": "2016-03-02",
                "source": "Valley Courier",
            }
        ]
    }
    with make_client(app) as client:
        first = client.post("/api/reports", json=body, headers=_auth(writer))
        assert first.status_code == 200, first.text
        assert first.json()["stored"] == 1 and first.json()["incidents"] >= 1
        incidents = client.get("/api/incidents").json()["items"]
        strike = [i for i in incidents if i["sub_event_type"] == "Air/drone strike"]
        assert strike, incidents
        assert strike[0]["fatalities"]["best"] == 12
        again = client.post("/api/reports", json=body, headers=_auth(writer))
        assert again.json()["stored"] == 0 and again.json()["duplicates"] == 1
        assert again.json()["incidents"] == first.json()["incidents"]
