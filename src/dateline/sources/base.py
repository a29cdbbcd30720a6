"""What a source yields: a Document, or a SourceFailure standing in for one it could not read.

A failure takes the document's place in the stream so that the batch goes on and the caller
can still emit exactly one record per input, in input order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias

from dateline.errors import DatelineError, SourceError
from dateline.model import Document, InputKind, content_id


@dataclass(slots=True, frozen=True)
class SourceFailure:
    """An input document that could not be read or decoded (codes ``E1xx``)."""

    input_id: str
    code: str
    message: str

    @property
    def id(self) -> str:
        # There is no content to hash; the record still needs a stable id, so hash the input.
        return content_id(f"failed-input:{self.input_id}")

    @classmethod
    def from_error(cls, input_id: str, error: DatelineError) -> SourceFailure:
        return cls(input_id=input_id, code=error.code, message=error.message)


#: One item of a source stream.
SourceItem: TypeAlias = Document | SourceFailure


def http_document(
    input_id: str,
    body: bytes,
    *,
    kind: InputKind,
    media_type: str | None,
    charset: str | None,
    url: str | None,
) -> SourceItem:
    """An HTTP payload (a fetched page, a WARC response record) as a Document: plain text
    when its media type says text/plain (unless ``kind`` is forced), decoded with the charset
    the headers declare when the bytes agree with it."""
    from dateline.sources.decode import decode_bytes

    if kind == "auto" and media_type:
        kind = "text" if media_type == "text/plain" else "html"
    try:
        decoded = decode_bytes(
            body, is_html={"html": True, "text": False}.get(kind), charset=charset
        )
    except SourceError as exc:
        return SourceFailure.from_error(input_id, exc)
    return Document(
        input_id=input_id, content=decoded.text, kind=kind, url=url, encoding=decoded.encoding
    )
