"""What only one outlet says: the claims of a comparison with no counterpart elsewhere."""

from __future__ import annotations

from typing import Any

from dateline.compare import align
from dateline.compare.model import Group, Item, fields_of


def claims(records: list[dict[str, Any]], quotes: list[Group], events: list[Group]) -> list[Item]:
    """What only one outlet says: its sentences with no counterpart in any other article
    (kind "sentence"); the quotes and events no other outlet carries whose words have no
    counterpart either ("quote", "event": a quote of one outlet that another states as fact
    is not a claim of its own); and, in sentences that do have counterparts, the figures and
    names no other article has ("detail": 15 dead where the others say 12, a town only one
    names). A quote or event inside a sentence already listed is named by it (``carries``)."""
    split = {r["id"]: align.sentences((r.get("article") or {}).get("body") or "") for r in records}
    bags = {aid: [align.tokens(s.text) for s in found] for aid, found in split.items()}
    vocabulary = {aid: frozenset().union(*found) for aid, found in bags.items()}
    single = [g for g in (*quotes, *events) if len(g.articles) == 1]
    claims: list[Item] = []
    for record in records:
        aid = record["id"]
        others = [bag for other, found in bags.items() if other != aid for bag in found]
        elsewhere = frozenset().union(*(v for other, v in vocabulary.items() if other != aid))
        mine: list[Item] = []
        for sentence, bag in zip(split[aid], bags[aid], strict=True):
            if not bag:
                continue
            if any(align.counterparts(bag, other) for other in others):
                details = _details(sentence.text, elsewhere)
                if details:
                    fields = {"kind": "detail", "details": details}
                    mine.append(
                        Item(
                            aid, sentence.text, sentence.start, sentence.end, sentence.text, fields
                        )
                    )
                continue
            carries = [
                f"{g.kind}: {g.label}"
                for g in single
                if g.items[0].article_id == aid
                and _inside(g.items[0], sentence.start, sentence.end)
            ]
            fields = {"kind": "sentence", "carries": carries}
            mine.append(
                Item(aid, sentence.text, sentence.start, sentence.end, sentence.text, fields)
            )
        for group in single:
            item = group.items[0]
            if item.article_id != aid or any(_inside(item, c.start or 0, c.end or 0) for c in mine):
                continue
            bag = align.tokens(item.text)
            if any(align.counterparts(bag, other) for other in others):
                continue
            fields = {"kind": group.kind, "label": group.label}
            mine.append(Item(**{**fields_of(item), "fields": fields}))
        claims.extend(sorted(mine, key=lambda c: c.start if c.start is not None else -1))
    return claims


def _details(sentence: str, elsewhere: frozenset[str]) -> list[str]:
    """The figures and capitalised words (names; not the sentence's first word) of a
    sentence that no other article has, in the order they come."""
    out: list[str] = []
    for n, word in enumerate(align.words(sentence)):
        figure = any(ch.isdigit() for ch in word)
        if not figure and (n == 0 or not word[:1].isupper()):
            continue
        key = align.tokens(word)
        if key and not key & elsewhere and word not in out:
            out.append(word)
    return out


def _inside(item: Item, start: int, end: int) -> bool:
    return item.start is not None and start <= item.start < end
