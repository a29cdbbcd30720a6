"""Roles for the pieces of a page's main text: lead and paragraphs (the body), sub-headings,
teasers, captions, bylines, bios, editors and boilerplate.

trafilatura's XML body (``<head>`` for sub-headings, ``<graphic>`` where a figure was, ``<ref>``
for links) is read into raw pieces (:func:`raw_blocks`); :func:`classify` gives each its role
from its own text, its neighbours and what the raw page marks (:func:`page_signals`: figure
captions and bylines named by class). Only lead and paragraph pieces make an article's body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import islice

from lxml import etree
from lxml.html import HtmlElement

from dateline.extract.html_rules import (
    INVISIBLE,
    is_boilerplate,
    is_closing_line,
    is_date_line,
    is_opening_line,
    is_teaser_heading,
    is_teaser_line,
    norm,
    split_credit,
    squash,
)
from dateline.extract.lines.lexicon import lexicon
from dateline.extract.metadata import PageMeta
from dateline.model import Block, Caption

#: class/id fragments that mark captions and bylines. (Marking furniture containers by class
#: — "related", "newsletter", "share" — was tried and measured: with trafilatura's precision
#: mode it changed no dev-set score, so it is not paid for.)
_MARKER = re.compile(r"(?P<caption>caption|credit)|(?P<byline>byline|author|writer|contributor)")
#: a heading's class that names it an embedded video's or gallery's title
_MEDIA_TITLE = re.compile(r"video[-_]?title|gallery[-_]?title|title[-_]?gallery", re.IGNORECASE)
#: the classes of sub-headings: a media title's, or a story card's headline (:func:`_add_card`)
_HEADING_CLASSES = etree.XPath("//h2/@class | //h3/@class | //h4/@class | //h5/@class")
_EDITED_BY = re.compile(r"^(?:edited|editing|edited and translated) by\s*:?\s*(?P<names>.+)$", re.I)
_BYLINE_LINE = re.compile(r"^by\s+[A-Z]", re.IGNORECASE)
#: a writer's bio: the name, perhaps a phrase set off by commas ("Ann Lee, a former judge,"),
#: then what they are or do; a list bullet or dash may open it
_BIO_VERB = re.compile(
    r"^[•*·–—-]?\s*\S+(?:\s\S+){0,3}(?:,\s[^,]{2,120},)?\s"
    r"(?:is|was|has|covers|writes|joined|reports)\b"
)
_BULLET = re.compile(r"^[•*·–—-]\s*")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?)\]’”%])(?=\s|$|[,.;:!?)\]’”\"'])")
_SPACE_AFTER_OPEN = re.compile(r"([(\[“])\s+")
#: a field's label ("Registration:", "Official site:") and a field whose value is an address
_LABEL = re.compile(r"[^\W\d_][\w'’&/ -]{0,30}:")
_BARE_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
#: the two in one piece, perhaps with a word between ("Tickets: from https://...")
_LABEL_THEN_URL = re.compile(rf"{_LABEL.pattern}\s+(?:\w+\s+)?{_BARE_URL.pattern}", re.IGNORECASE)
#: a linked line this long or ending so is a sentence or a lead-in, not a sub-heading
_SUB_HEADING_WORDS = 12
_NOT_HEADING_END = (".", ",", ";", ":", "!")
#: a piece this long that ends a sentence is prose, not a link's label
_PROSE_CHARS = 80
_LINK_SEPARATOR = re.compile(r"\s[|·•/]\s")
#: the share of a linked line's words the text under it must take up to make it its heading
SUB_HEADING_COHESION = 0.5
_CONTENT_WORD = re.compile(r"[^\W\d_]{3,}")


@dataclass(slots=True)
class PageSignals:
    """What the raw page marks: figure captions and bylines."""

    captions: set[str] = field(default_factory=set)
    bylines: list[str] = field(default_factory=list)
    figures: dict[str, str] = field(default_factory=dict)  # image src -> its figcaption
    #: the titles of embedded videos and galleries (a heading over the player, not the story's)
    media_titles: set[str] = field(default_factory=set)
    #: story cards set in the page (a linked headline over a line or two of summary): each
    #: card's headline and its whole text, normalised
    cards: set[tuple[str, str]] = field(default_factory=set)


#: attribute values come back from XPath as strings: matching them in Python and only then
#: fetching their element is several times cheaper than walking every element; XPath first
#: keeps the values holding a marker's letters (its first left out: "Caption", "caption";
#: an all-capitals "CAPTION" class is missed)
_MARKER_STEMS = ("aption", "redit", "yline", "uthor", "riter", "ontributor")
_HOLDS_STEM = " or ".join(f"contains(., '{stem}')" for stem in _MARKER_STEMS)
#: (the two attribute axes apart: a third faster than testing the name of every attribute)
_CLASS_AND_ID = etree.XPath(f"//@class[{_HOLDS_STEM}] | //@id[{_HOLDS_STEM}]")
_NOT_BYLINE = re.compile(r"bio|about|comment|avatar|social|share|follow|image|photo", re.I)
_SKIP_TAGS = frozenset({"html", "body", "article", "main"})
#: a class or id naming a card ("card", "article-card", "display-card-content"; not "scorecard")
_CARD = re.compile(r"(?<![a-z])cards?(?![a-z])")
#: a card's text is at most this long: a headline and a line or two of summary, not a section
CARD_CHARS = 400
#: how many levels over its headline a card's holder is looked for
CARD_DEPTH = 4
_CARD_HEADINGS = ("h2", "h3", "h4", "h5", "h6")


#: the text a reader sees in an element: not that of a <style> or <script> inside it
_SHOWN_TEXT = etree.XPath(".//text()[not(parent::style) and not(parent::script)]")


def _shown_text(node: HtmlElement) -> str:
    """The element's text without the rules of a stylesheet set inside it (a figure caption
    can carry its own <style>, whose text ``text_content`` would give as the caption)."""
    if node.find(".//style") is None and node.find(".//script") is None:
        return squash(node.text_content())
    return squash(" ".join(_SHOWN_TEXT(node)))


def page_signals(tree: HtmlElement) -> PageSignals:
    signals = PageSignals()
    seen: set[HtmlElement] = set()
    for node in tree.iterfind(".//figcaption"):
        seen.add(node)
        text = _shown_text(node)
        signals.captions.add(norm(text))
        figure = node.getparent()
        for _ in range(3):  # the figure, or a wrapper a level or two up that holds its image
            if figure is None or figure.tag == "figure" or figure.find(".//img") is not None:
                break
            figure = figure.getparent()
        for img in figure.iter("img") if figure is not None else ():
            for attr in ("src", "data-src", "data-original"):
                if src := img.get(attr):
                    signals.figures.setdefault(src.strip(), text)
    for value in _CLASS_AND_ID(tree):
        match = _MARKER.search(value.lower())
        if match is None:
            continue
        node = value.getparent()
        if node is None or node in seen or node.tag in _SKIP_TAGS:
            continue
        seen.add(node)
        if match.lastgroup == "byline":
            if len(signals.bylines) < 6 and not _NOT_BYLINE.search(value):
                text = squash(node.text_content())
                if 2 < len(text) < 120 and text not in signals.bylines:
                    signals.bylines.append(text)
            continue
        text = norm(node.text_content())
        if 0 < len(text) < 600:
            signals.captions.add(text)
    for value in _HEADING_CLASSES(tree):
        if (node := value.getparent()) is None:
            continue
        if _MEDIA_TITLE.search(value):
            signals.media_titles.add(norm(node.text_content()))
        elif node.find(".//a[@href]") is not None:
            _add_card(node, value, signals)
    signals.bylines.extend(_line_under_headline(tree))
    return signals


def _add_card(heading: HtmlElement, value: str, signals: PageSignals) -> None:
    """A story card: a short element named a card ("card", "article-card", "display-card")
    whose one sub-heading (``heading``, of class ``value``) is all a link to another page: the
    linked story's headline, perhaps over a line of its summary. A page sets such cards inside
    its story ("Related", "Read next") as well as beside it. The card is the heading's nearest
    holder named a card, CARD_DEPTH levels up at most, or its parent when the heading's own
    class names it a card's title."""
    card = heading.getparent()
    for _ in range(CARD_DEPTH):
        if card is None or card.tag in _SKIP_TAGS:
            return
        if _CARD.search((card.get("class") or "").lower()):
            break
        card = card.getparent()
    else:
        card = heading.getparent() if _CARD.search(value.lower()) else None
    if card is None or len(card.text_content()) > 4 * CARD_CHARS:  # (unsquashed: indents too)
        return
    if len(list(islice(card.iter(*_CARD_HEADINGS), 2))) != 1:
        return
    text = _spaced_text(card)
    if len(text) > CARD_CHARS:
        return
    title = _spaced_text(heading)
    linked = " ".join(
        squash(link.text_content())
        for link in heading.iter("a")
        if not (link.get("href") or "#").startswith("#")
    )
    if title and len(linked) >= 0.9 * len(title):
        signals.cards.add((norm(title), norm(text)))


