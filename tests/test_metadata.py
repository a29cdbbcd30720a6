"""The page's own metadata (JSON-LD, OpenGraph, meta tags, <time>, htmldate) and the text
rules that clean it: site-name suffixes, bylines, datelines, caption credits."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from trafilatura.utils import load_html

from dateline.dates import stamp_date, url_date, written_date
from dateline.extract.dates import Shown, date_over_headline, prefer_shown
from dateline.extract.html_rules import (
    byline_place,
    clean_authors,
    credited_names,
    find_dateline,
    is_boilerplate,
    is_date_line,
    is_teaser_heading,
    is_teaser_line,
    split_credit,
    strip_site,
)
from dateline.extract.metadata import (
    complete_metadata,
    host_names,
    json_ld,
    read_metadata,
)

FIXTURES = Path(__file__).parent / "fixtures" / "html"


def meta_of(name: str, url: str | None = None):  # type: ignore[no-untyped-def]
    tree = load_html((FIXTURES / name).read_text(encoding="utf-8"))
    page = read_metadata(tree, url)
    complete_metadata(page, tree, url)
    return page


def test_json_ld_graph_is_flattened() -> None:
    tree = load_html((FIXTURES / "wire_jsonld.html").read_text(encoding="utf-8"))
    kinds = [item.get("@type") for item in json_ld(tree)]
    assert {"Organization", "NewsArticle", "BreadcrumbList"} <= set(kinds)


def test_json_ld_fields() -> None:
    page = meta_of("wire_jsonld.html")
    assert page.title == "Balkan leaders back joint power grid plan at Skopje summit"
    # the Organization listed among the authors is not a person
    assert page.authors == ["Jane Doe", "Petrit Hoxha"]
    assert page.published == "2024-05-15T14:05:00"
    assert page.section == "Europe"
    assert page.topics == ["North Macedonia", "Serbia", "Energy"]
    assert page.outlet == "Balkan Wire"
    assert (
        page.url
        == "https://www.balkanwire.example/world/europe/balkan-leaders-grid-plan-2024-05-15/"
    )
    assert page.language == "en"


def test_opengraph_and_meta_tags() -> None:
    page = meta_of("opengraph_meta.html")
    assert page.title == "Kyiv opens new rail link to Poland"  # " - Daily Example" removed
    assert page.outlet == "Daily Example"
    assert page.url == "https://dailyexample.example/news/kyiv-rail-link"
    assert page.published == "2023-11-07T08:30:00"
    assert page.section == "Transport"
    assert page.topics == ["Ukraine", "Railways", "Poland", "rail"]
    # meta author "By Anna Berg and Tom Lee, Staff Writers"
    assert page.authors == ["Anna Berg", "Tom Lee"]


def test_time_element_date() -> None:
    page = meta_of("time_element.html")
    assert page.published == "2023-05-04T10:00:00"
    assert page.language is None


def test_htmldate_finds_date_in_url() -> None:
    page = meta_of("url_date.html", url="https://www.lokal.example/2022/03/11/bibliothek")
    assert page.published == "2022-03-11"
    assert page.language == "de"
    assert page.outlet == "lokal.example"  # derived from the host


def test_stamp_date() -> None:
    assert stamp_date("2024-02-28T14:05:00+01:00") == "2024-02-28T14:05:00"
    assert stamp_date("2024-2-3") == "2024-02-03"
    assert stamp_date("yesterday") is None
    assert stamp_date("1066-10-14") is None  # implausible for a web page


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://news.example/world/2024/03/05/harbour-reopens/", "2024-03-05"),
        ("https://news.example/world/2024/mar/05/harbour-reopens", "2024-03-05"),
        ("https://news.example/articles/2024-03-05/harbour-reopens", "2024-03-05"),
        ("https://news.example/news/2024-03-05-harbour-reopens.html", "2024-03-05"),
        ("https://news.example/archive/20240305/harbour", "2024-03-05"),
        ("https://news.example/longform/2024/3/5/harbour", "2024-03-05"),
        ("https://news.example/story?id=7&date=2024-03-05", "2024-03-05"),
        ("https://news.example/2024/03/harbour-reopens/", None),  # a month, not a day
        ("https://news.example/harbour-reopens-2024-03-05", None),  # inside a slug
        ("https://news.example/2024/13/45/harbour", None),
        ("https://news.example/item/12345678/harbour", None),
        ("not a url [", None),
        (None, None),
    ],
)
def test_url_date(url: str | None, expected: str | None) -> None:
    found = url_date(url)
    assert (found.isoformat() if found else None) == expected


def test_host_names() -> None:
    assert host_names("https://www.bbc.co.uk/news/x") == ["bbc.co.uk", "bbc"]
    assert host_names("https://apnews.com/article/x") == ["apnews.com", "apnews"]
    assert host_names(None) == []


@pytest.mark.parametrize(
    ("raw", "sites", "expected"),
    [
        ("Story of the day | Reuters", ["Reuters"], "Story of the day"),
        ("Story of the day - BBC News", ["BBC News", "bbc"], "Story of the day"),
        ("BBC News - Story of the day", ["bbc"], "Story of the day"),
        ("Story | World | The Example Times", ["Example"], "Story"),
        ("Trump - the early years", [], "Trump - the early years"),
        ("Example Post: Mayor resigns", ["Example Post"], "Mayor resigns"),
        ("Analysis: Mayor resigns", ["Example Post"], "Analysis: Mayor resigns"),
    ],
)
def test_title_site_suffix_removed(raw: str, sites: list[str], expected: str) -> None:
    assert strip_site(raw, sites) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (["By Jane Doe"], ["Jane Doe"]),
        (["By JANE DOE and TOM LEE"], ["Jane Doe", "Tom Lee"]),
        (["Anna Berg, Tom Lee"], ["Anna Berg", "Tom Lee"]),
        (["Jane Doe, Senior Correspondent"], ["Jane Doe"]),
        (["Jane Doe | Example Wire"], ["Jane Doe"]),
        (["Reuters"], []),
        (["staff"], []),
        (["Lauren Smith MS, RDN"], ["Lauren Smith"]),
        (["Jane Doe", "jane doe"], ["Jane Doe"]),
        (["By Sam Field, Senior Reporter May 4, 2023"], ["Sam Field"]),
    ],
)
def test_author_cleaning(raw: list[str], expected: list[str]) -> None:
    assert clean_authors(raw, ["Example Wire", "example"]) == expected


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("TIRANA, May 15 (Reuters) - Leaders met.", "Tirana"),
        ("KYIV — Ukraine opened a line.", "Kyiv"),
        ("WASHINGTON (AP) — The Senate voted.", "Washington"),
        ("ELM HOLLOW, Mo. (AP) — Two barns burned overnight.", "Elm Hollow"),
        ("PINE RIDGE TEST RANGE, Nev.—Its hangars sat empty.", "Pine Ridge Test Range"),
        ("The president said on Monday - in Kyiv - that", None),
        ("US officials said", None),
    ],
)
def test_dateline_detection(text: str, place: str | None) -> None:
    found = find_dateline(text)
    assert (found[0] if found else None) == place


def test_byline_place() -> None:
    assert byline_place("Mira Dobre in Chisinau") == "Chisinau"
    assert byline_place("By Jane Doe") is None


@pytest.mark.parametrize(
    ("text", "caption", "credit"),
    [
        ("Leaders meet in Tirana. Photo: AP", "Leaders meet in Tirana.", "AP"),
        (
            "Leaders meet in Tirana Image: Ilir Dema/AP",
            "Leaders meet in Tirana.",
            "Ilir Dema/AP",
        ),
        (
            "Kohberger enters court (August Frank-Pool/Getty Images)",
            "Kohberger enters court.",
            "August Frank-Pool/Getty Images",
        ),
        ("Flowers at the scene (Reuters)", "Flowers at the scene.", "Reuters"),
        ("A quiet street in Kyiv", "A quiet street in Kyiv", None),
    ],
)
def test_caption_credit_split(text: str, caption: str, credit: str | None) -> None:
    assert split_credit(text) == (caption, credit)


def test_boilerplate_and_teaser_lines() -> None:
    assert is_boilerplate("Sign up for our morning newsletter")
    assert is_boilerplate("© 2024 Example Wire. All rights reserved.")
    assert not is_boilerplate("Officials signed up to the plan on Monday, the ministry said.")
    assert is_teaser_line("Read more: Grain corridor reopens")
    assert is_teaser_line("Related: Ships return to Odesa")
    assert is_teaser_heading("More from Daily Example")
    assert is_teaser_heading("Related stories")
    assert not is_teaser_heading("Faster journeys west")


@pytest.mark.parametrize(
    "text",
    [
        "Wire reporter Ola Nordmann in Bergen contributed.",
        "Staff writer Kim Vale contributed to this report.",
        "With reporting by Tam Oakes.",
        "This interview has been lightly edited and condensed for clarity.",
        "This article appeared in the Weekend section of the print edition.",
        "Our journalism needs your support. Please subscribe today.",
        "Pat Lee may be reached at plee@example.org.",
        "All products featured in this guide are independently selected by the desk.",
        "We may earn a commission when you buy through our links.",
        "Get the week's best recipes delivered to your inbox every Friday.",
        "Stay ahead of the tide: subscribe to our coastal newsletter.",
        "Like this story? Pass it on to a neighbour!",
        "Contact the reporter at 555-0100 or tips@example.org.",
        "Have a tip? Write to the desk at desk@example.org.",
        "Source images by Lee Park and Example Images.",
        "Stats courtesy of the Harbour Board.",
        "Some answers were edited for length.",
        "This post originally appeared on Example Blog.",
        "Copyright 2031 Example Media Ltd. All rights reserved. Do not copy this material.",
        "Session expired",
        "Please log in again. The page will open in a new window.",
        "Estimated reading time: 4 minutes",
        "March 3, 2031 // 6 min read",
        "Table of Contents",
        "In this guide:",
        "Back to Blog",
        "More information: A. Writer et al, Tides and harbour silt, Journal of Examples (2031).",
        "Want to save stories for the ferry home? Start your premium subscription today.",
        "The full talk is on our podcast. Listen and subscribe wherever you get your podcasts.",
        "Also available on Apple Podcasts",
        "Your subscription has been confirmed. Watch for the first letter on Monday!",
        "skip past newsletter promotion",
        "after newsletter promotion",
        "The writer does not own shares in any company named in this column.",
        "You can email the columnist at letters@example.org or send a letter to The Desk, "
        "12 Quay Street, Porthaven, and follow her on the networks for more advice.",
        "Source images by Lee Park, Ana Moss, Jo Tern and Example Images/Picture Desk.",
        "Nutrition Facts (per serving)",
        "*The % Daily Value tells you how much a nutrient in one serving adds to a day's diet.",
        "412 Calories 18g Fat 51g Carbs 9g Protein",
        "Plan your weekend with our picks. Get The Harbour List delivered every Friday.",
        "This article has been reviewed according to the desk's editorial process.",
        "This story originally appeared in The Example Quarterly and is republished here as part "
        "of a sharing agreement between newsrooms that cover rivers, harbours and the coast.",
        "fact-checked",
        "peer-reviewed publication",
        "proofread",
        "Support independent journalism. Become a member today!",
        "Pat Lee Mar 3, 2031 1204 Shares 48,210 Views",
        "Get the latest updates from The Harbour Gazette",
        "Immagine di Example Images",
        "Foto de Ana Moss.",
        "— The Associated Press",
        "—Reuters",
        "Interview with the harbour master produced by Jo Tern.",
        "The Harbour Health Board has more about safe swimming in cold water.",
        "Never miss a tide again. Sign up for my free Harbour Basics e-course today.",
        "Get the Gazette's free Guide to Sailing, with ten tips for a first season.",
        "Love boats? The Harbour Letter has the week's best sailing stories, delivered right "
        "to your inbox. Sign up now.",
        "The Gazette prints letters from readers every week. We’d like to hear what you think "
        "about this or any of our stories: letters@example.org.",
        "To give you the best advice we can, the data used to compile this guide was sourced "
        "from makers' websites and two boating magazines.",
        "All of our articles are reviewed by the Gazette's fact-checkers before they run.",
        "This story about ferry fares was written by Jo Tern and produced by The Harbour Desk, "
        "a nonprofit newsroom.",
        "Free 30-day trial. No credit card required.",
        "Prices were accurate at the time this guide was published but may change.",
        "Products are chosen independently by our editors. Buying through our links may earn "
        "us a commission.",
        "Is this email not displaying correctly? View it in your browser.",
        "The Harbour Investor has a disclosure policy.",
        "This story is funded by readers like you",
        "Get Harbour Monthly delivered through your letterbox every month. 12 issues for 20 "
        "pounds. Click here for more information.",
        "New readers only. By submitting your email you agree to our Privacy Policy",
        "Listen to Harbour FM live at 12:45 and 17:45 weekdays - or listen back here.",
        "Photo credit: ©Example Images/Jo Tern, ©Example Images/Ana Moss",
        "Posted in Gardening, Small Spaces",
        "Tags:",
        "Written by Ada Quill",
        "Follow the Harbour Gazette Opinion desk on Facebook, Instagram, X and Threads.",
        "Our only aim is to report the tides so you can plan your week. We need your help.",
        "I would like to contribute",
    ],
)
def test_notes_after_the_story_and_disclosures_are_furniture(text: str) -> None:
    assert is_boilerplate(text)


def test_story_sentences_like_notes_are_not_furniture() -> None:
    assert not is_boilerplate("Rising costs contributed to the delay, the council said.")
    assert not is_boilerplate("The story appeared to confirm what residents had said for years.")
    assert not is_teaser_line("More than 40 people attended the meeting.")
    assert not is_boilerplate("The contents of the report were read out at the meeting.")
    assert not is_boilerplate("Posted in the window was a notice about the new opening hours.")
    assert not is_boilerplate("Written by hand, the letters reached the council in March.")
    assert is_teaser_line("MORE: Harbour tolls rise again")
    assert is_teaser_line("For more, read How to Mend a Bicycle Tyre.")
    assert is_teaser_heading("Tagged in")
    assert is_teaser_heading("Explore more stories")
    assert is_teaser_heading("PHOTO CREDITS")
    assert is_teaser_heading("You might be interested in")
    assert is_teaser_line("Latest Articles")
    assert not is_boilerplate("Shares in the ferry company rose 4% on the news.")
    assert not is_boilerplate("Support for the harbour plan has grown since the vote.")
    assert not is_boilerplate("The Associated Press reported the closure on Monday.")
    assert not is_boilerplate("Proofreading the ballots took the clerks three days.")
    assert not is_boilerplate("The council has more on its agenda than the ferry, she said.")
    assert not is_boilerplate("Residents can sign up for a free flu shot at the clinic.")
    assert is_teaser_line("More Harbour sailing: https://example.org/sailing")
    assert is_teaser_line("Follow our full coverage of the regatta at https://example.org/regatta")
    assert not is_teaser_line("More than 40 boats followed the coverage of the race closely.")
    assert is_teaser_line("Also read: Ten harbours worth a detour this spring")
    assert is_teaser_heading("Related: Why the ferry fares went up")
    assert not is_teaser_line("Also, read the label before you buy a life jacket.")
    assert is_teaser_line("Must read: How to tie a bowline")
    assert is_teaser_line(">> Can Also Read: Five quiet beaches")
    assert is_teaser_line("[Also read Why the ferry runs late in winter.]")
    assert is_teaser_line("If you enjoyed this post, you might also like:")
    assert is_teaser_line("Also: See our full regatta coverage")
    assert not is_teaser_line("Also: the ferry will run on Sundays.")
    assert not is_boilerplate("Fresh fish is delivered to your door by the co-op, she said.")
    assert not is_boilerplate("Prices were lower at the time, the harbour master said.")
    assert not is_boilerplate("Follow the path along the quay to the old mill.")
    assert not is_boilerplate("Follow the money, she said, and you find the board on Facebook.")
    assert not is_boilerplate('"The water is rising. We need your help," the mayor said.')
    assert not is_boilerplate("By submitting the bid, the firm agreed to the council's terms.")
    assert is_teaser_heading("How to listen to The Harbour Podcast")
    assert not is_teaser_heading("How to watch the regatta live")
    assert not is_teaser_line("Must readers pay for the app? Not yet, the council said.")
    assert not is_boilerplate("The captain said the story was written by a fan of the show.")
    assert not is_boilerplate("Residents paid with no credit card required at the harbour kiosk.")
    assert not is_teaser_heading("Credits and deductions for renters")
    assert not is_boilerplate("After the promotion, the captain thanked her crew.")
    assert not is_boilerplate("The writer does not own a car and cycles to the harbour.")
    assert not is_boilerplate("The boats get their catch delivered every morning to the market.")
    assert not is_boilerplate("Nutrition experts said the school meals had improved.")
    # a zero-width space before the bracket of a link dropped into the text
    assert is_teaser_line("(\u200bMORE: Ferry timetable changes for winter)")


def test_consent_banners_form_states_and_date_stamps_are_furniture() -> None:
    assert is_boilerplate(
        "Necessary cookies are absolutely essential for the website to function properly."
    )
    assert is_boilerplate("Other uncategorized cookies are those that are being analyzed.")
    assert is_boilerplate("Manage consent")
    assert is_boilerplate("Thank you! Your submission has been received!")
    assert not is_boilerplate("The study found that necessary cookies are rare in the wild.")
    assert is_date_line("October 12, 2017")
    assert is_date_line("Friday, 3 March 2024")
    assert is_date_line("Sept. 5, 2023")
    assert is_date_line("Saturday March 9, 2030 09:30 PM EST")
    assert is_date_line("9 March 2030, 7 p.m.")
    assert not is_date_line("March 9, 2030 at 9 pm the ferry sailed.")
    assert not is_date_line("On March 3, 2024 the council met.")
    assert not is_date_line("May 2024")


# -- the date shown by the headline, labels, credits -------------------------------------------


def test_shown_date_beats_a_utc_stamp_a_day_off() -> None:
    # JSON-LD says 2024-03-05T02:30Z; the page shows "March 4, 2024 9:30 PM EST"
    page = meta_of("shown_date_local.html")
    assert page.published == "2024-03-04"


def test_shown_revision_date_yields_to_declared_publication() -> None:
    # the page shows "Updated on" / "February 2, 2024"; it was first published in 2021
    page = meta_of("updated_label.html")
    assert page.published == "2021-06-01T10:00:00"


def test_publication_label_wins_over_revision_label_and_captions_are_ignored() -> None:
    # "Last Updated: Dec. 23" then "First Published: Dec. 18"; a caption dated Nov. 12
    page = meta_of("shown_dates_both.html")
    assert page.published == "2023-12-18"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Updated December 26, 2023 10:48 AM", "2023-12-26"),
        ("Sunday 17 December 2023 17:23, UK", "2023-12-17"),
        ("Dec. 23, 2023, 7:58 AM UTC", "2023-12-23"),
        ("1. Dezember 2023", "2023-12-01"),
        ("posted on 2023-12-19 23:30 EST", "2023-12-19"),
        ("20.11.2025", "2025-11-20"),
        ("12/22/2023", "2023-12-22"),  # month first when the first number can be a month
        ("22/12/2023", "2023-12-22"),
        ("3 hours ago", None),
        ("February 30, 2024", None),
    ],
)
def test_written_date(text: str, expected: str | None) -> None:
    found = written_date(text)
    assert (found.day.isoformat() if found else None) == expected


def test_a_date_over_the_headline_is_read_when_the_page_gives_no_other() -> None:
    story = f"<p>{'The harbour board raised its tolls for the third year running. ' * 5}</p>"
    kicker = (
        "<html><body><nav><a href='/'>Home</a></nav><div class='date'>March 4, 2024</div>"
        f"<h1>Harbour tolls rise again</h1><p>By Pat Lee</p>{story}</body></html>"
    )
    found = date_over_headline(load_html(kicker), "Harbour tolls rise again")
    assert found is not None and found.day == date(2024, 3, 4)
    assert read_metadata(load_html(kicker)).published == "2024-03-04"
    # a declared date is the better guess than a line over the headline
    declared = kicker.replace(
        "<body>", "<head><meta property='article:published_time' content='2024-02-01'></head><body>"
    )
    assert read_metadata(load_html(declared)).published == "2024-02-01"
    # a revision stamp over the headline is passed over for the date beside it
    revised = load_html(
        "<html><body><span>May 5, 2023</span><span>Updated: January 2, 2024</span>"
        "<h1>Harbour tolls rise again</h1><p>By Pat Lee</p></body></html>"
    )
    found = date_over_headline(revised, "Harbour tolls rise again")
    assert found is not None and found.day == date(2023, 5, 5)
    # only the two lines right over the headline are read
    far = load_html(
        "<html><body><p>June 1, 2024</p><p>Menu</p><p>Search</p>"
        "<h1>Harbour tolls rise again</h1><p>By Pat Lee</p></body></html>"
    )
    assert date_over_headline(far, "Harbour tolls rise again") is None


def test_shown_date_month_day_swap_matches_declared() -> None:
    shown = Shown(date(2024, 3, 5), None, "03/05/2024")
    assert prefer_shown(shown, "2024-05-03T09:00:00", declared_strong=True) == "2024-05-03T09:00:00"
    assert prefer_shown(None, "2024-05-03", declared_strong=True) == "2024-05-03"
    # the shown day, with the time of its <time datetime> when that falls on the same day
    stamped = Shown(date(2024, 3, 4), "2024-03-04T21:30:00-05:00", "March 4, 2024")
    assert prefer_shown(stamped, "2024-03-01", declared_strong=False) == "2024-03-04T21:30:00"


def test_address_day_overrules_a_date_far_from_it() -> None:
    claim = Shown(date(2024, 1, 9), None, "said on January 9, 2024 in a speech")
    # a day from the address a day off the shown one: the shown one stands (time zones)
    assert prefer_shown(claim, None, declared_strong=False, url_day=date(2024, 1, 10)) == (
        "2024-01-09"
    )
    # far from it: the declared stamp when it agrees with the address, else the address
    assert (
        prefer_shown(claim, "2024-02-20T08:00:00", declared_strong=True, url_day=date(2024, 2, 20))
        == "2024-02-20T08:00:00"
    )
    assert prefer_shown(claim, None, declared_strong=False, url_day=date(2024, 2, 20)) == (
        "2024-02-20"
    )
    # nothing found on the page: left to the fallback search (which reads the address too)
    assert prefer_shown(None, None, declared_strong=False, url_day=date(2024, 2, 20)) is None


def test_page_whose_first_date_by_the_headline_is_a_claims() -> None:
    html = """<html><head><title>Fact check: the bridge was not sold</title></head><body>
    <div class="byline">By Ana Ruiz <span>February 20, 2024</span></div>
    <h1>Fact check: the bridge was not sold</h1>
    <div class="claim">said on January 9, 2024 in a video</div>
    <p>A video shared widely claims that the city sold its old bridge to a private buyer
    last winter. Records from the council show no such sale and the bridge still belongs to
    the city, which maintains it every spring.</p></body></html>"""
    url = "https://checks.example/factchecks/2024/feb/20/bridge-not-sold/"
    tree = load_html(html)
    page = read_metadata(tree, url)
    assert page.published == "2024-02-20"
    assert read_metadata(load_html(html), None).published == "2024-01-09"  # without it


@pytest.mark.parametrize(
    ("raw", "sites", "expected"),
    [
        (["Associated Press"], ["Daily Example", "dailyexample"], ["Associated Press"]),
        (["By News Desk"], ["Daily Example"], ["News Desk"]),
        (["Reuters"], ["Reuters", "reuters.com", "reuters"], []),  # the outlet itself
        (["TMZ Staff"], ["TMZ", "tmz.com", "tmz"], []),
        (["Rick Steves"], ["Rick Steves", "ricksteves"], ["Rick Steves"]),  # a personal site
        (["admin", "Field Level Media"], ["Example"], ["Field Level Media"]),
        (["https://example.com/team"], ["Example"], []),
    ],
)
def test_credited_names(raw: list[str], sites: list[str], expected: list[str]) -> None:
    assert credited_names(raw, sites) == expected


def test_a_nutrition_label_or_cookie_list_read_as_one_piece_is_furniture() -> None:
    rows = " ".join(
        f"{name} {grams}g {share}%"
        for name, grams, share in [
            ("Total Fat", 12, 15),
            ("Saturated Fat", 3, 14),
            ("Total Carbohydrate", 40, 14),
            ("Dietary Fiber", 4, 13),
            ("Total Sugars", 9, 0),
            ("Protein", 11, 22),
        ]
        * 4
    )
    label = f"Nutrition Facts Servings Per Recipe 6 Calories 310 % Daily Value * {rows}"
    assert len(label) > 400
    assert is_boilerplate(label)
    cookies = "Cookie Duration Description " + " ".join(
        f"example-cookie-{n} {n} months This cookie is set by the consent plugin to store "
        "whether the visitor agreed to the use of cookies in this category."
        for n in range(1, 6)
    )
    assert len(cookies) > 400
    assert is_boilerplate(cookies)
    story = (
        "Nutrition facts were printed on every tray at the harbour school this year, and "
        + "the parents who asked for them said the change had helped. " * 6
    )
    assert len(story) > 400
    assert not is_boilerplate(story)
