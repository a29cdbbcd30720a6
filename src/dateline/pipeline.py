"""``analyze``: the one function the CLI, the web app and the Spark job all call.

The flow is one direction (docs/architecture.md): extract each document to an Article, parse
the bodies of a batch together with ``nlp.pipe`` (the parser is the budget; batching is what
makes it cheap), then run actors, quotes and events over each parsed body. Records come out
lazily and in input order, one per input item.
"""

from __future__ import annotations

import bisect
import logging
import signal
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from itertools import islice
from typing import TYPE_CHECKING, Any

from dateline.errors import DatelineError
from dateline.extract import extract
from dateline.extract.language import detect_language
from dateline.heap import bound_heap, parser_heap
from dateline.model import Analysis, Article, Document, ErrorInfo
from dateline.options import Options
from dateline.sources.base import SourceFailure
from dateline.sources.files import document_from_bytes
from dateline.sources.jsonl import record_document
from dateline.tone import tone

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from dateline.actors import Actors
    from dateline.events import Event
    from dateline.quotes import Quote

log = logging.getLogger(__name__)

#: Languages the NLP stages are built for (the spaCy model and every lexicon are English).
NLP_LANGUAGES = frozenset({"en"})
#: The code for a body too long to parse (spaCy's own limit guards its memory use).
TOO_LONG = "E303"
#: The code for a document that took longer than Options.max_seconds.
TIMEOUT = "E304"


def analyze(
    document: Document | str | bytes | Mapping[str, Any],
    options: Options | None = None,
    *,
    url: str | None = None,
    published: str | None = None,
) -> Analysis:
    """Analyze one document: a Document, the text or HTML of a page as a string or as the
    bytes a file or server gave (HTML or text is told from the content; the encoding from the
    bytes, as for a file), or a record as one line of a JSON Lines input holds it
    (``{"text": ..., "url": ..., "title": ..., "published": ...}``, or ``"html"``). Never
    raises for a bad document: the record carries the error. ``url`` and ``published`` fill
    what the page does not say.

    Raises TypeError for anything else, and NlpError only when the spaCy model itself cannot
    be loaded (nothing could be analyzed then; ``Options(nlp=False)`` gives the article part
    without it).
    """
    item: Document | SourceFailure
    if isinstance(document, str):
        item = Document(input_id="<string>", content=document)
    elif isinstance(document, Document):
        item = document
    elif isinstance(document, bytes):
        item = document_from_bytes(document, "<bytes>", options)
    elif isinstance(document, Mapping):
        item = record_document(dict(document), "<record>", options or Options())
    else:
        raise TypeError(
            f'analyze() takes a Document, a str, bytes or a record (a dict with "text" or '
            f'"html"), not {type(document).__name__}'
        )
    if isinstance(item, Document) and (url or published):
        item.url = item.url or url
        item.published = item.published or published
    return next(analyze_all([item], options))


def analyze_all(
    items: Iterable[Document | SourceFailure], options: Options | None = None
) -> Iterator[Analysis]:
    """Analyze a stream of source items lazily: one record per item, in the same order.

    A SourceFailure (an input that could not be read) becomes a record carrying its error.
    Items are taken ``options.batch_size`` at a time so their bodies are parsed together.
    """
    options = options or Options()
    bound_heap()  # a long run's C heap stays flat (dateline.heap)
    iterator = iter(items)
    size = max(1, options.batch_size)
    while True:
        # Nothing a batch holds outlives its use: each input (its HTML, up to megabytes) is
        # let go once extracted, only the Articles wait for the parse, and each record is
        # let go once yielded. Holding a batch's inputs until the next batch had been read
        # kept two batches of pages alive at once (BENCHMARKS.md, issue 14's memory rows).
        records = deque(_extracted(item, options) for item in islice(iterator, size))
        if not records:
            return
        if options.nlp:
            _annotate(list(records), options)
        while records:
            yield records.popleft()


def _extracted(item: Document | SourceFailure, options: Options) -> Analysis:
    if isinstance(item, SourceFailure):
        return Analysis(
            id=item.id, input_id=item.input_id, error=ErrorInfo(item.code, item.message)
        )
    record = Analysis(id=item.id, input_id=item.input_id, input_url=item.url)
    with _guard(record), deadline(options.max_seconds, "extraction"):
        record.article = stage_extract(item, options)
    return record