def _spaced_text(node: etree._Element) -> str:
    """The element's shown text with its inline pieces spaced as :func:`_text` spaces
    trafilatura's (the card's label, headline and summary do not run together)."""
    return _rejoined(squash(" ".join(_SHOWN_TEXT(node))))


#: a piece this long that a card's text holds is that card's summary (a shorter one, "Read",
#: "More", could be a word of the story)
CARD_PIECE_CHARS = 25


def _in_card(key: str, cards: set[tuple[str, str]]) -> bool:
    """The piece (its :func:`norm`) is a story card's headline or a part of its text."""
    return any(
        key == heading or (len(key) >= CARD_PIECE_CHARS and key in text) for heading, text in cards
    )


#: "Jane Doe | 20.11.2025", "By Jane Doe, March 3, 2024": a name, a separator, then a date
_NAME_THEN_DATE = re.compile(
    r"^(?:by\s+)?[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){1,3}\s*(?:[|·•,–—-]|\bon\b)\s*\S*\d",
    re.IGNORECASE,
)


def _line_under_headline(tree: HtmlElement) -> list[str]:
    """An unmarked byline: the short name-and-date line right under the page's <h1>."""
    h1 = tree.find(".//h1")
    if h1 is None:
        return []
    sibling = h1.getnext()
    for _ in range(2):
        if sibling is None:
            break
        text = squash(sibling.text_content()) if isinstance(sibling.tag, str) else ""
        if text and len(text) < 100 and _NAME_THEN_DATE.match(text):
            return [text]
        sibling = sibling.getnext()
    return []


