"""The Quote value and its record shape (``quotes`` of the record, docs/architecture.md)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

QuoteKind = Literal["direct", "indirect", "mixed"]


class SpeakerResolver(Protocol):
    """Who a speaker phrase is, from another stage (``dateline.actors.Actors`` is one):
    ``resolve(start, end)`` takes the character offsets of the phrase in the parsed text and
    gives (entity id, full name), or None when it does not know."""

    def resolve(self, start: int, end: int) -> tuple[str, str] | None: ...


@dataclass(slots=True)
class Speaker:
    """Who said it. ``text`` is the phrase in the sentence ("he", "the joint communiqué");
    ``name`` the full name it resolves to (the phrase itself for documents and groups);
    ``entity`` the id a ``SpeakerResolver`` gave, if any; ``start``/``end`` the phrase's
    offsets."""

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
    runs over paragraphs), ``start``/``end`` their extent; ``in_caption`` marks a quote found
    in a photo caption rather than the body."""

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
    in_caption: bool = False

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
            "in_caption": self.in_caption,
        }
