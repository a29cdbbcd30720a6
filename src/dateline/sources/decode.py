"""Bytes to text: encodings are detected, not assumed.

Order of evidence: a byte-order mark; a charset the transport declares (the HTTP
``Content-Type`` of a fetched page or a WARC record) when the bytes decode with it; for HTML,
a charset the page declares (``<meta charset>`` or ``http-equiv``) when the bytes actually
decode with it; strict UTF-8; then
charset-normalizer's detection. Binary content (NUL bytes, or mostly control characters) is
refused with E102 rather than decoded into garbage.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

from dateline.errors import SourceError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE
)


@dataclass(slots=True, frozen=True)
class Decoded:
    text: str
    encoding: str


def _declared_charset(head: bytes) -> str | None:
    match = _META_CHARSET.search(head)
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > len(sample) * 0.05


def _bomless_utf16(data: bytes) -> Decoded | None:
    """UTF-16 without a byte-order mark, told by where its NUL bytes fall.

    Text in a Latin script saved as UTF-16 has a NUL in (nearly) every other byte, always on
    the same side; binary formats have NULs on both. Without this, such a file would be
    refused as binary (E102).
    """
    sample = data[:8192]
    sample = sample[: len(sample) - len(sample) % 2]
    if len(sample) < 16 or b"\x00" not in sample:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    for nulls, other, name in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if nulls >= half * 0.3 and other <= half * 0.01:
            try:
                text = data[: len(data) - len(data) % 2].decode(name)
            except UnicodeDecodeError:
                return None
            if not _looks_binary(text.encode("utf-8")):
                return Decoded(text, name)
    return None


def _lookup(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


#: Charsets servers send by default whatever the page is written in.
_LATIN_DEFAULTS = frozenset({"iso8859-1", "ascii", "cp1252"})


def _transport_decode(data: bytes, declared: str) -> Decoded | None:
    """``data`` in the charset an HTTP header declares, when that is believable."""
    if declared in _LATIN_DEFAULTS:
        # Servers label everything ISO-8859-1 by default, and Latin-1 decodes any bytes:
        # text that is valid UTF-8 beyond ASCII is UTF-8 (browsers sniff the same way).
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            if not text.isascii():
                return Decoded(text, "utf-8")
        # WHATWG maps ISO-8859-1 and US-ASCII labels to windows-1252.
        declared = _WEB_DEFAULT
    try:
        return Decoded(data.decode(declared), declared)
    except (UnicodeDecodeError, LookupError):
        return None


def decode_bytes(
    data: bytes, *, is_html: bool | None = None, charset: str | None = None
) -> Decoded:
    """Decode ``data`` to text, raising SourceError (E102/E103/E104) when it is not text.

    ``charset`` is what the transport declared (an HTTP ``Content-Type`` parameter); it is
    used when the bytes decode with it, and otherwise the content's own evidence decides.
    """
    if not data.strip():
        raise SourceError("the input is empty; nothing to analyze", code="E103")
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(name), name.replace("-sig", ""))
            except UnicodeDecodeError:
                break
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        return utf16
    if _looks_binary(data):
        raise SourceError(
            "the input is binary (an image, PDF or archive?), not HTML or text; "
            "pass HTML pages, text files, JSON Lines, feeds or WARC archives",
            code="E102",
        )
    transported = _lookup(charset)
    if transported is not None:
        decoded = _transport_decode(data, transported)
        if decoded is not None:
            return decoded
    if is_html is not False:
        declared = _declared_charset(data[:4096])
        if declared and declared not in ("utf-8", "utf_8"):
            try:
                return Decoded(data.decode(declared), declared)
            except (UnicodeDecodeError, LookupError):
                pass
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    encoding = _detect(data[:200_000])
    if encoding is None:
        raise SourceError(
            "could not determine the text encoding; re-save the file as UTF-8", code="E104"
        )
    return Decoded(data.decode(encoding, errors="replace"), encoding)


#: The most common legacy encoding of Western pages (the WHATWG fallback).
_WEB_DEFAULT = "cp1252"

#: Code pages of old Macs, DOS and mainframes, and rare ISO sets, that news text is not
#: written in today but that the detector tends to pick for short Western European text.
_NOT_ON_THE_WEB = [
    "mac_latin2", "mac_roman", "mac_cyrillic", "mac_greek", "mac_iceland", "mac_turkish",
    "hp_roman8", "cp037", "cp273", "cp500", "cp1140", "cp437", "cp737", "cp775", "cp850",
    "cp852", "cp855", "cp857", "cp858", "cp860", "cp861", "cp862", "cp863", "cp864", "cp865",
    "cp869", "cp1125", "kz1048", "ptcp154", "iso8859_3", "iso8859_4", "iso8859_10",
    "iso8859_14",
]  # fmt: skip


def _detect(sample: bytes) -> str | None:
    """charset-normalizer's verdict among web encodings, windows-1252 winning near ties.

    When windows-1252 reads the text about as cleanly (chaos) and coherently as the
    detector's first choice, it is the likelier encoding by far; on text that really is in
    another code page (Czech cp1250, Turkish cp1254, Lithuanian cp1257) it reads worse.
    """
    matches = from_bytes(sample, cp_exclusion=_NOT_ON_THE_WEB)
    if matches.best() is None:  # only an old code page reads it: better that than nothing
        matches = from_bytes(sample)
    best = matches.best()
    if best is None or best.encoding is None:
        return None
    for match in matches:
        if (
            _WEB_DEFAULT in match.could_be_from_charset
            and match.chaos <= best.chaos + 0.005
            and match.coherence >= best.coherence - 0.03
        ):
            return _WEB_DEFAULT
    return str(best.encoding)