def _text(element: etree._Element, own: bool = False) -> str:
    """The element's text; ``own``: leaving out the lists nested in it (a list item's
    sub-list is given item by item after it, so its text would come twice)."""
    if len(element) == 0:
        return squash(element.text)
    # inline children (links, emphasis) are joined with a space, then the space trafilatura's
    # element split leaves before punctuation is taken out again
    pieces = _own_text(element) if own else element.itertext()
    return _rejoined(squash(" ".join(pieces)))


def _rejoined(text: str) -> str:
    """Pieces joined with a space, without the space the split left before punctuation and
    after an opening bracket ("Paris ( AFP ) ." -> "Paris (AFP).")."""
    return _SPACE_BEFORE_PUNCT.sub(r"\1", _SPACE_AFTER_OPEN.sub(r"\1", text))


def _own_text(element: etree._Element) -> list[str]:
    """The text of ``element`` outside the lists nested in it (their tails kept)."""
    pieces = [element.text] if element.text else []
    for child in element:
        if child.tag != "list" and isinstance(child.tag, str):
            pieces.extend(_own_text(child))
        if child.tail:
            pieces.append(child.tail)
    return pieces


RawBlock = tuple[str, str, str, bool]


def _in_nested_list(node: etree._Element, top: etree._Element) -> bool:
    """Whether ``node`` sits in a list nested inside ``top``."""
    parent = node.getparent()
    while parent is not None and parent is not top:
        if parent.tag == "list":
            return True
        parent = parent.getparent()
    return False


