"""LinePatterns gives the same answers as matching the patterns' alternation at the start."""

from __future__ import annotations

import itertools
import re

import pytest

from dateline.extract.html_rules import LinePatterns, any_pattern, line_patterns

PATTERNS = (
    r"share this\b.{0,20}$",
    r".{0,30}\bsign up for our .{0,20}letter\b.{0,20}$",
    r".{0,15} (may|can) be reached at \S+@.{0,30}$",
    r".{0,10}\bfoo|bar",  # a branch at the top level: "bar" at the start, not after \b
    r".{0,12}?\bquiet hour",  # a lazy lead is left as it is
)
TEXTS = (
    "share this",
    "share this with a friend today",
    "sign up for our weekly letter",
    "please sign up for our weekly letter now",
    "a long opening clause that runs far too long before we sign up for our letter",
    "the desk may be reached at desk@example.org",
    "our editors at the desk may be reached at desk@example.org",
    "bar",
    "a bar",
    "foo",
    "afoo",
    "0123456789 foo",
    "0123456 foo",
    "the quiet hour",
    "",
)


@pytest.mark.parametrize("text", TEXTS)
def test_same_answer_as_the_alternation(text: str) -> None:
    alternation = re.compile("|".join(f"(?:{p})" for p in PATTERNS))
    assert LinePatterns(PATTERNS).match(text) == (alternation.match(text) is not None)


@pytest.mark.parametrize(
    "name",
    [
        "boilerplate.txt",
        "teaser_lines.txt",
        "date_lines.txt",
        "closing_lines.txt",
        "opening_lines.txt",
    ],
)
def test_data_files_same_answer(name: str) -> None:
    invented = (
        "sign up for our the newsletter staff writers contributed reporting may be reached "
        "at desk@example.org start your subscription subscribing to newsletters 5 min read "
        "listen wherever you get your podcasts share this copyright march 3, 2024 editor's note: "
        "for more information, visit example.org let us know in the comments can be viewed at"
    )
    words = invented.split()
    texts = [" ".join(words[i:j]) for i, j in itertools.combinations(range(len(words) + 1), 2)]
    texts += [("x " * n) + " ".join(words) for n in range(0, 200, 7)]
    old, new = any_pattern(name), line_patterns(name)
    assert [new.match(t) for t in texts] == [old.match(t) is not None for t in texts]
