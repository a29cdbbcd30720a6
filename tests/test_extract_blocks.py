"""The roles of a page's pieces (``dateline.extract.blocks``), on small invented pieces and
pages: what the page says of its parts (bylines, figures, media titles), the raw pieces of the
main text, and how ``classify`` tells the story's paragraphs from titles, bylines, captions,
headings, teasers, bios and furniture. Whole pages through ``extract_html`` are in
``test_extract_html.py``."""

from __future__ import annotations

from lxml import etree
from trafilatura.utils import load_html

from dateline.extract.blocks import PageSignals, _caption_like, raw_blocks
from dateline.extract.html_rules import norm
from dateline.model import Caption


def test_classify_roles_of_raw_pieces() -> None:
    from dateline.extract.blocks import PageSignals, classify
    from dateline.extract.metadata import PageMeta

    meta = PageMeta(title="Harbour reopens", authors=["Sam Field"])
    signals = PageSignals(captions={"boats wait at the quay before dawn"})
    story = "The harbour reopened to fishing boats on Thursday after weeks of repairs to the wall."
    raw = [
        ("head", "Harbour reopens", "", False),
        ("p", "By Sam Field", "", False),
        ("p", story, "", False),
        ("graphic", "/img/quay.jpg", "Boats at the quay", False),
        ("p", "Boats wait at the quay before dawn (Jo Lake/Reuters)", "", False),
        ("head", "Repairs took weeks", "", False),
        (
            "p",
            "Engineers rebuilt the damaged section of the outer wall, the council said.",
            "",
            False,
        ),
        ("p", "Related: Storm damage along the coast", "", True),
        ("head", "Most read", "", False),
        ("p", "Council approves new parking charges", "", True),
        ("p", "Sam Field is a reporter covering the coast.", "", False),
    ]
    blocks, captions, editors = classify(raw, meta, signals)
    assert [b.role for b in blocks] == [
        "title",
        "byline",
        "paragraph",
        "caption",
        "credit",
        "heading",
        "paragraph",
        "teaser",
        "teaser",
        "teaser",
        "bio",
    ]
    assert captions == [Caption("Boats wait at the quay before dawn.", "Jo Lake/Reuters")]
    assert editors == []


def test_unmarked_byline_under_headline() -> None:
    from trafilatura.utils import load_html

    from dateline.extract.blocks import page_signals

    html = (
        "<html><body><div><h1>Mines deal signed</h1><div class='meta'>Bat-Erdene Ganbold | "
        "20.11.2025</div><p>Story text follows here.</p><p>More text.</p></div></body></html>"
    )
    assert page_signals(load_html(html)).bylines == ["Bat-Erdene Ganbold | 20.11.2025"]


def test_a_caption_leaves_out_the_stylesheet_set_inside_it() -> None:
    from dateline.extract.blocks import page_signals

    html = (
        "<html><body><figure><img src='/a.jpg'><figcaption><style>.c1{font-size:12px}</style>"
        "<span class='c1'>Gulls over the pier at dawn.</span></figcaption></figure>"
        "<p>Story text follows here.</p></body></html>"
    )
    signals = page_signals(load_html(html))
    assert signals.figures == {"/a.jpg": "Gulls over the pier at dawn."}


def test_an_embedded_video_title_is_its_caption_not_a_sub_heading() -> None:
    from dateline.extract.blocks import classify, page_signals
    from dateline.extract.metadata import PageMeta

    html = (
        "<html><body><h1>Ferry fares rise</h1><p>The fares rise in May.</p>"
        "<div class='video-box'><h3 class='video-title'>Watch the new ferry leave the harbour</h3>"
        "</div><h2>What the council said</h2><p>It blamed fuel.</p></body></html>"
    )
    signals = page_signals(load_html(html))
    assert signals.media_titles == {"watch the new ferry leave the harbour"}
    raw = [
        ("head", "Ferry fares rise", "", False),
        ("p", "The fares rise in May.", "", False),
        ("head", "Watch the new ferry leave the harbour", "", False),
        ("head", "What the council said", "", False),
        ("p", "It blamed fuel.", "", False),
    ]
    blocks, captions, _ = classify(raw, PageMeta(title="Ferry fares rise"), signals)
    assert [b.role for b in blocks] == ["title", "paragraph", "caption", "heading", "paragraph"]
    assert [c.text for c in captions] == ["Watch the new ferry leave the harbour"]


