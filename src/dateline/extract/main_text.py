"""The story's text from trafilatura: which of its modes to trust on a page.

A page that declares itself a news story (a NewsArticle type in its JSON-LD) goes to
trafilatura's precision mode first (measured on the dev sets, it drops trailing promos and
appended stories that the balanced mode keeps), in its fast form — no second opinion from
its fallback extractors, about half the cost — and in full when the fast pass keeps little of
the page or misses the headline's words. The balanced and recall modes are the fallbacks for
pages where precision finds next to nothing.

Any other page (a guide, a listicle, a blog post, a product page) goes to the balanced mode
first: precision mode drops their list items and the sections after an in-body heading.
When its fast pass keeps under half of a short page's text, the full pass (trafilatura's
comparison with readability and jusText) is tried, and kept unless it is a dump of the whole
page; so it is when the fast pass gives the page as one lump, menus and all, and then its
pick stands though shorter. Images are left out of this mode's passes: with them kept,
trafilatura keeps caption blocks and its fallback comparison is guarded, which on the dev
sets lost list pages.
When trafilatura finds no story frame on such a page and falls back to gathering the page's
loose paragraphs, it reads no lists and no headings: recall mode's lists that sit among those
paragraphs (a guide's steps, a ranked list's entries) and the page's sub-headings between
them are put back; on a news page whose precision pass came from that recovery, the
sub-headings are put back the same way.
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Callable
from typing import Any

import trafilatura
from lxml import etree
from lxml.html import HtmlElement
from trafilatura import main_extractor
from trafilatura.settings import CUT_EMPTY_ELEMS
from trafilatura.xml import delete_element

from dateline.extract.html_rules import INVISIBLE, squash

#: fewer characters than this from trafilatura's precision and balanced modes: try recall mode
MIN_CHARS = 200
_PAGE_TEXT = etree.XPath(
    "//p//text() | //li//text() | //h2//text() | //h3//text()", smart_strings=False
)
#: precision mode's text under this share of the page's paragraph text: it missed the story
RECALL_RETRY_SHARE = 0.1
#: the fast precision pass's text, short (under FAST_SHORT_CHARS) and under this share of the
#: page's paragraph text, or under RECALL_RETRY_SHARE of it, or under FAST_MIN_CHARS: run the
#: full precision pass (measured: the fast one costs about half and is as good elsewhere)
FAST_SHARE = 0.35
FAST_SHORT_CHARS = 3000
FAST_MIN_CHARS = 500
#: precision mode's text under this share of the page's JSON-LD articleBody: it cut the story
DECLARED_SHARE = 0.6
#: JSON-LD types of a news story (schema.org's NewsArticle and its subtypes)
NEWS_KINDS = frozenset(
    {
        "NewsArticle",
        "AnalysisNewsArticle",
        "AskPublicNewsArticle",
        "BackgroundNewsArticle",
        "OpinionNewsArticle",
        "ReportageNewsArticle",
        "ReviewNewsArticle",
    }
)
#: balanced mode's fast text under this share of the page's text and under BALANCED_FULL_CHARS:
#: run its full pass (measured on the tune halves: 0.35 and 3000 leave list pages cut)
BALANCED_FULL_SHARE = 0.5
BALANCED_FULL_CHARS = 6000
#: the full pass's text over this share of the page's text (more than all its paragraphs, list
#: items and headings hold) is a fallback extractor's dump of the whole page, not the story:
#: the fast pass's text is kept unless it is next to nothing
DUMP_SHARE = 1.0
#: a fast balanced pass that gives at least this many characters as one single piece has
#: lumped the page together: the full pass is run, and its text kept when it holds at least
#: LUMP_SHARE of the lump's
LUMP_CHARS = 2000
LUMP_SHARE = 0.5


class _Recoveries(threading.local):
    """How many times trafilatura fell back to its wild-text recovery, in this thread."""

    count = 0


_RECOVERIES = _Recoveries()


def _counted(recover: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(recover)
    def counting(*args: Any, **kwargs: Any) -> Any:
        _RECOVERIES.count += 1
        return recover(*args, **kwargs)

    return counting


# trafilatura's last resort when its main pass finds no story frame ("wild" text: every
# paragraph, quote, code block and table of the page) reads no lists and no headings. Its
# result says nothing of the path it took, so the calls are counted (the function is the
# same, only counted); without it in a later trafilatura, no pass is ever taken for wild.
if hasattr(main_extractor, "recover_wild_text"):
    main_extractor.recover_wild_text = _counted(main_extractor.recover_wild_text)


def _trafilatura(
    tree: HtmlElement,
    *,
    precision: bool,
    recall: bool = False,
    fast: bool = False,
    images: bool = True,
) -> tuple[etree._Element | None, int]:
    """trafilatura's XML body and the length of its text (it copies the tree first), images
    not counted: the rendered text writes each image's address and caption, which made a
    gallery of product cards look like a story found."""
    result = trafilatura.bare_extraction(
        tree,
        url=None,  # links are kept only to spot link-only pieces: no need to resolve them
        favor_precision=precision,
        favor_recall=recall,
        fast=fast,
        include_comments=False,
        include_images=images,
        include_tables=True,
        include_links=True,
        with_metadata=False,
    )
    if result is None or isinstance(result, dict):
        return None, 0
    text = result.text or ""
    return result.body, len(_IMAGE.sub("", text) if images else text)


_WORD = re.compile(r"\w{5,}")
#: An image as trafilatura's text writes it, on a line of its own: ![caption](address).
_IMAGE = re.compile(r"\n?!\[[^\]]*\]\([^)]*\)")


def _about(body: etree._Element | None, title: str | None) -> bool:
    """The text shares a word with the headline: it is the story, not a block of teasers."""
    words = {w.casefold() for w in _WORD.findall(title or "")}
    if body is None or not words:
        return body is not None
    text = " ".join(body.itertext()).casefold()
    return any(word in text for word in words)


_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def _heading_anchor(element: HtmlElement) -> bool:
    """A link from a heading to its own place on the page (``<h2><a href="#costs">Costs</a>``,
    or an empty ``<a class="anchor" href="#costs">`` before its text)."""
    if not (element.get("href") or "").startswith("#"):
        return False
    parent = element.getparent()
    for _ in range(2):  # the heading, or a <b>/<span> in it
        if parent is None:
            return False
        if parent.tag in _HEADINGS:
            return True
        parent = parent.getparent()
    return False


_ID_WORDS = re.compile(r"[^\W_]+")
#: an id of at least this many words can be a heading's text made into an anchor
_SLUG_WORDS = 3
#: how far down the first-child line the section's heading is looked for
_HEADING_DEPTH = 4


def _slug(text: str) -> str:
    return "-".join(_ID_WORDS.findall(text.casefold()))


def _heading_slug_id(element: etree._Element, value: str) -> bool:
    """The element's id is the text of the heading it opens (or its own text) made into an
    anchor: ``<div id="tips-for-a-first-visit"><h2>Tips for a first visit</h2>``. Such an id
    names the section, not a layout part, but trafilatura reads its words as one ("menu",
    "nav", "related"...) and drops the section with its heading."""
    key = _slug(value)
    if key.count("-") < _SLUG_WORDS - 1:
        return False
    heading = element
    for _ in range(_HEADING_DEPTH):  # the heading itself, or the first child a level or more down
        if heading.tag in _HEADINGS or heading.tag == "span":
            return _slug(" ".join(heading.itertext())).startswith(key)
        if len(heading) == 0 or not isinstance(heading[0].tag, str):
            return False
        heading = heading[0]
    return False


def _textless_link(element: etree._Element) -> bool:
    """A link with no text of its own (an image's, an icon's, a bare ``<a name>``) and text
    after it. trafilatura gives an element without text the text that follows it (and with
    images left out, an image link has none): the sentence after the image became the link's
    label, and the paragraph a link-only teaser."""
    tail = element.tail
    return bool(tail and not tail.isspace()) and not any(
        text.strip() for text in element.itertext()
    )


def drop_empty_elements(tree: HtmlElement) -> None:
    """Remove the empty layout and inline elements trafilatura would remove, keeping the text
    that follows each. Its precision mode removes them with that text (it drops the element's
    tail): the words of a paragraph up to the first link after an empty <span> or <em> were
    lost, a sentence cut in two. Balanced mode keeps the tails; doing it first, once, gives
    precision mode the same text.

    In the same walk, a heading's link to its own anchor is unwrapped (its text kept): it
    points nowhere else, but precision mode deletes headings by their link density, so every
    sub-heading of a page with self-linked headings was lost. And an id that is a heading's
    text made into an anchor is removed (:func:`_heading_slug_id`)."""
    empty = []
    anchors = []
    for element in tree.iterdescendants(*CUT_EMPTY_ELEMS, "a"):
        if element.tag == "a":
            if _heading_anchor(element) or _textless_link(element):
                anchors.append(element)
        elif element.text is None and len(element) == 0:
            empty.append(element)
        elif (value := element.get("id")) and _heading_slug_id(element, value):
            del element.attrib["id"]
    for element in empty:
        delete_element(element, keep_tail=True)  # the tail joins what comes before it
    for anchor in anchors:
        _unwrap(anchor)


def _unwrap(element: etree._Element) -> None:
    """Take ``element`` out of the tree, leaving its text, children and tail in its place."""
    parent = element.getparent()
    if parent is None:
        return
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + (element.text or "")
    else:
        parent.text = (parent.text or "") + (element.text or "")
    index = parent.index(element)
    children = list(element)
    for offset, child in enumerate(children):
        parent.insert(index + offset, child)  # moves it out of ``element``
    last = children[-1] if children else previous
    if last is not None:
        last.tail = (last.tail or "") + (element.tail or "")
    else:
        parent.text = (parent.text or "") + (element.tail or "")
    element.tail = None
    parent.remove(element)


def main_text(
    tree: HtmlElement, declared: int = 0, title: str | None = None, news: bool = True
) -> etree._Element | None:
    """trafilatura's XML body of the page, its mode chosen as the module docstring says;
    ``declared`` is the length of the story text the page declares (JSON-LD articleBody):
    precision well short of it means precision cut the story; ``news``: the page declares
    itself a news story. Empty elements are removed from ``tree`` first
    (:func:`drop_empty_elements`)."""
    drop_empty_elements(tree)
    if not news:
        return _balanced_first(tree, declared)
    recoveries = _RECOVERIES.count
    body, found = _trafilatura(tree, precision=True, fast=True)
    fast_body = body if _RECOVERIES.count > recoveries else None
    page_text = sum(len(t) for t in _PAGE_TEXT(tree))
    off_topic = not _about(body, title)
    if (
        off_topic
        or found < RECALL_RETRY_SHARE * page_text
        or (found < FAST_SHARE * page_text and found < FAST_SHORT_CHARS)
        or found < FAST_MIN_CHARS
        or found < DECLARED_SHARE * declared
    ):
        # the fast pass (no second opinion from trafilatura's fallback extractors) kept
        # little of the page, or not the story: the full precision pass compares its pick
        # with readability's and jusText's
        full, length = _trafilatura(tree, precision=True)
        if length > found or (off_topic and full is not None):
            body, found = full, length
    if found >= DECLARED_SHARE * declared and found >= RECALL_RETRY_SHARE * page_text:
        if body is not None and body is fast_body:
            # the story came from the wild-text recovery, which reads no headings (its
            # lists, taken from recall mode on other pages, changed no news page measured)
            _insert_headings(body, tree)
        return body
    balanced, length = _trafilatura(tree, precision=False)
    if length > found:
        body, found = balanced, length
    return _recall_if_empty(tree, body, found)


def _balanced_first(tree: HtmlElement, declared: int) -> etree._Element | None:
    """A page that is not a news story: balanced mode, fast, then in full when the fast pass
    kept little of the page (unless the full pass dumps the whole page), recall mode when it
    found next to nothing."""
    recoveries = _RECOVERIES.count
    body, found = _trafilatura(tree, precision=False, fast=True, images=False)
    page_text = sum(len(t) for t in _PAGE_TEXT(tree))
    if _RECOVERIES.count > recoveries and body is not None and body.find(".//item") is None:
        # the story came from the wild-text recovery, which drops lists and headings: recall
        # mode reads the lists (a guide's steps, a ranked list's entries); its lists that sit
        # among the story's pieces, and the page's headings between them, are put back
        listed, _ = _trafilatura(tree, precision=False, recall=True, fast=True, images=False)
        if listed is not None and listed.find("list") is not None:
            found += _insert_lists(body, listed)
        found += _insert_headings(body, tree)
    # the whole text in one piece: a fallback's lump of the page, furniture and all; the full
    # pass weighs it against the other extractors' picks, and its pick stands though shorter
    lump = body is not None and len(body) == 1 and found >= LUMP_CHARS
    if (
        lump
        or found < RECALL_RETRY_SHARE * page_text
        or (found < BALANCED_FULL_SHARE * page_text and found < BALANCED_FULL_CHARS)
        or found < FAST_MIN_CHARS
        or found < DECLARED_SHARE * declared
    ):
        full, length = _trafilatura(tree, precision=False, images=False)
        dump = length > DUMP_SHARE * page_text and found >= RECALL_RETRY_SHARE * page_text
        if (length > found or (lump and length >= LUMP_SHARE * found)) and not dump:
            body, found = full, length
    return _recall_if_empty(tree, body, found)


def _key(element: etree._Element) -> str:
    return squash(" ".join(element.itertext()))


def _by_key(body: etree._Element) -> dict[str, etree._Element]:
    """``body``'s pieces by their text (pieces with no text left out)."""
    return {key: element for element in body if (key := _key(element))}


