"""Readers for the extraction development sets (laid out as in ../shared/data/extraction).

Each yields ``Page`` values: the raw HTML (decoded from the gzip file's bytes the same way any
input is) and whatever gold fields the set gives. Readers raise ``FileNotFoundError`` with the
path when a set is missing, so callers can skip with a reason.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from dateline.sources.decode import decode_bytes


@dataclass(slots=True)
class Page:
    key: str
    html: str
    url: str | None = None
    body: str | None = None
    title: str | None = None
    authors: list[str] | None = None  # None: the set gives no author gold for this page
    date: str | None = None
    extra: dict[str, object] = field(default_factory=dict)


def default_root() -> Path:
    """``../shared/data/extraction`` relative to the working directory or the repository."""
    here = Path(__file__).resolve()
    for base in (Path.cwd(), *here.parents):
        candidate = base.parent / "shared" / "data" / "extraction"
        if candidate.is_dir():
            return candidate
    return Path.cwd().parent / "shared" / "data" / "extraction"


def _read_html(path: Path) -> str:
    data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    return decode_bytes(data, is_html=True).text


def _split_authors(raw: str | None) -> list[str]:
    if not raw:
        return []
    parts = [p.strip() for chunk in raw.split(",") for p in chunk.split(" and ")]
    return [p for p in parts if p]


def scrapinghub(root: Path) -> Iterator[Page]:
    base = root / "scrapinghub"
    gold = json.loads((base / "ground-truth.json").read_text(encoding="utf-8"))
    for key in sorted(gold):
        item = gold[key]
        yield Page(
            key=key,
            html=_read_html(base / "html" / f"{key}.html.gz"),
            url=item.get("url"),
            body=item.get("articleBody", ""),
        )


def naeb(root: Path) -> Iterator[Page]:
    base = root / "naeb-dev"
    for item in json.loads((base / "articles.json").read_text(encoding="utf-8")):
        yield Page(
            key=str(item["html_file"]),
            html=_read_html(base / "html" / f"{item['html_file']}.html.gz"),
            url=item.get("link"),
            body=item.get("text", ""),
            title=item.get("title"),
            authors=_split_authors(item.get("authors")),
            date=item.get("date") or None,
            extra={"site": item.get("site")},
        )


def wcxb(root: Path) -> Iterator[Page]:
    base = root / "wcxb-dev-articles"
    for path in sorted((base / "ground-truth").glob("*.json")):
        item = json.loads(path.read_text(encoding="utf-8"))
        gold = item["ground_truth"]
        author = gold.get("author")
        yield Page(
            key=str(item["file_id"]),
            html=_read_html(base / "html" / f"{item['file_id']}.html.gz"),
            url=item.get("url"),
            body=gold.get("main_content", ""),
            title=gold.get("title"),
            authors=_split_authors(author) if author is not None else None,
            date=gold.get("publish_date") or None,
            extra={"with": gold.get("with"), "without": gold.get("without")},
        )


SETS = {"scrapinghub": scrapinghub, "naeb": naeb, "wcxb": wcxb}
