"""`trucewatch agreements list | validate | show` through the real entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from trucewatch.cli.main import main

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "assess" / "pelennor-truce.yaml"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = 0
    try:
        main(list(argv))
    except SystemExit as done:
        code = int(done.code or 0)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_list_shows_ids_effect_and_status(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "agreements", "list")
    assert code == 0
    row = next(line for line in out.splitlines() if line.startswith("syria-coh-2016\t"))
    assert "2016-02-27T00:00+02:00" in row
    assert row.endswith("ended")


def test_validate_ok(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "agreements", "validate", str(FIXTURE))
    assert code == 0
    assert out.startswith("OK pelennor-truce:")


def test_validate_error_names_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(FIXTURE.read_text().replace("\nscope:", "\nscpe:"), encoding="utf-8")
    code, out, err = run(capsys, "agreements", "validate", str(bad))
    assert code != 0
    assert out == ""
    assert f"{bad}:51: unknown key 'scpe'" in err
    assert "did you mean 'scope'?" in err


@pytest.mark.parametrize(
    ("flag", "words"),
    [
        (None, ["Terms, 22 Feb 2016", "<- governs effect", "hts: ", "positions:"]),
        ("--json", ['"effect": "terms"', '"periods"']),
    ],
)
def test_show(capsys: pytest.CaptureFixture[str], flag: str | None, words: list[str]) -> None:
    code, out, _ = run(capsys, "agreements", "show", "syria-coh-2016", *([flag] if flag else []))
    assert code == 0
    for word in words:
        assert word in out
    if flag:
        assert json.loads(out)["id"] == "syria-coh-2016"
