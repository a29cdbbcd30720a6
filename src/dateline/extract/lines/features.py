"""Line features for the page-dump classifier.

A dump is split into lines; each non-empty line gets features of its own text (length, prose
cues, lexicon hits) and of its neighbourhood (neighbours' features, smoothed density,
distance to the nearest prose line, where it sits relative to the page's prose). Renderer
specifics such as indentation are deliberately left out so the model transfers from
HTML renderings to copy-paste dumps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from dateline.extract.lines.fields import URL_RE, find_date
from dateline.extract.lines.lexicon import is_navigation, lexicon

_TOKEN = re.compile(r"\w+", re.UNICODE)
_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
_BULLET = re.compile(r"^(?:[*•·▪►>–—-]|\d{1,3}[.)])\s+")
#: A line that ends like a sentence (full stop, question or exclamation mark, ellipsis).
TERMINAL = re.compile(r"[.!?…][\"'”’»)\]]*$")
#: One sentence ending and the next beginning inside a line.
SENTENCE_BREAK = re.compile(r"[.!?][\"'”’»)]*\s+[\"'“‘«(]?[A-ZÀ-Þ]")
_QUOTES = re.compile(r"[\"“”«»„]")
_SEPARATORS = re.compile(r"[|»›•·]")
_HEADLINE_COLON = re.compile(r"^[\w'’.-]+(?:\s[\w'’.-]+){0,2}:\s")


@dataclass(slots=True)
class Line:
    """One non-empty line of a dump, with where it sits among blank lines."""

    text: str  # stripped
    number: int  # 0-based line number in the dump
    blank_before: bool
    blank_after: bool

    @property
    def bare(self) -> str:
        """The text without a list marker ("1. ", "* ") a renderer put in front."""
        return _BULLET.sub("", self.text, count=1)


#: A dump whose every line is at most this long may be hard-wrapped (a renderer or a page
#: copy gives a paragraph one line, hundreds of characters long).
WRAP_WIDTH = 100
#: A wrapped line is at least this long: shorter lines end where the writer ended them.
WRAP_MIN = 50
_CONTINUES = re.compile(r"[^.!?:;\"”’)\]]$")


def split_lines(text: str) -> list[Line]:
    """The dump's non-empty lines, a hard-wrapped paragraph joined into one (``unwrap``)."""
    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    out: list[Line] = []
    for first, last, joined in unwrap(raw):
        stripped = " ".join(joined.replace("\u00a0", " ").split())
        if not stripped:
            continue
        out.append(
            Line(
                stripped,
                first,
                blank_before=first == 0 or not raw[first - 1].strip(),
                blank_after=last + 1 >= len(raw) or not raw[last + 1].strip(),
            )
        )
    return out


def unwrap(raw: list[str]) -> list[tuple[int, int, str]]:
    """(first index, last index, text) of each line, with the lines of a hard-wrapped
    paragraph joined: in a dump no line of which is longer than ``WRAP_WIDTH`` (an e-mail, a
    terminal copy), a line of ``WRAP_MIN`` characters or more that does not end a sentence
    goes on in the next line when no blank line comes between them."""
    if any(len(line.strip()) > WRAP_WIDTH for line in raw):
        return [(i, i, line) for i, line in enumerate(raw)]
    out: list[tuple[int, int, str]] = []
    for i, line in enumerate(raw):
        text = line.strip()
        if out and text and _goes_on(raw[i - 1]):  # every line, blank or not, is in ``out``
            start, _, before = out[-1]
            out[-1] = (start, i, f"{before} {text}")
        else:
            out.append((i, i, line))
    return out


def _goes_on(line: str) -> bool:
    """Whether a line of a wrapped dump runs on into the next one."""
    text = line.strip()
    return len(text) >= WRAP_MIN and bool(_CONTINUES.search(text))


