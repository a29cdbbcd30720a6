"""Speakers of the record's quotes against PolNeAR's sources, by kind of error.

    python -m dateline_dev.eval.polnear_speakers --polnear ../shared/data/quotes/polnear \\
        [--split train] [--cache /tmp/polnear-train.spacy] [--examples FILE]

PolNeAR's *training* split is no development set: its texts may be read, so this counts and
lists (``--examples``) where the speaker of a quote ``analyze`` would give (``find_quotes``
with the actors stage as resolver, the record's unit) differs from the gold ``Source`` of the
attribution whose content it matches (the matching of ``dateline_dev.eval.quotes``).

A speaker is right when its phrase overlaps the gold source (as ``eval quotes`` judges it); a
pronoun phrase must also resolve to a name that is not another person's: the gold gives no
referent, so a pronoun counts as right only when its name shares a word with the nearest
earlier gold source that is a name (``pronoun_name`` otherwise: read those, it is a proxy).
Every other mismatch is put in the first kind that fits (``KINDS``). ``--cache`` keeps the
parsed documents (a DocBin) between runs: only the quotes and actors stages are re-run.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from dateline_dev.eval.quotes import (
    GoldAttribution,
    PolnearDoc,
    _match,
    _overlaps,
    _token_index,
    _tokens,
    read_split,
)

_PRONOUNS = frozenset(
    [
        "he",
        "she",
        "him",
        "her",
        "his",
        "they",
        "them",
        "i",
        "we",
        "you",
        "it",
        "this",
        "that",
        "who",
        "which",
        "one",
    ]
)
_PERSON_PRONOUNS = frozenset({"he", "she", "i", "we", "they"})
_DOCUMENTS = frozenset(
    [
        "statement",
        "report",
        "letter",
        "memo",
        "study",
        "survey",
        "poll",
        "release",
        "email",
        "e-mail",
        "filing",
        "complaint",
        "lawsuit",
        "document",
        "documents",
        "order",
        "ruling",
        "resolution",
        "tweet",
        "post",
        "video",
        "ad",
        "book",
        "article",
        "transcript",
        "records",
        "data",
        "analysis",
    ]
)
_WORD = re.compile(r"[A-Za-z][\w’'-]*")

#: Kinds of wrong speaker, in the order they are tried.
KINDS = (
    "no_speaker",  # gold has a source, we give none
    "speaker_for_sourceless",  # gold has no source (the writer's), we give one
    "pronoun_name",  # right pronoun phrase, resolved to someone else than the last named source
    "according_to",  # gold cue "according to ..."
    "passive_or_by",  # gold source in a "by" phrase
    "other_cue",  # our speaker is a different cue's (our cue does not overlap the gold cue)
    "pronoun_vs_name",  # one side a pronoun, the other a name/description, same cue
    "document",  # one side a document noun
    "carried_over",  # gold source in an earlier paragraph (quote continues)
    "gold_elsewhere",  # gold source outside the content's paragraph
    "other",
)


def _text(doc_text: str, spans: Sequence[tuple[int, int]]) -> str:
    return " ".join(doc_text[a:b] for a, b in spans)


def _is_pronoun(phrase: str) -> bool:
    words = [w.lower() for w in _WORD.findall(phrase)]
    return len(words) == 1 and words[0] in _PRONOUNS


def _names(phrase: str) -> set[str]:
    return {w.lower().rstrip("’'s") for w in _WORD.findall(phrase) if w[0].isupper()} - {
        "the",
        "a",
    }


def _para(text: str, offset: int) -> int:
    return text.count("\n\n", 0, offset)


def _last_named_source(
    text: str, gold: list[GoldAttribution], before: int
) -> tuple[int, str] | None:
    best: tuple[int, str] | None = None
    for g in gold:
        if not g.source or g.source[0][0] >= before:
            continue
        phrase = _text(text, g.source)
        if _is_pronoun(phrase) or not _names(phrase):
            continue
        if best is None or g.source[0][0] > best[0]:
            best = (g.source[0][0], phrase)
    return best


def classify(text: str, g: GoldAttribution, q: Any, gold: list[GoldAttribution]) -> str | None:
    """The kind of speaker error of a matched pair, or None when the speaker is right."""
    sp = q.speaker
    if not g.source:
        return None if sp is None else "speaker_for_sourceless"
    if sp is None:
        return "no_speaker"
    gold_src = _text(text, g.source)
    cue = _text(text, g.cue).lower()
    if _overlaps((sp.start, sp.end), g.source):
        if _is_pronoun(sp.text) and sp.text.lower() in _PERSON_PRONOUNS - {"i", "we", "they"}:
            named = _last_named_source(text, gold, g.source[0][0])
            if (
                named is not None
                and sp.name != sp.text
                and not (_names(sp.name) & _names(named[1]))
            ):
                return "pronoun_name"
        return None
    if cue.startswith("according"):
        return "according_to"
    lo = g.source[0][0]
    if text[max(0, lo - 4) : lo].strip().lower() == "by":
        return "passive_or_by"
    cue_overlap = q.cue_start is not None and _overlaps((q.cue_start, q.cue_end), g.cue)
    if not cue_overlap and g.cue:
        return "other_cue"
    if _is_pronoun(sp.text) != _is_pronoun(gold_src):
        return "pronoun_vs_name"
    if {w.lower() for w in _WORD.findall(gold_src + " " + sp.text)} & _DOCUMENTS:
        return "document"
    content_para = _para(text, g.content[0][0])
    if _para(text, lo) < content_para:
        return "carried_over"
    if _para(text, lo) != content_para:
        return "gold_elsewhere"
    return "other"


def _docs(
    root: Path, split: str, cache: Path | None, limit: int | None
) -> list[tuple[PolnearDoc, Any]]:
    from spacy.tokens import DocBin

    from dateline import nlp

    gold = list(read_split(root, split, limit))
    if cache is not None and cache.exists():
        vocab = nlp.load().vocab
        parsed = list(DocBin().from_disk(cache).get_docs(vocab))
        if len(parsed) == len(gold):
            return list(zip(gold, parsed, strict=True))
    parsed = list(nlp.parse(d.text for d in gold))
    if cache is not None:
        bin_ = DocBin(store_user_data=False)
        for d in parsed:
            bin_.add(d)
        bin_.to_disk(cache)
    return list(zip(gold, parsed, strict=True))


def evaluate(
    root: Path,
    split: str,
    cache: Path | None,
    limit: int | None,
    examples: list[dict[str, Any]],
    dump: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """Speaker errors by kind over the matched pairs; each wrong pair is appended to
    ``examples``, and with ``dump`` every matched pair (to compare two runs' names)."""
    from dateline.actors import find_actors
    from dateline.quotes import find_quotes

    kinds: Counter[str] = Counter()
    by_kind: Counter[str] = Counter()
    matched = right = 0
    for gold_doc, doc in _docs(root, split, cache, limit):
        text = gold_doc.text
        actors = find_actors(doc)
        quotes = find_quotes(doc, actors)
        index = _token_index(text)
        gold_t = [_tokens(index, g.content) for g in gold_doc.attributions]
        pred_t = [_tokens(index, q.spans or [(q.start, q.end)]) for q in quotes]
        for g_i, p_i in _match(gold_t, pred_t).items():
            g, q = gold_doc.attributions[g_i], quotes[p_i]
            matched += 1
            by_kind[q.kind] += 1
            kind = classify(text, g, q, gold_doc.attributions)
            if dump is not None:
                dump.append(
                    {
                        "doc": gold_doc.name,
                        "at": g.content[0][0],
                        "error": kind,
                        "our_phrase": q.speaker.text if q.speaker else None,
                        "our_name": q.speaker.name if q.speaker else None,
                        "gold_source": _text(text, g.source),
                    }
                )
            if kind is None:
                right += 1
                continue
            kinds[kind] += 1
            kinds[f"{kind}:{q.kind}"] += 1
            examples.append(
                {
                    "doc": gold_doc.name,
                    "error": kind,
                    "kind": q.kind,
                    "content": q.text[:160],
                    "gold_source": _text(text, g.source),
                    "gold_cue": _text(text, g.cue),
                    "our_phrase": q.speaker.text if q.speaker else None,
                    "our_name": q.speaker.name if q.speaker else None,
                    "our_cue": q.cue,
                    "paragraph": text[
                        text.rfind("\n\n", 0, g.content[0][0]) + 2 : text.find(
                            "\n\n", g.content[-1][1]
                        )
                    ][:600],
                }
            )
    return {
        "matched": matched,
        "right": right,
        "accuracy": round(right / matched, 4) if matched else 0.0,
        "matched_by_kind": dict(by_kind),
        "errors": dict(sorted(kinds.items(), key=lambda kv: (":" in kv[0], -kv[1]))),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dateline_dev.eval.polnear_speakers")
    parser.add_argument("--polnear", type=Path, required=True)
    parser.add_argument("--split", default="train")
    parser.add_argument("--cache", type=Path, default=None)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--examples", type=Path, default=None)
    parser.add_argument("--dump", type=Path, default=None, help="every matched pair, JSONL")
    args = parser.parse_args(argv)
    if args.split != "train":
        parser.error("only the training split may be read this way (dev is tune/check)")
    examples: list[dict[str, Any]] = []
    dump: list[dict[str, Any]] | None = [] if args.dump else None
    result = evaluate(args.polnear, args.split, args.cache, args.limit, examples, dump)
    for path, rows in ((args.examples, examples), (args.dump, dump)):
        if path is not None and rows is not None:
            with path.open("w", encoding="utf-8") as out:
                for row in rows:
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
