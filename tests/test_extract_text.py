"""The plain-text page-dump extractor: line roles, metadata fields, and the seed dump.

Dumps under tests/fixtures/text are invented pages written for these tests in the style of
real scraper output; the seed test reads ../shared and skips when it is absent.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import require_shared
from dateline.errors import ExtractionError
from dateline.extract.lines.fields import (
    dateline_place,
    find_date,
    outlet_from_url,
    parse_byline,
    section_and_topics,
    split_glued,
    unwrap_url,
)
from dateline.extract.lines.roles import split_credit
from dateline.extract.text import classify_lines, extract_text
from dateline.model import BLOCK_ROLES, Article, Block

FIXTURES = Path(__file__).parent / "fixtures" / "text"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seed"


def _dump(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def harbour() -> Article:
    return extract_text(_dump("harbour-dw-style.txt"))


@pytest.fixture(scope="module")
def wire() -> Article:
    return extract_text(_dump("wire-port-strike.txt"))


@pytest.fixture(scope="module")
def local() -> Article:
    return extract_text(_dump("local-bare-dateline.txt"))


def _role(article: Article, text_start: str) -> str:
    for block in article.blocks:
        if block.text.startswith(text_start):
            return block.role
    raise AssertionError(f"no block starts with {text_start!r}")


# One test per line role -------------------------------------------------------------------


def test_boilerplate_role(harbour: Article, wire: Article) -> None:
    assert _role(harbour, "1. Skip to content") == "boilerplate"
    assert _role(wire, "Share this article") == "boilerplate"
    assert _role(wire, "© 2025 Wirepress") == "boilerplate"


def test_section_role(harbour: Article, wire: Article) -> None:
    assert _role(harbour, "EnvironmentGhana") == "section"
    assert _role(wire, "World") == "section"


def test_title_role(harbour: Article) -> None:
    assert _role(harbour, "Fishermen fear") == "title"
    assert harbour.title == "Fishermen fear for their catch as Volta dam releases more water"


def test_byline_role(wire: Article) -> None:
    assert _role(wire, "By Marta Kowalska") == "byline"
    assert wire.authors == ["Marta Kowalska", "Piotr Nowak"]


def test_date_role(wire: Article, local: Article) -> None:
    assert _role(wire, "Updated March 3, 2025") == "date"
    assert wire.published == "2025-03-03"
    assert _role(local, "Published 4 June 2025") == "date"
    assert local.published == "2025-06-04"


def test_dateline_role(local: Article, wire: Article) -> None:
    assert _role(local, "NAIROBI") == "dateline"
    assert local.dateline == "Nairobi"
    assert wire.dateline == "Gdansk"  # from "GDANSK, March 3 (Wirepress) -" opening the lead


def test_lead_role(harbour: Article) -> None:
    assert _role(harbour, "Fishing communities along") == "lead"
    assert harbour.lead is not None and harbour.lead.startswith("Fishing communities")
    assert harbour.body.startswith(harbour.lead)


def test_paragraph_role(harbour: Article) -> None:
    assert _role(harbour, "Residents of more than a dozen") == "paragraph"
    assert "Residents of more than a dozen villages" in harbour.body


def test_heading_role(harbour: Article, wire: Article) -> None:
    assert harbour.headings == [
        "Villagers demand compensation",
        "Scientists warn of more extreme rainfall",
    ]
    assert wire.headings == ["Shipping lines diverted"]
    assert "Villagers demand compensation" not in harbour.body


def test_caption_role(wire: Article) -> None:
    assert _role(wire, "Cranes stand idle") == "caption"
    assert wire.captions[0].credit == "Jan Lis/Wirepress"
    assert "Cranes stand idle" not in wire.body


def test_credit_role(wire: Article) -> None:
    assert _role(wire, "Photo: Jan Lis/Wirepress") == "credit"


def test_alt_role(harbour: Article) -> None:
    assert _role(harbour, "A wooden fishing canoe") == "alt"
    assert _role(harbour, "A man with short dark hair") == "alt"
    assert "wooden fishing canoe" not in harbour.body


def test_url_role(harbour: Article) -> None:
    assert _role(harbour, "https://webcache.relay.test") == "url"


def test_teaser_role(harbour: Article, wire: Article) -> None:
    assert _role(harbour, "Ghana floods: 20,000 people") == "teaser"
    assert _role(wire, "Read more: Baltic ports") == "teaser"
    assert _role(wire, "Analysis: Can Poland's ports") == "teaser"  # after the last paragraph
    assert "20,000 people displaced" not in harbour.body
    assert "Baltic ports compete" not in wire.body


def test_editor_role(harbour: Article, wire: Article) -> None:
    assert _role(harbour, "Edited by: Helen Whitfield") == "editor"
    assert harbour.editors == ["Helen Whitfield"]
    assert _role(wire, "(Reporting by") == "editor"
    assert wire.editors == ["Simon Hart"]  # reporters are not editors


def test_bio_role(harbour: Article) -> None:
    assert _role(harbour, "Kwame Mensah Accra-based correspondent") == "bio"
    assert "correspondent covering" not in harbour.body


def test_every_role_is_known_and_every_line_kept(harbour: Article) -> None:
    lines = [ln.strip() for ln in _dump("harbour-dw-style.txt").splitlines() if ln.strip()]
    assert len(harbour.blocks) == len(lines)
    assert {b.role for b in harbour.blocks} <= set(BLOCK_ROLES)


# Fields -----------------------------------------------------------------------------------


def test_proxy_url_unwrapped(harbour: Article) -> None:
    assert harbour.url == "https://go.ntv.example/a/7kq2x"
    assert unwrap_url("https://proxy.example/https/real.site/path") == "https://real.site/path"
    assert (
        unwrap_url("https://a.example/x/https%3A%2F%2Freal.site%2Fp%3Fq") == "https://real.site/p?q"
    )
    assert unwrap_url("https://real.site/path") == "https://real.site/path"


def test_outlet_from_url_and_navigation(harbour: Article, wire: Article) -> None:
    assert harbour.outlet == "NTV"
    assert outlet_from_url("https://www.example-times.co.uk/world/1") == "Example Times"
    assert outlet_from_url("https://p.abc.com/x") == "ABC"
    assert wire.outlet == "Wirepress"  # from the copyright line


def test_glued_credit_split() -> None:
    text = (
        "Fisherman inspects his canoe after the latest release from the damPhoto: Ama Owusu/Reuters"
    )
    assert split_credit(text) == (
        "Fisherman inspects his canoe after the latest release from the dam",
        "Ama Owusu/Reuters",
    )
    assert split_credit("Crowds at the rally (AP Photo/Jane Roe)") == (
        "Crowds at the rally",
        "AP Photo/Jane Roe",
    )
    assert split_credit("No credit here") == ("No credit here", None)


def test_glued_section_topic_split(harbour: Article) -> None:
    assert (harbour.section, harbour.topics) == ("Environment", ["Ghana"])
    assert split_glued("McDonald iPhone") == ["McDonald iPhone"]
    assert section_and_topics("BusinessKenya | Trade") == ("Business", ["Kenya", "Trade"])


def test_byline_with_place(harbour: Article) -> None:
    assert harbour.authors == ["Kwame Mensah"]
    assert harbour.dateline == "Accra"
    assert parse_byline("Ana Silva and João Costa reporting from Lisbon") == (
        ["Ana Silva", "João Costa"],
        "Lisbon",
    )


def test_wire_dateline_and_dates() -> None:
    assert dateline_place("KYIV, March 3 (Reuters) - Ukraine said") == "Kyiv"
    assert dateline_place("NEW YORK (AP) — Stocks fell") == "New York"
    assert dateline_place("Officials said - on Monday") is None
    assert find_date("12 mai 2025") is not None
    assert find_date("no date here") is None


def test_junk_raises_e201() -> None:
    for junk in ("", "Home\nMenu\nLogin\nSubscribe\n", "asdf qwer zxcv\n12345\n!!!"):
        with pytest.raises(ExtractionError) as err:
            extract_text(junk)
        assert err.value.code == "E201"


# Invented stories in scripts the line model, which counts words by spaces, cannot read:
# each is a title line and paragraphs, as a story pasted alone is.
_ZH = "市政府周一宣布，明年起所有公共汽车将在周末免费运行，以减少市中心的交通拥堵。"
_JA = "市は月曜日、来年から週末のバスをすべて無料にすると発表し、中心部の渋滞を減らすとした。"
_TH = "เทศบาลประกาศเมื่อวันจันทร์ว่ารถโดยสารทุกสายจะให้บริการฟรีในวันหยุดสุดสัปดาห์ตั้งแต่ปีหน้า"
_AR = "أعلنت البلدية يوم الاثنين أن جميع الحافلات ستعمل مجانا في عطلة نهاية الأسبوع."
_KO = (
    "시는 월요일 내년부터 주말에는 모든 버스를 무료로 운행해 도심의 교통 혼잡을 줄이겠다고 밝혔다."
)


@pytest.mark.parametrize(
    ("title", "sentence"),
    [
        ("免费公交", _ZH),
        ("無料バス", _JA),
        ("รถฟรี", _TH),
        ("حافلات مجانية", _AR),
        ("무료 버스", _KO),
    ],
)
def test_a_story_in_a_non_latin_script_is_read(title: str, sentence: str) -> None:
    """Non-English text is normal input: a story in a script without spaces between words
    (Chinese, Japanese, Thai) or without letter case (Arabic, Korean) gets its title and
    paragraphs, as one in Russian or Greek does, not E201."""
    article = extract_text(f"{title}\n\n{sentence * 2}\n\n{sentence}\n")
    assert article.title == title
    assert article.body == f"{sentence * 2}\n\n{sentence}"


def test_a_page_dump_in_chinese_keeps_its_story_and_drops_its_menu() -> None:
    menu = ["首页", "新闻", "国际", "免费公交", "2024年5月6日 08:30"]
    dump = "\n".join([*menu, "", _ZH * 3, "", _ZH * 2, "", "相关新闻", "版权所有 © 2024"])
    article = extract_text(dump)
    assert article.title == "免费公交"
    assert article.body == f"{_ZH * 3}\n\n{_ZH * 2}"
    assert "首页" not in article.body and "相关新闻" not in article.body


def test_e201_says_why_no_line_is_prose() -> None:
    with pytest.raises(ExtractionError, match="without spaces between words") as err:
        extract_text("首页\n新闻\n国际\n")
    assert err.value.code == "E201"
    with pytest.raises(ExtractionError, match="4 lines, each read as a menu item") as err:
        extract_text("Home\nMenu\nLogin\nSubscribe\n")


def test_classify_lines_is_fast_enough_to_call_per_line_role() -> None:
    labelled = classify_lines(_dump("wire-port-strike.txt"))
    assert [lab.role for lab in labelled][:5] == ["boilerplate"] * 4 + ["section"]


# The seed dump ----------------------------------------------------------------------------


@pytest.mark.shared
def test_seed_dump_matches_gold() -> None:
    require_shared("seed")
    gold = json.loads((SEED / "gold.json").read_text(encoding="utf-8"))["article"]
    article = extract_text((SEED / "dw-tirana-summit.txt").read_text(encoding="utf-8"))
    for key in ("title", "authors", "published", "dateline", "section", "topics", "url"):
        assert getattr(article, key) == gold[key], key
    for key in ("outlet", "editors", "lead", "headings"):
        assert getattr(article, key) == gold[key], key
    assert len(article.captions) == len(gold["captions"])
    for got, want in zip(article.captions, gold["captions"], strict=True):
        assert got.text.startswith(want["text_starts"])
        assert got.credit == want["credit"]
    for text in gold["body_must_include"]:
        assert text in article.body, text
    for text in gold["not_body"]:
        assert text not in article.body, text


# The shipped model and the training / evaluation entry points ------------------------------

DEV = SHARED / "data" / "extraction"


def test_shipped_model_loads_and_round_trips() -> None:
    from dateline.extract.lines.features import features, split_lines
    from dateline.extract.lines.model import LineModel, shipped_model

    model = shipped_model()
    assert model.meta["halves"] == ["tune"] and model.meta["trained_on"]
    x = features(split_lines(_dump("wire-port-strike.txt")))
    again = LineModel.from_json(json.loads(json.dumps(model.to_json())))
    assert again.predict_proba(x) == pytest.approx(model.predict_proba(x), abs=1e-9)


@pytest.mark.shared
def test_train_is_deterministic_and_writes_a_loadable_model(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    require_shared("data", "extraction")
    pytest.importorskip("sklearn")
    from dateline.extract.lines.model import read_model
    from dateline_dev import train_lines as training
    from dateline_dev.train_lines import train

    monkeypatch.setitem(training.PARAMS, "max_iter", 5)  # the pipeline, not the fit, is tested

    a = train(DEV, tmp_path / "a.json", limit=4, crossval=False)
    train(DEV, tmp_path / "b.json", limit=4, crossval=False)
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
    assert a["halves"] == ["tune"]
    meta = read_model(tmp_path / "a.json").meta
    assert meta["trained_on"] == sorted(training.FIT_SETS)
    assert meta["halves"] == ["tune"]


@pytest.mark.shared
def test_textdump_evaluate_reports_renderers_sets_and_baseline() -> None:
    require_shared("data", "extraction")
    pytest.importorskip("inscriptis")
    from dateline_dev.eval.textdump import evaluate

    report = evaluate(DEV, limit=2)
    naeb = report["sets"]["naeb"]
    assert naeb["fitted_on"]["check"] is False
    for renderer in ("inscriptis", "html_text"):
        assert 0.0 <= naeb[renderer]["body"]["f1"] <= 1.0
        assert "keep_every_line" in naeb[renderer]
        assert set(naeb[renderer]["halves"]) == {"tune", "check"}
    assert set(report["unseen"]) == {"inscriptis", "html_text"}


def test_text_dumps_are_scored_on_lead_paragraphs_and_headings_as_html_pages_are() -> None:
    from dateline_dev.eval.textdump import scored_text

    article = Article(
        blocks=[
            Block("title", "Ferry crews vote on the offer"),
            Block("lead", "Ferry crews will vote on Friday."),
            Block("caption", "A ferry at the quay."),
            Block("heading", "What the offer holds"),
            Block("paragraph", "The offer raises night pay."),
        ]
    )
    assert scored_text(article) == (
        "Ferry crews will vote on Friday.\n\nWhat the offer holds\n\nThe offer raises night pay."
    )


def test_a_job_title_after_a_comma_is_no_second_author() -> None:
    assert parse_byline("Ana Silva, Home Affairs Correspondent") == (["Ana Silva"], None)
    assert parse_byline("By Ana Silva, Senior Editor") == (["Ana Silva"], None)
    assert parse_byline("By Ana Silva, João Costa and Rui Lopes") == (
        ["Ana Silva", "João Costa", "Rui Lopes"],
        None,
    )


def test_a_wire_dateline_on_its_own_line_is_not_an_author() -> None:
    assert parse_byline("PORT VILLE, May 3 (Wirepress) —") is None
    assert parse_byline("NORTH HAVEN (Wirepress) -") is None
    assert parse_byline("By Ana Silva, Wirepress") == (["Ana Silva"], None)
    dump = (
        "Harbour pilots end strike after pay deal\n\n"
        "PORT VILLE, May 3 (Wirepress) —\n\n"
        "Harbour pilots in Portville returned to work on Saturday after their union accepted a "
        "pay offer from the port authority, ending a walkout that had left ships at anchor.\n\n"
        "The union said its members had voted by a wide margin to accept the deal, which raises "
        "night-shift pay and adds a second pilot on the largest vessels entering the channel.\n\n"
        "Shipping agents said the backlog of vessels waiting outside the harbour would take "
        "several days to clear once the pilots were back on their regular rotations.\n"
    )
    article = extract_text(dump)
    assert "VILLE" not in " ".join(article.authors).upper()


def test_a_hard_wrapped_paragraph_is_one_line() -> None:
    # an e-mail or terminal copy wraps prose at a fixed width; a rendered page never does
    from dateline.extract.lines.features import split_lines

    wrapped = (
        "Ferry strike ends\n\n"
        "Ferry crews in Brennmoor went back to work on Friday after their union\n"
        "accepted a pay offer from the port authority. The strike had kept dozens\n"
        "of boats in harbour for a week.\n\n"
        "Short line\n"
        "Another short line\n"
    )
    lines = [line.text for line in split_lines(wrapped)]
    assert lines[1].startswith("Ferry crews in Brennmoor") and lines[1].endswith("for a week.")
    assert lines[2:] == ["Short line", "Another short line"]
    assert len(lines) == 4
    # one line longer than a wrap width: the dump is not wrapped, every line stands
    long = "x " * 80
    assert len(split_lines(wrapped + long)) == 7


def test_a_bare_story_of_short_paragraphs_is_all_article_text() -> None:
    # a brief typed or pasted without a page around it: a title, then sentences only
    story = (
        "Ferry crews return\n\n"
        "BRENNMOOR — Ferry crews went back to work on Friday.\n\n"
        "The union accepted a pay offer late on Thursday.\n\n"
        "A port spokesman, Ivo Tannen, said boats would sail by noon.\n\n"
        "The strike had kept dozens of boats in harbour for a week."
    )
    article = extract_text(story)
    assert article.title == "Ferry crews return"
    assert article.body.split("\n\n") == story.split("\n\n")[1:]
    # one sentence among page furniture is no bare story
    with pytest.raises(ExtractionError):
        extract_text(
            "Home\nMenu\nLogin\nSubscribe\nThe union accepted a pay offer late on Thursday."
        )
