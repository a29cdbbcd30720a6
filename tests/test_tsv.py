"""The shared reader of the package's tab-separated data files (``dateline.tsv``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline import tsv

TABLE = "# a comment\n\nword\tkind\n# another\nhello\tgreeting\n  \n bye \t farewell \n"


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "words.tsv"
    path.write_text(text, encoding="utf-8")
    return path


def test_comments_blank_lines_and_the_header_are_skipped(tmp_path: Path) -> None:
    path = _write(tmp_path, TABLE)
    assert list(tsv.rows(path, 2)) == [["hello", "greeting"], [" bye ", " farewell "]]


def test_cells_are_stripped_and_the_header_kept_on_request(tmp_path: Path) -> None:
    path = _write(tmp_path, TABLE)
    rows = list(tsv.rows(path, 2, strip=True, header="keep"))
    assert rows == [["word", "kind"], ["hello", "greeting"], ["bye", "farewell"]]


def test_a_row_of_the_wrong_width_names_the_file_and_its_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "# comment\nword\tkind\nhello\tgreeting\nodd one out\n")
    with pytest.raises(tsv.TableError) as caught:
        list(tsv.rows(path, 2))
    assert (caught.value.path, caught.value.number) == (path, 4)
    assert caught.value.line == "odd one out" and caught.value.cells == ["odd one out"]
    assert f"{path}, line 4" in str(caught.value)


def test_without_a_width_rows_of_any_width_pass(tmp_path: Path) -> None:
    path = _write(tmp_path, "a\tb\nshort\nlong\trow\there\n")
    assert list(tsv.rows(path)) == [["short"], ["long", "row", "here"]]


def test_a_cell_that_must_be_filled_may_not_be_empty(tmp_path: Path) -> None:
    path = _write(tmp_path, "word\tsource\nhello\tgeneral\nbye\t \n")
    with pytest.raises(tsv.TableError) as caught:
        list(tsv.rows(path, 2, strip=True, filled=(0, -1)))
    assert caught.value.number == 3


def test_rows_are_read_in_order_so_the_first_bad_line_is_the_one_reported(
    tmp_path: Path,
) -> None:
    path = _write(tmp_path, "word\tsource\nfine\tgeneral\nbad\n")
    table = tsv.rows(path, 2, header="keep")
    assert next(table) == ["word", "source"]  # a caller may check the header first
    with pytest.raises(tsv.TableError):
        list(table)


def test_a_header_is_checked_only_on_request(tmp_path: Path) -> None:
    path = _write(tmp_path, "word\n# comment\nhello\tgreeting\n")
    assert list(tsv.rows(path, 2, header="keep")) == [["word"], ["hello", "greeting"]]
    with pytest.raises(tsv.TableError) as caught:
        list(tsv.rows(path, 2, header="check"))
    assert caught.value.number == 1


def test_a_missing_file_raises_at_the_call(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        tsv.rows(tmp_path / "missing.tsv", 2)
