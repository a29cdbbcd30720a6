"""Where an attribution's content starts and ends: a learned chooser among parse-based edges.

PolNeAR's annotators draw a content's edges where the parse leaves a choice: a leading "that",
"But" or adverbial ("However, …", "As it stands, …"), a trailing date or place ("… during a
campaign stop in X"), a trailing aside or a further conjunct. Rules over one edge at a time
plateaued (each edge is marked both ways); the chooser weighs them together.

For each side of a content (``candidates``): the edge the rules found, the edges reached by
cutting whole constituents off that side (a run of tokens every one of whose subtrees lies
inside the run), and those reached by adding such a run next to it, within the sentence and
never over the cue or the speaker. Each candidate has named features (``features``: the run's
head, its first word, its length, what sets it off, the cue, whether the run holds a cue of
its own ("… and added [that …]", "… and urged the board to …": often a report of its own) and what
its head hangs on: the content, the cue, or a word outside both), and a logistic regression
(``data/quotes/edges.json``, fitted on PolNeAR's training split and the dev split's tune half
by ``dateline train quote-edges``, :mod:`dateline_dev.train_quote_edges`) scores it; the
best-scoring edge of each side is kept. Only PolNeAR's attribution unit uses it (``find_quotes(unit=
"attribution")``); a reader's quotation keeps its rules' edges.
"""

from __future__ import annotations

import json
import re
from collections.abc import Container, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any, Literal

from spacy.tokens import Doc, Token

from dateline.errors import NlpError
from dateline.quotes.model import Quote

MODEL_FILE = "edges.json"
FORMAT = "dateline-quote-edges/1"
Side = Literal["start", "end"]

#: The longest run of tokens a candidate cuts off or adds.
MAX_CUT = 24
MAX_ADD = 24
_WORD = re.compile(r"\w")
#: Words that keep their own name as a feature (function words that open or close a run).
_CLOSED = frozenset(
    {
        "that", "but", "and", "or", "so", "yet", "however", "also", "still", "as", "if",
        "whether", "because", "while", "although", "though", "when", "where", "which", "who",
        "to", "for", "in", "on", "at", "by", "with", "during", "after", "before", "since",
        "including", "according", "even", "just", "only", "now", "then", "well", "not",
        "of", "from", "about", "against", "than", "like", "saying", "adding", "is", "was",
        "are", "were", "be", "will", "would", "could", "should", "can", "may", "might",
        "the", "a", "an", "this", "it", "he", "she", "they", "we", "i", "you", "his", "her",
        "their", "what", "how", "why", "there", "here", "instead", "too", "both", "either",
    }
)  # fmt: skip
_DASHES = frozenset({"-", "--", "—", "–", "―"})


@dataclass(slots=True)
class Edge:
    """One candidate edge of one side: ``token`` is the content's first (start) or last (end)
    token if this edge is taken; ``run`` the tokens cut off (``cut``) or added (``add``)."""

    side: Side
    token: int
    run: tuple[int, int] = (0, 0)  # [a, b) token range, empty for the rules' edge
    move: Literal["keep", "cut", "add"] = "keep"


def _is_word(tok: Token) -> bool:
    return bool(_WORD.search(tok.text))


def _closed_run(doc: Doc, a: int, b: int) -> bool:
    """Whether tokens [a, b) are whole constituents: every token's subtree lies inside."""
    return all(a <= doc[k].left_edge.i and doc[k].right_edge.i < b for k in range(a, b))


def candidates(doc: Doc, first: int, last: int, banned: frozenset[int]) -> list[Edge]:
    """The candidate edges of a content whose first and last word tokens are ``first`` and
    ``last``: the rules' edge of each side, then cuts and additions of whole constituents
    (``banned``: the cue and speaker tokens, never added)."""
    out = [Edge("start", first), Edge("end", last)]
    sent = doc[first].sent
    lo, hi = sent.start, sent.end
    # cuts: [first, j) removed, the content then starts at the next word j; either the cut
    # or what is left is whole constituents ("However, …"; "a call for [the city to act]")
    for j in range(first + 1, min(last, first + MAX_CUT) + 1):
        if _is_word(doc[j]) and (_closed_run(doc, first, j) or _closed_run(doc, j, last + 1)):
            out.append(Edge("start", j, (first, j), "cut"))
    for j in range(last - 1, max(first, last - MAX_CUT) - 1, -1):
        if _is_word(doc[j]) and (
            _closed_run(doc, j + 1, last + 1) or _closed_run(doc, first, j + 1)
        ):
            out.append(Edge("end", j, (j + 1, last + 1), "cut"))
    # additions: [j, first) added before the start, (last, j] after the end
    for j in range(first - 1, max(lo, first - MAX_ADD) - 1, -1):
        if j in banned or "\n" in doc[j].text:
            break
        if _is_word(doc[j]) and (_closed_run(doc, j, first) or _closed_run(doc, j, last + 1)):
            out.append(Edge("start", j, (j, first), "add"))
    for j in range(last + 1, min(hi, last + 1 + MAX_ADD)):
        if j in banned or "\n" in doc[j].text:
            break
        if _is_word(doc[j]) and (
            _closed_run(doc, last + 1, j + 1) or _closed_run(doc, first, j + 1)
        ):
            out.append(Edge("end", j, (last + 1, j + 1), "add"))
    return out


