"""Sources: RSS and Atom feeds, written by the tests; entries' links served locally."""

from __future__ import annotations

import gzip
from pathlib import Path

from dateline.model import Document
from dateline.options import Options
from dateline.sources import SourceFailure, iter_documents
from dateline.sources.feeds import FULL_TEXT_MIN_WORDS, looks_like_feed, read_feed
from dateline.sources.web import Fetcher
from test_sources_web import FAST, Reply, Site
from test_sources_web import site as site  # the local HTTP server, a fixture

ARTICLE = " ".join(
    ["Negotiators met in the port city on Tuesday to discuss the grain corridor."] * 20
)
assert len(ARTICLE.split()) >= FULL_TEXT_MIN_WORDS


def rss(base: str = "https://news.example") -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<!-- a comment before the root -->
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Adriatic Wire</title>
  <link>{base}/</link>
  <item>
    <title>Port talks resume</title>
    <link>{base}/port-talks</link>
    <guid isPermaLink="false">wire-101</guid>
    <pubDate>Tue, 05 Mar 2024 09:30:00 +0100</pubDate>
    <description>Talks resumed.</description>
    <content:encoded><![CDATA[<p>{ARTICLE}</p><p>Second paragraph.</p>]]></content:encoded>
  </item>
  <item>
    <title>Teaser only</title>
    <link>{base}/teaser</link>
    <pubDate>Wed, 06 Mar 2024 10:00:00 GMT</pubDate>
    <description>Short teaser &amp; nothing more.</description>
  </item>
</channel>
</rss>
"""


def atom(base: str) -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Local news</title>
  <id>urn:local</id>
  <updated>2024-03-07T08:00:00Z</updated>
  <entry>
    <title>Ministers meet</title>
    <id>urn:entry:1</id>
    <link rel="alternate" href="{base}/story/1"/>
    <published>2024-03-07T08:00:00+02:00</published>
    <updated>2024-03-07T09:00:00+02:00</updated>
    <summary>Ministers met.</summary>
  </entry>
  <entry>
    <title>Redirected</title>
    <id>urn:entry:2</id>
    <link href="{base}/old/2"/>
    <updated>2024-03-08T08:00:00Z</updated>
    <summary>Moved.</summary>
  </entry>
  <entry>
    <title>Forbidden</title>
    <id>urn:entry:3</id>
    <link href="{base}/private/3"/>
    <summary>Private.</summary>
  </entry>
</feed>
"""


def test_rss_full_content_is_used_without_fetching(tmp_path: Path, site: Site) -> None:
    path = tmp_path / "wire.xml"
    path.write_text(rss(site.base))
    items = list(iter_documents([path], Options(fetch_links=False)))
    first, second = items
    assert isinstance(first, Document)
    assert first.input_id == f"{path}#wire-101"
    assert first.url == site.url("/port-talks")
    assert first.title == "Port talks resume"
    assert first.published == "2024-03-05T09:30:00+01:00"
    assert first.kind == "html" and "grain corridor" in first.content
    assert first.content.startswith("<html>") and "Second paragraph" in first.content
    assert isinstance(second, SourceFailure) and second.code == "E111"
    assert "fetch_links" in second.message and site.url("/teaser") in second.message
    assert site.log == []  # nothing fetched


def test_rss_teaser_entry_fetches_its_link(tmp_path: Path, site: Site) -> None:
    site.page("/teaser")
    path = tmp_path / "wire.rss"
    path.write_text(rss(site.base))
    items = list(iter_documents([path], FAST))
    teaser = items[1]
    assert isinstance(teaser, Document)
    assert teaser.input_id == f"{path}#{site.url('/teaser')}"  # no guid: the link names it
    assert teaser.title == "Teaser only"  # the entry's, not the page's
    assert teaser.published == "2024-03-06T10:00:00+00:00"
    assert "grain corridor" in teaser.content and teaser.url == site.url("/teaser")
    assert site.requested("/port-talks") == 0  # full text in the feed: not fetched


def test_atom_links_fetched_politely(tmp_path: Path, site: Site) -> None:
    site.page("/story/1")
    site.page("/story/2")
    site.page("/private/3")
    site.routes["/old/2"] = lambda _s: Reply(301, headers={"Location": "/story/2"})
    path = tmp_path / "local.atom"
    path.write_text(atom(site.base))
    items = list(iter_documents([path], FAST))
    assert [type(i).__name__ for i in items] == ["Document", "Document", "SourceFailure"]
    one, two, three = items
    assert isinstance(one, Document) and isinstance(two, Document)
    assert one.input_id == f"{path}#urn:entry:1"
    assert one.published == "2024-03-07T08:00:00+02:00"  # published wins over updated
    assert two.url == site.url("/story/2") and two.published == "2024-03-08T08:00:00+00:00"
    assert isinstance(three, SourceFailure) and three.code == "E108"
    assert three.input_id == f"{path}#urn:entry:3"
    assert site.requested("/robots.txt") == 1 and site.requested("/private/3") == 0


