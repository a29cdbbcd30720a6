"""The pipeline: batching, the NLP stages on each record, and per-document failures."""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib import resources

import pytest

from dateline import nlp
from dateline.model import Document
from dateline.options import Options
from dateline.pipeline import TOO_LONG, analyze, analyze_all
from dateline.sources.base import SourceFailure

WIRE = """Harbour workers end strike after pay deal

VALPORT, May 3 —

Dock workers at the port of Valport returned to work on Friday after their union accepted a
pay offer from the port authority, ending a strike that had stranded dozens of ships.

"We have won what we came for," union leader Marta Ilves told reporters at the gates.

The port authority said the deal would cost about 40 million euros over three years.
"""

GERMAN = """Hafenarbeiter beenden Streik nach Lohneinigung

Die Hafenarbeiter in Valport sind am Freitag an ihre Arbeit zurückgekehrt, nachdem ihre
Gewerkschaft ein Lohnangebot der Hafenbehörde angenommen hatte. Der Streik hatte dutzende
Schiffe festgehalten, und die Reedereien hatten mit Klagen gedroht.
"""


def doc(input_id: str, text: str) -> Document:
    return Document(input_id=input_id, content=text, kind="text")


@pytest.fixture(scope="module")
def schema() -> dict[str, object]:
    path = resources.files("dateline") / "schema" / "analysis.schema.json"
    return dict(json.loads(path.read_text(encoding="utf-8")))


def test_english_article_gets_quotes_with_speaker_and_offsets(schema: dict[str, object]) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    record = analyze(doc("wire", WIRE))
    assert record.ok and record.article is not None
    body = record.article.body
    quote = next(q for q in record.quotes if "won what we came for" in q["text"])
    assert quote["speaker"]["name"] == "Marta Ilves"
    assert quote["kind"] == "direct"
    assert body[quote["start"] : quote["end"]].startswith("We have won")
    assert quote["sentence"] in body
    jsonschema.validate(record.to_dict(), schema)


def test_quotes_and_events_carry_the_parsers_sentence_index() -> None:
    text = (
        "Ministers meet after talks\n\n"
        "The delegation left the capital at 9 a.m. Talks with the rebels began at noon. "
        'Germany accused Russia of breaking the truce. "We will not give up," '
        "said Anna Berg, a spokeswoman for the delegation.\n"
    )
    record = analyze(doc("indexed", text))
    assert record.ok and record.article is not None
    facts = [f for f in record.quotes + record.events if not f.get("in_caption")]
    assert record.events and record.quotes
    sentences = nlp.load()(record.article.body).sents
    starts = [s.start_char for s in sentences]
    for fact in facts:
        index = fact["sentence_index"]
        assert starts[index] <= fact["start"]
        assert index + 1 == len(starts) or fact["start"] < starts[index + 1]


def test_non_english_article_is_kept_with_a_warning_and_no_nlp() -> None:
    record = analyze(doc("de", GERMAN))
    assert record.ok and record.article is not None
    assert record.article.language == "de"
    assert record.quotes == [] and record.entities == [] and record.events == []
    assert record.warnings and "'de'" in record.warnings[0]
    assert record.to_dict()["warnings"] == record.warnings


def test_nlp_off_gives_the_article_part_only() -> None:
    record = analyze(doc("wire", WIRE), Options(nlp=False))
    assert record.ok and record.article is not None and record.article.body
    assert record.quotes == [] and "warnings" not in record.to_dict()


def test_batches_keep_order_and_isolate_a_body_too_long_to_parse() -> None:
    pipeline = nlp.load()
    items: list[Document | SourceFailure] = [
        doc("a", WIRE),
        doc("big", WIRE + ("More words follow here. " * 400)),
        SourceFailure(input_id="unreadable", code="E104", message="no encoding"),
        doc("c", WIRE.replace("Marta Ilves", "Karl Tamm")),
    ]
    limit = pipeline.max_length
    pipeline.max_length = 5_000  # the guard, not spaCy's memory, is what is tested
    try:
        records = list(analyze_all(items, Options(batch_size=2)))
    finally:
        pipeline.max_length = limit
    assert [r.input_id for r in records] == ["a", "big", "unreadable", "c"]
    assert records[1].error is not None and records[1].error.code == TOO_LONG
    # the limit, what happened and the two ways on, in the message
    assert "at most 5,000 at once" in records[1].error.message
    assert "neither analyzed nor stored" in records[1].error.message
    assert "Split it" in records[1].error.message and "--no-nlp" in records[1].error.message
    assert records[1].to_dict().keys() == {"id", "input_id", "error"}
    assert records[2].error is not None and records[2].error.code == "E104"
    speakers = [q["speaker"]["name"] for q in records[3].quotes if q["speaker"]]
    assert "Karl Tamm" in speakers
    assert records[0].ok and records[0].quotes


def test_a_bug_in_a_stage_fails_that_document_only(monkeypatch: pytest.MonkeyPatch) -> None:
    import dateline.quotes

    real = dateline.quotes.find_quotes

    def flaky(body: object, *args: object, **kwargs: object) -> Iterator[object]:
        if "Karl Tamm" in str(body):
            raise RuntimeError("boom")
        return real(body, *args, **kwargs)  # type: ignore[arg-type,return-value]

    monkeypatch.setattr(dateline.quotes, "find_quotes", flaky)
    records = list(
        analyze_all([doc("ok", WIRE), doc("bad", WIRE.replace("Marta Ilves", "Karl Tamm"))])
    )
    assert records[0].ok and records[0].quotes
    assert records[1].error is not None and records[1].error.code == "E900"
    assert "boom" in records[1].error.message and records[1].article is None