def _word(tok: Token) -> str:
    low = tok.lower_
    return low if low in _CLOSED else tok.pos_


def _length(n: int) -> str:
    return str(n) if n <= 3 else "4-6" if n <= 6 else "7+"


def features(
    doc: Doc,
    edge: Edge,
    cue: str,
    kind: str,
    quoted: Sequence[bool],
    content: tuple[int, int] | None = None,
    banned: Container[int] = (),
    cues: Container[str] = (),
) -> dict[str, float]:
    """Named features of one candidate edge (see the module docstring). ``content``: the
    rules' first and last word tokens; ``banned``: the cue and speaker tokens; ``cues``: the
    lexicon's cue lemmas (a run holding a cue of its own is often a report of its own)."""
    s = edge.side
    if edge.move == "keep":
        return {}
    a, b = edge.run
    run = [doc[k] for k in range(a, b)]
    words = [t for t in run if _is_word(t)]
    heads = [t for t in run if not a <= t.head.i < b or t.head.i == t.i]
    head = heads[0] if heads else run[0]
    m = f"{s}:{edge.move}"
    # the token that sets the run off from the content it leaves or joins
    if s == "start":
        edge_tok = run[0] if words else doc[a]
        border = doc[b - 1] if edge.move == "cut" else doc[a - 1] if a > 0 else None
    else:
        edge_tok = run[-1]
        border = doc[a] if edge.move == "cut" else doc[b] if b < len(doc) else None
    first_word = words[0] if words else run[0]
    feats = {
        m: 1.0,
        f"{m}:len={_length(len(words))}": 1.0,
        f"{m}:head_dep={head.dep_}": 1.0,
        f"{m}:head_pos={head.pos_}": 1.0,
        f"{m}:head={_word(head)}": 1.0,
        f"{m}:first={_word(first_word)}": 1.0,
        f"{m}:first_dep={first_word.dep_}": 1.0,
        f"{m}:last={_word(words[-1] if words else run[-1])}": 1.0,
        f"{m}:heads={min(len(heads), 3)}": 1.0,
        f"{m}:kind={kind}": 1.0,
        f"{m}:cue={cue}": 1.0,
        f"{m}:head_dep={head.dep_}:first={_word(first_word)}": 1.0,
        f"{m}:head_dep={head.dep_}:kind={kind}": 1.0,
    }
    if any(t.text == "," for t in run) or (border is not None and border.text == ","):
        feats[f"{m}:comma"] = 1.0
    if border is not None:
        feats[f"{m}:border={_word(border) if _is_word(border) else border.text[:2]}"] = 1.0
    if any(t.text in _DASHES for t in run):
        feats[f"{m}:dash"] = 1.0
    if any(t.pos_ in {"VERB", "AUX"} for t in run):
        feats[f"{m}:verb"] = 1.0
    if any(t.ent_type_ in {"DATE", "TIME"} for t in run):
        feats[f"{m}:date"] = 1.0
    if any(t.ent_type_ in {"GPE", "LOC", "FAC"} for t in run):
        feats[f"{m}:place"] = 1.0
    inside = sum(bool(quoted[t.i]) for t in run)
    if inside:
        feats[f"{m}:quoted={'all' if inside == len(run) else 'part'}"] = 1.0
    if edge_tok.is_punct:
        feats[f"{m}:edge_punct"] = 1.0
    # a cue inside the run: "… and added [that …]", "… and urged the board to …"
    for t in run:
        if t.pos_ in {"VERB", "NOUN"} and t.lemma_.lower() in cues:
            feats[f"{m}:run_cue"] = 1.0
            feats[f"{m}:run_cue_dep={t.dep_}"] = 1.0
            break
    # what the run hangs on: itself, the content, the cue, or something outside
    if content is not None:
        up = head.head.i
        if up == head.i:
            where = "self"
        elif content[0] <= up <= content[1]:
            where = "rest" if edge.move == "cut" else "content"
        elif edge.move == "add" and up in banned:
            where = "cue"
        else:
            where = "out"
        feats[f"{m}:attach={where}"] = 1.0
        feats[f"{m}:attach={where}:dep={head.dep_}"] = 1.0
    return feats


