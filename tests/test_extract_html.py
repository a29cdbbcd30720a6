"""extract_html on small invented news pages: every Article field, the roles of the pieces of
a whole page, and the main text trafilatura's passes find. The roles of pieces given alone
(``dateline.extract.blocks``) are in ``test_extract_blocks.py``."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from trafilatura.utils import load_html

from dateline.errors import ExtractionError
from dateline.extract.html import extract_html
from dateline.extract.main_text import _about, _insert_lists, drop_empty_elements, main_text
from dateline.model import Article, Caption

FIXTURES = Path(__file__).parent / "fixtures" / "html"


def page(name: str, url: str | None = None) -> Article:
    return extract_html((FIXTURES / name).read_text(encoding="utf-8"), url=url)


@pytest.fixture(scope="module")
def wire() -> Article:
    return page("wire_jsonld.html")


@pytest.fixture(scope="module")
def og() -> Article:
    return page("opengraph_meta.html")


def roles(article: Article, role: str) -> list[str]:
    return [b.text for b in article.blocks if b.role == role]


def test_wire_story_fields(wire: Article) -> None:
    assert wire.title == "Balkan leaders back joint power grid plan at Skopje summit"
    assert wire.outlet == "Balkan Wire"
    assert wire.authors == ["Jane Doe", "Petrit Hoxha"]
    assert wire.editors == ["Mark Small"]
    assert wire.published is not None and wire.published.startswith("2024-05-15")
    assert wire.language == "en"
    assert wire.dateline == "Skopje"
    assert wire.section == "Europe"
    assert wire.topics == ["North Macedonia", "Serbia", "Energy"]
    assert wire.url and wire.url.startswith("https://www.balkanwire.example/world/")


def test_lead_and_body(wire: Article) -> None:
    assert wire.lead and wire.lead.startswith("SKOPJE, May 15 (Balkan Wire) - Leaders")
    paragraphs = wire.body.split("\n\n")
    assert paragraphs[0] == wire.lead
    assert len(paragraphs) == 5
    assert paragraphs[-1].startswith("The two countries also agreed to set up")
    assert roles(wire, "lead") == [wire.lead]


def test_headings_are_kept_apart_from_body(wire: Article) -> None:
    assert wire.headings == ["A fund for the power lines"]
    assert "A fund for the power lines" not in wire.body


def test_captions_with_credits(wire: Article) -> None:
    assert wire.captions == [
        Caption("Leaders pose for a family photo at the summit in Skopje.", "Arben Celi/AP")
    ]
    assert "family photo" not in wire.body
    assert roles(wire, "credit") == ["Arben Celi/AP"]


def test_bio_editor_teasers_and_furniture_are_not_body(wire: Article) -> None:
    assert roles(wire, "bio") == [
        "Jane Doe is a correspondent covering south-eastern Europe from Skopje."
    ]
    assert roles(wire, "editor") == ["Edited by: Mark Small"]
    for text in (
        "correspondent covering",
        "Edited by",
        "Sign up",
        "a common timetable",
        "©",
    ):
        assert text not in wire.body


def test_block_order(wire: Article) -> None:
    order = [b.role for b in wire.blocks]
    assert order[0] == "title"
    assert order.index("lead") < order.index("caption") < order.index("heading")
    assert order[-1] == "bio"


def test_opengraph_page(og: Article) -> None:
    assert og.title == "Kyiv opens new rail link to Poland"
    assert og.outlet == "Daily Example"
    assert og.authors == ["Anna Berg", "Tom Lee"]
    assert og.dateline == "Kyiv"
    assert og.section == "Transport"
    assert og.headings == ["Faster journeys west"]


def test_related_links_are_teasers(og: Article) -> None:
    teasers = roles(og, "teaser")
    assert "Read more: Grain corridor reopens as ships return to Odesa" in teasers
    # the "More from" block is dropped by trafilatura or kept as teaser: never body
    for text in ("Grain corridor", "Bus drivers", "More from"):
        assert text not in og.body


def test_time_element_page() -> None:
    article = page("time_element.html")
    assert article.authors == ["Sam Field"]
    assert article.published is not None and article.published.startswith("2023-05-04")
    assert article.language is None  # no <html lang>: the pipeline detects it
    assert article.url is None


def test_given_url_and_host_outlet() -> None:
    url = "https://www.lokal.example/2022/03/11/bibliothek-oeffnungszeiten"
    article = page("url_date.html", url=url)
    assert article.url == url
    assert article.outlet == "lokal.example"
    assert article.published == "2022-03-11"
    assert article.language == "de"
    assert article.body.startswith("Die Stadtbibliothek")


def test_no_text_is_e201() -> None:
    with pytest.raises(ExtractionError) as info:
        page("no_text.html")
    assert info.value.code == "E201"


@pytest.mark.parametrize("html", ["", "   \n  "])
def test_unparseable_is_e202(html: str) -> None:
    with pytest.raises(ExtractionError) as info:
        extract_html(html)
    assert info.value.code == "E202"


def test_every_block_role_is_known(wire: Article, og: Article) -> None:
    from dateline.model import BLOCK_ROLES

    for article in (wire, og):
        assert {b.role for b in article.blocks} <= set(BLOCK_ROLES)


def test_organisation_byline_is_kept_when_no_person_is_named() -> None:
    article = page("org_credit.html")
    assert article.authors == ["Northern Wire Service"]


def test_story_nested_in_an_unclosed_popup_is_still_found() -> None:
    # broken markup puts the whole page inside a newsletter <aside> that trafilatura drops
    article = page("popup_nesting.html")
    assert article.body.startswith("Councillors voted on Tuesday night")
    assert len(article.body.split("\n\n")) == 4


def test_widget_headings_and_short_alt_texts() -> None:
    article = page("gallery_widgets.html")
    assert "Thanks for signing up!" not in article.headings
    assert roles(article, "boilerplate") == ["Thanks for signing up!"]
    # the image's alt text "Barrier" does not make the paragraph after it a caption
    assert any(p.startswith("Barrier panels slot") for p in article.body.split("\n\n"))


def test_fast_pass_result_must_share_a_word_with_the_headline() -> None:
    story = etree.fromstring("<body><p>More than 100 protesters were killed.</p></body>")
    teasers = etree.fromstring("<body><p>Armenia named most popular spot.</p></body>")
    title = "Amnesty: more than 100 protesters killed in unrest"
    assert _about(story, title)
    assert not _about(teasers, title)


def test_text_after_an_empty_element_is_kept() -> None:
    """trafilatura's precision mode drops an empty element with the text that follows it; we
    remove empty elements first, keeping that text, so no sentence loses its opening words."""
    paragraph = (
        "<p><span class='anchor'></span>Harbour workers in the northern port returned to work "
        "on Friday after their union accepted an offer from the <a href='/a'>port authority</a>"
        ", ending a strike that had stranded ships for three weeks.</p>"
    )
    filler = "<p>" + "The dispute began over pay and the length of shifts at the docks. " * 4
    html = (
        "<html><head><title>Harbour workers end strike</title></head><body><article>"
        "<h1>Harbour workers end strike</h1>"
        + paragraph
        + filler
        + "</p>"
        + paragraph.replace("Harbour workers", "Crane operators")
        + "</article></body></html>"
    )
    article = extract_html(html)
    assert "Harbour workers in the northern port returned to work" in article.body
    assert "Crane operators in the northern port returned to work" in article.body

    tree = etree.fromstring("<div><p><em></em>kept <span></span>too</p><img/></div>")
    drop_empty_elements(tree)
    assert etree.tostring(tree, encoding="unicode") == "<div><p>kept too</p><img/></div>"


def _guide_page(kind: str | None) -> str:
    """An invented how-to page whose second section sits in a block precision mode prunes (a
    bordered box); ``kind`` is its JSON-LD @type, if any."""
    ld = (
        f'<script type="application/ld+json">{{"@type": "{kind}", "headline": "Repotting"}}'
        "</script>"
        if kind
        else ""
    )
    intro = "<p>" + "Repotting a houseplant in spring gives its roots fresh soil and room. " * 4
    boxed = (
        "<div style='border: 1px solid'><h2>Choosing the new pot</h2><p>"
        + "Pick a pot one size larger with a drainage hole in its base, never two sizes. " * 4
        + "</p></div>"
    )
    return (
        f"<html><head><title>Repotting a houseplant</title>{ld}</head><body><article>"
        "<h1>Repotting a houseplant</h1>"
        + intro
        + "</p>"
        + boxed
        + intro.replace("Repotting a houseplant in spring", "Watering after repotting")
        + "</p></article></body></html>"
    )


def test_pages_that_are_not_news_are_read_in_balanced_mode() -> None:
    """A guide, listicle or product page (no NewsArticle type) goes to trafilatura's balanced
    mode, which keeps the sections its precision mode prunes; a news story keeps precision."""
    kept = "Pick a pot one size larger with a drainage hole"
    assert kept in extract_html(_guide_page(None)).body
    assert kept in extract_html(_guide_page("BlogPosting")).body
    assert kept not in extract_html(_guide_page("NewsArticle")).body
    tree = load_html(_guide_page(None))
    assert tree is not None
    balanced = main_text(tree, news=False)
    assert balanced is not None and kept in " ".join(balanced.itertext())


def _passes(fast_body: etree._Element, full_body: etree._Element):  # type: ignore[no-untyped-def]
    """A stand-in for ``main_text._trafilatura``: ``fast_body`` from a fast pass, ``full_body``
    from a full one, each with the length of its text."""

    def fake(tree, *, precision, recall=False, fast=False, images=True):  # type: ignore[no-untyped-def]
        body = fast_body if fast else full_body
        return body, len(" ".join(body.itertext()))

    return fake


def test_a_fallback_dump_of_the_whole_page_is_not_taken_for_the_story(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The full balanced pass replaces a short fast pass, unless its text is more than all the
    page's paragraphs, list items and headings hold (a fallback extractor's dump); it also
    replaces a fast pass that gave the page as one lump."""
    from dateline.extract import main_text as module

    story = etree.fromstring("<body><p>" + "A short story. " * 40 + "</p></body>")
    dump = etree.fromstring("<body><p>" + "Menu item and story. " * 400 + "</p></body>")
    wider = etree.fromstring("<body><p>" + "A longer story. " * 80 + "</p></body>")
    page = load_html("<html><body>" + "<p>" + "Some page text here. " * 200 + "</p></body></html>")
    assert page is not None

    monkeypatch.setattr(module, "_trafilatura", _passes(story, dump))
    assert module.main_text(page, news=False) is story
    monkeypatch.setattr(module, "_trafilatura", _passes(story, wider))
    assert module.main_text(page, news=False) is wider

    # a fast pass whose text is one long piece (a fallback's lump of the page, menus and all)
    # is weighed by the full pass, whose pick stands though shorter; a fast pass of several
    # pieces keeps its text when the full pass finds less
    lump = etree.fromstring("<body><p>" + "Menu entry and story text. " * 120 + "</p></body>")
    pieces = etree.fromstring(
        "<body>" + "<p>A paragraph of the story itself. Another sentence.</p>" * 40 + "</body>"
    )
    cleaner = etree.fromstring(
        "<body>" + ("<p>" + "The story text alone. " * 40 + "</p>") * 2 + "</body>"
    )
    monkeypatch.setattr(module, "_trafilatura", _passes(lump, cleaner))
    assert module.main_text(page, news=False) is cleaner
    monkeypatch.setattr(module, "_trafilatura", _passes(pieces, cleaner))
    assert module.main_text(page, news=False) is pieces


