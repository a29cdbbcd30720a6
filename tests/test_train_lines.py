"""The line-model trainer fits tune halves only and is reproducible byte for byte.

The pages are invented here (a menu, a title, a byline, body paragraphs drawn from a small
word list, a footer); no development page is read.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from dateline_dev import train_lines as training
from dateline_dev.eval.split import half_of

pytest.importorskip("sklearn", reason="scikit-learn is not installed (pip install dateline[eval])")
pytest.importorskip("threadpoolctl")

_SENTENCE = (
    "the council said harbour workers would vote on a new offer after talks with the port "
    "authority ended late on Tuesday while ferry crews kept their own dispute open and "
    "shipping agents warned of delays for cargo bound for inland towns"
)
WORDS = _SENTENCE.split()
MENU = ["Home", "World", "Business", "Sport", "Weather", "Sign in", "Subscribe"]
FOOTER = ["Terms of use", "Privacy policy", "Contact us", "All rights reserved"]


def _page(rng: random.Random) -> tuple[str, str]:
    body = [
        " ".join(rng.choice(WORDS) for _ in range(rng.randint(18, 40))).capitalize() + "."
        for _ in range(rng.randint(3, 6))
    ]
    title = " ".join(rng.choice(WORDS) for _ in range(6)).capitalize()
    text = "\n".join([*MENU, title, "By Ana Example", *body, "Related stories", *FOOTER])
    return text, "\n\n".join(body)


def _dumps(pages_per_set: int = 6) -> list[training.Dump]:
    rng = random.Random(7)
    out = []
    for name in ("scrapinghub", "naeb", "wcxb"):
        keys = [k for k in (f"page-{i}" for i in range(200)) if half_of(name, k) == "tune"]
        for key in keys[:pages_per_set]:
            text, gold = _page(rng)
            for renderer in training.RENDERERS:
                dump = training.make_dump(name, key, renderer, text, gold)
                assert dump is not None
                out.append(dump)
    return out


@pytest.fixture
def quick(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(training.PARAMS, "max_iter", 8)  # the pipeline, not the fit, is tested
    monkeypatch.setitem(training.PARAMS, "min_samples_leaf", 5)


def _fitted(path: Path) -> bytes:
    model, _ = training.build(_dumps())
    training.write_model(model, path)
    return path.read_bytes()


@pytest.mark.usefixtures("quick")
def test_the_same_pages_give_a_byte_identical_model(tmp_path: Path) -> None:
    assert _fitted(tmp_path / "a.json") == _fitted(tmp_path / "b.json")


@pytest.mark.usefixtures("quick")
def test_the_model_records_seed_halves_pages_and_library_versions() -> None:
    model, report = training.build(_dumps(), crossval=False)
    meta = model.meta
    assert meta["seed"] == training.SEED
    assert meta["halves"] == ["tune"] == report["halves"]
    assert meta["trained_on"] == sorted(training.FIT_SETS)
    assert meta["pages"] == sum(meta["pages_by_set"].values()) > 0
    assert len(meta["pages_digest"]) == 64
    assert set(meta["libraries"]) == set(training.LIBRARIES)
    assert meta["libraries"]["scikit-learn"]


@pytest.mark.usefixtures("quick")
def test_a_check_half_page_is_refused() -> None:
    key = next(k for k in (f"page-{i}" for i in range(200)) if half_of("wcxb", k) == "check")
    text, gold = _page(random.Random(1))
    check = training.make_dump("wcxb", key, training.RENDERERS[0], text, gold)
    assert check is not None and check.half == "check"
    with pytest.raises(ValueError, match="tune halves only"):
        training.build([*_dumps(2), check], crossval=False)