OWN = (
    "log_chars", "log_words", "terminal", "ends_colon", "sentence_breaks", "alpha_ratio",
    "upper_ratio", "cap_word_ratio", "digit_ratio", "punct_ratio", "comma_rate", "stop_ratio",
    "bullet", "is_url", "has_url", "date_like", "date_only", "credit", "nav", "separators",
    "quotes", "all_caps", "mean_word_len", "byline_prefix", "copyright", "duplicate",
    "first_lower", "headline_colon", "long_word_share", "blank_before", "blank_after",
    "prose",
)  # fmt: skip
NEIGHBOUR = ("log_chars", "terminal", "stop_ratio", "nav", "prose", "credit", "date_like")
WINDOW = ("log_words", "terminal", "stop_ratio", "prose")
WINDOWS = (2, 5, 12)
PAGE = ("rel_pos", "prose_before", "prose_after", "chars_vs_max", "chars_vs_median_prose",
        "dist_prose_before", "dist_prose_after", "page_log_lines", "page_prose_share")  # fmt: skip


def feature_names() -> list[str]:
    names = [f"own.{n}" for n in OWN]
    for off in (-2, -1, 1, 2):
        names += [f"n{off:+d}.{n}" for n in NEIGHBOUR]
    for w in WINDOWS:
        names += [f"w{w}.{n}" for n in WINDOW]
    names += [f"page.{n}" for n in PAGE]
    return names


def _own(line: Line, seen: dict[str, int]) -> list[float]:
    lex = lexicon()
    text = line.bare
    chars = len(text)
    tokens = _TOKEN.findall(text)
    words = _WORD.findall(text)
    letters = [c for c in text if c.isalpha()]
    n_letters = max(len(letters), 1)
    n_words = max(len(words), 1)
    lower_words = [w.casefold() for w in words]
    stop = sum(1 for w in lower_words if w in lex.stopwords) / n_words
    terminal = bool(TERMINAL.search(text))
    dated = find_date(text)
    url_match = URL_RE.search(text)
    is_url = url_match is not None and len(text) - (url_match.end() - url_match.start()) < 3
    nav = is_navigation(text, max_words=6)
    credit = bool(lex.credit_prefix.search(text)) or (
        len(words) <= 12 and bool(lex.credit_agency.search(text))
    )
    prose = float(terminal and len(words) >= 12 and stop >= 0.15)
    return [
        float(np.log1p(chars)),
        float(np.log1p(len(tokens))),
        float(terminal),
        float(text.endswith(":")),
        float(np.log1p(len(SENTENCE_BREAK.findall(text)))),
        len(letters) / max(chars, 1),
        sum(1 for c in letters if c.isupper()) / n_letters,
        sum(1 for w in words if w[0].isupper()) / n_words,
        sum(1 for c in text if c.isdigit()) / max(chars, 1),
        sum(1 for c in text if not c.isalnum() and not c.isspace()) / max(chars, 1),
        text.count(",") / n_words,
        stop,
        float(text != line.text),
        float(is_url),
        float(bool(url_match)),
        float(dated is not None),
        float(dated is not None and len(words) <= 8),
        float(credit),
        float(nav),
        float(len(_SEPARATORS.findall(text))),
        float(bool(_QUOTES.search(text))),
        float(len(letters) > 3 and all(c.isupper() for c in letters)),
        sum(len(w) for w in words) / n_words,
        float(bool(lex.byline_prefix.match(text))),
        float("©" in text or "copyright" in text.casefold()),
        float(seen.get(text.casefold(), 0) > 1),
        float(bool(letters) and text.lstrip("\"'“‘(")[:1].islower()),
        float(bool(_HEADLINE_COLON.match(text))),
        sum(1 for w in words if len(w) >= 7) / n_words,
        float(line.blank_before),
        float(line.blank_after),
        prose,
    ]


def _shift(col: np.ndarray, off: int, fill: float) -> np.ndarray:
    out = np.full_like(col, fill)
    if off < 0:
        out[-off:] = col[:off]
    elif off > 0:
        out[:-off] = col[off:]
    else:
        out[:] = col
    return out