def test_a_missing_model_is_one_clear_error() -> None:
    from dateline.errors import NlpError

    with pytest.raises(NlpError) as info:
        analyze(doc("wire", WIRE), Options(model="no_such_spacy_model_here"))
    assert info.value.code == "E300" and "no_such_spacy_model_here" in info.value.message


def test_a_document_over_the_time_limit_fails_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    import dateline.pipeline as pipeline_module

    real = pipeline_module.extract
    analyze(doc("warm-up", WIRE), Options(nlp=False))  # lazy imports are not what is timed

    def slow(document: Document, options: Options) -> object:
        if document.input_id == "slow":
            time.sleep(5)
        return real(document, options)

    monkeypatch.setattr(pipeline_module, "extract", slow)
    records = list(
        analyze_all([doc("slow", WIRE), doc("fast", WIRE)], Options(nlp=False, max_seconds=0.3))
    )
    assert records[0].error is not None and records[0].error.code == "E304"
    assert "extraction" in records[0].error.message
    assert records[1].ok


def test_size_bounded_parse_batches_give_the_same_records() -> None:
    items: list[Document | SourceFailure] = [
        doc("a", WIRE),
        doc("b", WIRE.replace("Marta Ilves", "Karl Tamm")),
        doc("c", WIRE.replace("Valport", "Nordhavn")),
    ]
    together = [r.to_dict() for r in analyze_all(items, Options())]
    alone = [r.to_dict() for r in analyze_all(items, Options(batch_chars=10))]
    assert together == alone and all(r["quotes"] for r in alone)


def _example_documents() -> list[Document]:
    from dateline import examples

    return [
        Document(input_id=path.name, content=path.read_text(encoding="utf-8"))
        for path in examples.files()
    ]


def test_a_batch_leaves_no_strings_behind_and_the_records_are_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The vocabulary does not grow with the documents a long run meets (issue 14): each parse
    batch runs in a spaCy memory zone, and what the zone frees changes no record."""
    pipeline = nlp.load()
    documents = _example_documents()[:3]
    # first use: lexicons and rulers build what they keep for good
    list(analyze_all(documents, Options(batch_size=4)))
    # words no model has seen, so the batch has to intern new strings and lexemes
    made_up = WIRE.replace("Valport", "Qwzxorvy").replace("Ilves", "Blorptan")
    documents.append(doc("made-up", made_up))
    # (lexemes are counted by iterating: spaCy 3.8's len(vocab) is not lowered when a zone
    # frees them)
    strings, lexemes = len(pipeline.vocab.strings), sum(1 for _ in pipeline.vocab)
    zoned = [r.to_dict() for r in analyze_all(documents, Options(batch_size=4))]
    assert len(pipeline.vocab.strings) == strings
    assert sum(1 for _ in pipeline.vocab) == lexemes

    from contextlib import nullcontext

    monkeypatch.setattr(type(pipeline), "memory_zone", lambda self, mem=None: nullcontext())
    unzoned = [r.to_dict() for r in analyze_all(documents, Options(batch_size=4))]
    assert len(pipeline.vocab.strings) > strings  # without the zone the store grows
    assert zoned == unzoned
    assert any(r["quotes"] for r in zoned) and any(r["events"] for r in zoned)


def test_no_parsed_doc_outlives_its_batch_in_a_reference_cycle() -> None:
    """A batch's Docs are freed as soon as its records are built, not at the garbage
    collector's next full pass: nothing the stages leave behind holds a Doc (or a span or
    token of one) in a reference cycle. Docs kept by cycles piled up between full passes and
    raised a long run's peak memory (issue 14)."""
    import gc

    from spacy.tokens import Doc

    documents = _example_documents()
    list(analyze_all(documents, Options()))  # first use: lexicons and rulers build theirs
    gc.collect()
    gc.disable()  # what only the collector would free stays in gc.get_objects()
    try:
        before = sum(isinstance(o, Doc) for o in gc.get_objects())
        records = [r.to_dict() for r in analyze_all(documents, Options())]
        after = sum(isinstance(o, Doc) for o in gc.get_objects())
    finally:
        gc.enable()
    assert any(r["quotes"] for r in records) and any(r["entities"] for r in records)
    assert after == before


class _Page(Document):
    """A Document a test can hold a weak reference to (Document itself has slots)."""


@pytest.mark.parametrize("with_nlp", [False, True])
def test_a_batch_holds_no_page_after_extracting_it_and_no_record_after_yielding_it(
    with_nlp: bool,
) -> None:
    """A long run's memory must not depend on how its pages fall into batches: a page's
    content is let go once extracted, a record once the caller has taken it."""
    import gc
    import weakref

    from dateline.model import Analysis

    pages: list[weakref.ref[Document]] = []

    def made(n: int) -> Document:
        page = _Page(f"page-{n}", WIRE.replace("Valport", f"Valport {n}"), kind="text")
        pages.append(weakref.ref(page))
        return page

    def stream() -> Iterator[Document]:  # holds no page itself while suspended
        for n in range(7):
            yield made(n)

    def records_alive() -> int:
        gc.collect()
        return sum(isinstance(o, Analysis) for o in gc.get_objects())

    before = records_alive()
    records = analyze_all(stream(), Options(batch_size=4, nlp=with_nlp))
    for n in range(7):
        record = next(records)
        assert record.input_id == f"page-{n}" and record.error is None
        assert bool(record.entities) is with_nlp  # the parse batch ran (or was off)
        del record
        # every page of the batch read so far is extracted already: none is held
        assert [p() for p in pages] == [None] * len(pages)
        # the caller dropped this record and those before it: only the batch's records not
        # yet taken are alive (batches of 4, then 3)
        assert records_alive() - before == (3 if n < 4 else 6) - n
