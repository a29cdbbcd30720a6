"""The comparison page ("how outlets told it") in a real browser: the three-outlet story
of tests/fixtures/stories ingested through the real pipeline, served by uvicorn, opened in
Debian's Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import test_web_browser as web
from test_compare import build_story_store
from test_web_browser import Page, serving, shot

# the browser and a fresh page per test, as the other browser tests have them
browser = web.browser
page = web.page


@pytest.fixture(scope="module")
def story_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, str]]]:
    db = tmp_path_factory.mktemp("compare-browser") / "story.db"
    ids = build_story_store(db)
    with serving(db) as base:
        yield base, ids


def test_comparison_page(story_site: tuple[str, dict[str, str]], page: Page) -> None:
    base, ids = story_site
    page.goto(base + "/stories")
    page.locator("a.compare-link").first.click()
    page.wait_for_selector("table#compare")
    assert page.locator("h1").inner_text() == "How outlets told it"
    outlets = page.locator("table#compare thead th.outlet").all_inner_texts()
    assert outlets == ["Savanna Daily", "Coastline Times", "Lakeside Wire"]
    assert page.locator("tr.published td").first.locator(".first").inner_text() == "first"
    # each outlet's version of the minister's quote, and how it was cut
    row = page.locator("tr.quote-row", has=page.locator("th", has_text="Amina Wekesa"))
    cells = row.locator("td")
    assert cells.count() == 3
    texts = cells.all_inner_texts()
    assert "create thousands of jobs" in texts[0] and "shorter cut" in texts[0]
    assert "closer than ever before" in texts[1] and "shorter cut" in texts[1]
    assert "leaves out: and create thousands of jobs" in texts[1]
    assert "fullest version" in texts[2]
    # each outlet shows its own quotes, and the claims only one outlet makes
    for n, outlet in enumerate(outlets):
        assert page.locator(f"tr.quote-row td:nth-child({n + 2}) .cq").count() >= 1, outlet
    claims = page.locator("tr.claims td")
    assert "Opposition lawmakers in Dodoma" in claims.nth(0).inner_text()
    assert claims.nth(1).inner_text().strip() == "nothing of its own"
    assert "only here: Kenyan · Nairobi" in claims.nth(2).inner_text()
    shot(page, "compare")
    # a claim links to its sentence, marked on the article page
    claims.nth(0).locator("a").first.click()
    page.wait_for_selector("article.body #hl")
    marked = page.locator("article.body .mark-target").all_inner_texts()
    assert "".join(marked).startswith("Opposition lawmakers in Dodoma")
    assert page.url.startswith(f"{base}/articles/{ids['savanna-daily']}?hl=")
    shot(page, "compare-claim-in-article")
    # the CSV export from the page
    page.go_back()
    with page.expect_download() as info:
        page.locator("a.csv").click()
    download = info.value
    assert download.suggested_filename == "story-1.csv"
    text = Path(download.path()).read_text(encoding="utf-8")
    assert text.startswith("section,group,label,article_id,outlet")
