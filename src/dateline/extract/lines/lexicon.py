"""The line extractor's knowledge, read from data files in ``dateline/data/lines``.

Nothing here is specific to one site: lists of navigation phrases, credit and editor
prefixes, common section names, month names, outlets by domain. Users extend the files.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any


def _data(name: str) -> str:
    return resources.files("dateline").joinpath("data", "lines", name).read_text(encoding="utf-8")


def _alternation(phrases: list[str]) -> str:
    ordered = sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True)
    return "|".join(re.escape(p) for p in ordered)


@dataclass(frozen=True, slots=True)
class Lexicon:
    navigation: frozenset[str]
    navigation_start: re.Pattern[str]  # a multi-word navigation phrase opening a line
    teaser_prefix: re.Pattern[str]
    credit_prefix: re.Pattern[str]  # case-sensitive: "Image:" may be glued to a word
    credit_agency: re.Pattern[str]
    editor_prefix: re.Pattern[str]  # "Edited by": the names are editors
    contributor_prefix: re.Pattern[str]  # "Reporting by": an editor-line clause, not editors
    byline_prefix: re.Pattern[str]
    place_joiners: tuple[str, ...]
    bio_cues: tuple[str, ...]
    date_prefix: re.Pattern[str]
    sections: dict[str, str]  # casefolded -> canonical spelling
    stopwords: frozenset[str]
    outlets: dict[str, str]


def is_navigation(text: str, max_words: int = 8) -> bool:
    """A menu or utility line: a navigation phrase alone, or opening a short line."""
    norm = " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())
    lex = lexicon()
    return norm in lex.navigation or (
        len(norm.split()) <= max_words and bool(lex.navigation_start.match(norm))
    )


@cache
def lexicon() -> Lexicon:
    raw: dict[str, Any] = json.loads(_data("lexicon.json"))
    outlets = {k: v for k, v in json.loads(_data("outlets.json")).items() if k != "about"}
    stop = frozenset(
        w.strip().casefold()
        for w in _data("stopwords.txt").splitlines()
        if w.strip() and not w.startswith("#")
    )
    return Lexicon(
        navigation=frozenset(p.casefold() for p in raw["navigation"]),
        navigation_start=re.compile(
            rf"^(?:{_alternation([p.casefold() for p in raw['navigation'] if ' ' in p])}) "
        ),
        teaser_prefix=re.compile(
            rf"^(?:{_alternation(raw['teaser_prefixes'])})\b\s*[:\-–—|]?\s*", re.I
        ),
        credit_prefix=re.compile(rf"(?:{_alternation(raw['credit_prefixes'])})\s*"),
        credit_agency=re.compile(rf"\b(?:{_alternation(raw['credit_agencies'])})\b", re.I),
        editor_prefix=re.compile(rf"^\(?(?:{_alternation(raw['editor_prefixes'])})\s*:?\s*", re.I),
        contributor_prefix=re.compile(
            rf"^\(?(?:{_alternation(raw['contributor_prefixes'])})\s*:?\s*", re.I
        ),
        byline_prefix=re.compile(rf"^(?:{_alternation(raw['byline_prefixes'])})\s*:?\s+", re.I),
        place_joiners=tuple(raw["byline_place_joiners"]),
        bio_cues=tuple(c.casefold() for c in raw["bio_cues"]),
        date_prefix=re.compile(rf"^(?:{_alternation(raw['date_prefixes'])})\s*:?\s*", re.I),
        sections={s.casefold(): s for s in raw["sections"]},
        stopwords=stop,
        outlets=outlets,
    )
