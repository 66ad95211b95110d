"""User overlays: merged on top of shipped data, validated with file:line errors; the CLI."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from trucewatch.cli.main import build_app
from trucewatch.errors import KnowledgeBaseError
from trucewatch.model.kb import ActorMatch, PlaceMatch
from trucewatch.resolve import KB, load_kb


@pytest.fixture(scope="module")
def overlay_kb(kb_fixtures: Path) -> KB:
    return load_kb(kb_fixtures / "overlay-good")


@pytest.mark.parametrize(
    ("text", "context", "expected"),
    [
        ("Gondorian troops", None, "gondor-army"),
        ("Minas Tirith", None, "gondor"),
        ("Gondorian soldiers", None, "gondor-army"),
        ("the army", {"country": "XG"}, "gondor-army"),
        ("orcs", None, "mordor-host"),
        ("Tahrir al-Sham Organisation", None, "hts"),  # alias added to a shipped id
        ("HTS", None, "hts"),  # shipped aliases kept
    ],
)
def test_overlay_actors(
    overlay_kb: KB, text: str, context: dict[str, str] | None, expected: str
) -> None:
    result = overlay_kb.resolve_actor(text, context=context)
    assert isinstance(result, ActorMatch), result
    assert result.actor.id == expected


def test_overlay_designation_and_place(overlay_kb: KB) -> None:
    assert overlay_kb.is_designated("mordor-host", by="UNSC", on=date(2016, 1, 1))
    place = overlay_kb.resolve_place("Osgiliat", context={"country": "XG"})
    assert isinstance(place, PlaceMatch) and place.place.id == "osgiliath"
    named = overlay_kb.resolve_actor("orcs", on=date(2015, 1, 1))
    assert isinstance(named, ActorMatch) and named.name_on_date == "Old Host"


def test_overlay_errors_have_file_and_line(kb_fixtures: Path) -> None:
    with pytest.raises(KnowledgeBaseError) as caught:
        load_kb(kb_fixtures / "overlay-bad")
    message = str(caught.value)
    expected = [
        "overlay/groups.yaml:5: actor 'bad-group': unknown kind 'rebl'; valid: state,",
        "overlay/groups.yaml:8: actor 'orphan': unknown key 'colour'; valid:",
        "overlay/groups.yaml:8: actor 'orphan': unknown parent 'nobody'",
        "overlay/groups.yaml:14: designation of 'ghost': unknown actor 'ghost'",
        "overlay/groups.yaml:18: place 'nowhere': lat 123.0, lon 0.0 out of range",
    ]
    for line in expected:
        assert line in message, message


def test_overlay_yaml_syntax_error_has_line(tmp_path: Path) -> None:
    (tmp_path / "broken.yaml").write_text("actors:\n  - id: a\n    name: [unclosed\n")
    with pytest.raises(KnowledgeBaseError, match=r"overlay/broken\.yaml:\d+: not valid YAML"):
        load_kb(tmp_path)


def test_missing_overlay_dir(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeBaseError, match="does not exist"):
        load_kb(tmp_path / "nope")


runner = CliRunner()


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["kb", "lookup", "Nusra Front", "--on", "2016-02-12"], "Jabhat al-Nusra"),
        (["kb", "lookup", "Maaret al-Numan", "--country", "SY"], "precision city"),
        (["kb", "validate"], "ok:"),
    ],
)
def test_cli(args: list[str], needle: str) -> None:
    result = runner.invoke(build_app(), args)
    assert result.exit_code == 0, result.output
    assert needle in result.output


def test_cli_json_gives_actor_and_place() -> None:
    result = runner.invoke(build_app(), ["kb", "lookup", "Moscow", "--json"])
    assert result.exit_code == 0
    assert [r["type"] for r in json.loads(result.output)] == ["actor", "place"]


def test_cli_unresolved_exits_nonzero() -> None:
    result = runner.invoke(build_app(), ["kb", "lookup", "Qwertyx Zzyzzx"])
    assert result.exit_code == 1


def test_cli_validate_bad_overlay(kb_fixtures: Path) -> None:
    result = runner.invoke(
        build_app(), ["kb", "validate", "--overlay", str(kb_fixtures / "overlay-bad")]
    )
    assert result.exit_code != 0
    assert isinstance(result.exception, KnowledgeBaseError)
    assert "groups.yaml:5" in str(result.exception)
