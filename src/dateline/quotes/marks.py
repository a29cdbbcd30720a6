"""Quotation marks over plain text: which stretches of a body are quoted.

Works on characters only (no parse), paragraph by paragraph (paragraphs are separated by blank
lines, as in ``article.body``). Straight double quotes toggle; curly ones say which way they
face, guillemets too; a single opening mark (curly, or a straight ' at a word's start) pairs with
the next closing mark that is not an apostrophe ("don’t") or a plural possessive ("farmers’").
The news convention of reopening a quote on each paragraph is followed: a paragraph that ends
inside a quote and is followed by a paragraph opening with a mark continues the same quote. A
closing double mark that opens a paragraph opens a quote (a mark the typesetting turned).

Titles in quotation marks ("signed a "Charter of Good Neighbourly Relations"") and scare quotes
(one or two words) are classified here too, from the quoted text and the words just before it;
so is a subheading, a short Title Case line in marks that is a paragraph of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_PARAGRAPH_BREAK = re.compile(r"\n\s*")
_WORD = re.compile(r"\w+(?:['’]\w+)*", re.UNICODE)
OPENERS = frozenset("“«„")
CLOSERS = frozenset("”»")
STRAIGHT = '"'
#: The characters ``_scan_paragraph`` acts on; it jumps over every other one.
_MARKS = re.compile("[" + re.escape("".join(sorted(OPENERS | CLOSERS)) + STRAIGHT + "‘'") + "]")
ALL_MARKS = frozenset('"“”«»„‘’')
#: Words that may stay lower case inside a title ("Charter of Good Neighbourly Relations").
_TITLE_MINOR = frozenset(
    (
        *("a", "an", "and", "as", "at", "between", "by", "for", "from", "in", "into", "of"),
        *("on", "or", "the", "to", "with", "vs", "via", "de", "la", "le"),
    )
)
#: Words right before a quoted title that mark it as a name (signed a "…", the film "…").
_TITLE_LEAD = frozenset(
    (
        *("a", "an", "the", "signed", "sign", "signs", "titled", "entitled", "called", "named"),
        *("dubbed", "dub", "book", "film", "movie", "song", "album", "show", "series"),
        *("programme", "program", "report", "novel", "play", "campaign", "slogan", "hashtag"),
        *("operation", "initiative", "act", "treaty", "law", "bill", "plan", "doctrine"),
    )
)


#: Words right before a quoted name that ends its sentence ("told "Morning Desk."").
_NAME_LEAD = frozenset(
    {"on", "in", "of", "told", "watch", "watched", "read", "titled", "show", "episode", "broadcast"}
)


@dataclass(slots=True)
class Segment:
    """One run of quoted text: ``start``/``end`` are the inside of the marks."""

    start: int
    end: int
    open_at: int  # offset of the opening mark
    close_at: int | None  # offset of the closing mark; None when the paragraph ended first


@dataclass(slots=True)
class Marked:
    """A quotation: one or more segments (several when it reopens on following paragraphs)."""

    segments: list[Segment] = field(default_factory=list)
    kind: str = "quote"  # quote | title | scare

    @property
    def start(self) -> int:
        return self.segments[0].start

    @property
    def end(self) -> int:
        return self.segments[-1].end

    @property
    def outer_start(self) -> int:
        return self.segments[0].open_at

    @property
    def outer_end(self) -> int:
        last = self.segments[-1]
        return last.close_at + 1 if last.close_at is not None else last.end

    def text(self, body: str) -> str:
        return " ".join(body[s.start : s.end].strip() for s in self.segments)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph, blank-line separated, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for match in [*_PARAGRAPH_BREAK.finditer(text), None]:
        stop = match.start() if match else len(text)
        chunk = text[pos:stop]
        lead = len(chunk) - len(chunk.lstrip())
        if chunk.strip():
            spans.append((pos + lead, pos + len(chunk.rstrip())))
        if match:
            pos = match.end()
    return spans


def _opens_here(text: str, i: int) -> bool:
    """Whether a straight mark at ``i`` looks like an opening one."""
    before = text[i - 1] if i > 0 else " "
    return before.isspace() or before in "([{—–-/:"


def _single_close(text: str, i: int, stop: int) -> int | None:
    """The closing mark for a single opening mark at ``i`` (‘ or a straight '): the first
    matching mark that is no apostrophe — not followed by a letter ("don’t"), and not a plural
    possessive ("the farmers’ union": an s before it, a lower-case word after it)."""
    close = "’" if text[i] == "‘" else "'"
    j = i + 1
    while j < stop:
        if text[j] == close and not text[j - 1].isspace():
            after = text[j + 1 : j + 3].lstrip()
            apostrophe = j + 1 < stop and text[j + 1].isalnum()
            possessive = text[j - 1] in "sS" and after[:1].islower()
            if not apostrophe and not possessive:
                return j
        if text[j] in '“”"':  # a double mark between: not a single-quoted phrase
            return None
        j += 1
    return None


def _misturned(text: str, i: int, start: int) -> bool:
    """Whether a closing double mark at ``i`` opens its paragraph before a word ("”We
    waited," …): a mark turned the wrong way by the typesetting, since nothing is open
    there for it to close."""
    return i == start and text[i] == "”" and text[i + 1 : i + 2].isalnum()


def _opens_single(text: str, i: int, start: int) -> bool:
    """Whether a single mark at ``i`` opens a quote: ‘ not inside a word, or a straight ' at a
    word's start before a letter ("'Not now,' she said"; not "rock 'n' roll", "the '90s")."""
    if i > start and text[i - 1].isalnum():
        return False
    if text[i] == "‘":
        return True
    nxt = text[i + 1 : i + 2]
    before = text[i - 1] if i > start else " "
    elided = text[i + 1 : i + 3] == "n'"  # rock 'n' roll
    return nxt.isalpha() and (before.isspace() or before in "([{—–-/:") and not elided


def _scan_paragraph(
    text: str, start: int, stop: int, runs_on: bool = False
) -> tuple[list[Segment], Segment | None]:
    """Closed segments of one paragraph, and the segment left open at its end (if any).
    ``runs_on``: the next paragraph opens with a single mark, so a single mark that opens
    this paragraph (or follows a colon) and is never closed opens a quote that runs on, as
    British outlets print them ("said: 'Families waited.¶'They deserve answers.'")."""
    closed: list[Segment] = []
    open_seg: Segment | None = None
    i = start
    while i < stop:
        mark = _MARKS.search(text, i, stop)
        if mark is None:
            break
        i = mark.start()
        ch = text[i]
        if ch == STRAIGHT and i > start and text[i - 1].isdigit() and text[i - 2 : i - 1] == "'":
            i += 1  # 6'3": feet and inches, not a quotation mark
            continue
        if open_seg is None:
            if ch in OPENERS or ch == STRAIGHT or _misturned(text, i, start):
                # a straight mark while closed always opens, and so does a misturned closer
                open_seg = Segment(i + 1, stop, i, None)
            elif ch in "‘'" and _opens_single(text, i, start):
                close = _single_close(text, i, stop)
                if close is not None:
                    closed.append(Segment(i + 1, close, i, close))
                    i = close
                elif runs_on and (i == start or text[start:i].rstrip().endswith(":")):
                    open_seg = Segment(i + 1, stop, i, None)
                    break
        elif ch in CLOSERS or ch == STRAIGHT:
            if ch == STRAIGHT and _opens_here(text, i) and not text[i + 1 : i + 2].isspace():
                # `"a" "b"`: a straight mark after a space that hugs a word opens a new quote;
                # the one before it was left open (a typo) — close it where it is.
                open_seg.end = i
                closed.append(open_seg)
                open_seg = Segment(i + 1, stop, i, None)
            else:
                open_seg.end = i
                open_seg.close_at = i
                closed.append(open_seg)
                open_seg = None
        elif ch in OPENERS:  # a second opener while open: the first was never closed
            open_seg.end = i
            closed.append(open_seg)
            open_seg = Segment(i + 1, stop, i, None)
        i += 1
    return closed, open_seg


def _normalise(text: str) -> str:
    """The text with doubled apostrophes ('' and ``, old newswire style) as one straight mark
    followed by a space-like filler, so offsets stay the same."""
    if "''" not in text and "``" not in text:
        return text
    return re.sub(r"''|``", '"\x00', text)


def find_marked(text: str) -> list[Marked]:
    """Every quotation in ``text``, in order, classified as quote, title or scare."""
    text = _normalise(text)
    out: list[Marked] = []
    carried: Marked | None = None
    paras = paragraphs(text)
    for n, (p_start, p_stop) in enumerate(paras):
        runs_on = n + 1 < len(paras) and text[paras[n + 1][0]] in "‘'"
        closed, left_open = _scan_paragraph(text, p_start, p_stop, runs_on)
        segments = [*closed, *([left_open] if left_open else [])]
        for k, seg in enumerate(segments):
            if k == 0 and carried is not None and seg.open_at == p_start:
                carried.segments.append(seg)  # the reopened quote of the previous paragraph
                current = carried
            else:
                if carried is not None:
                    out.append(carried)
                current = Marked([seg])
            carried = None
            if seg.close_at is None:
                carried = current  # may continue into the next paragraph
            else:
                out.append(current)
        if carried is not None:
            nxt = paras[n + 1][0] if n + 1 < len(paras) else None
            single = text[carried.segments[-1].open_at] in "‘'"
            if nxt is None or text[nxt] not in (OPENERS | {STRAIGHT} if not single else "‘'"):
                out.append(carried)
                carried = None
    if carried is not None:
        out.append(carried)
    for marked in out:
        for seg in marked.segments:
            if text[seg.start : seg.start + 1] == "\x00":
                seg.start += 1
        marked.kind = classify(text, marked)
    out.sort(key=lambda m: m.start)
    return out


#: A transcript's speaker label at the start of a quoted paragraph ("MODERATOR: Let me ask, …").
LABEL = re.compile(r"([A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+){0,3}):[ \t]+")


def split_labelled(text: str, marked: list[Marked]) -> list[Marked]:
    """A quoted transcript runs over paragraphs; each paragraph that opens with a speaker label
    starts a quote of its own."""
    out: list[Marked] = []
    for m in marked:
        current = Marked([m.segments[0]], m.kind)
        for seg in m.segments[1:]:
            if LABEL.match(text, seg.start):
                out.append(current)
                current = Marked([seg], m.kind)
            else:
                current.segments.append(seg)
        out.append(current)
    return out


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def _alone(text: str, marked: Marked) -> bool:
    """Whether a quotation is the whole of a paragraph after the first (a headline is the
    first), marks and all."""
    before = text[: marked.outer_start].rstrip(" \t")
    after = text[marked.outer_end :].lstrip(" \t")
    return before.endswith("\n") and bool(before.strip()) and after[:1] in {"", "\n"}


def classify(text: str, marked: Marked) -> str:
    """quote, title (a quoted name in Title Case) or scare (one or two words)."""
    inner = marked.text(text).strip()
    tokens = words(inner)
    if not tokens:
        return "scare"
    ends_sentence = inner.rstrip("’'\"”)").endswith((".", "!", "?", "…"))
    content = [t for t in tokens if t.lower() not in _TITLE_MINOR]
    title_case = bool(content) and all(t[0].isupper() or t[0].isdigit() for t in content)
    before = words(text[max(0, marked.outer_start - 40) : marked.outer_start])
    lead = before[-1].lower() if before else ""
    if len(marked.segments) > 1:
        return "quote"
    if title_case and len(content) >= 2 and len(tokens) <= 8 and _alone(text, marked):
        return "title"  # a subheading set in marks as a paragraph of its own
    if ends_sentence:
        # a name that happens to end its sentence: "on a network's "Sunday Forum.""
        named = lead in _TITLE_LEAD or lead in _NAME_LEAD or lead.endswith(("'s", "’s"))
        if title_case and inner.endswith(".") and len(tokens) <= 5 and named:
            return "title"
        return "quote"
    if len(tokens) <= 2:
        # a short quote that opens its sentence and is cut by a comma is a quote ("Not now,"
        # she said); elsewhere one or two words are scare quotes
        opens = text[: marked.outer_start].rstrip()[-1:] in {"", ".", "!", "?", ":", "\n"}
        return "quote" if opens and inner.endswith(",") else "scare"
    named = lead in _TITLE_LEAD or lead in _NAME_LEAD or lead.endswith(("'s", "’s"))
    short = lead in _TITLE_LEAD or len(tokens) <= 6 or lead == ""
    if title_case and len(content) >= 2 and not inner.endswith(",") and short:
        return "title"
    if title_case and len(content) >= 2 and named and len(tokens) <= 6:
        return "title"  # "the show "Last Week Tonight," which …"
    return "quote"