def _insert_lists(body: etree._Element, listed: etree._Element) -> int:
    """Move into ``body`` the top-level lists of ``listed`` (another pass over the same page)
    that come between two pieces both passes hold, or right after the last of them with no
    other piece between; returns the length of their text. A list before the story's first
    piece (a menu, a contents box) or after what follows it (a footer's links) is left out,
    and so is one whose items ``body`` already holds as paragraphs."""
    places = _by_key(body)
    anchor: etree._Element | None = None  # the last piece both hold, in ``body``
    between: list[etree._Element] = []  # pieces since the anchor (its lists are placed)
    adjoining: list[etree._Element] = []  # ... before any other piece
    added = 0
    for element in list(listed):
        key = _key(element)
        if key in places:
            added += _place(anchor, between)
            anchor, between, adjoining = places[key], [], []
        elif anchor is None or not key:
            continue
        elif element.tag != "list":
            between.append(element)  # not placed; breaks the adjoining run
        elif not any(_key(item) in places for item in element.iter("item")):
            between.append(element)
            if len(adjoining) == len(between) - 1:  # no other piece came between
                adjoining.append(element)
    return added + _place(anchor, adjoining)


_SUB_HEADINGS = ("h2", "h3", "h4")
#: more headings than this between two pieces are a run of links' titles, not sub-headings
GAP_HEADINGS = 3