def test_gallery_slide_repeating_its_caption_is_a_caption() -> None:
    caption = "volunteers stack sandbags along the swollen river near the old mill on sunday"
    signals = PageSignals(captions={caption + " morning. less"})
    slide = (
        "Volunteers stack sandbags along the swollen river near the old mill on Sunday "
        "morning. less Volunteers stack sandbags along the swollen river near the old mill "
        "on Sunday morning ... more"
    )
    assert _caption_like(slide, norm(slide), "p", "", signals)
    other = "Volunteers said the river was rising fast."
    assert not _caption_like(other, norm(other), "p", "", signals)


def test_text_after_a_sub_heading_is_a_paragraph() -> None:
    # trafilatura can leave a section's first paragraph as the tail of its <head>
    body = etree.fromstring(
        "<body><head rend='h2'>Choosing a plan</head>First compare what each plan costs."
        "<p>Then read the small print.</p></body>"
    )
    assert [(kind, text) for kind, text, _, _ in raw_blocks(body)] == [
        ("head", "Choosing a plan"),
        ("p", "First compare what each plan costs."),
        ("p", "Then read the small print."),
    ]


def test_a_nested_list_is_given_once() -> None:
    # a list item holding a sub-list keeps its own words; the sub-list's items follow it
    body = etree.fromstring(
        "<body><list><item><ref target='a'>Book the venue</ref>. Then hire:"
        "<list><item>a caterer</item><item><ref target='b'>a photographer or videographer"
        "</ref></item></list></item><item>Send the invitations.</item></list></body>"
    )
    assert [(kind, text, linked) for kind, text, _, linked in raw_blocks(body)] == [
        ("item", "Book the venue. Then hire:", False),
        ("item", "a caterer", False),
        ("item", "a photographer or videographer", True),
        ("item", "Send the invitations.", False),
    ]


def _assert_roles(pieces: list[tuple[str, str, bool, str]]) -> None:
    """Each (kind, text, linked, expected role) piece is classified as expected."""
    from dateline.extract.blocks import PageSignals, classify
    from dateline.extract.metadata import PageMeta

    raw = [(kind, text, "", linked) for kind, text, linked, _ in pieces]
    blocks, _, _ = classify(raw, PageMeta(title="Spring fair guide"), PageSignals())
    assert [b.role for b in blocks] == [role for _, _, _, role in pieces]


def test_an_address_given_as_a_fields_value_is_body() -> None:
    """An event's or a product's details list "Tickets: https://..." — in one piece, or the
    address in the piece under its label; a bare address on its own is still furniture."""
    intro = "The spring fair opens on the green with stalls, music and a plant swap for all."
    _assert_roles(
        [
            ("p", intro, False, "paragraph"),
            ("p", "Tickets:", False, "paragraph"),
            ("p", "https://tickets.example.org/spring-fair", True, "paragraph"),
            ("p", "Venue site: https://example.org/the-green", True, "paragraph"),
            ("p", "https://example.org/elsewhere", True, "boilerplate"),
        ]
    )


def test_a_linked_entry_name_over_its_review_is_a_heading() -> None:
    """A roundup's entry name linked to the product (a linked <h3> comes out as a linked
    paragraph) heads the review under it; a link to another story between paragraphs, whose
    words the text under it does not take up, is still a teaser."""
    review = (
        "The Lakeside ceramic kettle boiled a full litre in four minutes, and its ceramic "
        "body stayed cool enough to hold."
    )
    story = "Stall holders set up their tables before dawn on the green by the old mill."
    _assert_roles(
        [
            ("p", "Stall holders set up early. " + story, False, "paragraph"),
            ("p", "Lakeside Ceramic Kettle", True, "heading"),
            ("p", review, False, "paragraph"),
            ("p", "Council votes on new harbour parking charges", True, "teaser"),
            ("p", story, False, "paragraph"),
            ("p", "Tickets | Map | Contact us", True, "teaser"),
            ("p", story.replace("dawn", "noon"), False, "paragraph"),
        ]
    )