def test_images_are_not_counted_as_text_found() -> None:
    """A pass's length is its text without the images trafilatura writes into it (address and
    caption): a page of product pictures is not a story found."""
    from dateline.extract.main_text import _trafilatura

    words = "The harbour council met on Tuesday to discuss the new ferry timetable. " * 6
    pictures = "".join(
        f"<figure><img src='https://img.example.test/{n}/{'x' * 120}.jpg' "
        f"alt='A red kettle with a long caption number {n}'></figure>"
        for n in range(12)
    )
    page = load_html(f"<html><body><article><p>{words}</p>{pictures}</article></body></html>")
    assert page is not None
    body, with_images = _trafilatura(page, precision=False, images=True)
    _, without = _trafilatura(page, precision=False, images=False)
    assert body is not None and body.find(".//graphic") is not None
    assert with_images == without


def test_headings_linked_to_their_own_anchor_are_kept() -> None:
    """A heading whose text is a link to its own place on the page (or that starts with an
    empty anchor link) is a sub-heading; trafilatura's precision mode deleted such headings
    for their link density."""
    section = "<p>" + "The ferry timetable changes in spring when the evening sailings return. " * 3
    ld = '<script type="application/ld+json">{"@type": "NewsArticle"}</script>'
    html = (
        f"<html><head><title>Island ferries</title>{ld}</head><body><article>"
        "<h1>Island ferries</h1>" + section + "</p>"
        "<h2 id='fares'><a href='#fares'>Fares and passes</a></h2>" + section + "</p>"
        "<h3 id='bikes'><a class='anchor' href='#bikes'></a>Taking a bicycle</h3>"
        + section
        + "</p></article></body></html>"
    )
    assert extract_html(html).headings == ["Fares and passes", "Taking a bicycle"]
    tree = etree.fromstring(
        "<div><h2><b><a href='#x'>Fares</a></b></h2><p><a href='#y'>y</a></p></div>"
    )
    drop_empty_elements(tree)
    assert etree.tostring(tree, encoding="unicode") == (
        '<div><h2><b>Fares</b></h2><p><a href="#y">y</a></p></div>'
    )


