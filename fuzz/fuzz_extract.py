"""Fuzz the HTML and text extractors (and the byte decoding in front of them) with hypothesis
at scale: ``python fuzz/fuzz_extract.py --minutes 2`` (``make fuzz``).

Each target runs in rounds of ``--examples`` generated inputs with a fresh seed, round after
round, until the time is up. An input that raises anything but a DatelineError, breaks an
invariant (the body is a string without NULs; a record's error code is documented) or takes
longer than ``--timeout`` seconds is a finding: hypothesis shrinks it to a minimal input,
which is written to ``fuzz/findings/<target>-<hash>.txt`` (input as a Python literal, and
the traceback). Exit status 1 when there are findings. Findings are kept as regression
tests in tests/test_hostile.py and tests/test_properties.py.
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import hashlib
import json
import logging
import random
import signal
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

from dateline.errors import CODES, DatelineError
from dateline.extract import extract_html, extract_text
from dateline.model import Article
from dateline.options import Options
from dateline.pipeline import analyze_all
from dateline.sources import SourceFailure, document_from_bytes, iter_documents, parse_record

FINDINGS = Path(__file__).with_name("findings")

# -- inputs ---------------------------------------------------------------------------------

WORDS = [
    "the",
    "police",
    "army",
    "government",
    "minister",
    "president",
    "Maria",
    "Lopez",
    "Russia",
    "France",
    "Kenya",
    "Nairobi",
    "rebels",
    "protesters",
    "said",
    "told",
    "accused",
    "attacked",
    "arrested",
    "met",
    "signed",
    "on",
    "in",
    "at",
    "to",
    "of",
    "after",
    "Tuesday",
    "March",
    "2024",
    "not",
    "will",
    "a",
    "and",
    "but",
    "he",
    "she",
    "they",
    "it",
    "12",
    "percent",
    "By",
    "Reuters",
    "Photo",
    "Image",
    "Read",
    "more",
    "Subscribe",
    "Advertisement",
    "Updated",
    "Published",
]
MARKS = [*",.;:—–-?!()…\"“”‘’'«»„‹›「」", "...", "\n", "\n\n", " ", "\t", "\u00a0", "\r"]
TAGS = ["p", "div", "article", "main", "h1", "h2", "h3", "span", "b", "i", "a", "figure",
        "figcaption", "script", "style", "nav", "footer", "header", "time", "table", "tr",
        "td", "li", "ul", "ol", "blockquote", "br", "img", "meta", "title", "html", "body",
        "head", "section", "aside", "noscript", "svg", "math", "template", "iframe", "pre",
        "code", "textarea", "select", "option", "form", "input", "button", "label",
        "q"]  # fmt: skip
ATTRS = ['', ' class="byline"', ' class="caption credit"', ' itemprop="author"',
         ' itemprop="datePublished" content="2024-03-05"', ' property="og:title" content="T"',
         ' charset="utf-8"', ' charset="bogus-8"', ' http-equiv="content-type" '
         'content="text/html; charset=koi8-r"', ' datetime="2024-13-45"', ' href="javascript:x"',
         ' lang="de"', ' lang="zh"', " hidden", ' style="display:none"', ' name="author" '
         'content="By A and B"', ' type="application/ld+json"', ' src="data:,x"']  # fmt: skip

words = st.one_of(st.sampled_from(WORDS), st.sampled_from(MARKS))
news = st.lists(words, max_size=200).map(lambda ws: " ".join(ws))
unicode_text = st.text(st.characters(codec="utf-8"), max_size=2000)
raw_text = st.text(max_size=2000)


@st.composite
def html_piece(draw: st.DrawFn) -> str:
    tag = draw(st.sampled_from(TAGS))
    kind = draw(st.integers(0, 9))
    if kind == 0:
        return f"<{tag}{draw(st.sampled_from(ATTRS))}>"
    if kind == 1:
        return f"</{tag}>"
    if kind in (2, 3, 4):
        return f"<{tag}{draw(st.sampled_from(ATTRS))}>{draw(news)}</{tag}>"
    if kind == 5:
        depth = draw(st.integers(1, 400))
        return f"<{tag}>" * depth + draw(news) + f"</{tag}>" * draw(st.integers(0, depth))
    if kind == 6:
        return draw(st.sampled_from(["&amp;", "&nbsp;", "&#8220;", "&#x0;", "&#0;", "&bogus",
                                     "&#99999999;", "<!--", "-->", "<![CDATA[", "]]>", "<?xml?>",
                                     "<!DOCTYPE html>", "<", ">", "</", "/>", "\x00"]))  # fmt: skip
    if kind == 7:
        return draw(st.text(max_size=40))
    if kind == 8:
        return f'<script type="application/ld+json">{draw(st.text(max_size=100))}</script>'
    return draw(news)


html_doc = st.lists(html_piece(), max_size=80).map("".join)
any_html = st.one_of(html_doc, raw_text, news)
any_text = st.one_of(news, raw_text, unicode_text, html_doc)
any_bytes = st.one_of(
    st.binary(max_size=3000),
    html_doc.map(lambda s: s.encode("utf-8", "surrogatepass")),
    st.tuples(
        news,
        st.sampled_from(
            [
                "utf-16",
                "utf-16-le",
                "utf-16-be",
                "cp1251",
                "latin-1",
                "gb18030",
                "shift_jis",
                "koi8-r",
                "utf-8-sig",
            ]
        ),
    ).map(lambda p: p[0].encode(p[1], "replace")),
)
# JSON Lines escapes give what no decoder does: lone surrogates, NULs, any control character
json_line = st.builds(
    lambda t, key: json.dumps({"id": "f", key: t}),
    st.text(st.characters(), max_size=500),
    st.sampled_from(["html", "text"]),
)

# -- targets --------------------------------------------------------------------------------


def _article(article: Article) -> None:
    assert isinstance(article.body, str)
    for block in article.blocks:
        assert isinstance(block.text, str)


def target_html(html: str) -> None:
    try:
        _article(extract_html(html))
    except DatelineError as exc:
        assert exc.code in CODES, exc.code


def target_text(text: str) -> None:
    try:
        _article(extract_text(text))
    except DatelineError as exc:
        assert exc.code in CODES, exc.code


OPTIONS = Options(nlp=False, fetch_links=False)


def target_bytes(data: bytes) -> None:
    """Bytes as read from a file: decoding, kind detection and extraction, as ingest does."""
    item = document_from_bytes(data, "fuzz", OPTIONS)
    [record] = analyze_all([item], OPTIONS)
    if record.error is not None:
        assert record.error.code in CODES, record.error
        assert record.error.code not in ("E900", "E304"), record.error.message
    else:
        assert record.article is not None
        _article(record.article)


def target_jsonl(line: str) -> None:
    item = parse_record(line, "fuzz:1", OPTIONS)
    [record] = analyze_all([item], OPTIONS)
    assert record.error is None or record.error.code not in ("E900", "E304"), record.error
    record.to_dict()


def _wrap(data: bytes, how: str) -> bytes:
    if how.startswith("gzip"):
        data = gzip.compress(data)
    elif how.startswith("warc"):
        http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + data
        data = (
            b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:f>\r\n"
            b"Content-Type: application/http; msgtype=response\r\n"
            b"Content-Length: " + str(len(http)).encode() + b"\r\n\r\n" + http + b"\r\n\r\n"
        )
    return data[: len(data) * 2 // 3] if how.endswith("cut") else data


def target_files(case: tuple[bytes, str, str]) -> None:
    """A file as ``iter_documents`` reads it: plain, gzip or WARC, whole or cut short."""
    data, how, suffix = case
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "input" + suffix)
        path.write_bytes(_wrap(data, how))
        for item in iter_documents([str(path)], OPTIONS):
            if isinstance(item, SourceFailure):
                assert item.code in CODES, item


files = st.tuples(
    any_bytes,
    st.sampled_from(["plain", "gzip", "gzip-cut", "warc", "warc-cut", "plain-cut"]),
    st.sampled_from(["", ".html", ".txt.gz", ".jsonl", ".jsonl.gz", ".warc", ".warc.gz", ".rss"]),
)

SNIPPETS = [b"<p>", b"</p>", b"<div>" * 300, b"</html>", b"<script>", b"<!--", b"\x00",
            b"\xff\xfe", b"\xef\xbb\xbf", b'<meta charset="utf-16">', b"\n" * 50, b"\r",
            "“".encode(), b'"', b"<h1>", b"</body>", b"&#0;", b"<![CDATA[", b"\xc3"]  # fmt: skip


def _seeds() -> list[bytes]:
    from dateline import examples

    return [Path(p).read_bytes() for p in examples.files()]


def _mutate(seed_bytes: bytes, edits: list[tuple[int, int, int, bytes]]) -> bytes:
    """A real page with byte edits: delete, insert, overwrite, cut, repeat, add markup."""
    data = bytearray(seed_bytes)
    for kind, at, length, payload in edits:
        at %= max(1, len(data))
        end = min(len(data), at + length)
        if kind == 0:
            del data[at:end]
        elif kind == 1:
            data[at:at] = payload
        elif kind == 2:
            data[at : at + len(payload)] = payload
        elif kind == 3:
            del data[at:]
        elif kind == 4:
            data[at:at] = data[at:end] * 3
        else:
            data[at:at] = SNIPPETS[length % len(SNIPPETS)]
    return bytes(data)


mutated = st.builds(
    _mutate,
    st.sampled_from(_seeds()),
    st.lists(
        st.tuples(
            st.integers(0, 5), st.integers(0, 1 << 20), st.integers(0, 4000), st.binary(max_size=30)
        ),
        min_size=1,
        max_size=12,
    ),
)

TARGETS: dict[str, tuple[Callable[[Any], None], st.SearchStrategy[Any]]] = {
    "html": (target_html, any_html),
    "text": (target_text, any_text),
    "bytes": (target_bytes, any_bytes),
    "jsonl": (target_jsonl, json_line),
    "files": (target_files, files),
    "mutate": (target_bytes, mutated),
}

# -- the run --------------------------------------------------------------------------------


class Hang(Exception):
    pass


def _alarm(_signum: int, _frame: FrameType | None) -> None:
    raise Hang("no answer within the time limit")


def run_target(
    name: str, seconds: float, examples: int, timeout: int, base_seed: int
) -> list[Path]:
    target, strategy = TARGETS[name]
    found: list[Path] = []
    last: list[tuple[Any, str]] = []

    def check(value: Any) -> None:
        signal.alarm(timeout)
        try:
            target(value)
        except BaseException:
            last.append((value, traceback.format_exc()))
            raise
        finally:
            signal.alarm(0)

    seen: set[str] = set()
    end = time.monotonic() + seconds
    rounds = 0
    rng = random.Random(base_seed)
    while time.monotonic() < end:
        rounds += 1
        test = seed(rng.getrandbits(64))(
            settings(
                max_examples=examples,
                deadline=None,
                database=None,
                phases=[Phase.generate, Phase.shrink],
                suppress_health_check=list(HealthCheck),
                report_multiple_bugs=False,
            )(given(strategy)(check))
        )
        try:
            test()
        except Exception:
            value, trace = last[-1]
            where = _signature(trace)
            if where not in seen:  # the same bug again, from another input: report it once
                seen.add(where)
                found.append(_save(name, value, trace))
                print(f"  {name}: finding -> {found[-1]}\n    {where}", flush=True)
        last.clear()
    print(f"{name}: {rounds} rounds of up to {examples} inputs, {len(found)} findings", flush=True)
    return found


def _signature(trace: str) -> str:
    """Where the failure was raised and what it was: the last frame and the last line."""
    lines = [line.strip() for line in trace.strip().splitlines()]
    frames = [line for line in lines if line.startswith("File ")]
    return f"{frames[-1] if frames else '?'}: {lines[-1] if lines else '?'}"


def _save(name: str, value: Any, trace: str) -> Path:
    FINDINGS.mkdir(exist_ok=True)
    key = hashlib.sha256(repr(value).encode("utf-8", "surrogatepass")).hexdigest()[:12]
    path = FINDINGS / f"{name}-{key}.txt"
    path.write_text(f"{value!r}\n\n{trace}", encoding="utf-8", errors="backslashreplace")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=2.0, help="total time (default 2)")
    parser.add_argument("--targets", default=",".join(TARGETS), help="comma-separated")
    parser.add_argument("--examples", type=int, default=500, help="inputs per round")
    parser.add_argument("--timeout", type=int, default=10, help="seconds per input")
    parser.add_argument("--seed", type=int, default=None, help="for a repeatable run")
    args = parser.parse_args(argv)
    names = [n for n in args.targets.split(",") if n]
    unknown = set(names) - set(TARGETS)
    if unknown:
        parser.error(f"unknown targets {sorted(unknown)}; choose from {sorted(TARGETS)}")
    base_seed = args.seed if args.seed is not None else random.randrange(1 << 32)
    print(f"fuzzing {', '.join(names)} for {args.minutes:g} min (seed {base_seed})", flush=True)
    signal.signal(signal.SIGALRM, _alarm)
    logging.disable(logging.CRITICAL)  # the pipeline logs each internal error; findings say it
    global OPTIONS
    # the pipeline's own per-document limit (E304) is the timeout where it applies
    OPTIONS = dataclasses.replace(OPTIONS, max_seconds=args.timeout)
    share = args.minutes * 60 / len(names)
    found = [p for n in names for p in run_target(n, share, args.examples, args.timeout, base_seed)]
    print(f"{len(found)} findings" + (f" in {FINDINGS}" if found else ""))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