def stage_extract(document: Document, options: Options) -> Article:
    """The document's Article, with its language told from the body when the page states
    none (what every later stage reads)."""
    article = extract(document, options)
    if not article.language:
        article.language = detect_language(article.body)
    return article


class DocumentTimeout(DatelineError):
    code = TIMEOUT


@contextmanager
def deadline(seconds: float, stage: str) -> Iterator[None]:
    """Raise DocumentTimeout (E304) in this block after ``seconds`` (a real-time timer
    signal; only in the main thread of a Unix process, elsewhere no limit applies)."""
    usable = (
        seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def expire(_signum: int, _frame: Any) -> None:
        raise DocumentTimeout(
            f"{stage} took longer than {seconds:g} s; the document is skipped — raise the "
            "limit for very long documents (--max-seconds, Options.max_seconds; 0: none)"
        )

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class _guard:
    """Turn an exception inside one document's stage into that record's error."""

    def __init__(self, record: Analysis) -> None:
        self.record = record

    def __enter__(self) -> None:
        return None

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: Any
    ) -> bool:
        if exc is None:
            return False
        if isinstance(exc, DatelineError):
            self.record.error = ErrorInfo(exc.code, exc.message)
        elif isinstance(exc, Exception):  # a bug, not a bad document: keep the batch going
            log.exception("internal error on %s", self.record.input_id)
            self.record.error = ErrorInfo(
                "E900",
                f"internal error ({type(exc).__name__}: {exc}); please report this input",
            )
        else:
            return False  # KeyboardInterrupt and friends go up
        self.record.article = None
        self.record.entities, self.record.quotes, self.record.events = [], [], []
        return True


def _wants_nlp(record: Analysis, pipeline: Language) -> bool:
    article = record.article
    if record.error is not None or article is None or not article.body.strip():
        return False
    if article.language and article.language not in NLP_LANGUAGES:
        record.warnings.append(
            f"the article is in {article.language!r}; entities, quotes and events are only "
            "found in English text"
        )
        return False
    if len(article.body) > pipeline.max_length:
        # refused whole rather than stored without its events: a part-analysed record would
        # be skipped as already stored when the user re-ingests it, and the parts they split
        # it into would repeat its text in the store
        record.error = ErrorInfo(
            TOO_LONG,
            f"the article body has {len(article.body):,} characters; the NLP stage parses at "
            f"most {pipeline.max_length:,} at once, so this document is neither analyzed nor "
            "stored. Split it into parts under that size (at paragraph breaks) to have its "
            "entities, quotes and events found, or give --no-nlp (Options(nlp=False)) to keep "
            "its article alone",
        )
        record.article = None
        return False
    return True


def _annotate(records: list[Analysis], options: Options) -> None:
    from dateline import nlp

    pipeline = nlp.load(options.model)
    todo = [r for r in records if _wants_nlp(r, pipeline)]
    if not todo:
        return
    # Parse and analyze a few documents at a time, by size: the parser's memory grows with
    # the text it holds at once (eight long articles in one nlp.pipe batch take 1.5 GB), so a
    # parse batch stops at ``options.batch_chars`` and its Docs are dropped once analyzed.
    work = [(record, _texts(record)) for record in todo]
    for group in _by_size(work, options.batch_chars, options.batch_size):
        # Every word the parser meets is interned in the shared vocabulary (its string store
        # and lexemes), which only grows: over a crawl of distinct pages it grows without end.
        # Inside a memory zone what a batch adds is freed when the batch is done; nothing of a
        # Doc outlives it (records hold plain values), so results are the same.
        with pipeline.memory_zone():
            for record, body, captions in _parsed(pipeline, group, options.batch_size):
                assert record.article is not None
                with _guard(record), deadline(options.max_seconds, "entities, quotes and events"):
                    _stages(record, record.article, body, captions, options.all_modalities)


#: A record with the texts it needs parsed: its body, then captions and image alt texts.
Work = tuple[Analysis, list[str]]


