"""Example articles bundled with dateline: our own invented wire stories, written for
``make run``, the tests and the quality reports. Five are HTML pages in different site designs,
three are plain-text page dumps, and ``examples.jsonl`` holds three short records in the JSON
Lines input format. ``expected.json`` says what a correct analysis of each contains.
"""

from __future__ import annotations

from pathlib import Path

#: Suffixes of the example articles (one document per file); ``examples.jsonl`` is separate.
ARTICLE_SUFFIXES: tuple[str, ...] = (".html", ".txt")


def path() -> Path:
    """The directory holding the example files (articles in ``articles/``, plus
    ``examples.jsonl`` and ``expected.json``)."""
    return Path(__file__).resolve().parent


def files() -> list[Path]:
    """The example article files (HTML pages and text dumps), sorted by name."""
    folder = path() / "articles"
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in ARTICLE_SUFFIXES)


def jsonl() -> Path:
    """The JSON Lines file of short example records."""
    return path() / "examples.jsonl"


def expected() -> Path:
    """The expected-analysis file (our own gold for our own examples)."""
    return path() / "expected.json"
