"""The one rule for tests that need ../shared or the spaCy model: skip on a user's machine,
fail under CI=true (so a green CI means the gold-based tests ran)."""

from __future__ import annotations

from pathlib import Path

import pytest

import conftest


def test_missing_shared_skips_for_a_user(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(conftest, "SHARED", tmp_path / "shared")
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="shared is absent"):
        conftest.require_shared("seed")


@pytest.mark.parametrize("value", ["true", "1", "TRUE"])
def test_missing_shared_fails_under_ci(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, value: str
) -> None:
    monkeypatch.setattr(conftest, "SHARED", tmp_path / "shared")
    monkeypatch.setenv("CI", value)
    with pytest.raises(pytest.fail.Exception, match="CI=true"):
        conftest.require_shared("seed")


def test_present_shared_is_returned(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "seed").mkdir()
    monkeypatch.setattr(conftest, "SHARED", tmp_path)
    monkeypatch.setenv("CI", "true")
    assert conftest.require_shared("seed") == tmp_path / "seed"


def test_missing_model_fails_under_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    from dateline import nlp
    from dateline.errors import NlpError

    def none(model: str | None = None) -> str:
        raise NlpError("no model")

    monkeypatch.setattr(nlp, "installed_model", none)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="spaCy"):
        conftest.require_model()
    monkeypatch.setenv("CI", "false")
    with pytest.raises(pytest.skip.Exception, match="spaCy"):
        conftest.require_model()