#: a piece this short is never called a link-only piece: a one- or two-character link (an arrow,
#: a footnote's number) is no menu entry. (It was 20: a row of short linked topic tags after the
#: story, "Markets", "Energy", was kept as body.)
LINK_MIN_CHARS = 3


def _all_link(element: etree._Element, text: str, own: bool = False) -> bool:
    """The whole piece is one or more links: a teaser or a menu, not a sentence; ``own``:
    counting only the links outside the lists nested in it."""
    if len(text) < LINK_MIN_CHARS:
        return False
    refs = element.iter("ref")
    if own:
        refs = (ref for ref in refs if not _in_nested_list(ref, element))
    linked = " ".join(_text(ref) for ref in refs)
    return len(linked) >= 0.9 * len(text)


def raw_blocks(body: etree._Element) -> list[RawBlock]:
    """(kind, text, alt, all-link) in document order; kind is the trafilatura tag."""
    out: list[RawBlock] = []
    for element in body:
        if isinstance(element.tag, str):
            out.extend(_element_blocks(element))
        # text trafilatura leaves after an element, not inside one (a section's first
        # paragraph after its <head>) is a paragraph of its own
        if (tail := squash(element.tail)).strip(INVISIBLE):
            out.append(("p", tail, "", False))
    return out


def _element_blocks(element: etree._Element) -> list[RawBlock]:
    tag = element.tag
    if tag == "graphic":
        src = (element.get("src") or "").split()
        return [("graphic", src[0] if src else "", element.get("alt") or "", False)]
    if tag == "list":
        # an item of a nested list comes after its parent item, which keeps its own words
        return [
            ("item", text, "", _all_link(item, text, own=True))
            for item in element.iter("item")
            if (text := _text(item, own=True)).strip(INVISIBLE)
        ]
    graphics = element.findall(".//graphic")
    alt = " ".join(g.get("alt") or "" for g in graphics)
    text = _text(element)
    if graphics and not text:
        src = (graphics[0].get("src") or "").split()
        return [("graphic", src[0] if src else "", alt, False)]
    if not text.strip(INVISIBLE):  # nothing, or a zero-width spacer
        return []
    return [(str(tag), text, alt, _all_link(element, text))]


#: a writer's bio is looked for among this many last pieces of text (tags and a share bar can
#: follow it; images between them are not counted: a tag list can show one beside each tag)
BIO_REACH = 10


def _is_bio(text: str, authors: list[str]) -> bool:
    if not _BIO_VERB.match(text):
        return False
    key = norm(_BULLET.sub("", text))
    return any(
        key.startswith(norm(name)) or key.startswith(norm(name.split()[0]) + " ")
        for name in authors
        if name.split()
    )


def _repeats(key: str, caption: str) -> bool:
    """``key`` is ``caption`` shown twice (a gallery slide's full, then truncated caption)."""
    return key.startswith(caption) and caption[:40] in key[len(caption) :]


def _caption_like(
    text: str, key: str, previous_kind: str, previous_alt: str, signals: PageSignals
) -> bool:
    """``key``: the text's :func:`norm` (the caller has it already)."""
    if key in signals.captions:
        return True
    if len(key) >= 40 and any(
        key in caption or (len(caption) >= 60 and _repeats(key, caption))
        for caption in signals.captions
    ):
        # a caption whose figcaption also holds a credit or "more" toggle, or a gallery
        # slide that repeats its caption (full, then truncated)
        return True
    if previous_kind != "graphic" or len(text) > 400:
        return False
    alt = norm(previous_alt)
    if len(key) < 25:
        return False
    # (a short alt text - "Flask", a product name - says nothing: a paragraph about the
    # product starts with it too)
    return bool(len(alt) >= 25 and (key.startswith(alt[:40]) or alt.startswith(key[:40]))) or (
        split_credit(text)[1] is not None
    )


