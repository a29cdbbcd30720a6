"""Language of an article's text (ISO 639-1), detected offline with py3langid."""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str, *, min_chars: int = 40) -> str | None:
    """Return the language code of ``text``, or None when the text is too short to tell."""
    sample = " ".join(text.split())[:5000]
    if len(sample) < min_chars:
        return None
    lang, prob = _identifier().classify(sample)
    return str(lang) if prob >= 0.5 else None
