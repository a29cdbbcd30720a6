"""Count PolNeAR gold contents ``find_quotes`` misses exactly, by why (a development aid).

    python -m dateline_dev.quote_misses [--split train|dev] [--cache DIR] [--top N]

Each gold attribution without an exact content match (:mod:`dateline_dev.eval.quotes`) falls
in one category:

- ``edges``: a prediction matches it leniently (half the gold tokens) but not exactly: the
  content-edge chooser's business;
- ``partial``: a prediction shares tokens with it, under half;
- ``cue_found``: a report of the finder (before drafts and filters) has its cue inside the
  gold cue, but no prediction shares a token; sub-kinds say where the gold content lies
  from that cue (before it, another sentence, several sentences, the cue's object or clause
  without a proposal, an infinitive, a nominal cue, a content the report had but the drafts
  dropped);
- ``no_cue``: no report's cue lies in the gold cue; counted by the gold cue's head lemma and
  part of speech (and "according to", a colon or punctuation, no cue at all).

Only counts are printed (``--show`` lists the tune half's or the training split's misses of
one category; the dev check half is never listed). The dev split's *check* half is skipped
altogether: the rows written from these counts must come from train or tune. Parsed documents
are cached as spaCy ``DocBin`` files under ``--cache`` (re-parsing PolNeAR train takes
minutes).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, DocBin

from dateline_dev.eval.quotes import (
    PolnearDoc,
    _exact,
    _match,
    _token_index,
    _tokens,
    predict,
    read_split,
)
from dateline_dev.eval.split import half_of


def parsed(root: Path, split: str, cache: Path | None) -> Iterator[tuple[PolnearDoc, Doc]]:
    """The documents of a split (dev: tune half only) with their parses, cached."""
    from dateline import nlp

    docs = [
        d for d in read_split(root, split) if split != "dev" or half_of("polnear", d.name) == "tune"
    ]
    path = cache / f"polnear-{split}.spacy" if cache else None
    pipeline = nlp.load()
    if path is not None and path.exists():
        parses = list(DocBin().from_disk(path).get_docs(pipeline.vocab))
    else:
        parses = list(nlp.parse(d.text for d in docs))
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            bin_ = DocBin(store_user_data=False)
            for doc in parses:
                bin_.add(doc)
            bin_.to_disk(path)
    yield from zip(docs, parses, strict=True)


def _char_tokens(doc: Doc, spans: list[tuple[int, int]]) -> list[int]:
    out: list[int] = []
    for a, b in spans:
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is not None:
            out.extend(t.i for t in span)
    return sorted(set(out))


def _head(doc: Doc, tokens: list[int]) -> int | None:
    """The token of ``tokens`` whose head lies outside them (the first such), or None."""
    chosen = set(tokens)
    for i in tokens:
        if doc[i].is_punct or doc[i].is_space:
            continue
        if doc[i].head.i not in chosen or doc[i].head.i == i:
            return i
    return None


def cue_label(doc: Doc, text: str, cue: list[tuple[int, int]]) -> str:
    """The gold cue as "lemma/POS" of its head ("according to", ":" for punctuation)."""
    if not cue:
        return "(none)"
    words = " ".join(text[a:b] for a, b in cue).strip().lower()
    if words.startswith("according to"):
        return "according to"
    tokens = [i for i in _char_tokens(doc, cue) if not doc[i].is_space]
    if not tokens or all(doc[i].is_punct for i in tokens):
        return "(punct)"
    h = _head(doc, tokens)
    if h is None:
        return "(punct)"
    tok = doc[h]
    multi = "+" if len([i for i in tokens if not doc[i].is_punct]) > 1 else ""
    return f"{tok.lemma_.lower()}/{tok.pos_}{multi}"


def where(doc: Doc, report: Any, gold_tok: list[int], report_content: set[int]) -> str:
    """Where a gold content lies from the cue of a report that proposed nothing near it."""
    cue = report.cue
    sents = {doc[i].sent.start for i in gold_tok}
    if len(sents) > 1:
        return "multi_sentence"
    gsent = doc[gold_tok[0]].sent
    if gsent.start != cue.sent.start:
        return "next_sentence" if gsent.start > cue.i else "earlier_sentence"
    if report_content and len(report_content & set(gold_tok)) * 2 >= len(gold_tok):
        return "dropped_by_drafts"
    if cue.pos_ == "NOUN":
        return "nominal_cue"
    if cue.pos_ == "ADJ":
        return "adjective_cue"
    h = _head(doc, gold_tok)
    if h is None:
        return "other"
    head = doc[h]
    if max(gold_tok) < cue.i:
        rel = "before_cue"
    elif min(gold_tok) > cue.i:
        rel = "after_cue"
    else:
        rel = "around_cue"
    if head.head.i == cue.i:
        return f"{rel}:child:{head.dep_}"
    anc = {a.i for a in head.ancestors}
    if cue.i in anc:
        return f"{rel}:below_cue:{head.dep_}"
    if head.i in {a.i for a in cue.ancestors}:
        return f"{rel}:above_cue"
    return f"{rel}:unrelated"


def classify(pd: PolnearDoc, doc: Doc) -> Iterator[dict[str, Any]]:
    from dateline.nlp import text_of
    from dateline.quotes.cues import find_reports
    from dateline.quotes.finder import token_quoted
    from dateline.quotes.lexicon import default_lexicon

    text = pd.text
    assert text_of(doc) == text
    preds = predict(doc)
    index = _token_index(text)
    gold_t = [_tokens(index, g.content) for g in pd.attributions]
    pred_t = [_tokens(index, p.content) for p in preds]
    lenient = _match(gold_t, pred_t)
    exact = _exact(gold_t, pred_t)
    quoted = token_quoted(doc)
    reports = find_reports(doc, text, quoted, default_lexicon(), asides=False)
    for g_i, g in enumerate(pd.attributions):
        if g_i in exact or not gold_t[g_i]:
            continue
        row: dict[str, Any] = {"doc": pd.name, "cue": cue_label(doc, text, g.cue)}
        row["quoted"] = sum(quoted[i] for i in _char_tokens(doc, g.content)) * 2 >= len(
            _char_tokens(doc, g.content) or [0]
        )
        row["source"] = bool(g.source)
        if g_i in lenient:
            row["category"] = "edges"
        elif any(gold_t[g_i] & pt for pt in pred_t):
            row["category"] = "partial"
        else:
            cue_tok = set(_char_tokens(doc, g.cue))
            found = [r for r in reports if r.cue.i in cue_tok]
            gold_tok = [i for i in _char_tokens(doc, g.content) if not doc[i].is_space]
            if found and gold_tok:
                r = found[0]
                row["category"] = "cue_found"
                row["sub"] = where(doc, r, gold_tok, set(r.content))
                row["cue_pos"] = r.cue.pos_
            else:
                row["category"] = "no_cue"
        row["gold"] = " | ".join(text[a:b] for a, b in g.content)
        row["gold_cue"] = " | ".join(text[a:b] for a, b in g.cue)
        yield row


def main(argv: list[str] | None = None) -> int:
    from dateline_dev.eval.datasets import default_root

    parser = argparse.ArgumentParser(prog="python -m dateline_dev.quote_misses")
    parser.add_argument("--split", default="train", choices=["train", "dev"])
    parser.add_argument("--polnear", type=Path, default=None)
    parser.add_argument("--cache", type=Path, default=None)
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--json", type=Path, default=None, help="write the rows (with text)")
    args = parser.parse_args(argv)
    root = args.polnear or default_root().parent / "quotes" / "polnear"
    rows: list[dict[str, Any]] = []
    gold = 0
    for pd, doc in parsed(root, args.split, args.cache):
        gold += len(pd.attributions)
        rows.extend(classify(pd, doc))
    cats = Counter(r["category"] for r in rows)
    print(f"split {args.split}: {gold} gold, {len(rows)} without an exact match")
    for cat, n in cats.most_common():
        print(f"  {cat}: {n}")
    print("\ncue_found, where the gold content lies:")
    for sub, n in Counter(r["sub"] for r in rows if r["category"] == "cue_found").most_common(
        args.top
    ):
        print(f"  {sub}: {n}")
    print("\nno_cue, the gold cue's head (lemma/POS, + for several words):")
    for lab, n in Counter(r["cue"] for r in rows if r["category"] == "no_cue").most_common(
        args.top
    ):
        print(f"  {lab}: {n}")
    print("\nno_cue by part of speech:")
    pos = Counter(r["cue"].split("/")[-1].rstrip("+") for r in rows if r["category"] == "no_cue")
    for lab, n in pos.most_common():
        print(f"  {lab}: {n}")
    if args.json:
        with args.json.open("w", encoding="utf-8") as out:
            for r in rows:
                out.write(json.dumps(r, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
