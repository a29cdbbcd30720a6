"""Features behind an optional extra say which extra to install when it is missing."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from dateline.errors import UsageError
from dateline.export.tables import write_tables


def test_parquet_without_pyarrow_names_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow now raises ImportError
    with pytest.raises(UsageError) as caught:
        write_tables([], tmp_path, "parquet")
    assert caught.value.code == "E002"
    assert "dateline[parquet]" in caught.value.message


def test_csv_needs_no_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    paths, counts = write_tables([], tmp_path, "csv")
    assert all(p.exists() for p in paths) and set(counts.values()) == {0}
