"""What a source yields: a Document, or a SourceFailure standing in for one it could not read.

A failure takes the document's place in the stream so that the batch goes on and the caller
can still emit exactly one record per input, in input order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias

from dateline.errors import DatelineError
from dateline.model import Document, content_id


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