def test_lists_the_wild_text_recovery_drops_are_put_back() -> None:
    """trafilatura's last resort (its main pass found too little in the first story frame
    it matched) reads paragraphs but no lists: a guide's steps were lost."""
    para = "<p>" + "Repotting a fern is easiest in spring, when the roots grow again. " * 2 + "</p>"
    steps = [
        "Water the fern the day before you move it to a new pot.",
        "Choose a pot one size larger, with a hole in the bottom.",
        "Loosen the root ball gently with your fingers before planting.",
    ]
    html = (
        "<html><head><title>Repotting ferns</title></head><body>"
        "<div class='entry-content'><p>Posted in Garden.</p><p>Five minute read.</p></div>"
        "<div><h1>Repotting ferns</h1>"
        + para
        + "<ul>"
        + "".join(f"<li>{step}</li>" for step in steps)
        + "</ul>"
        + para.replace("spring", "April")
        + "</div></body></html>"
    )
    body = extract_html(html).body.split("\n\n")
    assert body[-4:-1] == steps


def test_only_lists_among_or_right_after_the_story_are_put_back() -> None:
    story = etree.fromstring("<doc><p>One</p><p>Two</p><p>Three</p></doc>")
    listed = etree.fromstring(
        "<doc><list><item>Menu</item></list><p>One</p><list><item>A step</item></list>"
        "<p>Two</p><list><item>One</item></list><p>Three</p><list><item>Last step</item></list>"
        "<p>Related</p><list><item>Another story</item></list></doc>"
    )
    assert _insert_lists(story, listed) == len("A step") + len("Last step")
    assert [" ".join(e.itertext()) for e in story] == ["One", "A step", "Two", "Three", "Last step"]


