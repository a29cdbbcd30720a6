"""One options object shared by the library and the CLI (as trafilatura does)."""

from __future__ import annotations

from dataclasses import dataclass

from dateline.model import InputKind


@dataclass(slots=True, frozen=True)
class Options:
    #: how to read a document: detect from its content, or force HTML / plain text
    kind: InputKind = "auto"
    #: URL and publication date to assume when the input does not say (CLI --url/--published)
    url: str | None = None
    published: str | None = None
    #: documents larger than this many bytes are refused with E106 rather than parsed
    max_bytes: int = 20_000_000
