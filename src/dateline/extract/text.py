"""Plain-text page dumps to Articles.

A dump is what a scraper or a copy-paste leaves of a page: navigation, a section line,
title, byline, date, links, image alt text, captions and credits, headings, teasers, body
paragraphs, editor line, author bio — one per line, in page order. A small trained model
(``dateline.extract.lines``) says which lines are article text; general rules over the same
features and the lexicon files give the finer roles and the metadata fields.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from dateline.errors import ExtractionError
from dateline.extract.lines.features import features, split_lines
from dateline.extract.lines.fields import (
    dateline_place,
    find_date,
    outlet_from_copyright,
    outlet_from_navigation,
    outlet_from_url,
    section_and_topics,
    unwrap_url,
)
from dateline.extract.lines.model import shipped_model
from dateline.extract.lines.roles import Labelled, assign
from dateline.model import Article, Block, Caption
from dateline.sources.urls import usable_url

__all__ = ["classify_lines", "extract_text"]


def classify_lines(text: str, *, url: str | None = None) -> list[Labelled]:
    """Every non-empty line of the dump with its role (see ``BLOCK_ROLES``)."""
    lines = split_lines(text)
    if not lines:
        return []
    proba = shipped_model().predict_proba(features(lines))
    slug = urlsplit(url).path.replace("-", " ").replace("_", " ") if url and usable_url(url) else ""
    return assign(lines, proba, slug=slug)


def extract_text(text: str, *, url: str | None = None) -> Article:
    """Extract an Article from a plain-text page dump. Raises E201 when nothing is
    article-like (no line reads as article prose)."""
    labelled = _unspaced_story(_short_story(classify_lines(text, url=url)))
    if not any(lab.role == "lead" for lab in labelled):
        raise ExtractionError(
            "no article text found in the text dump: no line reads as article prose "
            f"({_no_prose_hint(labelled)}); check that the input is a news page and not a "
            "menu, listing or binary data",
            code="E201",
        )
    article = Article(blocks=[Block(lab.role, lab.text) for lab in labelled])
    roles: dict[str, list[Labelled]] = {}
    for lab in labelled:
        roles.setdefault(lab.role, []).append(lab)

    def first(role: str) -> str | None:
        return roles[role][0].text if role in roles else None

    article.title = first("title")
    article.lead = first("lead")
    article.body = "\n\n".join(lab.text for lab in labelled if lab.role in ("lead", "paragraph"))
    article.headings = [lab.text for lab in roles.get("heading", [])]
    article.captions = [Caption(lab.text, lab.credit) for lab in roles.get("caption", [])]
    article.authors = _unique(n for lab in roles.get("byline", []) for n in lab.names)
    article.editors = _unique(n for lab in roles.get("editor", []) for n in lab.names)
    article.dateline = next(
        (lab.place for lab in roles.get("byline", []) if lab.place), None
    ) or _dateline(roles)
    section = first("section")
    if section:
        article.section, article.topics = section_and_topics(section)
    article.published = _published(labelled, roles)
    links = [unwrap_url(lab.text) for lab in roles.get("url", []) if usable_url(lab.text.strip())]
    article.url = url or (links[0] if links else None)
    boilerplate = [lab.text for lab in roles.get("boilerplate", [])]
    article.outlet = (
        outlet_from_url(article.url)
        or next((o for t in boilerplate if (o := outlet_from_navigation(t))), None)
        or next((o for t in boilerplate if (o := outlet_from_copyright(t))), None)
    )
    return article


#: Fewest sentence lines a bare story needs (one is as likely a stray line of a page).
_MIN_SENTENCES = 2
#: Sentence ends, with the full stops of Chinese and Japanese (。．！？ and closing corner
#: brackets), Devanagari (।) and Arabic script (؟ ۔).
_SENTENCE_END = tuple(".!?\"”’'。．！？」』।؟۔")
#: Letters of scripts written without spaces between words (Han, kana, Thai, Lao, Khmer,
#: Myanmar): there a line's words cannot be counted by spaces.
_UNSPACED = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    r"\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]"
)
#: Letters of an unspaced script a line needs to count as prose (some forty words of it).
_UNSPACED_PROSE = 60


def _sentence(text: str) -> bool:
    """A line written as prose: a capital or a quotation mark first, six words or more, most
    of them in lower case, and a full stop (or a closing mark) last. In a script without
    letter case (Arabic, Hebrew, Devanagari, Hangul) an uncased letter stands for both; in one
    written without spaces (Chinese, Japanese, Thai) a long run of its letters is prose."""
    if _mostly_unspaced(text):
        unspaced = len(_UNSPACED.findall(text))
        return unspaced >= _UNSPACED_PROSE or (
            unspaced >= _UNSPACED_PROSE // 3 and text.rstrip().endswith(_SENTENCE_END)
        )
    words = text.split()
    return (
        len(words) >= 6
        and (text[0].isupper() or _uncased(text[0]) or text[0].isdigit() or text[0] in "\"“‘'")
        and text.rstrip().endswith(_SENTENCE_END)
        and sum(w[0].islower() or _uncased(w[0]) for w in words) * 3 >= len(words)
    )


def _mostly_unspaced(text: str) -> bool:
    """Whether most of the letters of ``text`` are of a script written without spaces."""
    return len(_UNSPACED.findall(text)) * 2 > len("".join(text.split()))


def _unspaced_story(labelled: list[Labelled]) -> list[Labelled]:
    """A page dump in a script written without spaces between words (Chinese, Japanese,
    Thai), where the line model, which reads a line's words by its spaces, finds no article
    text: its prose lines (``_sentence``) are the story, and the longest of the three lines
    before them that is no date its title, unless the model found one."""
    if any(lab.role == "lead" for lab in labelled):
        return labelled
    if not _mostly_unspaced("".join(lab.text for lab in labelled)):
        return labelled
    prose = [k for k, lab in enumerate(labelled) if _sentence(lab.text)]
    if not prose:
        return labelled
    out = list(labelled)
    before = [k for k in range(max(0, prose[0] - 3), prose[0]) if _no_date(out[k].text)]
    if before and not any(lab.role == "title" for lab in labelled):
        title = max(before, key=lambda k: len(out[k].text))
        out[title] = Labelled("title", out[title].text)
    for n, k in enumerate(prose):
        out[k] = Labelled("lead" if n == 0 else "paragraph", out[k].text)
    return out


def _no_date(text: str) -> bool:
    return not find_date(text) and sum(c.isalpha() for c in text) > sum(c.isdigit() for c in text)


def _no_prose_hint(labelled: list[Labelled]) -> str:
    """Why no line read as prose, for the E201 message."""
    text = "".join(lab.text for lab in labelled)
    if not text:
        return "the text has no lines"
    if _mostly_unspaced(text):
        return (
            "the text is in a script written without spaces between words and no line is "
            f"{_UNSPACED_PROSE // 3} characters of it ending a sentence"
        )
    lines = f"{len(labelled)} line" + ("s" if len(labelled) != 1 else "")
    return f"{lines}, each read as a menu item, heading or other page furniture"


def _uncased(char: str) -> bool:
    """A letter of a script without upper and lower case."""
    return char.isalpha() and not char.isupper() and not char.islower()


def _short_story(labelled: list[Labelled]) -> list[Labelled]:
    """A dump of a bare story (a brief or a wire item of a few short paragraphs, typed or pasted
    without a page around it), whose short lines the model, trained on whole pages, may read
    as furniture: when every line but a first, title-like one is a sentence, there is no page
    furniture to remove and the sentences are the story, the line before them its title."""
    prose = [k for k, lab in enumerate(labelled) if _sentence(lab.text)]
    first = len(labelled) - len(prose)
    if len(prose) < _MIN_SENTENCES or first > 1 or prose[0] != first:
        return labelled
    out = [Labelled("title", labelled[0].text)] if first else []
    out += [
        Labelled("lead" if n == 0 else "paragraph", labelled[k].text) for n, k in enumerate(prose)
    ]
    return out


def _published(labelled: list[Labelled], roles: dict[str, list[Labelled]]) -> str | None:
    """The date line, else a date in the byline, else the first date in a short non-body
    line above the lead (a timestamp the header rules did not recognise)."""
    for role in ("date", "byline"):
        dated = next((d for lab in roles.get(role, []) if (d := find_date(lab.text))), None)
        if dated:
            return dated[0]
    for lab in labelled:
        if lab.role == "lead":
            break
        if len(lab.text.split()) <= 12 and (found := find_date(lab.text)):
            return found[0]
    return None


def _dateline(roles: dict[str, list[Labelled]]) -> str | None:
    if "dateline" in roles:
        place = re.sub(r"[\s,–—-]+$", "", roles["dateline"][0].text)
        return " ".join(w.capitalize() if len(w) > 2 else w for w in place.split())
    lead = roles.get("lead")
    return dateline_place(lead[0].text) if lead else None


def _unique(names: object) -> list[str]:
    seen: dict[str, str] = {}
    for name in names:  # type: ignore[attr-defined]
        seen.setdefault(str(name).casefold(), str(name))
    return list(seen.values())