def test_sub_headings_the_wild_text_recovery_drops_are_put_back() -> None:
    """The same fallback reads no headings either: a sub-heading between two of its pieces is
    put back; a heading linked to another page is a teaser and stays out."""
    para = "<p>" + "Repotting a fern is easiest in spring, when the roots grow again. " * 2 + "</p>"
    html = (
        "<html><head><title>Repotting ferns</title></head><body>"
        "<div class='entry-content'><p>Posted in Garden.</p><p>Five minute read.</p></div>"
        "<div><h1>Repotting ferns</h1>"
        + para
        + "<h2>Choosing the pot</h2>"
        + para.replace("spring", "April")
        + "<h2><a href='/other-story'>Ten houseplants that thrive in shade</a></h2>"
        + para.replace("spring", "May")
        + "</div></body></html>"
    )
    assert extract_html(html).headings == ["Choosing the pot"]
    # blank or zero-width spacer paragraphs between the pieces leave them next to each other
    spaced = html.replace("<h2>", "<p>\u200d</p><h2>").replace("</h2>", "</h2><p>&nbsp;</p>")
    assert extract_html(spaced).headings == ["Choosing the pot"]


def test_sub_headings_a_news_page_loses_to_the_wild_text_recovery_are_put_back() -> None:
    """A news story's precision pass can come from the same fallback: its sub-headings between
    two pieces are put back as on any other page."""
    ld = '<script type="application/ld+json">{"@type": "NewsArticle"}</script>'
    para = "<p>" + "The county fair opens on Friday with a parade through the town. " * 3 + "</p>"
    html = (
        f"<html><head><title>County fair opens</title>{ld}</head><body>"
        "<div class='entry-content'><p>Posted in Local.</p><p>Two minute read.</p></div>"
        "<div><h1>County fair opens</h1>"
        + para
        + "<h2>Parking and shuttles</h2>"
        + para.replace("Friday", "Saturday")
        + "</div></body></html>"
    )
    assert extract_html(html).headings == ["Parking and shuttles"]


