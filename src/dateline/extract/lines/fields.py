"""Small, general parsers for the values a page dump's lines carry: dates, links, outlets,
glued section/topic lines, bylines and datelines. Vocabulary comes from the lexicon files."""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from dateline.dates import written_date
from dateline.extract.lines.lexicon import lexicon

URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"']+", re.I)
_HOSTLIKE = re.compile(r"^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?$", re.I)
# Second-level labels under which registrable domains sit one level deeper (bbc.co.uk).
_SECOND_LEVEL = {"co", "com", "org", "net", "gov", "ac", "edu", "ne", "or", "go"}


def find_date(text: str) -> tuple[str, tuple[int, int]] | None:
    """The first calendar date written in ``text`` as (ISO date, (start, end)), or None."""
    found = written_date(text)
    return (found.day.isoformat(), (found.start, found.end)) if found else None


def unwrap_url(url: str) -> str:
    """Undo proxy wrapping: ``https://proxy.example/https/real.site/p`` -> ``https://real.site/p``.

    A proxy that embeds the target keeps its scheme as a path segment (``/https/``,
    ``/https:/``, or percent-encoded); whatever follows that segment, when it starts with a
    host name, is the real address. Applied repeatedly for nested proxies.
    """
    url = url.strip().rstrip(".,;)")
    for _ in range(4):
        decoded = unquote(url) if "%3a" in url.casefold() else url
        try:
            parts = urlsplit(decoded if "://" in decoded else "https://" + decoded)
        except ValueError:  # not a URL that parses: leave it as it is
            return url
        segments = parts.path.split("/")
        inner = None
        for i, seg in enumerate(segments[1:], start=1):
            scheme = seg.rstrip(":").casefold()
            if scheme in ("http", "https") and i + 1 < len(segments):
                rest = [s for s in segments[i + 1 :]]
                while rest and not rest[0]:
                    rest.pop(0)  # "https://" inside a path leaves empty segments
                if rest and _HOSTLIKE.match(rest[0]):
                    inner = f"{scheme}://" + "/".join(rest)
                    if parts.query:
                        inner += "?" + parts.query
                    break
        if inner is None:
            return decoded if "://" in decoded else url
        url = inner
    return url


def registrable_domain(host: str) -> str:
    labels = [p for p in host.casefold().split(":")[0].split(".") if p]
    if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def outlet_from_url(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url if "://" in url else "https://" + url).hostname or ""
    except ValueError:  # a malformed URL names no outlet
        return None
    if not host or "." not in host:
        return None
    outlets = lexicon().outlets
    host = host.casefold().removeprefix("www.")
    for candidate in (host, registrable_domain(host)):
        if candidate in outlets:
            return outlets[candidate]
    label = registrable_domain(host).split(".")[0]
    return label.upper() if len(label) <= 4 else label.replace("-", " ").title()


_ACRONYM_IN_NAV = re.compile(
    r"\b(?:more|other|all|our)\s+([A-Z][A-Z0-9&]{1,6})\s+(?:sites|websites|services|channels|apps)\b"
)


def outlet_from_navigation(line: str) -> str | None:
    """An outlet named by navigation such as "Skip to more XYZ sites"."""
    m = _ACRONYM_IN_NAV.search(line)
    return m.group(1) if m else None


_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:(?:19|20)\d\d\s*(?:[-–]\s*(?:19|20)\d\d)?)?\s*"
    r"(?P<name>[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,4})",
    re.I,
)


def outlet_from_copyright(line: str) -> str | None:
    """The owner named by a copyright line: "© 2025 Example News. All rights reserved."."""
    m = _COPYRIGHT.search(line)
    if not m:
        return None
    name = m["name"].rstrip(".")
    return None if not name or name.casefold().startswith("all ") else name


