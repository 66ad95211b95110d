"""Settings are declared once and documented; errors pickle and name their fix."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from trucewatch import errors
from trucewatch.config import SETTINGS, Settings, load_settings
from trucewatch.errors import ConfigError


def test_every_setting_is_declared_once_with_help_and_matching_default() -> None:
    declared = {s.name: s for s in SETTINGS}
    fields = {f.name: f.default for f in dataclasses.fields(Settings)}
    assert set(declared) == set(fields)
    for name, setting in declared.items():
        assert setting.help.strip(), f"setting {name} has no help"
        assert fields[name] == setting.default, name


def test_environment_overrides_and_coerces_types() -> None:
    settings = load_settings(
        {"TRUCEWATCH_MAX_DOCUMENT_BYTES": "1234", "TRUCEWATCH_FETCH_ENABLED": "yes"}
    )
    assert settings.max_document_bytes == 1234
    assert settings.fetch_enabled is True


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"TRUCEWATCH_MAX_DOCUMENT_BYTES": "lots"}, "not a valid int"),
        ({"TRUCEWATCH_FETCH_ENABLED": "maybe"}, "not a valid bool"),
    ],
)
def test_bad_environment_value_is_a_config_error(env: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_settings(env)


def test_unknown_override_names_the_valid_settings() -> None:
    with pytest.raises(ConfigError, match=r"valid: .*db_path"):
        load_settings({}, not_a_setting=1)


@pytest.mark.parametrize(
    "cls",
    [
        c
        for c in vars(errors).values()
        if isinstance(c, type) and issubclass(c, errors.TrucewatchError)
    ],
)
def test_errors_survive_pickling_for_worker_processes(cls: type) -> None:
    error = cls("something specific went wrong")
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is cls and str(copy) == "something specific went wrong"
    assert copy.exit_code == cls.exit_code
