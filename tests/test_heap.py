"""The heap bound of long runs: glibc's mmap threshold is fixed once, a user's setting wins."""

from __future__ import annotations

import subprocess
import sys

import pytest

from dateline import heap


def _run(code: str, env: dict[str, str] | None = None) -> str:
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    return out.stdout.strip()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's mallopt is Linux-only")
def test_the_threshold_is_set_once_per_process() -> None:
    code = "from dateline.heap import bound_heap; print(bound_heap(), bound_heap())"
    assert _run(code) == "True True"


def test_a_threshold_the_user_set_in_the_environment_stands(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(heap, "_done", False)
    monkeypatch.setenv("MALLOC_MMAP_THRESHOLD_", "65536")
    assert heap.bound_heap() is False


def test_the_pipeline_bounds_the_heap_before_its_first_batch(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from dateline import pipeline
    from dateline.options import Options

    calls: list[int] = []
    monkeypatch.setattr(pipeline, "bound_heap", lambda: calls.append(1) or True)
    assert list(pipeline.analyze_all([], Options(nlp=False))) == []
    assert calls == [1]


@pytest.mark.parametrize("bound", [True, False])
def test_the_parser_runs_with_the_higher_threshold_only_where_the_heap_is_bound(
    monkeypatch: pytest.MonkeyPatch, bound: bool
) -> None:
    calls: list[tuple[int, int]] = []
    monkeypatch.setattr(heap, "_done", bound)
    monkeypatch.setattr(heap, "_mallopt", lambda option, value: calls.append((option, value)))
    with pytest.raises(RuntimeError), heap.parser_heap():
        assert calls == ([(heap.M_MMAP_THRESHOLD, heap.PARSE_THRESHOLD)] if bound else [])
        raise RuntimeError("a parser failure")
    # the bound comes back, also when the parser fails; an unbound heap is left alone
    assert calls == (
        [(heap.M_MMAP_THRESHOLD, heap.PARSE_THRESHOLD), (heap.M_MMAP_THRESHOLD, heap.THRESHOLD)]
        if bound
        else []
    )
