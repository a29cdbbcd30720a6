"""The same article under several URLs, or with a few words changed, is one article.

- ``normalize_url``: lower-case scheme and host, no ``www.``, no fragment, no default port,
  no tracking parameters (``utm_*``, ``fbclid``, … — the list is a data file), sorted query,
  no trailing slash. Two URLs that normalise alike are the same page.
- ``simhash``: a 64-bit fingerprint of the body's word 3-shingles; bodies whose fingerprints
  differ in at most ``NEAR_BITS`` bits are the same text (a changed timestamp, a corrected
  typo, a different related-links box). Four 16-bit bands are stored and indexed, so finding
  candidates is an index lookup: two fingerprints within 3 bits share at least one band.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import re
from importlib import resources
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import numpy

#: Fingerprints this close (in differing bits) are near-identical texts.
NEAR_BITS = 3
#: Bodies shorter than this many words are not matched by fingerprint (too little evidence).
MIN_WORDS = 40
#: Share of word 3-shingles (Jaccard) a fingerprint candidate must really have in common:
#: SimHash finds candidates cheaply, this check keeps template stories that differ in a
#: name and a number (sports results, weather, earnings) apart.
SAME_TEXT = 0.9
BANDS = 4

_WORD = re.compile(r"\w+", re.UNICODE)


@functools.cache
def tracking_parameters() -> tuple[frozenset[str], tuple[str, ...]]:
    """Exact names and name prefixes (ending in ``*``) from data/store/tracking_params.txt."""
    path = resources.files("dateline") / "data" / "store" / "tracking_params.txt"
    exact: set[str] = set()
    prefixes: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        name = line.split("#", 1)[0].strip().lower()
        if not name:
            continue
        if name.endswith("*"):
            prefixes.append(name[:-1])
        else:
            exact.add(name)
    return frozenset(exact), tuple(prefixes)


def _tracking(name: str) -> bool:
    exact, prefixes = tracking_parameters()
    name = name.lower()
    return name in exact or name.startswith(prefixes)


def normalize_url(url: str | None) -> str | None:
    """The comparable form of a URL, or None for anything that is not an http(s) URL."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in {"http", "https"} or not parts.hostname:
        return None
    host = parts.hostname.lower().removeprefix("www.")
    if port and (scheme, port) not in {("http", 80), ("https", 443)}:
        host = f"{host}:{port}"
    query = sorted(
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _tracking(k)
    )
    path = re.sub(r"/{2,}", "/", parts.path or "/")
    if len(path) > 1:
        path = path.rstrip("/")
    # http and https of one page are one page
    return urlunsplit(("https", host, path, urlencode(query), ""))


#: Words of a body read for its fingerprint and shingle check: enough to tell two articles
#: apart, and a 10 MB body costs no more than a long article.
MAX_WORDS = 50_000


def shingles(text: str) -> list[str]:
    found = itertools.islice(_WORD.finditer(text), MAX_WORDS)
    words = [m.group().lower() for m in found]
    return [" ".join(words[i : i + 3]) for i in range(len(words) - 2)]


def same_text(a: str, b: str) -> bool:
    """Whether two bodies share at least SAME_TEXT of their word 3-shingles."""
    sa, sb = set(shingles(a)), set(shingles(b))
    return bool(sa and sb) and len(sa & sb) / len(sa | sb) >= SAME_TEXT


def simhash(text: str) -> int | None:
    """A 64-bit SimHash over word 3-shingles, or None when the text is too short."""
    grams = shingles(text)
    if len(grams) + 2 < MIN_WORDS:
        return None
    digests = b"".join(hashlib.blake2b(g.encode("utf-8"), digest_size=8).digest() for g in grams)
    # each shingle's 64-bit hash (big-endian) as a row of bits, most significant first; a bit
    # of the fingerprint is set where more hashes have it set than not (counted in one
    # numpy pass instead of 64 Python steps per shingle)
    bits = numpy.unpackbits(numpy.frombuffer(digests, dtype=numpy.uint8).reshape(-1, 8), axis=1)
    set_counts = bits.sum(axis=0, dtype=numpy.int64)
    majority = [2 * int(n) > len(grams) for n in reversed(set_counts.tolist())]
    return sum(1 << bit for bit in range(64) if majority[bit])


def bands(fingerprint: int) -> list[int]:
    """The fingerprint's 16-bit bands, low to high."""
    return [(fingerprint >> (16 * n)) & 0xFFFF for n in range(BANDS)]


def near(a: int, b: int) -> bool:
    return (a ^ b).bit_count() <= NEAR_BITS


def to_signed(fingerprint: int) -> int:
    """Stored as a signed 64-bit integer (what SQLite and PostgreSQL BIGINT hold)."""
    return fingerprint - (1 << 64) if fingerprint >= 1 << 63 else fingerprint


def from_signed(value: int) -> int:
    return value + (1 << 64) if value < 0 else value


def fingerprint(url: str | None, body: str | None) -> dict[str, int | str | None]:
    """The dedup columns of an article row: canonical_url, simhash and its bands."""
    value = simhash(body or "")
    columns: dict[str, int | str | None] = {
        "canonical_url": normalize_url(url),
        "simhash": to_signed(value) if value is not None else None,
    }
    for n, band in enumerate(bands(value) if value is not None else [None] * BANDS):
        columns[f"band{n}"] = band
    return columns