def _window_mean(col: np.ndarray, w: int) -> np.ndarray:
    csum = np.concatenate([[0.0], np.cumsum(col)])
    n = len(col)
    idx = np.arange(n)
    lo = np.clip(idx - w, 0, n)
    hi = np.clip(idx + w + 1, 0, n)
    return (csum[hi] - csum[lo]) / (hi - lo)


def _distance(mask: np.ndarray, forward: bool) -> np.ndarray:
    n = len(mask)
    out = np.full(n, 50.0)
    last = None
    order = range(n - 1, -1, -1) if forward else range(n)
    for i in order:
        if last is not None:
            out[i] = min(abs(i - last), 50)
        if mask[i]:
            last = i
    return np.log1p(out)


def features(lines: list[Line]) -> np.ndarray:
    """The feature matrix (lines x ``feature_names()``) of one dump."""
    n = len(lines)
    if n == 0:
        return np.zeros((0, len(feature_names())))
    seen: dict[str, int] = {}
    for line in lines:
        key = line.bare.casefold()
        seen[key] = seen.get(key, 0) + 1
    own = np.array([_own(line, seen) for line in lines], dtype=float)
    col = {name: own[:, i] for i, name in enumerate(OWN)}
    parts = [own]
    for off in (-2, -1, 1, 2):
        parts.append(np.stack([_shift(col[c], off, -1.0) for c in NEIGHBOUR], axis=1))
    for w in WINDOWS:
        parts.append(np.stack([_window_mean(col[c], w) for c in WINDOW], axis=1))
    chars = np.array([len(line.bare) for line in lines], dtype=float)
    prose = col["prose"] > 0
    prose_chars = chars * prose
    total_prose = prose_chars.sum()
    cum = np.cumsum(prose_chars)
    before = (cum - prose_chars) / total_prose if total_prose else np.zeros(n)
    after = (total_prose - cum) / total_prose if total_prose else np.zeros(n)
    median_prose = float(np.median(chars[prose])) if prose.any() else float(chars.max())
    page = np.stack(
        [
            np.arange(n) / max(n - 1, 1),
            before,
            after,
            chars / chars.max(),
            np.log1p(chars) - np.log1p(median_prose),
            _distance(prose, forward=False),
            _distance(prose, forward=True),
            np.full(n, np.log1p(n)),
            np.full(n, prose.mean()),
        ],
        axis=1,
    )
    parts.append(page)
    return np.concatenate(parts, axis=1)


CONTEXT_OFFSETS = (-3, -2, -1, 1, 2, 3)
CONTEXT_WINDOWS = (1, 3, 8, 20)


def context_names() -> list[str]:
    names = ["p.self"] + [f"p{off:+d}" for off in CONTEXT_OFFSETS]
    names += [f"p.w{w}" for w in CONTEXT_WINDOWS]
    return [*names, "p.max_before", "p.max_after", "p.mass_before", "p.mass_after"]


def probability_context(p: np.ndarray) -> np.ndarray:
    """Second-stage features: the first stage's P(body) around each line. Article text comes
    in runs, so a line's neighbours' scores say much about it (a short line between two
    confident paragraphs, a paragraph-like line far from any)."""
    if len(p) == 0:
        return np.zeros((0, len(context_names())))
    cols = [p] + [_shift(p, off, -1.0) for off in CONTEXT_OFFSETS]
    cols += [_window_mean(p, w) for w in CONTEXT_WINDOWS]
    ahead = np.maximum.accumulate(p)
    behind = np.maximum.accumulate(p[::-1])[::-1]
    cols += [np.concatenate([[0.0], ahead[:-1]]), np.concatenate([behind[1:], [0.0]])]
    total = max(float(p.sum()), 1e-9)
    cum = np.cumsum(p)
    cols += [(cum - p) / total, (total - cum) / total]
    return np.stack(cols, axis=1)