def _add_caption(text: str, blocks: list[Block], captions: list[Caption]) -> None:
    if len(text.split()) < 3:  # "more", "less", "1/12": slideshow controls, not captions
        blocks.append(Block("boilerplate", text))
        return
    body_text, credit = split_credit(text)
    if body_text:
        captions.append(Caption(body_text, credit))
        blocks.append(Block("caption", body_text))
    if credit:
        blocks.append(Block("credit", credit))


def _field_value(text: str, blocks: list[Block]) -> bool:
    """An address given as the value of a labelled field: "Registration: https://..." in one
    piece, or the bare address in the piece right under a kept "Registration:" line (an
    event's, a product's or a venue's details). Body text, not a link away from the page."""
    if _LABEL_THEN_URL.fullmatch(text):
        return True
    if not blocks or _BARE_URL.fullmatch(text) is None:
        return False
    previous = blocks[-1]
    return previous.role == "paragraph" and _LABEL.fullmatch(previous.text) is not None


def _content_stems(text: str, length: int = 5) -> set[str]:
    """The first ``length`` letters of each word of ``text`` that is not a stop word."""
    stop = lexicon().stopwords
    words = (w.casefold() for w in _CONTENT_WORD.findall(text))
    return {w[:length] for w in words if w not in stop}


def _prose_follows(raw: list[RawBlock], index: int) -> bool:
    """The piece after the heading at ``index`` is a table or a sentence that is not a link:
    the heading does not open a run of links to elsewhere."""
    following = (piece for piece in raw[index + 1 : index + 3] if piece[0] != "graphic")
    kind, text, _, linked = next(following, ("", "", "", False))
    return kind == "table" or (
        kind in {"p", "item"}
        and not linked
        and len(text) >= _PROSE_CHARS
        and text.rstrip("\"'”’)").endswith((".", "?", "!"))
    )


def _shares_word(heading: str, raw: list[RawBlock], index: int) -> bool:
    """The heading's words after its first ("Top *picks*", "Other *terms*") recur in the two
    pieces after it: it heads them, where a widget's heading left in the story ("Most read",
    "Featured") names nothing the story says."""
    words = _content_stems(heading.split(maxsplit=1)[-1], 4)
    following = " ".join(piece[1] for piece in raw[index + 1 : index + 3])
    return bool(words & _content_stems(following, 4))


def _linked_sub_heading(text: str, raw: list[RawBlock], index: int) -> bool:
    """A short linked line that heads the text under it: a roundup's entry name linked to the
    product or place (trafilatura gives a linked <h3> as a paragraph). It is the heading when
    the piece right after it is prose and the text up to the next heading takes up at least
    SUB_HEADING_COHESION of its words; a link to another story names things the text under
    it does not."""
    if (
        len(text.split()) > _SUB_HEADING_WORDS
        or text.endswith(_NOT_HEADING_END)
        or _LINK_SEPARATOR.search(text)  # "Download | Data": a row of links
        or text.count("(") != text.count(")")  # a sentence's linked fragment
    ):
        return False
    words = _content_stems(text)
    following = [piece for piece in raw[index + 1 : index + 5] if piece[0] != "graphic"]
    if not words or not following:
        return False
    kind, first, _, linked = following[0]
    if kind not in {"p", "item"} or linked or len(first) < _PROSE_CHARS:
        return False
    section = []
    for kind, piece, _, _ in following:
        if kind == "head":
            break
        section.append(piece)
    shared = words & _content_stems(" ".join(section))
    return len(shared) >= SUB_HEADING_COHESION * len(words)


#: a heading over the story holding the headline with a few characters more or fewer is the
#: headline again
HEADLINE_SHARE = 0.8


def _headline(key: str, title_key: str) -> bool:
    """The heading ``key`` over the story is the page's headline (``title_key``, both
    normalised) with a label added, left out or moved ("WATCH: ...", "... [Video]"). (A
    heading equal to the headline is the headline anywhere: the story's header repeats it
    after a kicker or a video, and a sub-heading never says the whole headline.)"""
    if not title_key or not key:
        return False
    heading, title = _alnum_words(key), _alnum_words(title_key)
    if sorted(heading.split()) == sorted(title.split()):
        return True  # the same words, a label moved ("WATCH: ..." over "... [Watch]")
    short, long = sorted((heading, title), key=len)
    return bool(short) and short in long and len(short) >= HEADLINE_SHARE * len(long)