def test_a_list_lead_in_heading_over_prose_opens_no_teaser_run() -> None:
    """A "Top tools for beginners" heading over a paragraph about those tools is a section
    heading; a "Most read" widget heading left in the story is not body, and neither heading
    swallows the story paragraph under it as a teaser."""
    tools = "Beginners need only three tools to start with: a trowel, a dibber and a watering can."
    water = "Water the seedlings from below, so that the compost takes up all the water it needs."
    _assert_roles(
        [
            ("p", "Potting up seedlings takes little kit and time.", False, "paragraph"),
            ("head", "Top tools for beginners", False, "heading"),
            ("p", tools, False, "paragraph"),
            ("head", "Most read", False, "teaser"),
            ("p", water, False, "paragraph"),
            ("head", "Related stories", False, "teaser"),
            ("p", "Ten shrubs for a shady corner", True, "teaser"),
        ]
    )


def test_a_data_table_ends_a_teaser_run() -> None:
    """A table under a "Related" heading is the story's data (a table of figures put after
    the links), not one more link to elsewhere: it ends the run of teasers."""
    table = "Rank Harbour Boats 1 Porthaven 120 2 Westquay 95 3 Old Mill 40"
    _assert_roles(
        [
            (
                "p",
                "The survey counted the boats moored in every harbour this summer.",
                False,
                "paragraph",
            ),
            ("head", "Related resources", False, "teaser"),
            ("p", "Ten shrubs for a shady corner", True, "teaser"),
            ("table", table, False, "paragraph"),
        ]
    )


def test_a_writers_bio_followed_by_tags_is_a_bio() -> None:
    """A writer's bio is still found when a row of topic tags follows it."""
    from dateline.extract.blocks import PageSignals, classify
    from dateline.extract.metadata import PageMeta

    story = "Stall holders set up their tables before dawn on the green by the old mill."
    bio = "Ada Quill is a staff writer who covers markets and fairs across the county."
    tags = [("p", name, "", True) for name in ("Fairs", "Markets", "Green", "Mill", "County")]
    raw = [("p", story, "", False)] * 3 + [("p", bio, "", False), *tags]
    meta = PageMeta(title="Spring fair guide", authors=["Ada Quill"])
    blocks, _, _ = classify(raw, meta, PageSignals())
    assert [b.text for b in blocks if b.role == "bio"] == [bio]


def test_a_bio_with_a_bullet_or_an_aside_before_tags_with_images_is_a_bio() -> None:
    """A bio opened by a bullet, with a phrase set off by commas after the name, is still a bio;
    images beside each topic tag do not push it out of the closing pieces looked at."""
    from dateline.extract.blocks import PageSignals, classify
    from dateline.extract.metadata import PageMeta

    story = "Stall holders set up their tables before dawn on the green by the old mill."
    bio = "• Ada Quill, a former market trader from the valley, is a staff writer at the paper."
    tags: list[tuple[str, str, str, bool]] = []
    for name in ("Fairs", "Markets", "Green", "Mill", "County", "Crafts"):
        tags += [("graphic", f"/img/{name}.png", "", False), ("p", name, "", True)]
    raw = [("p", story, "", False)] * 3 + [("p", bio, "", False), *tags]
    meta = PageMeta(title="Spring fair guide", authors=["Ada Quill"])
    blocks, _, _ = classify(raw, meta, PageSignals())
    assert [b.text for b in blocks if b.role == "bio"] == [bio]
    # the same line naming someone who did not write the story stays text
    meta = PageMeta(title="Spring fair guide", authors=["Bo Reed"])
    blocks, _, _ = classify(raw, meta, PageSignals())
    assert [b.role for b in blocks if b.text == bio] == ["paragraph"]


