"""Small text rules no library has: site-name suffixes on titles, byline cleaning, datelines,
caption credits, boilerplate lines. The knowledge (word lists, patterns) lives in data files
under ``dateline/data/extract`` so users can read and extend it without touching code.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import cache, lru_cache
from importlib import resources


@cache
def data_lines(name: str) -> tuple[str, ...]:
    """Non-comment, non-blank lines of a data file in ``dateline/data/extract``."""
    text = (resources.files("dateline") / "data" / "extract" / name).read_text("utf-8")
    lines = (line.rstrip("\n") for line in text.splitlines())
    return tuple(s.strip() for s in lines if s.strip() and not s.lstrip().startswith("#"))


@cache
def patterns(name: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in data_lines(name))


@cache
def any_pattern(name: str) -> re.Pattern[str]:
    """All patterns of a file as one alternation, for lower-cased text (faster than
    IGNORECASE and than trying each pattern in turn)."""
    return re.compile("|".join(f"(?:{p})" for p in data_lines(name)))


#: A pattern that opens with "up to N of anything": it may start its match anywhere in the
#: first N characters.
_LEADING_ANY = re.compile(r"\.\{0,(\d+)\}(?![?+*{])")


def _branches(pattern: str) -> bool:
    """Whether a regular expression has a ``|`` outside its groups and character classes."""
    depth, in_class, escaped = 0, False, False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return True
    return False


class LinePatterns:
    """A file's patterns matched at the start of lower-cased text, as :func:`any_pattern`'s
    ``match`` is (the same answer), faster. Matching one that opens with ``.{0,N}`` (such as
    ``.{0,160}\\bsign up for``) makes the engine back off over up to N characters, trying the
    rest at each; the rest of all such patterns is searched for instead, in one pass over the
    text (their leading ``\\b``, where they have it, taken out of the alternation so that the
    engine tests it once a position), and only when one begins within the longest N are the
    patterns themselves matched."""

    def __init__(self, lines: tuple[str, ...]) -> None:
        plain = [p for p in lines if not _LEADING_ANY.match(p)]
        leading = [p for p in lines if _LEADING_ANY.match(p)]
        self._plain = re.compile("|".join(f"(?:{p})" for p in plain)) if plain else None
        self._leading = re.compile("|".join(f"(?:{p})" for p in leading)) if leading else None
        rests = [p[m.end() :] for p in leading if (m := _LEADING_ANY.match(p))]
        # "\\bR" is "\\b(?:R)" unless R branches at its top level ("\\bx|y" is not "\\b(?:x|y)")
        bounded = [r[2:] for r in rests if r.startswith("\\b") and not _branches(r)]
        unbounded = [r for r in rests if not r.startswith("\\b") or _branches(r)]
        parts = ([r"\b(?:" + "|".join(f"(?:{r})" for r in bounded) + ")"] if bounded else []) + [
            f"(?:{r})" for r in unbounded
        ]
        self._rest = re.compile("|".join(parts)) if parts else None
        self._reach = max(
            (int(m.group(1)) for p in leading if (m := _LEADING_ANY.match(p))), default=0
        )

    def match(self, text: str) -> bool:
        if self._plain is not None and self._plain.match(text) is not None:
            return True
        if self._rest is None or self._leading is None:
            return False
        # a pattern ".{0,N}R" matches only where R begins at most N characters in, so the first
        # place any R begins is at most the longest N
        found = self._rest.search(text)
        if found is None or found.start() > self._reach:
            return False
        return self._leading.match(text) is not None


@cache
def line_patterns(name: str) -> LinePatterns:
    """A file's patterns for :meth:`LinePatterns.match` (lower-cased text)."""
    return LinePatterns(data_lines(name))


#: characters that show nothing: a paragraph of only these is a spacer (a zero-width joiner
#: some site builders put between paragraphs), not text
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"


def squash(text: str | None) -> str:
    return " ".join(text.split()) if text else ""