@dataclass(slots=True)
class EdgeModel:
    """How much likelier a moved edge is the annotators' edge than the rules' one: a logistic
    regression over the edges where the two disagree, score = intercept + sum of the weights
    of the edge's features; the rules' edge scores 0, so an edge moves only where its score
    is positive."""

    weights: dict[str, float]
    intercept: float = 0.0
    meta: dict[str, Any] = field(default_factory=dict)

    def scores(self, rows: Sequence[Mapping[str, float]]) -> list[float]:
        w = self.weights
        return [self.intercept + sum(w.get(n, 0.0) * v for n, v in f.items()) for f in rows]

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "about": "score(moved edge) = intercept + sum of weights[i] * x[name i] over the "
            "edge's named features (dateline.quotes.edges.features); the rules' edge scores 0 "
            "and each side keeps its best-scoring edge.",
            "meta": self.meta,
            "intercept": self.intercept,
            "features": {n: round(float(w), 6) for n, w in self.weights.items()},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> EdgeModel:
        if data.get("format") != FORMAT:
            raise NlpError(
                "unknown quote-edge model format; refit it with `dateline train quote-edges`"
            )
        feats = {str(n): float(w) for n, w in data["features"].items()}
        return cls(feats, float(data.get("intercept", 0.0)), dict(data.get("meta", {})))


@cache
def shipped_model() -> EdgeModel:
    """The chooser in ``dateline/data/quotes/edges.json``."""
    ref = resources.files("dateline") / "data" / "quotes" / MODEL_FILE
    if not ref.is_file():
        raise NlpError("the quote-edge model is missing; reinstall dateline")
    return EdgeModel.from_json(json.loads(ref.read_text(encoding="utf-8")))


def word_edges(doc: Doc, quote: Quote) -> tuple[int, int] | None:
    """The first and last word tokens of a quote's content, or None when it has no word."""
    spans = quote.spans or [(quote.start, quote.end)]
    first = doc.char_span(spans[0][0], spans[0][1], alignment_mode="expand")
    last = doc.char_span(spans[-1][0], spans[-1][1], alignment_mode="expand")
    if first is None or last is None:
        return None
    words_first = [t.i for t in first if _is_word(t)]
    words_last = [t.i for t in last if _is_word(t)]
    if not words_first or not words_last:
        return None
    return words_first[0], words_last[-1]


def banned_tokens(doc: Doc, quote: Quote) -> frozenset[int]:
    """The tokens of a quote's cue and speaker phrase (no content edge goes over them)."""
    out: set[int] = set()
    for a, b in ((quote.cue_start, quote.cue_end), (quote.speaker_start, quote.speaker_end)):
        if a is None or b is None:
            continue
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is not None:
            out.update(range(span.start, span.end))
    return frozenset(out)


def cue_lemma(doc: Doc, quote: Quote) -> str:
    if quote.cue_start is None:
        return "-"
    span = doc.char_span(quote.cue_start, quote.cue_end or quote.cue_start + 1, "expand")
    return span[0].lemma_.lower() if span is not None and len(span) else "-"


def choose(
    doc: Doc, quote: Quote, quoted: Sequence[bool], model: EdgeModel, cues: Container[str] = ()
) -> tuple[int, int] | None:
    """The (first, last) word tokens the model prefers, or None when nothing changes."""
    found = word_edges(doc, quote)
    if found is None:
        return None
    first, last = found
    banned = banned_tokens(doc, quote)
    edges = candidates(doc, first, last, banned)
    if len(edges) == 2:
        return None
    cue = cue_lemma(doc, quote)
    moves = [e for e in edges if e.move != "keep"]
    scores = model.scores(
        [features(doc, e, cue, quote.kind, quoted, found, banned, cues) for e in moves]
    )
    best = {"start": (0.0, first), "end": (0.0, last)}  # the rules' edge scores 0
    for e, sc in zip(moves, scores, strict=True):
        if sc > best[e.side][0]:
            best[e.side] = (float(sc), e.token)
    new_first, new_last = best["start"][1], best["end"][1]
    if new_first > new_last or (new_first, new_last) == (first, last):
        return None
    return new_first, new_last


def reshape(doc: Doc, text: str, quote: Quote, first: int, last: int) -> None:
    """Move a quote's outer edges to the word tokens ``first`` and ``last`` (in place)."""
    spans = list(quote.spans or [(quote.start, quote.end)])
    old = word_edges(doc, quote)
    assert old is not None
    lo = spans[0][0] if first == old[0] else doc[first].idx
    hi = spans[-1][1] if last == old[1] else doc[last].idx + len(doc[last].text)
    kept = [(max(a, lo), min(b, hi)) for a, b in spans if b > lo and a < hi]
    if not kept:
        return
    kept[0] = (min(kept[0][0], lo), kept[0][1])
    kept[-1] = (kept[-1][0], max(kept[-1][1], hi))
    quote.spans = kept
    quote.start, quote.end = kept[0][0], kept[-1][1]
    quote.text = " ".join(text[a:b].strip() for a, b in kept if text[a:b].strip())


def refine(
    doc: Doc,
    text: str,
    quotes: list[Quote],
    quoted: Sequence[bool],
    cues: Container[str] = (),
) -> list[Quote]:
    """Each quote with the content edges the shipped model prefers (in place); ``cues``: the
    lexicon's cue lemmas."""
    model = shipped_model()
    for quote in quotes:
        found = choose(doc, quote, quoted, model, cues)
        if found is not None:
            reshape(doc, text, quote, *found)
    return quotes