def test_short_linked_topic_tags_after_the_story_are_not_body() -> None:
    """A row of short linked tags ("Fairs", "Markets") after the story is not body text."""
    from dateline.extract.blocks import PageSignals, classify
    from dateline.extract.metadata import PageMeta

    body = etree.fromstring(
        "<body><p>Stall holders set up their tables before dawn on the green by the mill.</p>"
        "<p>The fair runs until Sunday evening, with music on the bandstand each night.</p>"
        '<p><ref target="/topics/fairs">Fairs</ref></p>'
        '<p><ref target="/topics/markets">Markets</ref></p></body>'
    )
    blocks, _, _ = classify(raw_blocks(body), PageMeta(title="Spring fair"), PageSignals())
    assert [b.role for b in blocks] == ["paragraph", "paragraph", "teaser", "teaser"]


def test_the_headline_repeated_over_the_story_is_not_body() -> None:
    """The headline printed again (after a kicker, or with a label added) is the title, not a
    sub-heading of the body; a sub-heading that shares words with it stays a heading."""
    from dateline.extract.blocks import PageSignals, classify
    from dateline.extract.metadata import PageMeta

    headline = "Spring fair returns to the village green after a long wait"
    intro = "The spring fair opens on the green with stalls, music and a plant swap for all."
    pieces = [
        ("head", "WATCH: " + headline, "title"),
        ("p", intro, "paragraph"),
        ("head", headline, "title"),
        ("head", "Spring fair returns", "heading"),
        ("p", intro.replace("opens", "closes"), "paragraph"),
    ]
    raw = [(kind, text, "", False) for kind, text, _ in pieces]
    blocks, _, _ = classify(raw, PageMeta(title=headline), PageSignals())
    assert [b.role for b in blocks] == [role for _, _, role in pieces]


def test_the_headline_with_its_label_moved_over_the_story_is_the_title() -> None:
    """The page's title says "WATCH: <headline>", the heading over the story "<headline>
    [Watch]": the same words, the label moved; the title, not a sub-heading."""
    from dateline.extract.blocks import PageSignals, classify
    from dateline.extract.metadata import PageMeta

    headline = "Spring fair returns to the village green"
    intro = "The spring fair opens on the green with stalls, music and a plant swap for all."
    raw = [("head", headline + " [Watch]", "", False), ("p", intro, "", False)]
    blocks, _, _ = classify(raw, PageMeta(title="WATCH: " + headline), PageSignals())
    assert [b.role for b in blocks] == ["title", "paragraph"]


def test_a_heading_with_no_story_text_after_it_is_not_body() -> None:
    """A heading after the story's last paragraph, over nothing but links or nothing at all,
    is what is left of a widget whose content was dropped; a sub-heading over a list stays."""
    tip = "Sow the beans after the last frost, two finger-widths deep and a hand apart."
    _assert_roles(
        [
            (
                "p",
                "Broad beans are the easiest crop for a first allotment season.",
                False,
                "paragraph",
            ),
            ("head", "What to sow in April", False, "heading"),
            ("item", tip, False, "paragraph"),
            ("head", "Our services", False, "boilerplate"),
            ("p", "Garden design and planting", True, "teaser"),
            ("head", "Contact us", False, "boilerplate"),
        ]
    )


def test_summaries_under_a_run_of_story_cards_are_not_body() -> None:
    """Two or more cards in a row under a heading after the story (a linked headline, then
    its story's short summary) are a box of links to other stories: the summaries are
    teasers, and the heading over them heads nothing."""
    vote = "The council voted on Tuesday to keep the riverside market open all winter."
    ferry = "Crossings will run every hour from the first week of December."
    bakery = "Two sisters turned the miller's cottage into a sourdough shop."
    _assert_roles(
        [
            ("p", vote, False, "paragraph"),
            ("head", "Around the valley", False, "boilerplate"),
            ("p", "Ferry timetable changes for the holidays", True, "teaser"),
            ("p", ferry, False, "teaser"),
            ("p", "A new bakery opens by the old mill", True, "teaser"),
            ("p", bakery, False, "teaser"),
        ]
    )


