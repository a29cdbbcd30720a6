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
    #: a gzip-compressed input (a .gz file, a .jsonl.gz corpus) that inflates more than this
    #: many times the compressed bytes read (judged past its first 16 MiB) is stopped with
    #: E113: text compresses 3 to 20 times, a compression bomb a thousand. One document's
    #: inflated bytes (a .gz page, a WARC record's gzip payload) are held to max_bytes (E113)
    max_inflate_ratio: float = 100.0
    #: run the NLP stages (entities, quotes, events); off gives the article part only, fast
    nlp: bool = True
    #: keep negated, hypothetical, planned, quoted and the other non-asserted events in the
    #: record too (each with its ``modality``); by default only asserted events are
    all_modalities: bool = False
    #: the spaCy pipeline to use (a package name or a directory); None: DATELINE_SPACY_MODEL,
    #: else the first installed default (see dateline.nlp)
    model: str | None = None
    #: documents parsed together by nlp.pipe
    batch_size: int = 32
    #: ... and at most this many characters of text in one parse batch (the parser's memory
    #: grows with the text it holds at once; a longer document is parsed alone)
    batch_chars: int = 100_000
    #: seconds one document may spend in extraction, and again in the stages after the
    #: parse, before it is given up with E304 (0: no limit). Enforced with a timer signal in
    #: the main thread only; a long call inside a C library ends before it is noticed.
    max_seconds: float = 60.0
    # -- fetching URLs (sources.web) and reading feeds (sources.feeds) ----------------------
    #: the User-Agent header; None: "dateline/VERSION (+project url)". Put a contact in it
    #: for large crawls
    user_agent: str | None = None
    #: seconds to wait for a connection or for the next bytes of an answer
    timeout: float = 30.0
    #: answers larger than this many bytes are abandoned (E106) rather than read on
    max_fetch_bytes: int = 10_000_000
    #: at least this many seconds between two requests to the same host (robots.txt
    #: Crawl-delay wins when larger)
    host_interval: float = 1.0
    #: attempts after the first on 429, 5xx, timeouts and connection errors, waiting
    #: retry_backoff * 2**attempt seconds (or what Retry-After asks, up to max_retry_wait)
    retries: int = 3
    retry_backoff: float = 1.0
    max_retry_wait: float = 120.0
    #: obey robots.txt; switch off only for sites you have permission to crawl
    respect_robots: bool = True
    #: fetch a feed entry's link when the entry itself carries no article-length body
    fetch_links: bool = True
