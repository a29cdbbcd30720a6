"""What the event scorer reads of a candidate event: named features from the parse.

Every candidate the lexicons propose (:mod:`~dateline.events.coder`) carries a dict of named
features; the scorer (:mod:`~dateline.events.scorer`) maps the names it was fitted on to a
vector. Categorical facts are one-hot names ("lemma=meet", "plover=CONSULT"); counts and
flags are numbers. The names describe general properties of the sentence and its parse, so a
fitted weight carries over to news nobody has read:

- the trigger: lemma, lemma with the proposed type, the rule's lexicon file, PLOVER type and
  CAMEO root, how specific the entry is, whether it is the predicate's best entry;
- the sides: whether each resolved to an actor with a country, how (actors stage, gazetteer,
  pronoun, inferred), the dependency path from the predicate to the side's phrase;
- modality: negated, hypothetical, planned, inside a direct quote; a future or modal
  auxiliary; tense and aspect (the verb's tag, perfect, progressive), passive without agent;
- background: a year before publication in the sentence, a cumulative toll ("have been
  killed since", "more than 300 ... killed"), the subordinator of the clause the predicate
  stands in ("after X stormed ...": history told to explain the news), its adverbs
  ("currently", "generally": standing states, not acts);
- what each side is: a named entity of which kind, a pronoun, an actor noun (a title or
  agent the sector table knows), a number, or another common noun ("the proposal", "the
  war") -- things, ideas and events are no actors.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Span, Token

from dateline.events.model import Event, Participant
from dateline.events.predicates import Predicate

#: Lemmas of harm that cumulative tolls count ("have been killed since", "died so far").
_TOLL_LEMMAS = frozenset({"kill", "die", "injure", "wound", "displace", "arrest", "detain"})
_TOLL_WORDS = frozenset({"since", "so far", "toll", "total", "at least", "more than"})


@dataclass(slots=True)
class Candidate:
    """One proposed event with what the scorer reads of it. ``group`` ties the candidates
    of one predicate and pair of sides: the scorer keeps at most one type per group."""

    event: Event
    features: dict[str, float]
    group: tuple[int, str | None, str | None]
    #: the modality the candidate would carry ("asserted", "negated", ...)
    modality: str = "asserted"
    #: the rest: which of the predicate's entries proposed it (0 = its best)
    rank: int = 0
    extra: dict[str, str] = field(default_factory=dict)


def _side(prefix: str, p: Participant | None, doc: Doc, pred: Token) -> dict[str, float]:
    out: dict[str, float] = {}
    if p is None:
        out[f"{prefix}=none"] = 1.0
        return out
    out[f"{prefix}_known"] = float(p.known)
    out[f"{prefix}_country"] = float(bool(p.country))
    out[f"{prefix}_via={p.via}"] = 1.0
    out[f"{prefix}_sector={p.sector or '-'}"] = 1.0
    out[f"{prefix}_person"] = float(p.kind == "PERSON")
    if p.plural:
        out[f"{prefix}_plural"] = 1.0
    span = doc.char_span(p.start, p.end, alignment_mode="expand") if p.end > p.start else None
    out[f"{prefix}_path={_path(span.root, pred) if span is not None else 'none'}"] = 1.0
    head = _head(span)
    if head == "noun" and p.sector:
        head = "actor"
    out[f"{prefix}_head={head}"] = 1.0
    out[f"{prefix}_head_known={head}|{int(p.known)}"] = 1.0
    return out


def _head(span: Span | None) -> str:
    """What a side's phrase is: "ent:<label>", "pron", "actor" (an agent noun the sector
    table knows, read from the participant), "num", "propn", "noun" or "none"."""
    if span is None or not len(span):
        return "none"
    root = span.root
    if root.ent_type_:
        return f"ent:{root.ent_type_}"
    if root.pos_ == "PRON":
        return "pron"
    if root.like_num or root.pos_ == "NUM":
        return "num"
    return "propn" if root.pos_ == "PROPN" else "noun"


def _clause_mark(pred: Token) -> str:
    """The subordinator of the adverbial clause the predicate heads or stands in ("after",
    "since", "when", "as"), or "-"."""
    node = pred
    for _ in range(4):
        for c in node.children:
            if c.dep_ == "mark":
                return c.lower_
        if node.dep_ not in ("advcl", "conj") or node.head.i == node.i:
            break
        node = node.head
    return "-"


def _path(tok: Token, pred: Token) -> str:
    """The dependency labels from a side's head up to the predicate (at most three), or
    "far" when the predicate is not above it within three steps."""
    labels: list[str] = []
    node = tok
    for _ in range(3):
        if node.i == pred.i:
            return ">".join(labels) or "self"
        labels.append(node.dep_)
        if node.head.i == node.i:
            break
        node = node.head
    return ">".join(labels) if node.i == pred.i else "far"


def _year_before(sent: Span, dates: list[Span], published: date | None) -> bool:
    if published is None:
        return False
    for ent in dates:
        if ent.start >= sent.start and ent.end <= sent.end:
            for tok in ent:
                if len(tok.text) == 4 and tok.text.isdigit() and int(tok.text) < published.year:
                    return True
    return False


def _toll(pred: Token, sent: Span) -> bool:
    if pred.lemma_.lower() not in _TOLL_LEMMAS:
        return False  # most predicates: the sentence's words are not read
    number = any(t.like_num for t in pred.subtree)
    perfect = any(c.dep_ in ("aux", "auxpass") and c.lemma_ == "have" for c in pred.children)
    if not (number or perfect):
        return False
    lower = sent.text.lower()
    return any(w in lower for w in _TOLL_WORDS)


def candidate_features(
    pred: Predicate,
    code: str,
    plover: str,
    rank: int,
    modality: str,
    block: str | None,
    source: Participant | None,
    target: Participant | None,
    sent: Span,
    dates: list[Span],
    published: date | None,
    quoted: bool,
) -> dict[str, float]:
    tok = pred.token
    doc = sent.doc
    entry = pred.entry
    lemma = (pred.noun.lemma_ if pred.noun is not None else tok.lemma_).lower()
    aux = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    f: dict[str, float] = {
        "bias": 1.0,
        f"lemma={lemma}": 1.0,
        f"lemma_type={lemma}|{plover}": 1.0,
        f"file={entry.source.removesuffix('.tsv')}": 1.0,
        f"plover={plover}": 1.0,
        f"root={code[:2]}": 1.0,
        f"kind={pred.kind}": 1.0,
        "specificity": min(entry.specificity, 6) / 6,
        "alternative": float(rank > 0),
        f"modality={modality}": 1.0,
        f"block={block or 'none'}": 1.0,
        f"tag={tok.tag_}": 1.0,
        f"dep={tok.dep_}": 1.0,
        "perfect": float(any(a.lemma_ == "have" for a in aux)),
        "progressive": float(tok.tag_ == "VBG" and any(a.lemma_ == "be" for a in aux)),
        "modal_aux": float(any(a.tag_ == "MD" for a in aux)),
        "passive": float(pred.passive),
        "passive_no_agent": float(
            pred.passive and not any(c.dep_ == "agent" for c in tok.children)
        ),
        "quoted": float(quoted),
        "toll": float(_toll(tok, sent)),
        "year_before": float(_year_before(sent, dates, published)),
        # (where in the article the sentence stands is no feature: the sentence sets are all
        # first sentences, so it would learn which set a candidate came from)
        "same_country": float(
            source is not None
            and target is not None
            and bool(source.country)
            and source.country == target.country
        ),
    }
    # the predicate's argument frame with the type: "warned X *to* do Y" (object and
    # complement) reads as a request, "warned *that* ..." (a clause) as a statement
    frame = "+".join(
        sorted({c.dep_ for c in tok.children if c.dep_ in ("dobj", "xcomp", "ccomp", "dative")})
    )
    f[f"frame_type={frame or '-'}|{plover}"] = 1.0
    f[f"preps_type={'+'.join(sorted(pred.preps)) or '-'}|{plover}"] = 1.0
    f[f"clause_mark={_clause_mark(tok)}"] = 1.0
    for c in tok.children:
        if c.dep_ == "advmod" and c.pos_ == "ADV":
            f[f"advmod={c.lemma_.lower()}"] = 1.0
        if c.dep_ == "ccomp" and any(
            m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children
        ):
            f["question"] = 1.0  # "asked X whether ...": a question, not a request
    if source is not None and target is not None and source.text.lower() == target.text.lower():
        f["same_side"] = 1.0
    f.update(_side("src", source, doc, tok))
    f.update(_side("tgt", target, doc, tok))
    return f
