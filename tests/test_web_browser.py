"""The web UI in a real browser: Debian's Chromium driven by Playwright's Python package
(never ``playwright install``). A uvicorn server runs in a thread over a store of
hand-built records; a screenshot of each page is saved under tests/artifacts/web/."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip(
        "Debian's Chromium is not at /usr/bin/chromium (make system-deps installs it)",
        allow_module_level=True,
    )
pytest.importorskip("fastapi", reason="the web extra is not installed (pip install -e '.[dev]')")
playwright_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright is not installed (pip install -e '.[dev]')"
)

import uvicorn  # noqa: E402

from dateline.web import create_app  # noqa: E402
from web_store import STRIKE_TEXT, XSS_IMG, XSS_SCRIPT, build_test_store  # noqa: E402

ARTIFACTS = Path(__file__).parent / "artifacts" / "web"
Page = Any  # playwright.sync_api.Page (imported lazily above)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


@contextmanager
def serving(db: Path) -> Iterator[str]:
    """The web app over ``db`` served by uvicorn in a thread; yields its base URL."""
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, str]]]:
    db = tmp_path_factory.mktemp("browser") / "web.db"
    ids = build_test_store(db)
    with serving(db) as base:
        yield base, ids


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Page]:
    """A fresh page that fails the test on any dialog (alert) or CSP violation."""
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    dialogs: list[str] = []
    problems: list[str] = []

    def on_dialog(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    tab.on("dialog", on_dialog)
    tab.on(
        "console",
        lambda m: (
            problems.append(m.text)
            if m.type == "error" and "Content Security Policy" in m.text
            else None
        ),
    )
    tab.on("pageerror", lambda e: problems.append(str(e)))
    tab.set_default_timeout(10_000)
    yield tab
    context.close()
    assert dialogs == [], f"a dialog opened: {dialogs}"
    assert problems == [], f"script errors or CSP violations: {problems}"


def shot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


PAGES = {
    "search": ("/", "Latest articles"),
    "events": ("/events", "Events"),
    "actors": ("/actors", "Actors"),
    "quotes": ("/quotes", "Quotes"),
    "network": ("/network", "Who did what to whom"),
    "map": ("/map", "Where events happened"),
    "analyze": ("/analyze", "Analyze a document"),
    "api": ("/api/docs", "HTTP API"),
}


def test_each_page_loads(served: tuple[str, dict[str, str]], page: Page) -> None:
    base, ids = served
    for name, (path, heading) in PAGES.items():
        answer = page.goto(base + path)
        assert answer is not None and answer.status == 200, path
        assert page.locator("h1").first.inner_text().startswith(heading), path
        if name == "network":
            page.wait_for_selector("#network svg path.edge")
            assert page.locator("#network svg a.node").count() >= 2
        if name == "map":
            assert page.locator("#map circle.place").count() >= 5
        shot(page, name)
    if page.goto(base + "/stories").status == 200:  # when the store groups stories
        shot(page, "stories")
    page.goto(f"{base}/articles/{ids['harbour']}")
    shot(page, "article")
    print(f"\nscreenshots in {ARTIFACTS}")


def test_search_article_highlights_and_actor(
    served: tuple[str, dict[str, str]], page: Page
) -> None:
    base, _ = served
    page.goto(base + "/")
    page.fill("input[name=q]", "strike Valport")
    page.press("input[name=q]", "Enter")
    page.wait_for_selector("ol.results")
    assert page.locator("ol.results mark").count() >= 1
    shot(page, "search-results")
    page.click("text=Harbour strike ends in Valport")
    page.wait_for_selector("article.body")
    quote = page.locator("article.body .mark-quote")
    assert quote.first.inner_text() == "The strike is over,"
    assert page.locator("article.body .mark-event").count() >= 2
    assert page.locator("article.body .mark-ent").count() >= 3
    events = page.locator("li.event")
    assert events.count() == 2
    first = events.nth(0).inner_text()
    assert "042" in first and "curated:visit" in first and "Valport" in first
    assert "2024-05-06" in first and "Latvia" in first
    # hovering an event in the list marks its sentence (progressive JS)
    events.nth(0).hover()
    assert page.locator("article.body .mark-event.active").count() >= 1
    assert "Lena Morgan" in page.locator("li.quote").first.inner_text()
    shot(page, "article-highlighted")
    page.locator("li.quote a.actor", has_text="Lena Morgan").click()
    page.wait_for_selector("svg#timeline")
    assert "Lena Morgan" in page.locator("h1").inner_text()
    assert page.locator("svg#timeline rect").count() >= 1
    assert "The strike is over," in page.locator("ul.quotes").inner_text()
    shot(page, "actor")


def test_events_filter_and_csv_download(served: tuple[str, dict[str, str]], page: Page) -> None:
    base, _ = served
    page.goto(base + "/events")
    page.fill("input[name=actor]", "ESTGOV")
    page.click("form.filters button")
    page.wait_for_url("**/events?actor=ESTGOV")  # empty fields dropped by app.js
    rows = page.locator("table.events-table tbody tr")
    assert rows.count() >= 1
    shot(page, "events-filtered")
    with page.expect_download() as info:
        page.click("#events-csv")
    download = info.value
    assert download.suggested_filename == "events.csv"
    text = Path(download.path()).read_text(encoding="utf-8")
    lines = text.strip().splitlines()
    assert lines[0].startswith("event_id,gdelt_id,article_id,n,")
    assert len(lines) - 1 == rows.count() and all("ESTGOV" in line for line in lines[1:])


def test_analyze_page(served: tuple[str, dict[str, str]], page: Page) -> None:
    base, _ = served
    page.goto(base + "/analyze")
    page.fill("textarea[name=content]", STRIKE_TEXT + f"\n\nA sign read {XSS_SCRIPT}{XSS_IMG}.")
    page.uncheck("input[name=nlp]")  # the article part only: no model needed
    page.click("form.analyze button")
    page.wait_for_selector("article.body")
    body = page.locator("article.body").inner_text()
    assert body.startswith("Port workers walked out in Valport")
    assert page.locator("main img").count() == 0
    shot(page, "analyze-result")


HOSTILE_PAGES = [
    "/articles/{hostile}",
    "/?q=Hostile",
    "/?q=painted",
    "/events?actor=LVABUS",
    "/quotes?q=painted",
    "/actors?country=LVA",
    "/network?actor=LVABUS",
    "/map?actor=LVABUS",
]


def test_hostile_markup_renders_as_text(served: tuple[str, dict[str, str]], page: Page) -> None:
    base, ids = served
    for path in HOSTILE_PAGES:
        page.goto(base + path.format(**ids))
        page.wait_for_load_state("load")
        assert page.locator("img").count() == 0, path
        scripts = page.eval_on_selector_all(
            "script", "els => els.map(e => e.getAttribute('src') || 'INLINE')"
        )
        assert all(s.startswith("/static/") for s in scripts), (path, scripts)
    page.goto(f"{base}/articles/{ids['hostile']}")
    body = page.locator("article.body").inner_text()
    assert XSS_SCRIPT in body and XSS_IMG in body
    assert XSS_SCRIPT in page.locator("h1").inner_text()
    page.locator("li.event a.actor").first.click()
    page.wait_for_selector("h1")
    assert XSS_IMG in page.locator("h1").inner_text()
    assert page.locator("img").count() == 0
    page.wait_for_timeout(200)  # give any injected handler a chance to fire
    shot(page, "hostile-actor")


def test_map_outlines_slider_and_place_events(
    served: tuple[str, dict[str, str]], page: Page
) -> None:
    base, _ = served
    page.goto(base + "/map")
    # Natural Earth's 177 countries, drawn on the server (no tiles, no network)
    assert page.locator("svg#map path.country").count() == 177
    circles = page.locator("svg#map circle.place")
    assert circles.count() == 9
    summary = page.locator("#month-summary")
    assert page.locator("#timeline").is_visible()
    assert page.locator("#month-range").inner_text() == "2024-01 – 2024-12"
    all_events = int(summary.inner_text().split()[1])
    # clicking a place lists its events (fetched, no reload), each linked to its sentence
    page.locator("a.place-link[data-name=Osaka]").click()
    page.wait_for_selector("#place-events ol.place-events li")
    listed = page.locator("#place-events ol.place-events li")
    assert listed.count() == 11
    assert "Osaka" in page.locator("#place-events h2").inner_text()
    assert all("Osaka" in text for text in listed.all_inner_texts())
    assert page.locator("circle.place.selected").count() == 1
    shot(page, "map-place")
    # the time slider keeps fewer months: fewer events and places, the list follows it
    page.locator("#month-to").fill("2")  # 2024-01 to 2024-03
    assert page.locator("#month-range").inner_text() == "2024-01 – 2024-03"
    shown = page.locator("svg#map a.place-link:not(.hidden)").count()
    assert 0 < shown < 9 and int(summary.inner_text().split()[1]) < all_events
    rows = page.locator("table.list tbody tr:not([hidden])")  # the table follows the slider
    assert rows.count() == shown
    counted = sum(int(n) for n in rows.locator("td.place-count").all_inner_texts())
    assert counted == int(summary.inner_text().split()[1])
    with page.expect_response(lambda r: "since=2024-01&until=2024-03" in r.url) as answer:
        page.locator("svg#map a.place-link:not(.hidden)").first.click()
    assert answer.value.ok
    page.wait_for_selector("#place-events ol.place-events li")
    dates = [t.split()[0] for t in page.locator("#place-events ol li").all_inner_texts()]
    assert dates and all("2024-01" <= d < "2024-04" for d in dates)
    shot(page, "map-slider")
    # a sentence link opens the article with that sentence marked
    page.locator("#place-events a.sentence-link").first.click()
    page.wait_for_selector("article.body #hl")
    assert page.locator("article.body .mark-target").count() >= 1
