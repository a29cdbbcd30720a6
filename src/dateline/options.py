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
    #: run the NLP stages (entities, quotes, events); off gives the article part only, fast
    nlp: bool = True
    #: the spaCy pipeline to use (a package name or a directory); None: DATELINE_SPACY_MODEL,
    #: else the first installed default (see dateline.nlp)
    model: str | None = None
    #: documents parsed together by nlp.pipe
    batch_size: int = 32