def test_feed_url(site: Site) -> None:
    site.page("/story/1")
    site.page("/feed", atom(site.base), "application/atom+xml")
    items = list(iter_documents([site.url("/feed")], FAST))
    assert items[0].input_id == f"{site.url('/feed')}#urn:entry:1"
    assert isinstance(items[0], Document) and items[0].url == site.url("/story/1")


def test_feed_url_served_as_text_html_is_still_a_feed(site: Site) -> None:
    site.page("/feed.php", rss(site.base), "text/html")
    options = Options(fetch_links=False, host_interval=0)
    items = list(iter_documents([site.url("/feed.php")], options))
    assert [i.input_id for i in items] == [
        f"{site.url('/feed.php')}#wire-101",
        f"{site.url('/feed.php')}#{site.url('/teaser')}",
    ]


def test_feed_detected_by_content_not_name(tmp_path: Path) -> None:
    path = tmp_path / "download"
    path.write_bytes(gzip.compress(rss().encode()))
    items = list(iter_documents([path], Options(fetch_links=False)))
    assert items[0].input_id == f"{path}#wire-101"


def test_looks_like_feed() -> None:
    assert looks_like_feed(rss().encode())
    assert looks_like_feed(b'<feed xmlns="http://www.w3.org/2005/Atom">')
    assert looks_like_feed(b'<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="x">')
    assert looks_like_feed(b"\xef\xbb\xbf<rss version='2.0'>")
    assert not looks_like_feed(b"<html><body><rss>not a feed</rss></body></html>")
    assert not looks_like_feed(b"<!DOCTYPE html><html><head><title>feed</title>")
    assert not looks_like_feed(b"<feedback>")


def test_rdf_feed(tmp_path: Path) -> None:
    path = tmp_path / "rdf.xml"
    path.write_text(
        '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
        ' xmlns="http://purl.org/rss/1.0/"><channel rdf:about="x"><title>t</title></channel>'
        f'<item rdf:about="https://e.example/1"><title>One</title><link>https://e.example/1'
        f"</link><description>{ARTICLE}</description></item></rdf:RDF>"
    )
    (item,) = iter_documents([path], Options(fetch_links=False))
    assert isinstance(item, Document) and item.title == "One"
    assert "grain corridor" in item.content


def test_broken_feed_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>x</ti')
    (item,) = iter_documents([path], Options(fetch_links=False))
    assert isinstance(item, SourceFailure) and item.code == "E110"
    assert "not a readable RSS or Atom feed" in item.message


def test_empty_feed_has_no_documents(tmp_path: Path) -> None:
    path = tmp_path / "empty.xml"
    path.write_text('<rss version="2.0"><channel><title>Quiet</title></channel></rss>')
    assert list(iter_documents([path])) == []


def test_relative_link_without_base_cannot_be_fetched() -> None:
    data = (
        b'<rss version="2.0"><channel><item><title>t</title><link>/a</link></item></channel></rss>'
    )
    (item,) = read_feed(data, "feed.xml", FAST)
    assert isinstance(item, SourceFailure) and item.code == "E107"
    assert "not an absolute http(s) URL" in item.message


def test_entry_with_no_link_uses_what_text_it_has() -> None:
    data = (
        b'<rss version="2.0"><channel><item><title>Brief</title>'
        b"<description>Only a line.</description></item></channel></rss>"
    )
    with Fetcher(FAST) as fetcher:
        (item,) = read_feed(data, "feed.xml", FAST, fetcher)
    assert isinstance(item, Document) and "Only a line." in item.content
    assert item.input_id == "feed.xml#1"


def test_entry_link_that_is_no_page(site: Site) -> None:
    """A feed entry whose link is not HTML fails with the page's own reason."""
    site.routes["/pdf"] = lambda _s: Reply(
        body=b"%PDF-1.4", headers={"Content-Type": "application/pdf"}
    )
    data = (
        f'<rss version="2.0"><channel><item><title>t</title><link>{site.url("/pdf")}</link>'
        "</item></channel></rss>"
    ).encode()
    (item,) = read_feed(data, "feed.xml", FAST)
    assert isinstance(item, SourceFailure) and item.code == "E112"
