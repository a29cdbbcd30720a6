"""Count wrong locations and target countries of matched article events, by why (a
development aid).

    python -m dateline_dev.place_misses [--gold DIR] [--show]

Events are paired with the gold as ``dateline eval articles`` pairs them
(:func:`dateline_dev.eval.articles.pair_events`) and scored the same way: a location counts
when the gold or the prediction has one and is right when both have one in the same country;
a target country counts when the gold target has a country. Each wrong one falls in one
category:

- locations: ``emitted, gold null`` / ``null, gold has one`` / ``wrong country``, with where
  ours came from (``stated``: a place the sentence names; ``dateline``; ``home city`` or
  ``home state``: the article's home place, :meth:`dateline.events.setting.Setting.at_home`)
  and whether the gold's place is named in the sentence;
- targets: ``no target`` / ``target without country`` / ``target of the source's country`` /
  ``other country``, with whether our phrase is the gold's, another of the sentence, or not in
  the sentence (a target from the sentence before);
- and, not counted by the eval: a gold target with no country (a multi-country recipient)
  that we give one.

Right ones are counted by where the location came from too. Only counts are printed for both
halves; ``--show`` lists the tune half's wrong ones with their sentences (the check half is
never listed).
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from dateline_dev.eval import articles
from dateline_dev.eval.matching import TextMap
from dateline_dev.eval.split import HALVES

#: How the home place is marked in the record's location name while the tool runs.
_MARK = "\x00"


@contextmanager
def _marked_home() -> Iterator[None]:
    """While inside, a location the coder takes from the article (the dateline or the home
    place) carries a mark before its name that says which."""
    from dateline.events import setting

    plain = setting.Setting.at_home

    def at_home(self: Any, *args: Any, **kwargs: Any) -> Any:
        loc = plain(self, *args, **kwargs)
        if loc is None:
            return None
        kind = "dateline" if loc == self.dateline else "home"
        return replace(loc, name=f"{_MARK}{kind}{_MARK}{loc.name}")

    setting.Setting.at_home = at_home  # type: ignore[method-assign]
    try:
        yield
    finally:
        setting.Setting.at_home = plain  # type: ignore[method-assign]


def _origin(loc: dict[str, Any]) -> str:
    name = loc.get("name") or ""
    if not name.startswith(_MARK):
        return "stated"
    kind = name.split(_MARK)[1]
    if kind == "home":
        return "home city" if loc.get("lat") is not None else "home state"
    return kind


def _country(side: dict[str, Any] | None) -> str | None:
    return (side or {}).get("country") or None


def _named_in(name: str | None, sentence: str) -> str:
    return "named in the sentence" if name and name.lower() in sentence.lower() else "not named"


def location_miss(gold: dict[str, Any] | None, pred: dict[str, Any] | None, sentence: str) -> str:
    """The category of a wrong location (one of them is not None)."""
    if gold is None and pred is not None:
        return f"location emitted, gold null: ours {_origin(pred)}"
    if pred is None and gold is not None:
        return f"location null, gold has one: gold's {_named_in(gold.get('name'), sentence)}"
    assert gold is not None and pred is not None
    return (
        f"location in the wrong country: ours {_origin(pred)}, "
        f"gold's {_named_in(gold.get('name'), sentence)}"
    )


def target_miss(gold: dict[str, Any], pred: dict[str, Any], sentence: str) -> str:
    """The category of a wrong target country (the gold target has one)."""
    target = pred.get("target")
    if target is None:
        return "target: none"
    if not _country(target):
        what = "target: no country"
    elif _country(target) == _country(pred.get("source")):
        what = "target: the source's country"
    else:
        what = "target: another country"
    ours, theirs = target.get("text") or "", (gold.get("target") or {}).get("text") or ""
    if ours and ours not in sentence:
        return f"{what}, phrase not in the sentence"
    if ours and theirs and (ours in theirs or theirs in ours):
        return f"{what}, the gold's phrase"
    return f"{what}, another phrase"


def count(root: Path, show: bool = False) -> dict[str, Counter[str]]:
    """Counts by half of every category (and of the right ones by origin)."""
    golds = articles.load(root)
    with _marked_home():
        records = articles.records(golds)
    counts: dict[str, Counter[str]] = {h: Counter() for h in HALVES}
    for gold, record in zip(golds, records, strict=True):
        body = (record.get("article") or {}).get("body") or ""
        preds, pairs = articles.pair_events(
            gold, record, TextMap(gold.text, body), articles.COUNTED_MODALITIES
        )
        c = counts[gold.half]
        for g, event in enumerate(gold.events):
            if g not in pairs:
                continue
            pred, sentence = preds[pairs[g]], event["sentence"]
            misses = []
            gl, pl = event.get("location"), pred.get("location")
            if gl or pl:
                c["location: counted"] += 1
                if gl and pl and _country(gl) == _country(pl):
                    c[f"location right: ours {_origin(pl)}"] += 1
                else:
                    misses.append(location_miss(gl, pl, sentence))
            if _country(event.get("target")):
                c["target: counted"] += 1
                if _country(pred.get("target")) == _country(event.get("target")):
                    c["target right"] += 1
                else:
                    misses.append(target_miss(event, pred, sentence))
            elif event.get("target") and _country(pred.get("target")):
                misses.append("target (not counted): gold's has no country, ours has one")
            c.update(misses)
            if show and gold.half == "tune" and misses:
                print(f"naeb-{gold.id}: {sentence}")
                for miss in misses:
                    print(f"  {miss}: gold {event.get('location')} / {event.get('target')}")
                    print(f"    ours {pred.get('location')} / {pred.get('target')}")
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dateline_dev.place_misses")
    parser.add_argument("--gold", type=Path, default=Path("../shared/data") / articles.SET_NAME)
    parser.add_argument("--show", action="store_true", help="list the tune half's misses")
    args = parser.parse_args(argv)
    counts = count(args.gold, args.show)
    keys = sorted({k for c in counts.values() for k in c})
    print("| category | " + " | ".join(HALVES) + " |")
    print("|---|" + "---:|" * len(HALVES))
    for key in keys:
        print(f"| {key} | " + " | ".join(str(counts[h][key]) for h in HALVES) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
