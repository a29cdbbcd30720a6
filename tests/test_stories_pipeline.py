"""Issue 6's acceptance through the real pipeline: one wire story rewritten by three outlets
is one story with NumArticles=3, and one outlet's page seen again under a second URL (with
a tracking parameter and a share line added) is not a second article."""

from __future__ import annotations

from pathlib import Path

from dateline.batch import ingest
from dateline.model import Document
from dateline.options import Options
from dateline.store import Store

FIXTURES = Path(__file__).parent / "fixtures" / "stories"
OUTLETS = ("lakeside-wire", "coastline-times", "savanna-daily")


def page(name: str, url: str, extra: str = "") -> Document:
    text = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8") + extra
    return Document(input_id=name, content=text, kind="text", url=url, published="2024-03-05")


def test_three_outlets_one_story_and_no_duplicate_article(tmp_path: Path) -> None:
    documents = [page(name, f"https://{name}.example/kenya-tanzania-rail") for name in OUTLETS]
    again = page(
        OUTLETS[0],
        f"https://www.{OUTLETS[0]}.example/kenya-tanzania-rail?utm_source=newsletter",
        extra="\nShare this story\n",
    )
    with Store.open(tmp_path / "stories.db") as store:
        counts = ingest([*documents, again], store, Options())
        assert (counts.inserted, counts.skipped, counts.failed) == (3, 1, 0)
        assert store.count() == 3
        [story] = store.stories(min_articles=2)
        assert (story["num_articles"], story["num_sources"], story["num_mentions"]) == (3, 3, 3)
        assert story["cameo_root"] == "05" and (story["source"], story["target"]) == ("KEN", "TZA")
        first = next(a for a in store.articles() if a.input_id == OUTLETS[0])
        assert len(store.urls(first.id)) == 2
