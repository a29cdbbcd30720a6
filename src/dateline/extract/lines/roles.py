"""Assign every line of a dump its role, from the model's P(body) and clear, general rules.

The model answers the question the data can teach (is this line article text?). The finer
roles have no gold labels in the development sets, so they come from rules over the same
features and the lexicon, each stated once:

* lexical roles win first: a whole-line link is ``url``; ``Edited by`` opens ``editor``;
  a credit prefix makes ``credit`` (alone) or ``caption`` (after caption text, even glued);
  a navigation phrase is ``boilerplate``; a "Read more" style prefix is ``teaser``.
* the *lead* is the first confident prose line; lines above it form the header, where the
  title is the most headline-like line (length, closeness to the lead, the URL slug, being
  repeated in a page-title line), the short line above the title is the section, and name
  lines and date lines around it are byline and date.
* between the lead and the last body line, a short unpunctuated line followed by prose is a
  ``heading`` — unless it reads as the headline of another story ("Speaker: claim",
  "Label: question", a quoted line) and the text under it is not about it (fewer than 60%
  of its words recur there): then it is a ``teaser``. A line right before a caption that
  shares its words, or is descriptive and unpunctuated, is the image's ``alt`` text; a line
  before a lone credit is a ``caption``.
* the body ends before an editor line with at most one prose line after it (a sign-off);
  after the body, lines that name an author are ``bio`` (the line before one, describing a
  person, is ``alt``); "Label: headline" lines are teasers; the rest is boilerplate.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from dateline.extract.lines.features import SENTENCE_BREAK, TERMINAL, Line
from dateline.extract.lines.fields import URL_RE, find_date, parse_byline
from dateline.extract.lines.lexicon import is_navigation, lexicon

THRESHOLD = 0.5
_CONTENT = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
_HEADLINE_COLON = re.compile(r"^[\w'’.-]+(?:\s[\w'’.-]+){0,2}:\s")
_PAREN_CREDIT = re.compile(r"\s*\(([^()]*(?:Photo|Foto|Image|Getty|Reuters|AFP|AP)[^()]*)\)\s*$")


@dataclass(slots=True)
class Labelled:
    role: str
    text: str
    credit: str | None = None  # for captions
    names: list[str] = field(default_factory=list)  # for bylines and editor lines
    place: str | None = None  # for bylines carrying a place


def _words(text: str) -> list[str]:
    return text.split()


def _stems(text: str) -> set[str]:
    stop = lexicon().stopwords
    return {w[:5] for w in (t.casefold() for t in _CONTENT.findall(text)) if w not in stop}


def _overlap(a: str, b: str) -> float:
    sa = _stems(a)
    return len(sa & _stems(b)) / len(sa) if sa else 0.0


def _role(lab: Labelled | None) -> str | None:
    return lab.role if lab else None


def _is_prose(text: str) -> bool:
    return len(_words(text)) >= 12 or (bool(TERMINAL.search(text)) and len(_words(text)) >= 6)


def _headline_shaped(text: str) -> bool:
    n = len(_words(text))
    return (
        1 <= n <= 18
        and not TERMINAL.search(text)
        and not re.search(r"[,;:]$", text)
        and not URL_RE.search(text)
    )


def _teaser_shaped(text: str) -> bool:
    """ "Label: headline" lines ("Opinion: Can X still…?") — how links to stories read."""
    return (
        bool(_HEADLINE_COLON.match(text))
        and len(_words(text)) <= 15
        and not re.search(r"\.[\"'”’»)\]]*$", text)
        and not SENTENCE_BREAK.search(text)
    )


def split_credit(text: str) -> tuple[str, str | None]:
    """Caption text and its credit: "…in UkraineImage: AP" -> ("…in Ukraine", "AP")."""
    lex = lexicon()
    prefix = lex.credit_prefix.search(text)
    if prefix:
        # At the start (a lone credit), glued ("UkraineImage:") or after a space / dash.
        credit = text[prefix.end() :].strip() or None
        return text[: prefix.start()].rstrip(" -–—|"), credit
    paren = _PAREN_CREDIT.search(text)
    if paren and lex.credit_agency.search(paren.group(1)):
        return text[: paren.start()].strip(), paren.group(1).strip()
    return text, None


def _lexical(line: Line) -> Labelled | None:
    lex = lexicon()
    text = line.bare
    url = URL_RE.fullmatch(text.rstrip("/"))
    if url or (URL_RE.match(text) and " " not in text):
        return Labelled("url", text)
    if lex.editor_prefix.match(text) or lex.contributor_prefix.match(text):
        # "(Reporting by A; Editing by B)": only clauses that edit name editors.
        editors: list[str] = []
        for clause in re.split(r"[;|]", text.strip("() ")):
            m = lex.editor_prefix.match(clause.strip())
            if m:
                rest = clause.strip()[m.end() :].strip(" ).")
                editors += [n.strip() for n in re.split(r",|\band\b|&", rest) if n.strip()]
        return Labelled("editor", text, names=[n for n in editors if len(n.split()) <= 4])
    caption, credit = split_credit(text)
    if credit is not None:
        if not caption:
            return Labelled("credit", text, credit=credit)
        return Labelled("caption", caption, credit=credit)
    if len(_words(text)) <= 12 and lex.credit_agency.search(text) and "/" in text:
        return Labelled("credit", text, credit=text)
    if is_navigation(text):
        return Labelled("boilerplate", line.text)
    if lex.teaser_prefix.match(text) and len(_words(text)) >= 3:
        return Labelled("teaser", text)
    return None


def _byline(text: str) -> Labelled | None:
    lex = lexicon()
    prefixed = bool(lex.byline_prefix.match(text))
    parsed = parse_byline(text)
    if parsed is None:
        return None
    names, place = parsed
    if not prefixed and place is None and (len(_words(text)) > 8 or len(names[0].split()) > 3):
        return None
    return Labelled("byline", text, names=names, place=place)


def _date_line(text: str) -> bool:
    found = find_date(text)
    if not found:
        return False
    rest = (text[: found[1][0]] + text[found[1][1] :]).strip()
    rest = lexicon().date_prefix.sub("", rest)
    return len(_words(rest)) <= 6


def assign(lines: Sequence[Line], proba: np.ndarray, *, slug: str = "") -> list[Labelled]:
    """One Labelled per line, in order."""
    n = len(lines)
    out: list[Labelled | None] = [_lexical(line) for line in lines]
    body = [
        proba[i] >= THRESHOLD
        and out[i] is None
        and _is_prose(lines[i].bare)
        and not _teaser_shaped(lines[i].bare)
        for i in range(n)
    ]
    if not any(body):
        return [lab or Labelled("boilerplate", ln.text) for lab, ln in zip(out, lines, strict=True)]
    lead = body.index(True)
    # An editor line ("Edited by", "Editing by") with at most one prose line after it signs
    # the article off: that line is page furniture (alt text, a bio). An editor line with the
    # article's paragraphs under it is only a credit at the top of the story.
    signed = next(
        (i for i in range(lead + 1, n) if _role(out[i]) == "editor" and sum(body[i + 1 :]) <= 1),
        n,
    )
    last = max(i for i in range(lead, signed) if body[i])
    _header(lines, out, lead, slug)
    authors = [n for lab in out if lab and lab.role == "byline" for n in lab.names]
    while last > lead and _signs_off(lines[last].bare, authors):
        # "Jane Doe is our Africa correspondent": prose the model reads as body, that ends it
        body[last] = False
        last = max(i for i in range(lead, last) if body[i])
    out[lead] = Labelled("lead", lines[lead].bare)
    for i in range(lead + 1, last + 1):
        if out[i] is None:
            out[i] = _inside(lines, proba, out, i, last)
    _tail(lines, out, last)
    _images(lines, proba, out, lead)
    return [lab or Labelled("boilerplate", ln.text) for lab, ln in zip(out, lines, strict=True)]


def _title_score(lines: Sequence[Line], i: int, lead: int, slug: str) -> float:
    """How much line ``i`` reads as the page's headline (higher is more)."""
    text = lines[i].bare
    n = len(_words(text))
    score = 2.0 if 4 <= n <= 25 else 0.0
    if slug:
        score += 3.0 * _overlap(text, slug)
    norm = text.casefold()
    # A headline is often repeated: in the page <title> line a renderer puts first.
    if any(norm in ln.bare.casefold() and j != i for j, ln in enumerate(lines[:3])):
        score += 2.0
    if re.search(r"[|»›]", text) or lexicon().byline_prefix.match(text) or is_navigation(text):
        score -= 3.0
    if not (text[:1].isupper() or text[:1].isdigit() or text[:1] in "\"“‘'¿¡"):
        score -= 1.0
    return score - 0.1 * (lead - i)