def norm(text: str | None) -> str:
    """Comparison key: case-folded, quotes unified, whitespace squashed."""
    text = unicodedata.normalize("NFKC", text or "")
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"')
    text = text.replace("\u201d", '"').replace("\u2013", "-").replace("\u2014", "-")
    return " ".join(text.casefold().split())


def _alnum(text: str) -> str:
    return "".join(ch for ch in norm(text) if ch.isalnum())


# -- titles ------------------------------------------------------------------------------------


@cache
def _separator_re() -> re.Pattern[str]:
    seps = "|".join(re.escape(s) for s in data_lines("site_separators.txt") if s != ":")
    return re.compile(rf"\s+(?:{seps})\s+")


def _is_site(part: str, site_names: list[str]) -> bool:
    key = _alnum(part)
    if not key:
        return True
    for name in site_names:
        site = _alnum(name)
        if site and (key == site or (len(site) >= 3 and (site in key or key in site))):
            return True
    return False


def strip_site(title: str, site_names: list[str]) -> str:
    """'Story | Section | Reuters' -> 'Story'; 'BBC News - Story' -> 'Story'."""
    title = squash(title)
    parts = _separator_re().split(title)
    seps = _separator_re().findall(title)
    while len(parts) > 1:
        if _is_site(parts[-1], site_names) or (
            seps[-1].strip() == "|" and len(parts[-1].split()) <= 4
        ):
            parts, seps = parts[:-1], seps[:-1]
        elif _is_site(parts[0], site_names):
            parts, seps = parts[1:], seps[1:]
        else:
            break
    out = parts[0]
    for sep, part in zip(seps, parts[1:], strict=True):
        out += sep + part
    # 'Site: Story' prefixes use a colon, which headlines use too: only strip a known site
    head, colon, rest = out.partition(": ")
    if colon and rest and _is_site(head, site_names) and len(head.split()) <= 4:
        out = rest
    return out.strip()


def split_title(h1s: list[str], declared: list[str], site_names: list[str]) -> str | None:
    """The headline as shown: a visible <h1> confirmed by the declared titles, else the
    strongest declared title without its site-name part."""
    declared = [html.unescape(t) for t in declared]  # some CMSs escape entities twice
    stripped = [strip_site(t, site_names) for t in declared]
    keys = [norm(s) for s in stripped if s]
    for h1 in h1s:
        key = norm(h1)
        if len(key) > 8 and any(k == key or k.startswith(key) or key in k for k in keys):
            return h1
    for s in stripped:
        if s:
            return s
    return h1s[0] if h1s else None


# -- authors -----------------------------------------------------------------------------------

_SPLIT_AUTHORS = re.compile(r"\s*(?:,|;|\||/|&|\band\b|\bund\b|\bwith\b|\s[-–—]\s|\n)\s*", re.I)


@cache
def _byline_prefix() -> re.Pattern[str]:
    words = sorted(data_lines("byline_prefixes.txt"), key=len, reverse=True)
    return re.compile(r"^\W*(?:" + "|".join(re.escape(w) for w in words) + r")\b[:\s]*", re.I)


@cache
def _author_stop() -> re.Pattern[str]:
    words = sorted(data_lines("author_stopwords.txt"), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I)


_CREDENTIALS = re.compile(r"(?:,?\s+(?:[A-Z]{2,4}|Ph\.?\s?D\.?|M\.?D\.?))+$")
_KEEPS_PERIOD = re.compile(r"\b(?:Jr|Sr|[A-Z])\.$")
_GLUED_BY = re.compile(r"^(?:Written |Posted |Words )?By(?=[A-Z])")
_NOT_NAME = re.compile(r"[^\w\s.'’\-]")


_CREDENTIAL_ONLY = re.compile(r"[A-Z.]{2,5}|Ph\.?\s?D\.?")