def split_glued(text: str) -> list[str]:
    """Split words a scraper glued together: "PoliticsAlbania" -> ["Politics", "Albania"].

    A split happens at a lower-to-upper case change when both sides are at least three
    letters, so "McDonald" and "iPhone" stay whole.
    """
    pieces: list[str] = []
    for token in re.split(r"\s*[|>»›/•·]\s*|\s{2,}", text.strip()):
        if not token:
            continue
        start = 0
        for m in re.finditer(r"(?<=[a-zà-ÿ])(?=[A-ZÀ-Þ])", token):
            left = token[start : m.start()]
            right_word = re.match(r"[A-Za-zÀ-ÿ]+", token[m.start() :])
            word_start = max(token.rfind(" ", 0, m.start()) + 1, start)
            if (
                len(token[word_start : m.start()]) >= 3
                and right_word
                and len(right_word.group(0)) >= 3
            ):
                pieces.append(left.strip())
                start = m.start()
        pieces.append(token[start:].strip())
    return [p for p in pieces if p]


def section_and_topics(line: str) -> tuple[str | None, list[str]]:
    parts = split_glued(line)
    if not parts:
        return None, []
    sections = lexicon().sections
    for i, part in enumerate(parts):
        if part.casefold() in sections:
            return sections[part.casefold()], [p for j, p in enumerate(parts) if j != i]
    return parts[0], parts[1:]


_NAME_WORD = r"(?:[A-ZÀ-Þ][\w'’.-]*|(?:de|da|van|von|der|den|del|la|le|bin|al|el|di|du)\b)"
_NAME = rf"[A-ZÀ-Þ][\w'’.-]+(?:\s+{_NAME_WORD}){{1,4}}"
_NAMES = re.compile(rf"^(?P<names>{_NAME}(?:\s*(?:,|and|&|und|et|y|e)\s+{_NAME})*)")


def parse_byline(line: str) -> tuple[list[str], str | None] | None:
    """Authors and place of a byline ("By A and B", "Jane Doe in Tirana"), or None."""
    lex = lexicon()
    prefixed = bool(lex.byline_prefix.match(line.strip()))
    if not prefixed and dateline_place(line.strip() + " ") is not None:
        return None  # a wire dateline ("CITY, May 3 (Agency) -") names a place, not authors
    text = lex.byline_prefix.sub("", line.strip(), count=1).strip()
    text = re.split(r"\s+[|–—-]\s+|\s*[•·]\s*", text)[0].strip()
    place = None
    for joiner in lex.place_joiners:
        m = re.search(
            rf"\s+{re.escape(joiner)}\s+([A-ZÀ-Þ][\w'’.-]*(?:[\s-][A-ZÀ-Þ][\w'’.-]*){{0,3}})$", text
        )
        if m:
            place = m.group(1)
            text = text[: m.start()].strip()
            break
    if "," in text and (prefixed or place is None):
        # "A, B and C" lists names; after the segment holding "and", or at the first
        # segment that is not a name or names a job ("Senior Correspondent"), affiliations
        # begin.
        kept = []
        jobs = {c for c in lex.bio_cues if c.isalpha()}  # "correspondent", "editor"
        for segment in text.split(","):
            segment = segment.strip()
            if not _NAMES.fullmatch(segment) or jobs & set(segment.casefold().split()):
                break  # "Jane Doe, Home Affairs Correspondent": a title, not a second name
            kept.append(segment)
            if re.search(r"\s(?:and|&|und|et)\s", segment):
                break
        text = ", ".join(kept)
    m = _NAMES.match(text)
    if not m or m.end() < len(text.rstrip(" ,.")):
        return None
    names = re.split(r"\s*(?:,|\band\b|&|\bund\b|\bet\b)\s*", m["names"])
    names = [n.strip() for n in names if n.strip()]
    if not names or any(len(n.split()) > 5 for n in names):
        return None
    return names, place


def dateline_place(paragraph: str) -> str | None:
    """The place of a wire dateline opening a paragraph: "KYIV, March 3 (Reuters) -" -> "Kyiv"."""
    m = re.match(
        r"^(?P<place>[A-ZÀ-Þ][A-ZÀ-Þ'’.\- ]{1,40}?(?:,\s*[A-Z][A-Za-z.]+)?)"
        r"(?:\s*,\s*[^()–—-]{0,30}?)?(?:\s*\([^)]{1,30}\))?\s*[–—-]{1,2}\s",
        paragraph,
    )
    if not m:
        return None
    place = m["place"].split(",")[0].strip()
    letters = [c for c in place if c.isalpha()]
    if not letters or not all(c.isupper() for c in letters):
        return None
    return " ".join(w.capitalize() if len(w) > 2 else w for w in place.split())