def _insert_headings(body: etree._Element, tree: HtmlElement) -> int:
    """Put into ``body`` the page's sub-headings that stand between two pieces that follow
    each other in ``body`` too (the wild-text recovery reads no headings); returns the length
    of their text. A heading before the first piece or after the last heads no story text,
    a heading that is a link to elsewhere is a teaser, and more than GAP_HEADINGS between two
    pieces are a sidebar's titles or a folded list of questions: they are left out."""
    # (pieces that show text, counted without the blank or invisible spacers between them)
    places = {key: element for element in body if (key := _key(element).strip(INVISIBLE))}
    pieces = {element: index for index, element in enumerate(places.values())}
    anchor: etree._Element | None = None  # the last piece of ``body`` met in the page
    waiting: list[etree._Element] = []  # headings met since
    added = 0
    for element in tree.iter("p", "table", "ul", "ol", *_SUB_HEADINGS):
        key = _key(element).strip(INVISIBLE)
        if key in places:
            piece = places[key]
            if (
                anchor is not None
                and pieces[piece] == pieces[anchor] + 1
                and len(waiting) <= GAP_HEADINGS
            ):
                for heading in waiting:
                    anchor.addnext(heading)
                    anchor = heading
                    added += len(heading.text or "")
            anchor, waiting = piece, []
        elif element.tag in _SUB_HEADINGS and key and not _links_away(element, key):
            waiting.append(etree.Element("head", rend=str(element.tag)))
            waiting[-1].text = key
    return added


def _links_away(element: etree._Element, key: str) -> bool:
    """Most of the element's text is a link to another page."""
    linked = sum(
        len(_key(link)) for link in element.iter("a") if not link.get("href", "#").startswith("#")
    )
    return linked >= 0.5 * len(key)


def _place(anchor: etree._Element | None, lists: list[etree._Element]) -> int:
    """Put ``lists`` after ``anchor``, in order; the length of their text."""
    added = 0
    for element in lists:
        if anchor is None or element.tag != "list":
            continue
        anchor.addnext(element)
        anchor = element
        added += len(_key(element))
    return added


def _recall_if_empty(
    tree: HtmlElement, body: etree._Element | None, found: int
) -> etree._Element | None:
    """Nothing at all: broken markup can nest the whole story in an element trafilatura drops
    wholesale (an unclosed newsletter pop-up <aside>); its recall mode keeps it."""
    if found < MIN_CHARS:
        recalled, length = _trafilatura(tree, precision=False, recall=True)
        if length > found:
            return recalled
    return body