def _clean_name(part: str, site_names: list[str]) -> str | None:
    part = _byline_prefix().sub("", squash(part)).strip(" ,:;|")
    if _CREDENTIAL_ONLY.fullmatch(part):  # "RDN", "Ph.D."
        return None
    if part.isupper() and len(part) > 3:
        part = part.title()
    part = _CREDENTIALS.sub("", part)
    part = part.strip(" ,:;|-–—()[]\"'")
    if not _KEEPS_PERIOD.search(part):  # "John Garcia Jr." and "Jane Q." keep theirs
        part = part.rstrip(". ")
    if len(part) < 3 or any(ch.isdigit() for ch in part) or _NOT_NAME.search(part):
        return None
    words = part.split()
    if len(words) > 5 or _author_stop().search(part) or _is_site(part, site_names):
        return None
    if not any(ch.isupper() for ch in part):  # names are capitalised; 'staff' is not a person
        return None
    return part


def clean_authors(raw: list[str], site_names: list[str]) -> list[str]:
    """Byline strings -> distinct person names: no 'By', titles, outlets, or 'and'."""
    names: list[str] = []
    seen: set[str] = set()
    for text in raw:
        text = _GLUED_BY.sub("", squash(html.unescape(text)))
        text = _byline_prefix().sub("", text)
        for part in _SPLIT_AUTHORS.split(text):
            name = _clean_name(part, site_names)
            if name and norm(name) not in seen:
                seen.add(norm(name))
                names.append(name)
    return names


@cache
def _placeholder_names() -> frozenset[str]:
    return frozenset(data_lines("author_placeholders.txt"))


_STAFF_SUFFIX = re.compile(r"\s+staff$", re.IGNORECASE)
_NAME_WORD = re.compile(r"[A-Z][\w'’.-]*")


def _person_like(text: str) -> bool:
    """'Rick Steves' (a personal site named after its author), not 'BBC News'."""
    words = text.split()
    return (
        2 <= len(words) <= 4
        and all(_NAME_WORD.fullmatch(w) for w in words)
        and not any(w.isupper() and len(w) > 1 for w in words)
        and words[0].lower() not in {"the", "a", "an"}
        and not _author_stop().search(text)
    )


def credited_names(raw: list[str], site_names: list[str]) -> list[str]:
    """The credit of a byline that names no person ("Associated Press", "News Staff",
    "TOI Lifestyle Desk"): kept as the author, as publishers and readers do, when nothing
    better is known. The first usable credit only; placeholders such as "admin" are not
    credits, and neither is the outlet's own name ("Reuters", "TMZ Staff" on its own
    site): that says who published the page, not who wrote it."""
    sites = {_alnum(name) for name in site_names} - {""}
    for text in raw:
        text = _GLUED_BY.sub("", squash(html.unescape(text)))
        if "://" in text or text.startswith(("www.", "@")):
            continue  # a profile link, not a name
        text = _byline_prefix().sub("", text)
        for part in _SPLIT_AUTHORS.split(text):
            part = _byline_prefix().sub("", squash(part)).strip(" ,:;|-–—()[]\"'")
            if (
                len(part) < 2
                or len(part.split()) > 6
                or any(ch.isdigit() for ch in part)
                or _NOT_NAME.search(part)
                or _CREDENTIAL_ONLY.fullmatch(part)
                or part.lower() in _placeholder_names()
            ):
                continue
            if _alnum(_STAFF_SUFFIX.sub("", part)) in sites and not _person_like(part):
                return []
            return [part]
    return []


# -- datelines ---------------------------------------------------------------------------------

_PLACE = r"[A-Z][A-Z'’.\-]+(?:[ \-][A-Z][A-Z'’.\-]+){0,3}"
_DATELINE = re.compile(
    rf"^(?P<place>{_PLACE})"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+){0,2}))?"
    r"(?:,?\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}))?"
    r"\s*(?:\([^)]{1,40}\))?\s*(?:[-—–:]{1,2}|\s[-—–]\s)"
)
_BYLINE_PLACE = re.compile(r"\bin\s+(?P<place>[A-Z][\w'’\-]+(?:\s[A-Z][\w'’\-]+){0,2})\s*$")