def test_one_linked_line_over_a_paragraph_stays_body() -> None:
    """A single linked line under a heading, over a paragraph, is no run of cards."""
    traders = "Traders said the decision would save a dozen family stalls."
    link = "Read the council's decision"
    _assert_roles(
        [
            ("head", "What happens next", False, "heading"),
            ("p", link, True, "teaser"),
            ("p", traders, False, "paragraph"),
        ]
    )


def test_a_closing_pitch_is_furniture_only_as_the_last_paragraph() -> None:
    """'Can't get enough? Get every ...' closing the story is a pitch; the same kind of line inside
    the story (a question the story asks, then its answer) stays body."""
    fair = "The spring fair opens on the green with stalls, music and a plant swap for all."
    inside = "Worried about the rain? Follow the signs to the covered market hall instead."
    pitch = "Can't get enough of the allotment? Get every new planting diary in your inbox."
    _assert_roles(
        [
            ("p", fair, False, "paragraph"),
            ("p", inside, False, "paragraph"),
            ("p", fair.replace("spring", "autumn"), False, "paragraph"),
            ("p", pitch, False, "boilerplate"),
        ]
    )


def test_a_quoted_question_closing_the_story_stays_body() -> None:
    """Someone's words ending the story ('"Why? Get out of here," he said.') are no pitch."""
    fair = "The spring fair opens on the green with stalls, music and a plant swap for all."
    words = "\u201cWhy? Get off my stall,\u201d the baker told the goat."
    _assert_roles([("p", fair, False, "paragraph"), ("p", words, False, "paragraph")])


_FAIR = "The spring fair opens on the green with stalls, music and a plant swap for all."
_STALLS = "Traders said the new stalls would stay open until the evening on both days."


def _edge_roles(line: str, role: str, *, first: bool = False) -> None:
    """``line`` as the first (or last) of three story paragraphs gets ``role``."""
    story = [("p", _FAIR, False, "paragraph"), ("p", _STALLS, False, "paragraph")]
    piece = ("p", line, False, role)
    _assert_roles([piece, *story] if first else [*story, piece])


def test_a_closing_pointer_to_a_website_is_furniture_only_as_the_last_paragraph() -> None:
    """'For more information, visit <site>' or 'The full results can be viewed at <site>'
    closing the story points elsewhere: furniture. Inside the story such a line stays body, and
    a closing line that names no address is the story's own."""
    for pointer in (
        "For more information and to book a stall, please visit greenfair.example.org",
        "For further details: https://greenfair.example.org/stalls",
        "The full list of prize winners can be viewed at greenfair.example.org.",
    ):
        _edge_roles(pointer, "boilerplate")
        _edge_roles(pointer, "paragraph", first=True)
    _edge_roles("For more information, the organisers said, ask at the town hall.", "paragraph")


def test_a_comments_plea_closing_the_story_is_furniture() -> None:
    """'What do you think? Let us know in the comments ...' closing the story asks the reader
    to comment: furniture."""
    plea = "What do you think of the new stalls? Let us know in the comments and share this story!"
    _edge_roles(plea, "boilerplate")


def test_an_editors_note_opening_the_story_is_furniture_only_there() -> None:
    """An 'Editor's note:' before the story (the series it belongs to, where else to read it)
    is the desk's, not the story; a note between the story's paragraphs (an aside to the
    reader, "[Editor's note: click the map to enlarge it.]") stays body."""
    _edge_roles(
        "Editor's note: This is part three of a series on market towns.", "boilerplate", first=True
    )
    _assert_roles(
        [
            ("p", _FAIR, False, "paragraph"),
            ("p", "[Editor's note: click the map below to enlarge it.]", False, "paragraph"),
            ("p", _STALLS, False, "paragraph"),
        ]
    )
