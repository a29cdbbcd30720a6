"""The Quote value and its record shape (``quotes`` of the analysis record, DESIGN.md)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

QuoteKind = Literal["direct", "indirect", "mixed"]


@dataclass(slots=True)
class Speaker:
    """Who said it. ``text`` is the phrase in the sentence ("he", "the joint declaration");
    ``name`` the full name it resolves to; ``start``/``end`` the phrase's offsets, kept so the
    actors stage can link ``entity`` later."""

    name: str
    text: str
    start: int
    end: int
    entity: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "entity": self.entity, "text": self.text}


@dataclass(slots=True)
class Quote:
    """One quotation or report of speech. Offsets are character offsets into the parsed text;
    ``spans`` are the pieces of the content (several when a quote is split around its cue or
    runs over paragraphs), ``start``/``end`` their extent."""

    text: str
    kind: QuoteKind
    start: int
    end: int
    sentence: str
    speaker: Speaker | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)

    @property
    def speaker_start(self) -> int | None:
        return self.speaker.start if self.speaker else None

    @property
    def speaker_end(self) -> int | None:
        return self.speaker.end if self.speaker else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "kind": self.kind,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "cue": self.cue,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
        }