def find_dateline(first_paragraph: str) -> tuple[str, str] | None:
    """('Tirana', 'TIRANA, Feb 28 (Reuters) -') for a wire-style opening, else None."""
    match = _DATELINE.match(first_paragraph)
    if not match:
        return None
    place = match.group("place").strip(" .-")
    if len(place) < 3 or not any(ch.isalpha() for ch in place):
        return None
    return place.title() if place.isupper() else place, match.group(0).strip()


def byline_place(byline: str) -> str | None:
    """'Mira Dobre in Chisinau' -> 'Chisinau'."""
    match = _BYLINE_PLACE.search(squash(byline))
    return match.group("place") if match else None


# -- captions, boilerplate, teasers ------------------------------------------------------------


def split_credit(text: str) -> tuple[str, str | None]:
    """'Leaders meet in Tirana (Reuters)' -> ('Leaders meet in Tirana', 'Reuters')."""
    text = squash(text)
    for pattern in patterns("credit_patterns.txt"):
        match = pattern.search(text)
        if match:
            credit = match.group("credit").strip(" .;,")
            rest = (text[: match.start()] + text[match.end() :]).strip(" .;,|")
            if credit:
                return (rest + "." if rest and rest[-1].isalnum() else rest), credit
    return text, None


@lru_cache(maxsize=64)  # a block is asked about as boilerplate, date line and teaser in turn
def _pattern_key(text: str) -> str:
    """Lower case with typographic quotes made plain, so "you’re" matches "you're"; leading
    bullets and brackets left out, and zero-width characters (a zero-width space can open a
    "(MORE: ..." link)."""
    key = squash(text).lstrip("[(*•·>»- \u200b\u2060\ufeff").lower()
    # four replaces: several times faster than str.translate with a table, and the same
    return (
        key.replace("\u2019", "'")
        .replace("\u2018", "'")
        .replace("\u201c", '"')
        .replace("\u201d", '"')
    )


#: furniture read as one long piece, which the line patterns, for lines under 400 characters,
#: do not reach: a recipe card's nutrition label (its table: "Nutrition Facts", then the rows
#: and their "% Daily Value") and a consent banner's list of cookies ("Cookie Duration
#: Description", then a row a cookie)
_LONG_FURNITURE = re.compile(
    r"nutrition facts\b.{0,400}\bdaily value\b|cookie\s+duration\s+description\b"
)


def is_boilerplate(text: str) -> bool:
    key = _pattern_key(text)
    if len(key) >= 400:
        return _LONG_FURNITURE.match(key) is not None
    return line_patterns("boilerplate.txt").match(key)


def is_date_line(text: str) -> bool:
    """A paragraph that is only a date: a stamp, not story text."""
    key = _pattern_key(text)
    return len(key) < 60 and line_patterns("date_lines.txt").match(key)


def is_teaser_line(text: str) -> bool:
    key = _pattern_key(text)
    return len(key) < 400 and line_patterns("teaser_lines.txt").match(key)


#: a closing or opening line longer than this is the story's own text, not a pitch or a note
CLOSING_CHARS = 300


def is_closing_line(text: str) -> bool:
    """A line that is furniture as the story's last paragraph (closing_lines.txt)."""
    return _edge_line(text, "closing_lines.txt")


def is_opening_line(text: str) -> bool:
    """A line that is furniture as the story's first paragraph (opening_lines.txt)."""
    return _edge_line(text, "opening_lines.txt")


def _edge_line(text: str, name: str) -> bool:
    key = _pattern_key(text)
    return len(key) < CLOSING_CHARS and line_patterns(name).match(key)


def is_teaser_heading(text: str) -> bool:
    text = squash(text).strip(" :.!?»›>")
    return len(text) < 80 and any_pattern("teaser_headings.txt").fullmatch(text.lower()) is not None
