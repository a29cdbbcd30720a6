"""The actors stage: organisations, countries from the article's context, authors, captions,
the record, and the seed document as an acceptance check.

Sentences and people are invented. The model-based tests load spaCy once per module and skip
without it; one test reads ../shared/seed. Tables and the knowledge base are tested in
test_actors_tables.py, people's titles in test_actors_people.py, coreference in
test_actors_coref.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from actor_helpers import facts, person, pipeline, run
from conftest import require_shared
from dateline import nlp
from dateline.actors import caption_texts, find_actors
from dateline.model import Article, Block, Caption

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed"

__all__ = ["pipeline"]  # the fixture, shared from actor_helpers


def test_igos_countries_and_organisation_nouns(pipeline: Language) -> None:
    text = (
        "NATO and the European Union welcomed the deal. Ukraine's defence ministry said troops "
        "had withdrawn. The Albanian government denied the report. Kosovo rejected it."
    )
    _, actors = run(pipeline, text)
    by_code = {e.code: e for e in actors.entities}
    assert by_code["IGOWSTNAT"].sector == "IGO"
    assert by_code["IGOEUREEC"].type == "ORG"
    assert by_code["UKRMIL"].name == "Ukraine's defence ministry"
    assert by_code["ALBGOV"].type == "ORG"
    kosovo = by_code["KSV"]
    assert (kosovo.type, kosovo.country) == ("GPE", "XKX")
    start = text.index("Kosovo")
    assert actors.at(start, start + 6) is kosovo


def test_the_head_noun_alone_echoes_the_one_organisation_noun(pipeline: Language) -> None:
    text = (
        "Peru's central bank cut its main rate on Thursday. Exporters praised the bank, and "
        "the bank said more cuts were possible."
    )
    _, actors = run(pipeline, text)
    for at in (text.index("the bank,"), text.rindex("the bank")):
        found = actors.at(at, at + len("the bank"))
        assert found is not None and found.country == "PER", at
    # with the World Bank named too, "the bank" may mean either: no echo
    text = "Peru's central bank met the World Bank on Thursday. Exporters praised the bank."
    _, actors = run(pipeline, text)
    at = text.rindex("the bank")
    found = actors.at(at, at + len("the bank"))
    assert found is None or found.country is None


def test_a_name_right_after_an_organisation_noun_is_that_bodys(pipeline: Language) -> None:
    # the knowledge base does not know the name: the noun before it says whose body it is
    _, actors = run(pipeline, "The Chilean state mining company Minera Sur said output fell.")
    named = {e.name: e for e in actors.entities}
    assert (named["Minera Sur"].country, named["Minera Sur"].code) == ("CHL", "CHLBUS")


def test_at_prefers_the_person_over_the_title_country(pipeline: Language) -> None:
    text = "Montenegrin PM Darko Lazic arrived in Podgorica."
    _, actors = run(pipeline, text)
    whole = actors.at(0, len("Montenegrin PM Darko Lazic"))
    assert whole is not None and whole.name == "Darko Lazic"
    country = actors.at(0, len("Montenegrin"))
    assert country is not None and country.code == "MNE"
    city = actors.at(text.index("Podgorica"), text.index("Podgorica") + 9)
    assert city is not None and (city.type, city.country) == ("GPE", "MNE")


def test_at_prefers_a_name_shorter_than_the_title_country(pipeline: Language) -> None:
    # the demonym has more letters than the name: the phrase is still the person's
    text = "Montenegrin PM Edi Lo arrived in Podgorica."
    _, actors = run(pipeline, text)
    whole = actors.at(0, len("Montenegrin PM Edi Lo"))
    assert whole is not None and whole.type == "PERSON" and whole.name == "Edi Lo"
    assert actors.resolve(0, len("Montenegrin PM Edi Lo")) == (whole.id, "Edi Lo")


def test_named_organisation_gets_sector_and_country(pipeline: Language) -> None:
    _, actors = run(pipeline, "The Bank of Lithuania raised rates on Thursday.")
    bank = next(e for e in actors.entities if e.type == "ORG")
    assert (bank.sector, bank.country, bank.code) == ("BUS", "LTU", "LTUBUS")


def test_an_acronym_is_the_organisation_whose_initials_it_spells(pipeline: Language) -> None:
    text = (
        "Fighters of the Northern Liberation Front attacked a convoy near Gao on Monday. "
        "The NLF said it had destroyed three trucks. The UN condemned the attack."
    )
    _, actors = run(pipeline, text)
    front = [
        e for e in actors.entities if e.type == "ORG" and e.name == "Northern Liberation Front"
    ]
    assert len(front) == 1 and "NLF" in front[0].aliases
    assert not any(e.name == "NLF" for e in actors.entities)
    start = text.index("The NLF") + len("The ")
    found = actors.at(start, start + len("NLF"))
    assert found is not None and found.name == "Northern Liberation Front"


def test_an_organisation_the_actor_tables_list_among_people_is_still_found(
    pipeline: Language,
) -> None:
    # PETRARCH-2's agents list some NGOs as people; their code says what they are
    _, actors = run(pipeline, "Amnesty International urged Peru to free the two reporters.")
    ngo = next(e for e in actors.entities if e.name == "Amnesty International")
    assert ngo.type == "ORG" and (ngo.code or "").startswith("NGO") and ngo.code != "NGO"


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        (
            "Human Rights Watch urged Peru to free the two reporters.",
            "Human Rights Watch",
            "NGOHRI",
        ),
        (
            "A report by Doctors Without Borders blamed both sides.",
            "Doctors Without Borders",
            "NGOHLHMSF",
        ),
    ],
)
def test_a_rights_or_aid_group_the_model_misses_is_tagged_and_coded(
    pipeline: Language, text: str, name: str, code: str
) -> None:
    _, actors = run(pipeline, text)
    found = [e for e in actors.entities if e.name == name]
    assert len(found) == 1 and found[0].code == code and found[0].country is None


def test_authors_are_reporters(pipeline: Language) -> None:
    _, actors = run(pipeline, "Talks resumed in Skopje.", authors=["Jana Novak"])
    author = person(actors, "Jana Novak")
    assert author.author and author.role == "reporter" and author.sector == "MED"
    assert not author.caption_only and author.mentions == []


def test_caption_only_people(pipeline: Language) -> None:
    _, actors = run(
        pipeline,
        "Talks resumed in Skopje on Monday.",
        captions=["Latvian Interior Minister Peteris Kalns attends a meeting in Riga"],
    )
    kalns = person(actors, "Peteris Kalns")
    assert kalns.caption_only
    assert facts(kalns) == ("Interior Minister", "LVA", "GOV", "LVAGOV")
    (mention,) = [m for m in kalns.mentions if m.kind == "name"]
    assert mention.in_caption and mention.caption == 0
    assert actors.at(0, 5) is None or actors.at(0, 5) is not kalns


def test_caption_texts_include_alt_texts() -> None:
    article = Article(
        captions=[Caption("A caption")],
        blocks=[Block("alt", "An alt text"), Block("alt", "A caption"), Block("paragraph", "P")],
    )
    assert caption_texts(article) == ["A caption", "An alt text"]


def test_record_shape(pipeline: Language) -> None:
    _, actors = run(pipeline, "Greek PM Nikos Vlachos spoke first in Athens.")
    records = actors.to_list()
    assert [r["id"] for r in records] == [f"e{i}" for i in range(1, len(records) + 1)]
    record = next(r for r in records if r["name"] == "Nikos Vlachos")
    for key in ("id", "name", "type", "role", "country", "sector", "aliases", "mentions"):
        assert key in record
    for key in ("code", "author", "caption_only", "kb"):
        assert key in record
    mention = record["mentions"][0]
    assert mention["sentence"].startswith("Greek PM")
    assert json.loads(json.dumps(records)) == records
    jsonschema = pytest.importorskip("jsonschema")
    schema_path = Path(nlp.__file__).parent.parent / "schema" / "analysis.schema.json"
    schema = json.loads(schema_path.read_text())
    entity_schema = {"$defs": schema["$defs"], **schema["$defs"]["entity"]}
    for entity_record in records:
        jsonschema.validate(entity_record, entity_schema)


def test_seed_people(pipeline: Language) -> None:
    require_shared("seed", "gold.json")
    from dateline.extract.text import extract_text

    gold = json.loads((SEED / "gold.json").read_text())
    path = next(p for p in SEED.iterdir() if p.suffix == ".txt")
    article = extract_text(path.read_text())
    doc = pipeline(article.body)
    captions = list(pipeline.pipe(caption_texts(article)))
    actors = find_actors(doc, article, captions=captions)
    for want in gold["people"]:
        got = actors.named(want["name"])
        assert got is not None, want["name"]
        assert (got.role, got.country, got.sector) == (
            want["role"],
            want["country"],
            want["sector"],
        ), want["name"]
        assert got.author == bool(want.get("author")), want["name"]
        assert got.caption_only == bool(want.get("caption_only")), want["name"]
        for alias in want["aliases"]:
            assert alias in got.aliases or alias in got.name, (want["name"], alias)


def test_alt_texts_the_caller_did_not_parse_are_read(pipeline: Language) -> None:
    text = "Talks resumed in Skopje on Monday."
    article = Article(
        published="2012-05-01",
        body=text,
        captions=[Caption("Delegates arrive in Skopje")],
        blocks=[Block("alt", "Slovak Foreign Minister Jana Kral waves to reporters")],
    )
    actors = find_actors(pipeline(text), article, captions=[pipeline(article.captions[0].text)])
    kral = person(actors, "Jana Kral")
    assert kral.caption_only and kral.mentions[0].caption == 1
    assert facts(kral) == ("Foreign Minister", "SVK", "GOV", "SVKGOV")


def test_organisation_descriptions(pipeline: Language) -> None:
    text = (
        "The European Union agreed new sanctions on Monday. The bloc will also send aid. "
        "NATO said the alliance would meet in June."
    )
    _, actors = run(pipeline, text)
    start = text.index("The bloc")
    bloc = actors.at(start, start + len("The bloc"))
    assert bloc is not None and bloc.code == "IGOEUREEC"
    start = text.index("the alliance")
    alliance = actors.at(start, start + len("the alliance"))
    assert alliance is not None and alliance.code == "IGOWSTNAT"


def test_country_from_article_context(pipeline: Language) -> None:
    """A congressional title or party-state tag means the US; other people named without a
    country take the article's home country (its most-named, a state counting for its
    country); a former official keeps the country and loses the sector."""
    text = (
        "Sen. Ada Quill (D-N.M.) criticized the new rule on Monday. Rep. Tom Vance agreed. "
        "Former Defense Secretary Lena Hart met farmers in Ohio. Ohio officials and Texas "
        "regulators spoke later. Mara Olin, a farmer, said she was pleased."
    )
    doc = pipeline(text)
    actors = find_actors(doc, Article(body=text, published="2024-03-04"))
    assert actors.home == "USA"
    got = {e.name: (e.country, e.sector) for e in actors if e.type == "PERSON"}
    assert got["Ada Quill"] == ("USA", "LEG")
    assert got["Tom Vance"][0] == "USA"
    assert got["Lena Hart"] == ("USA", None)
    assert got["Mara Olin"][0] == "USA"


def test_the_place_a_statement_was_given_in_comes_before_the_home_country(
    pipeline: Language,
) -> None:
    """A person named without a country who "said in <capital>" speaks for that capital's
    country, though the article names another country most."""
    text = (
        "Chile's navy stopped a Chilean trawler near Chilean waters. Chile protested. "
        "Spokesman Li Wei said in Hanoi that the trawler had provoked the incident."
    )
    _, actors = run(pipeline, text)
    assert actors.home == "CHL"
    got = {e.name: e.country for e in actors if e.type == "PERSON"}
    assert got["Li Wei"] == "VNM"


def test_an_organisation_noun_said_again_is_the_one_named_with_its_country(
    pipeline: Language,
) -> None:
    """ "the interim government" after "Peru's interim government" is Peru's, in an article
    whose home country is another; not when two countries' governments of that name were
    named."""
    text = (
        "Chile hosted the talks in Santiago. Chile's envoy met Peru's interim government on "
        "Monday. Chile later urged the interim government to hold elections."
    )
    for words, country in (
        (text, "PER"),
        (text.replace("envoy met", "interim government met"), None),
    ):
        _, actors = run(pipeline, words)
        at = words.index("the interim government to")
        found = actors.at(at, at + len("the interim government"))
        assert (found.country if found is not None else None) == country


def test_home_country_from_the_dateline_and_the_outlet() -> None:
    from dateline.actors.home import home_country
    from dateline.nlp.gazetteer import Gazetteer

    doc = spacy.blank("en")("Officials met.")
    gaz = Gazetteer.default()
    assert home_country(doc, gaz, [], dateline="NAIROBI, Kenya") == "KEN"
    assert home_country(doc, gaz, [], url="https://news.example.co.uk/a") == "GBR"
    assert home_country(doc, gaz, [], url="https://example.com/a") is None
    assert home_country(doc, gaz, ["FRA", "FRA", "DEU"]) == "FRA"
    assert home_country(doc, gaz, ["FRA", "DEU"]) is None  # no clear winner
    # the country the article is about before where it was filed
    assert home_country(doc, gaz, ["BOL", "BOL"], dateline="LIMA") == "BOL"


def test_the_dateline_is_no_mention_of_home(pipeline: Language) -> None:
    """A story filed from a hub city about another country: the dateline's place is where the
    story was filed, the fallback when no country leads, not one more mention that ties the
    country the body names twice."""
    text = (
        "OSLO, Jan 5 (Wire) - Aid reached the Malian town of Kidal on Tuesday, officials in "
        "Oslo said. Mali's army welcomed the convoy. The army said the road was open."
    )
    doc = pipeline(text)
    article = Article(published="2026-01-06", body=text, dateline="Oslo")
    assert find_actors(doc, article).home == "MLI"
    alone = "OSLO, Jan 5 (Wire) - Aid reached the town on Tuesday, officials said."
    article = Article(published="2026-01-06", body=alone, dateline="Oslo")
    assert find_actors(pipeline(alone), article).home == "NOR"


def test_a_dateline_ends_where_its_dash_does() -> None:
    blank = spacy.blank("en")
    assert nlp.filed_from(blank("NARVA, Estonia (Ledger) -- Police fired.")) == len(
        "NARVA, Estonia (Ledger) -- "
    )
    assert nlp.filed_from(blank("Headline words\n\nLIMA (AP) - Talks ended.")) == len(
        "Headline words\n\nLIMA (AP) - "
    )
    assert nlp.filed_from(blank("Police in Lima fired tear gas.")) == 0


def test_cities_count_for_their_country_at_home(pipeline: Language) -> None:
    """A city named again and again makes its country the article's home, before a foreign
    country named once."""
    text = (
        "The council of Denver voted on the budget on Tuesday. Denver residents had "
        "protested for weeks. A supplier from Japan had bid for the contract."
    )
    doc = pipeline(text)
    actors = find_actors(doc, Article(body=text, published="2024-03-04"))
    assert actors.home == "USA"
