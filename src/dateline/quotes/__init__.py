"""The quotes stage: who said what, in direct, mixed and reported speech.

    from dateline import nlp
    from dateline.quotes import find_quotes
    doc = next(nlp.parse([article.body]))
    record_quotes = [q.to_dict() for q in find_quotes(doc)]

Rules over quotation marks and the dependency parse (see ``finder``); the cue lexicon and the
non-person speaker nouns are data files in ``dateline/data/quotes`` that users can extend.
``Quote.speaker`` keeps the speaker phrase's offsets; pass the actors stage (any
``SpeakerResolver``) as ``find_quotes(doc, actors)`` to name speakers by their entity.
"""

from __future__ import annotations

from dateline.quotes.finder import find_quotes
from dateline.quotes.lexicon import Cue, Lexicon, default_lexicon, load_lexicon
from dateline.quotes.model import Quote, QuoteKind, Speaker, SpeakerResolver

__all__ = [
    "Cue",
    "Lexicon",
    "Quote",
    "QuoteKind",
    "Speaker",
    "SpeakerResolver",
    "default_lexicon",
    "find_quotes",
    "load_lexicon",
]
