"""Property-based tests (hypothesis): extraction, quotes, actors and events over generated
input. Whatever the input: no exception but a DatelineError, offsets inside the text, and
every quote and event sentence a substring of the body.

Runs are deterministic (``derandomize=True``) and bounded so the file stays fast; the long
randomised run is ``python fuzz/fuzz_extract.py`` (``make fuzz``).
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.errors import DatelineError
from dateline.extract import extract_html, extract_text
from dateline.model import Article

FAST = settings(
    max_examples=400,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
NLP = settings(FAST, max_examples=200)

# -- the alphabets: news-like words, punctuation, every quotation mark, HTML-ish pieces ------

WORDS = [
    "the",
    "police",
    "army",
    "government",
    "minister",
    "president",
    "Maria",
    "Lopez",
    "John",
    "Smith",
    "Russia",
    "France",
    "Ukraine",
    "Kenya",
    "Nairobi",
    "Paris",
    "United",
    "Nations",
    "NATO",
    "rebels",
    "protesters",
    "troops",
    "council",
    "mayor",
    "said",
    "told",
    "says",
    "added",
    "warned",
    "accused",
    "attacked",
    "arrested",
    "met",
    "signed",
    "condemned",
    "threatened",
    "agreed",
    "rejected",
    "denied",
    "killed",
    "on",
    "in",
    "at",
    "to",
    "of",
    "with",
    "after",
    "before",
    "Tuesday",
    "March",
    "2024",
    "not",
    "will",
    "would",
    "could",
    "a",
    "an",
    "and",
    "but",
    "he",
    "she",
    "they",
    "it",
    "we",
    "I",
    "you",
    "12",
    "three",
    "percent",
]
PUNCTUATION = [",", ".", ";", ":", "—", "–", "-", "?", "!", "(", ")", "...", "…"]
QUOTE_MARKS = ['"', "“", "”", "‘", "’", "'", "«", "»", "„", "‹", "›", "「", "」"]
SPACES = [" ", " ", " ", "\n", "\n\n", "\t", "\u00a0", ""]

news_token = st.one_of(
    st.sampled_from(WORDS), st.sampled_from(PUNCTUATION), st.sampled_from(QUOTE_MARKS)
)


@st.composite
def news_text(draw: st.DrawFn, max_tokens: int = 80) -> str:
    tokens = draw(st.lists(news_token, max_size=max_tokens))
    spaces = draw(st.lists(st.sampled_from(SPACES), min_size=len(tokens), max_size=len(tokens)))
    return "".join(t + s for t, s in zip(tokens, spaces, strict=True))


TAGS = ["p", "div", "article", "main", "h1", "h2", "span", "b", "a", "figure", "figcaption",
        "script", "style", "nav", "footer", "header", "time", "table", "td", "li", "ul",
        "blockquote", "br", "img", "meta", "title", "html", "body", "head", "section"]  # fmt: skip
ATTRIBUTES = ['', ' class="byline"', ' class="caption"', ' itemprop="author"',
              ' property="og:title" content="A title"', ' charset="utf-8"',
              ' datetime="2024-03-05"', ' href="/x"', ' lang="en"', " hidden"]  # fmt: skip


@st.composite
def html_piece(draw: st.DrawFn) -> str:
    tag = draw(st.sampled_from(TAGS))
    kind = draw(st.sampled_from(["open", "close", "pair", "text", "entity", "comment", "junk"]))
    if kind == "open":
        return f"<{tag}{draw(st.sampled_from(ATTRIBUTES))}>"
    if kind == "close":
        return f"</{tag}>"
    if kind == "pair":
        return f"<{tag}{draw(st.sampled_from(ATTRIBUTES))}>{draw(news_text(20))}</{tag}>"
    if kind == "entity":
        return draw(
            st.sampled_from(["&amp;", "&nbsp;", "&#8220;", "&#x0;", "&bogus;", "&#99999999;"])
        )
    if kind == "comment":
        return draw(
            st.sampled_from(["<!-- c -->", "<!--", "-->", "<![CDATA[x]]>", "<!DOCTYPE html>"])
        )
    if kind == "junk":
        return draw(st.text(max_size=20))
    return draw(news_text(30))


html_ish = st.lists(html_piece(), max_size=40).map("".join)
any_text = st.one_of(st.text(max_size=400), news_text(120))


def _sane_article(article: Article) -> None:
    body = article.body
    assert isinstance(body, str)
    if article.lead:
        assert article.lead.strip() in body or not body
    for block in article.blocks:
        assert isinstance(block.text, str)
    for block in article.blocks:
        if block.role in ("paragraph", "lead") and block.text.strip():
            assert block.text.strip() in body


# -- extraction -----------------------------------------------------------------------------


@FAST
@given(st.one_of(html_ish, st.text(max_size=300)))
def test_html_extraction_never_crashes(html: str) -> None:
    try:
        article = extract_html(html)
    except DatelineError:
        return
    _sane_article(article)


@FAST
@given(any_text)
def test_text_extraction_never_crashes(text: str) -> None:
    try:
        article = extract_text(text)
    except DatelineError:
        return
    _sane_article(article)


# -- quotes, actors and events (one spaCy pipeline for the module) --------------------------


@pytest.fixture(scope="module")
def parse() -> Any:
    from dateline import nlp

    try:
        pipeline = nlp.load()
    except DatelineError as exc:  # no model installed
        pytest.skip(exc.message)
    return pipeline


def _in_body(body: str, start: int, end: int, sentence: str | None) -> None:
    assert 0 <= start <= end <= len(body)
    if sentence is not None:
        assert sentence in body


@NLP
@given(text=news_text(120))
def test_quotes_stay_inside_the_body(parse: Any, text: str) -> None:
    from dateline.quotes import find_quotes

    doc = parse(text)
    for quote in find_quotes(doc):
        _in_body(text, quote.start, quote.end, quote.sentence)
        for start, end in quote.spans:
            assert 0 <= start <= end <= len(text)
        if quote.speaker is not None:
            assert 0 <= quote.speaker.start <= quote.speaker.end <= len(text)


@NLP
@given(text=news_text(120))
def test_events_stay_inside_the_body(parse: Any, text: str) -> None:
    from dateline.actors import find_actors
    from dateline.events import code_events
    from dateline.quotes import find_quotes

    doc = parse(text)
    article = Article(title="Generated", body=text, language="en", published="2024-03-05")
    actors = find_actors(doc, article)
    for entity in actors.entities:
        for mention in entity.mentions:
            assert 0 <= mention.start <= mention.end <= len(text)
    quotes = find_quotes(doc, actors)
    for event in code_events(doc, article, actors, quotes=quotes):
        _in_body(text, event.start, event.end, event.sentence)
        assert text[event.start : event.end] in event.sentence or event.sentence in text