def _header(lines: Sequence[Line], out: list[Labelled | None], lead: int, slug: str) -> None:
    window = [i for i in range(max(0, lead - 15), lead) if out[i] is None]
    for i in window:
        text = lines[i].bare
        if _date_line(text):
            out[i] = Labelled("date", text)
    bylines = {i: b for i in window if out[i] is None and (b := _byline(lines[i].bare))}
    candidates = [
        i
        for i in window
        if out[i] is None
        and i not in bylines
        and 3 <= len(_words(lines[i].bare)) <= 30
        and not lines[i].bare.endswith(".")
    ]
    if bylines:
        first_byline = min(bylines)
        before = [i for i in candidates if i < first_byline]
        candidates = before or candidates
    title = None
    if candidates:
        title = max(candidates, key=lambda i: (_title_score(lines, i, lead, slug), i))
        out[title] = Labelled("title", lines[title].bare)
    for i, byline in bylines.items():
        if title is None or i > title or len(bylines) == 1:
            out[i] = byline
    if title is not None:
        for i in range(title - 1, max(-1, title - 3), -1):
            text = lines[i].bare
            if out[i] is None and len(_words(text)) <= 4 and not TERMINAL.search(text):
                out[i] = Labelled("section", text)
                break
    for i in window:
        text = lines[i].bare
        if (
            out[i] is None
            and i > (title if title is not None else lead)
            and re.fullmatch(r"[A-ZÀ-Þ][A-ZÀ-Þ'’. -]{2,40}[\s,–—-]*", text)
        ):
            out[i] = Labelled("dateline", text)


