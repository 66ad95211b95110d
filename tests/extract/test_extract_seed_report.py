"""The seed report, read as the CLI reads it, must meet every `document` check of its gold."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from trucewatch.config import Settings
from trucewatch.extract import extract_article
from trucewatch.ingest import read_sources
from trucewatch.model import Article

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
GOLD = SHARED / "eval" / "seed.gold.json"


@pytest.fixture(scope="module")
def gold() -> dict:
    if not GOLD.is_file():
        pytest.skip(f"shared evaluation data not found at {GOLD.resolve()}")
    return json.loads(GOLD.read_text(encoding="utf-8"))


def _article(gold: dict, published: date | None) -> Article:
    path = (GOLD.parent / gold["input"]).resolve()
    settings = Settings()
    items = list(
        read_sources([str(path)], settings, published=published, source_name=gold["source"])
    )
    assert len(items) == 1
    article = extract_article(items[0], settings)
    assert isinstance(article, Article), article
    return article


def test_seed_document_checks_hold(gold: dict) -> None:
    article = _article(gold, date.fromisoformat(gold["published"]))
    expected = gold["document"]
    missing = [p for p in expected["text_must_contain"] if p not in article.text]
    leaked = [p for p in expected["text_must_not_contain"] if p in article.text]
    assert missing == []
    assert leaked == []
    assert list(article.credits) == expected["credits"]
    assert article.published == date.fromisoformat(gold["published"])
    assert article.published_from == "flag"
    assert article.source == gold["source"]


def test_seed_without_published_invents_no_date(gold: dict) -> None:
    article = _article(gold, None)
    assert article.published == gold["without_published"]["document_published"]
    assert article.published_from == "none"


def test_seed_title_is_kept_apart_from_body(gold: dict) -> None:
    article = _article(gold, None)
    assert article.title
    assert article.title not in article.text
    assert article.text.split("\n\n")[0] != article.title
