"""Speakers across paragraph breaks in whole invented articles: a pronoun after a paragraph
whose sentence the parse ran over the break before it."""

from __future__ import annotations

import pytest
from spacy.language import Language

from quote_helpers import pipeline, with_actors

__all__ = ["pipeline"]


def _by_text(pipeline: Language, text: str) -> dict[str, str | None]:
    return {q.text: q.speaker.name if q.speaker else None for q in with_actors(pipeline, text)}


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # "X disagreed." opens its paragraph after a quote closing the one before: the parse
        # runs both into one sentence, yet "he" is X, not the speaker of that quote
        (
            "Campaigner Tomas Quintero said the new rules were unlawful.\n\n"
            "Finance Minister Paulo Serrano told reporters the rules would stand. Asked whether "
            'they would survive a challenge, he said: "I am sure they will."\n\n'
            'Quintero disagreed. "We will take it to the courts," he said.',
            "We will take it to the courts,",
            "Tomas Quintero",
        ),
    ],
)
def test_speakers_across_paragraphs(
    pipeline: Language, text: str, quote: str, speaker: str
) -> None:
    by_text = _by_text(pipeline, text)
    assert by_text.get(quote) == speaker, by_text