def _alnum_words(text: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", text))


#: a run of at least this many pieces, holding at least COPY_CHARS characters and COPY_SHARE
#: of the text of all pieces, that repeats pieces met earlier in the same order is a second
#: copy of the story (a meal plan's or a schedule's repeated entries are a small share)
COPY_PIECES = 3
COPY_CHARS = 500
COPY_SHARE = 0.2


def _copies(raw: list[RawBlock]) -> set[int]:
    """The indices of pieces that repeat the story: a page that prints its body twice or more
    (for a print, an app or a mobile layout) gives trafilatura every copy. A long run of pieces
    that repeats, piece by piece, pieces met earlier is the copy; a paragraph repeated alone
    (a pull quote, a recap line) or a few entries a plan repeats day after day are not."""
    first: dict[str, int] = {}
    copies: set[int] = set()
    least = max(COPY_CHARS, COPY_SHARE * sum(len(piece[1]) for piece in raw))
    index = 0
    while index < len(raw):
        text = raw[index][1]
        earlier = first.get(text)
        if earlier is None or raw[index][0] == "graphic":
            first.setdefault(text, index)
            index += 1
            continue
        length = 0
        while (
            index + length < len(raw)
            and earlier + length < index
            and raw[index + length][1] == raw[earlier + length][1]
        ):
            length += 1
        run = range(index, index + length)
        if length >= COPY_PIECES and sum(len(raw[i][1]) for i in run) >= least:
            copies.update(run)
        index += length
    return copies


#: a paragraph under a teaser line this short can be the linked story's summary on its card
CARD_SUMMARY_CHARS = 300
#: a paragraph this long after a run of cards is prose: the cards were links inside the story
CARD_TAIL_CHARS = 100
BODY_ROLES = frozenset({"lead", "paragraph"})


def _card_summaries(blocks: list[Block]) -> None:
    """Two or more story cards in a row under a heading after the story (a "Deep dive" or
    "More from" box: a linked headline, then the linked story's one-line summary, and again)
    give their summaries as paragraphs between teaser lines; each such summary is a teaser
    too. Cards with no heading over them, or followed by prose, are left alone (a story can
    link lines to other stories between its paragraphs), and so is one card alone."""
    cards: set[int] = set()
    for index in range(1, len(blocks) - 3):
        if blocks[index - 1].role != "heading" and index - 1 not in cards:
            continue
        if all(
            block.role == ("teaser" if offset % 2 == 0 else "paragraph")
            and (offset % 2 == 0 or len(block.text) < CARD_SUMMARY_CHARS)
            for offset, block in enumerate(blocks[index : index + 4])
        ):
            cards.update((index + 1, index + 3))
    for index in sorted(cards, reverse=True):
        if any(
            block.role in BODY_ROLES and len(block.text) >= CARD_TAIL_CHARS and later not in cards
            for later, block in enumerate(blocks[index + 1 :], index + 1)
        ):
            break  # prose follows: these and the cards before them are inside the story
        blocks[index] = Block("teaser", blocks[index].text)


def classify(
    raw: list[RawBlock], meta: PageMeta, signals: PageSignals
) -> tuple[list[Block], list[Caption], list[str]]:
    """Give every piece a role; returns blocks, captions and editors."""
    blocks: list[Block] = []
    captions: list[Caption] = []
    editors: list[str] = []
    title_key = norm(meta.title)
    in_teasers = False
    last_kind = last_alt = ""
    body_seen = 0
    placed: set[str] = set()
    copies = _copies(raw)
    # the first index of the last BIO_REACH pieces of text
    texts = [index for index, piece in enumerate(raw) if piece[0] != "graphic"]
    bio_from = texts[-BIO_REACH] if len(texts) >= BIO_REACH else 0
    for index, (kind, text, alt, linked) in enumerate(raw):
        prev_kind, prev_alt = last_kind, last_alt
        last_kind, last_alt = kind, alt
        if index in copies:
            blocks.append(Block("boilerplate", text))
            continue
        if kind == "graphic":
            figure_caption = signals.figures.get(text)
            if figure_caption and norm(figure_caption) not in placed:
                placed.add(norm(figure_caption))
                _add_caption(figure_caption, blocks, captions)
            continue
        key = norm(text)
        role = "heading" if kind == "head" else "paragraph"
        if kind == "head" and key in signals.media_titles:
            if key not in placed:  # an embedded video's or gallery's title: its caption
                placed.add(key)
                _add_caption(text, blocks, captions)
            continue
        if kind == "head":
            in_teasers = is_teaser_heading(text)
            if in_teasers and _prose_follows(raw, index):
                # a widget's heading left over in the story, or a section's own: no run
                in_teasers = False
                role = "heading" if _shares_word(text, raw, index) else "teaser"
            elif in_teasers:
                role = "teaser"
            if role == "heading" and is_boilerplate(text):
                role = "boilerplate"  # a widget's heading ("Thanks for signing up!")
        elif in_teasers:
            # a teaser run holds link-like lines; the first real paragraph ends it
            if index >= bio_from and _is_bio(text, meta.authors):
                role = "bio"
            elif kind == "table" or (
                len(text) > 150 and text.rstrip("\"'”’)").endswith((".", "?", "!"))
            ):
                in_teasers = False  # a data table is no link to elsewhere
            else:
                role = "teaser"
        if signals.cards and _in_card(key, signals.cards):
            role = "teaser"  # a story card set in the story: another story's headline, summary
        elif role in {"heading", "teaser", "bio"}:
            pass
        elif body_seen == 0 and title_key and key == title_key:
            role = "title"
        elif (edited := _EDITED_BY.match(text)) is not None:
            role = "editor"
            editors.extend(n.strip() for n in re.split(r",|\band\b", edited["names"]) if n.strip())
        elif _caption_like(text, key, prev_kind, prev_alt, signals):
            if key not in placed:
                placed.add(key)
                _add_caption(text, blocks, captions)
            continue
        elif _field_value(text, blocks):
            pass  # "Website: https://..." in a list of an entry's details
        elif is_teaser_line(text):
            role = "teaser"
        elif is_boilerplate(text) or is_date_line(text):
            role = "boilerplate"
        elif linked and kind != "item" and not text.endswith((".", '."', ".”")):
            role = "heading" if _linked_sub_heading(text, raw, index) else "teaser"
        elif body_seen == 0 and len(text) < 120 and _BYLINE_LINE.match(text):
            role = "byline"
        elif index >= bio_from and _is_bio(text, meta.authors):
            role = "bio"
        if role == "heading" and (
            key == title_key or (body_seen == 0 and _headline(key, title_key))
        ):
            role = "title"
        if role == "paragraph":
            body_seen += 1
        blocks.append(Block(role, text))
    _card_summaries(blocks)
    paragraphs = [index for index, block in enumerate(blocks) if block.role == "paragraph"]
    if len(paragraphs) > 1 and is_closing_line(blocks[paragraphs[-1]].text):
        # the story's last paragraph is a pitch ("Want more ...? Sign up ..."): furniture
        blocks[paragraphs[-1]] = Block("boilerplate", blocks[paragraphs[-1]].text)
    if len(paragraphs) > 1 and is_opening_line(blocks[paragraphs[0]].text):
        # the story's first paragraph is the desk's note ("Editor's note: ..."): furniture
        blocks[paragraphs[0]] = Block("boilerplate", blocks[paragraphs[0]].text)
    for index in range(len(blocks) - 1, -1, -1):
        role = blocks[index].role
        if role == "paragraph":
            break
        if role == "heading":
            blocks[index] = Block("boilerplate", blocks[index].text)
    return blocks, captions, editors
