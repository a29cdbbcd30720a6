"""Speakers across paragraph breaks in whole invented articles: a pronoun after a paragraph
whose sentence the parse ran over the break before it; "the union leader" for the person
named paragraphs before as the union's head."""

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
        # "the union leader": the person named before as the union's general secretary
        (
            '"Our patience has limits," said Owen Pritchard, general secretary of the Dock '
            "Workers Union.\n\nPorts Minister Alan Reese said the offer was fair.\n\n"
            "The union leader said the strike would begin on Monday.",
            "the strike would begin on Monday",
            "Owen Pritchard",
        ),
        # ... set beside the phrase that says so, or in a relative clause
        (
            "The walkout was called by the union's general secretary, Sarah Whitcombe.\n\n"
            "Energy Minister Paul Grant met executives on Sunday.\n\n"
            "The union leader told reporters that talks would resume on Wednesday.",
            "talks would resume on Wednesday",
            "Sarah Whitcombe",
        ),
        (
            "Among those at the talks was Henri Vasseur, who heads the country's biggest farm "
            "union.\n\nA farmer at a blockade, Louis Vasseur, no relation to the union chief, "
            "said he was tired.\n\nThe union leader said talks would resume on Wednesday.",
            "talks would resume on Wednesday",
            "Henri Vasseur",
        ),
    ],
)
def test_speakers_across_paragraphs(
    pipeline: Language, text: str, quote: str, speaker: str
) -> None:
    by_text = _by_text(pipeline, text)
    assert by_text.get(quote) == speaker, by_text
