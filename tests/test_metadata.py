"""The page's own metadata (JSON-LD, OpenGraph, meta tags, <time>, htmldate) and the text
rules that clean it: site-name suffixes, bylines, datelines, caption credits."""

from __future__ import annotations

from pathlib import Path

import pytest
from trafilatura.utils import load_html

from dateline.extract.html_rules import (
    byline_place,
    clean_authors,
    find_dateline,
    is_boilerplate,
    is_teaser_heading,
    is_teaser_line,
    split_credit,
    strip_site,
)
from dateline.extract.metadata import (
    complete_metadata,
    host_names,
    iso_date,
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
    assert page.title == "Balkan leaders back joint arms plan at Tirana summit"
    # the Organization listed among the authors is not a person
    assert page.authors == ["Jane Doe", "Petrit Hoxha"]
    assert page.published == "2024-02-28T14:05:00"
    assert page.section == "Europe"
    assert page.topics == ["Albania", "Ukraine", "Defence"]
    assert page.outlet == "Balkan Wire"
    assert (
        page.url
        == "https://www.balkanwire.example/world/europe/balkan-leaders-arms-plan-2024-02-28/"
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


def test_iso_date() -> None:
    assert iso_date("2024-02-28T14:05:00+01:00") == "2024-02-28T14:05:00"
    assert iso_date("2024-2-3") == "2024-02-03"
    assert iso_date("yesterday") is None
    assert iso_date("1066-10-14") is None  # implausible for a web page


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
        ("TIRANA, Feb 28 (Reuters) - Leaders met.", "Tirana"),
        ("KYIV — Ukraine opened a line.", "Kyiv"),
        ("WASHINGTON (AP) — The Senate voted.", "Washington"),
        ("KANSAS CITY, Mo. (AP) — A romance.", "Kansas City"),
        ("LOS ALAMOS NATIONAL LAB, N.M.—The place looks staged.", "Los Alamos National Lab"),
        ("The president said on Monday - in Kyiv - that", None),
        ("US officials said", None),
    ],
)
def test_dateline_detection(text: str, place: str | None) -> None:
    found = find_dateline(text)
    assert (found[0] if found else None) == place


def test_byline_place() -> None:
    assert byline_place("Rashela Shehu in Tirana") == "Tirana"
    assert byline_place("By Jane Doe") is None


@pytest.mark.parametrize(
    ("text", "caption", "credit"),
    [
        ("Leaders meet in Tirana. Photo: AP", "Leaders meet in Tirana.", "AP"),
        (
            "Leaders meet in Tirana Image: Armando Babani/AP",
            "Leaders meet in Tirana.",
            "Armando Babani/AP",
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
