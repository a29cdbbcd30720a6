"""The web UI stays current while ``dateline watch`` adds records: /api/updated gives the
store's last-update stamp, every page's footer shows it, and list pages replace their lists
when the stamp changes, without a reload (real Chromium, driven by Playwright)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed (pip install -e '.[dev]')")
from fastapi.testclient import TestClient

from dateline.store import Store
from dateline.store.watch import CycleRow, WatchState
from dateline.web import create_app
from dateline_dev import sample

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).parent / "artifacts" / "web"


def test_updated_stamp_changes_exactly_when_articles_are_added(tmp_path: Path) -> None:
    db = tmp_path / "live.db"
    Store.open(db).close()
    with TestClient(create_app(db)) as client:
        empty = client.get("/api/updated").json()
        assert empty == {"last_seq": 0, "updated_at": None, "checked_at": None}
        with Store.open(db) as store:
            store.ingest([sample.record(n, 2) for n in range(3)])
            WatchState(store).record_cycle(
                CycleRow("2026-03-01T12:00:00+00:00", "2026-03-01T12:00:05+00:00")
            )
        stamp = client.get("/api/updated").json()
        assert stamp["last_seq"] == 3 and stamp["updated_at"]
        assert stamp["checked_at"] == "2026-03-01T12:00:05+00:00"
        with Store.open(db) as store:
            store.ingest([sample.record(0, 2)])  # already stored: nothing changes
        assert client.get("/api/updated").json() == stamp
        page = client.get("/events").text
        assert 'id="stamp" data-seq="3"' in page and "2026-03-01T12:00:05+00:00" in page


@pytest.fixture
def live_server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    pytest.importorskip("uvicorn")
    from test_web_browser import serving

    db = tmp_path / "live.db"
    with Store.open(db) as store:
        store.ingest([sample.record(n, 2) for n in range(3)])
    with serving(db) as base:
        yield base, db


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's Chromium is not at /usr/bin/chromium")
def test_list_pages_refresh_without_a_reload(live_server: tuple[str, Path]) -> None:
    playwright = pytest.importorskip("playwright.sync_api")
    base, db = live_server
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            context.add_init_script("window.DATELINE_POLL_MS = 200")
            tab = context.new_page()
            problems: list[str] = []
            tab.on("pageerror", lambda e: problems.append(str(e)))
            tab.on(
                "console",
                lambda m: problems.append(m.text) if "Content Security Policy" in m.text else None,
            )
            tab.set_default_timeout(10_000)
            for path in ("/", "/events"):
                tab.goto(base + path)
                rows = tab.locator("main table.list tbody tr")
                before = rows.count()
                stamp = tab.locator("#store-updated").inner_text()
                tab.evaluate("window.notReloaded = true")
                tab.fill("input[name=q]" if path == "/" else "input[name=actor]", "typed")
                # the footer shows when the newest article was stored, to the second: store
                # the new ones in a later second than the last, so the footer must change
                time.sleep(1.1)
                with Store.open(db) as store:
                    first = store.count()
                    store.ingest([sample.record(first + n, 2) for n in range(2)])
                rows.nth(before).wait_for()  # a row more, once the poll saw the change
                assert tab.evaluate("window.notReloaded") is True
                assert tab.locator("#store-updated").inner_text() != stamp
                value = "input[name=q]" if path == "/" else "input[name=actor]"
                assert tab.input_value(value) == "typed"  # the form was left alone
                ARTIFACTS.mkdir(parents=True, exist_ok=True)
                name = "live-search" if path == "/" else "live-events"
                tab.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
            assert problems == []
            context.close()
        finally:
            browser.close()