def test_text_after_a_premature_closing_html_tag_is_read() -> None:
    """Markup that goes on after a stray ``</html>`` is a second root element to libxml2;
    browsers show it, so it is moved into the page's body."""
    intro = "<p>" + "The lighthouse keeper climbs the tower every evening at dusk. " * 3 + "</p>"
    rest = "<p>" + "In winter the lamp is cleaned twice a week because of the salt. " * 3 + "</p>"
    html = (
        "<html><head><title>The lighthouse keeper</title></head><body><article>"
        "<h1>The lighthouse keeper</h1>" + intro + "</article></body></html>"
        "<div><article><h2>Winter work</h2>" + rest + "</article></div>"
    )
    body = extract_html(html).body
    assert "The lighthouse keeper climbs the tower" in body
    assert "In winter the lamp is cleaned twice a week" in body


def test_a_story_printed_twice_is_given_once() -> None:
    """A page that prints its body again for another layout gives every copy; the run that
    repeats the story piece by piece is boilerplate. A paragraph repeated alone stays."""
    paragraphs = [
        f"<p>Paragraph {word} of the story about the village bakery and its old stone oven.</p>"
        for word in ("one", "two", "three", "four", "five", "six", "seven", "eight")
    ]
    quote = "<p>“Bread is a promise you keep every morning,” said the baker at the counter.</p>"
    story = "".join(paragraphs[:4]) + quote + "".join(paragraphs[4:]) + quote
    html = (
        "<html><head><title>The village bakery</title></head><body>"
        f"<article><h1>The village bakery</h1><div>{story}</div><div>{story}</div></article>"
        "</body></html>"
    )
    article = extract_html(html)
    body = article.body.split("\n\n")
    assert sum(p.startswith("Paragraph one of the story") for p in body) == 1
    assert sum(p.startswith("Paragraph eight of the story") for p in body) == 1
    assert sum("Bread is a promise" in p for p in body) == 2
    assert roles(article, "boilerplate")[-2].startswith("Paragraph eight of the story")


def test_a_section_whose_id_is_its_heading_is_kept() -> None:
    """An id made from the section's own heading ("menu-planning-...") is an anchor, not a
    layout part: trafilatura read its words as a menu's and dropped the section."""
    intro = "<p>" + "Planning food for a large party starts with counting the guests. " * 3 + "</p>"
    section = "<p>" + "Seasonal dishes cost less and taste better than imported ones. " * 3 + "</p>"
    html = (
        "<html><head><title>Party food</title></head><body><article><h1>Party food</h1>"
        + intro
        + "<div id='menu-planning-for-large-groups'><div><h2>Menu planning for large groups"
        "</h2>"
        + section
        + "</div></div>"
        + intro.replace("Planning", "Ordering")
        + "</article></body></html>"
    )
    article = extract_html(html)
    assert "Seasonal dishes cost less" in article.body
    assert "Menu planning for large groups" in article.headings
    tree = etree.fromstring("<div><div id='main-nav-menu'><h2>Main nav menu</h2></div></div>")
    drop_empty_elements(tree)
    assert tree[0].get("id") is None
    tree = etree.fromstring("<div><div id='site-menu-links'><h2>Sections</h2></div></div>")
    drop_empty_elements(tree)
    assert tree[0].get("id") == "site-menu-links"


