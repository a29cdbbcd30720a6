"""The comparison as flat rows (one per outlet's version of an item), for CSV and tables."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from dateline.compare.story import Comparison

#: The columns of a comparison export, in order.
COLUMNS = (
    "section",
    "group",
    "label",
    "article_id",
    "outlet",
    "published",
    "rank",
    "only_one_outlet",
    "text",
    "speaker",
    "cut",
    "left_out",
    "own",
    "details",
    "cameo",
    "quad_class",
    "source",
    "target",
    "date",
    "modality",
    "start",
    "end",
    "sentence",
)


def rows(comparison: Comparison) -> Iterator[dict[str, Any]]:
    """Every item of a comparison as a row with the columns of ``COLUMNS``: the outlets
    (section "outlet", the headline as text), then actors, quotes, events and the claims
    only one outlet makes (section "claim", ``label`` saying sentence, quote or event)."""
    outlets = {o.article_id: o for o in comparison.outlets}

    def row(section: str, group: int, label: str, item: Any, only: bool) -> dict[str, Any]:
        outlet = outlets[item.article_id]
        fields = item.fields
        out: dict[str, Any] = dict.fromkeys(COLUMNS)
        out.update(
            section=section,
            group=group,
            label=label,
            article_id=item.article_id,
            outlet=outlet.outlet,
            published=outlet.published,
            rank=outlet.rank,
            only_one_outlet=only,
            text=item.text,
            start=item.start,
            end=item.end,
            sentence=item.sentence,
        )
        for key in ("speaker", "cut", "cameo", "quad_class", "source", "target", "date"):
            out[key] = fields.get(key)
        out["modality"] = fields.get("modality")
        for key in ("left_out", "own"):
            out[key] = " | ".join(fields.get(key) or []) or None
        # a claim's figures and names no other outlet has, or what its sentence carries
        out["details"] = " | ".join(fields.get("details") or fields.get("carries") or []) or None
        return out

    for n, o in enumerate(comparison.outlets):
        yield {
            **dict.fromkeys(COLUMNS),
            "section": "outlet",
            "group": n,
            "label": f"tone {o.tone:+.2f}, {o.words} words",
            "article_id": o.article_id,
            "outlet": o.outlet,
            "published": o.published,
            "rank": o.rank,
            "only_one_outlet": False,
            "text": o.title,
        }
    for section, groups in (
        ("actor", comparison.actors),
        ("quote", comparison.quotes),
        ("event", comparison.events),
    ):
        for n, group in enumerate(groups):
            only = len(group.articles) == 1
            for item in group.items:
                yield row(section, n, group.label, item, only)
    for n, claim in enumerate(comparison.claims):
        yield row("claim", n, claim.fields.get("kind", ""), claim, True)