def _by_size(work: list[Work], max_chars: int, max_docs: int) -> Iterator[list[Work]]:
    group: list[Work] = []
    size = 0
    for item in work:
        length = sum(len(t) for t in item[1])
        if group and (size + length > max_chars or len(group) >= max_docs):
            yield group
            group, size = [], 0
        group.append(item)
        size += length
    if group:
        yield group


def _texts(record: Analysis) -> list[str]:
    assert record.article is not None
    return stage_texts(record.article)


def stage_texts(article: Article) -> list[str]:
    """What the NLP stage parses of an article: the body, then the captions and image alt
    texts (people only they name are entities too; quotes in captions are marked as such; no
    events come from either)."""
    from dateline.actors import caption_texts

    return [article.body, *caption_texts(article)]


def _parsed(
    pipeline: Language, work: list[Work], batch_size: int
) -> Iterator[tuple[Analysis, Doc, list[Doc]]]:
    """Each record with its parsed body and captions. One batch for all; when the parser
    fails on the batch, each document again alone, so only the bad one carries the error."""
    try:
        texts = [t for _, record_texts in work for t in record_texts]
        with parser_heap():
            docs = iter(list(pipeline.pipe(texts, batch_size=batch_size)))
    except Exception:
        log.warning("the parser failed on a batch; parsing its documents one by one")
        for record, texts in work:
            parsed: list[Doc] = []
            with _guard(record):
                parsed = list(pipeline.pipe(texts))
            if record.error is None:
                yield record, parsed[0], parsed[1:]
        return
    for record, texts in work:
        parsed = [next(docs) for _ in texts]
        yield record, parsed[0], parsed[1:]


def _stages(
    record: Analysis, article: Article, body: Doc, captions: list[Doc], all_modalities: bool
) -> None:
    actors = stage_actors(body, article, captions)
    quotes = stage_quotes(body, actors)
    events = stage_events(body, article, actors, quotes, all_modalities)
    record.entities = [e.to_dict() for e in actors.entities]
    real_captions = captions[: len([c for c in article.captions if c.text])]
    starts = _sentence_starts(body)
    record.quotes = [_indexed(q.to_dict(), starts) for q in quotes]
    record.quotes += caption_quotes(real_captions)
    record.events = [_indexed(e.to_dict(), starts) for e in events]
    article.tone = tone(article.body)
    for event in record.events:
        event["tone"] = tone(event["sentence"])


# The stages one by one (``dateline bench nlp`` times each on the same parsed text;
# ``dateline train events`` gathers the event scorer's candidates through them).


def stage_actors(body: Doc, article: Article, captions: list[Doc]) -> Actors:
    from dateline.actors import find_actors

    return find_actors(body, article, captions=captions)


def stage_quotes(body: Doc, actors: Actors) -> list[Quote]:
    from dateline.quotes import find_quotes

    return find_quotes(body, actors)


def caption_quotes(captions: list[Doc]) -> list[dict[str, Any]]:
    """Quotes in photo captions, marked as such; their offsets index into the caption."""
    from dateline.quotes import find_quotes

    out = []
    for n, caption in enumerate(captions):
        starts = _sentence_starts(caption)
        for quote in find_quotes(caption, in_caption=True):
            data = _indexed(quote.to_dict(), starts)
            data["in_caption"], data["caption"] = True, n
            out.append(data)
    return out


def _sentence_starts(doc: Doc) -> list[int]:
    return [sentence.start_char for sentence in doc.sents]


def _indexed(fact: dict[str, Any], starts: list[int]) -> dict[str, Any]:
    """``fact`` with ``sentence_index``: the 0-based number of the parser's sentence its
    ``start`` offset falls in (``starts``: the sentences' first offsets), so that exports
    never split the text again."""
    start = fact.get("start")
    if isinstance(start, int):
        fact["sentence_index"] = max(bisect.bisect_right(starts, start) - 1, 0)
    return fact


def stage_events(
    body: Doc, article: Article, actors: Actors, quotes: list[Quote], all_modalities: bool = False
) -> list[Event]:
    from dateline.events import code_events

    return code_events(body, article, actors, quotes=quotes, all_modalities=all_modalities)