def _inside(
    lines: Sequence[Line], proba: np.ndarray, out: list[Labelled | None], i: int, last: int
) -> Labelled:
    text = lines[i].bare
    if _is_prose(text) and not _headline_shaped(text) and not _teaser_shaped(text):
        return Labelled("paragraph" if proba[i] >= THRESHOLD else "boilerplate", text)
    nxt = i + 1
    next_text = lines[nxt].bare if nxt <= last else ""
    prev_text = lines[i - 1].bare
    in_list = (_headline_shaped(prev_text) and proba[i - 1] >= THRESHOLD) or (
        _headline_shaped(next_text) and proba[min(nxt, len(lines) - 1)] >= THRESHOLD
    )
    shaped = _headline_shaped(text) or _teaser_shaped(text)
    if shaped and not in_list and _is_prose(next_text):
        # A heading announces the text under it; a teaser names another story.
        section = []
        for j in range(nxt, last + 1):
            t = lines[j].bare
            if _headline_shaped(t) and j > nxt:
                break
            if out[j] is None or out[j].role == "paragraph":  # type: ignore[union-attr]
                section.append(t)
            if len(section) >= 6:
                break
        cohesion = _overlap(text, " ".join(section))
        # "Speaker: claim" and quoted lines are how headlines of other stories read.
        headline = bool(_HEADLINE_COLON.match(text)) or text[:1] in "\"“‘'"
        if headline and cohesion < 0.6:
            return Labelled("teaser", text)
        return Labelled("heading", text)
    if proba[i] >= THRESHOLD:
        return Labelled("paragraph", text)
    return Labelled("boilerplate", text)


def _signs_off(text: str, authors: Sequence[str]) -> bool:
    """An author's bio: a line that opens with a byline's name and says what they do."""
    low = text.casefold()
    return any(low.startswith(a.casefold()) for a in authors) and any(
        c in low for c in lexicon().bio_cues
    )


def _tail(lines: Sequence[Line], out: list[Labelled | None], last: int) -> None:
    authors = [n for lab in out if lab and lab.role == "byline" for n in lab.names]
    cues = lexicon().bio_cues
    for i in range(last + 1, len(lines)):
        text = lines[i].bare
        low = text.casefold()
        if out[i] is not None:
            continue
        if _teaser_shaped(text):
            out[i] = Labelled("teaser", text)
            continue
        names_author = any(low.startswith(a.casefold()) for a in authors)
        if names_author or (
            len(_words(text)) <= 60
            and any(c in low for c in cues)
            and any(a.casefold() in low for a in authors)
        ):
            out[i] = Labelled("bio", text)


def _images(
    lines: Sequence[Line], proba: np.ndarray, out: list[Labelled | None], lead: int
) -> None:
    """Alt text before captions and bios; captions before lone credits."""
    for i, lab in enumerate(out):
        if lab is None or i == 0:
            continue
        prev = out[i - 1]
        prev_text = lines[i - 1].bare
        if lab.role == "credit" and (prev is None or prev.role in ("paragraph", "boilerplate")):
            long_prose = proba[i - 1] >= 0.9 and len(_words(prev_text)) >= 25
            if not long_prose and i - 1 != lead:
                out[i - 1] = Labelled("caption", prev_text, credit=lab.credit)
                out[i] = Labelled("credit", lab.text, credit=lab.credit)
        elif lab.role in ("caption", "bio") and (
            prev is None or prev.role in ("paragraph", "boilerplate")
        ):
            unpunctuated = not TERMINAL.search(prev_text)
            shared = _overlap(prev_text, lab.text) > 0.15
            descriptive = unpunctuated and len(_words(prev_text)) >= 6
            if i - 1 != lead and (
                (unpunctuated or proba[i - 1] < THRESHOLD) and (shared or descriptive)
            ):
                out[i - 1] = Labelled("alt", prev_text)