def test_text_after_an_image_link_stays_body() -> None:
    """A paragraph opened by a linked image (or an empty anchor): with images left out,
    trafilatura gives the link the text that follows it, and the sentence became a
    link-only teaser."""
    section = "<p>" + "Prune the roses in late winter, before the new buds swell. " * 3 + "</p>"
    html = (
        "<html><head><title>Pruning roses</title></head><body><article>"
        "<h1>Pruning roses</h1>" + section + "<p><a href='https://pins.example/share?x=1'>"
        "<img src='/rose.jpg' alt=''></a>Sharp shears make a clean cut on every stem</p>"
        + section
        + "<p><a name='later'></a>Feed the plants once the leaves open fully</p>"
        + section
        + "</article></body></html>"
    )
    body = extract_html(html).body
    assert "Sharp shears make a clean cut on every stem" in body
    assert "Feed the plants once the leaves open fully" in body
    tree = etree.fromstring("<div><p>One <a href='/x'><img src='/y'/></a>two</p></div>")
    drop_empty_elements(tree)
    assert etree.tostring(tree, encoding="unicode") == '<div><p>One <img src="/y"/>two</p></div>'


def test_zero_width_spacer_paragraphs_are_no_pieces() -> None:
    """A paragraph of only a zero-width joiner (some site builders space paragraphs so) shows
    nothing: it is no piece of the page, and never the lead."""
    para = "<p>" + "The night market sells grilled corn and lanterns until midnight. " * 2 + "</p>"
    html = (
        "<html><head><title>Night market</title></head><body><article><h1>Night market</h1>"
        "<p>\u200d</p>" + para + "<p>\u200b</p>" + para.replace("corn", "squid") + "</article>"
        "</body></html>"
    )
    article = extract_html(html)
    assert article.lead and article.lead.startswith("The night market sells grilled corn")
    assert all(block.text.strip("\u200b\u200d") for block in article.blocks)


def test_story_cards_set_in_the_story_are_teasers() -> None:
    """A card set between the story's paragraphs (a label, another story's linked headline
    and its one-line summary) is a teaser, headline and summary; the story's own sub-heading
    stays a heading, and so does a linked one in a "scorecard", which is no card."""
    para = "The ferry line adds a night crossing to the island from the first of May. " * 2
    card = (
        "<div class='display-card article-card'><a href='/old-ferry'><img src='/f.jpg'></a>"
        "<div class='card-content'><span class='card-label'>Related</span>"
        "<h5 class='entry-title'><a href='/old-ferry'>The old ferry sails its last "
        "crossing after forty years</a></h5><p class='card-excerpt'>Crews and passengers "
        "said goodbye to the island's <em>oldest</em> boat on Sunday.</p></div></div>"
    )
    scorecard = (
        "<div class='scorecard'><h3 class='score-title'><a href='/bridge'>How the crossing "
        "compares with the bridge</a></h3><p>"
        + "The crossing takes forty minutes, the bridge an hour by bus. " * 2
        + "</p></div>"
    )
    html = (
        "<html><head><title>Night ferry added</title></head><body><article>"
        f"<h1>Night ferry added</h1><p>{para}</p>{card}<p>{para.replace('May', 'June')}</p>"
        f"<h2>Fares stay the same</h2><p>{para.replace('ferry', 'boat')}</p>{scorecard}"
        f"<p>{para.replace('night', 'late')}</p></article></body></html>"
    )
    article = extract_html(html)
    teasers = roles(article, "teaser")
    assert "The old ferry sails its last crossing after forty years" in teasers
    assert "Crews and passengers said goodbye to the island's oldest boat on Sunday." in teasers
    assert "forty years" not in article.body
    assert article.headings == ["Fares stay the same", "How the crossing compares with the bridge"]


def test_a_desk_social_pointer_and_a_donation_box_are_not_body() -> None:
    """A line pointing to a desk's social accounts under the story, and a donation box's plea
    and button set in it, are furniture; the story's paragraphs around them stay body."""
    para = "The harbour board voted to dredge the inner basin before the summer season. " * 2
    html = (
        "<html><head><title>Harbour basin to be dredged</title></head><body><article>"
        f"<h1>Harbour basin to be dredged</h1><p>{para}</p>"
        "<div class='donate'><p>Our only aim is to report the tides so you can plan your "
        "week. We need your help.</p><p><a href='/give'>I would like to contribute</a></p></div>"
        f"<p>{para.replace('summer', 'autumn')}</p>"
        "<p>Follow the Harbour Gazette Opinion desk on Facebook, Instagram, X and Threads.</p>"
        "</article></body></html>"
    )
    article = extract_html(html)
    assert article.body.count("dredge the inner basin") == 4
    assert "We need your help" not in article.body
    assert "contribute" not in article.body
    assert "Threads" not in article.body
