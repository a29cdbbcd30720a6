"""The actors stage: roles, countries, coreference, organisations, codes, the knowledge base.

Sentences and people are invented (the knowledge-base tests use real office-holders, as the
KB is about them). The model-based tests load spaCy once per module and skip without it; the
data-table tests need no model. One test reads ../shared/seed as an acceptance check.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from conftest import require_model, require_shared
from dateline import nlp
from dateline.actors import (
    Actors,
    Entity,
    KnowledgeBase,
    RoleTable,
    actor_code,
    caption_texts,
    find_actors,
    split_code,
)
from dateline.actors.kb import KbActor, Tenure
from dateline.model import Article, Block, Caption
from dateline_dev.build_kb import display, parse_dictionary, rows, tenure

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed"


@pytest.fixture(scope="module")
def pipeline() -> Language:
    require_model()
    return nlp.load()


def run(
    pipeline: Language,
    text: str,
    published: str | None = "2012-05-01",
    captions: list[str] | None = None,
    authors: list[str] | None = None,
) -> tuple[Doc, Actors]:
    doc = pipeline(text)
    article = Article(published=published, authors=authors or [], body=text)
    caption_docs = [pipeline(c) for c in captions or []]
    return doc, find_actors(doc, article, captions=caption_docs)


def person(actors: Actors, name: str) -> Entity:
    found = actors.named(name)
    assert found is not None, [e.name for e in actors.entities]
    assert found.type == "PERSON"
    return found


def facts(entity: Entity) -> tuple[str | None, str | None, str | None, str | None]:
    return entity.role, entity.country, entity.sector, entity.code


# --- data tables (no model) -------------------------------------------------------------------


def test_role_titles_and_abbreviations() -> None:
    roles = RoleTable.default()
    pm = roles.role("PM")
    assert pm is not None and pm.canonical == "Prime Minister" and pm.sector == "GOV"
    assert roles.role("prime minister") is not None
    assert roles.role("Defence Minister").canonical == "Defence Minister"  # type: ignore[union-attr]
    assert roles.role("minister of defense").canonical == "Defense Minister"  # type: ignore[union-attr]
    assert roles.role("Gen.").sector == "MIL"  # type: ignore[union-attr]
    assert roles.role("secretary-general").sector == "IGO"  # type: ignore[union-attr]
    assert roles.role("reporter").sector == "MED"  # type: ignore[union-attr]
    assert len(roles.roles) > 300
    leader = roles.role("leader")
    assert leader is not None and leader.compatible(roles.role("president"))
    assert not leader.compatible(roles.role("judge"))


def test_organisation_words_give_sectors() -> None:
    roles = RoleTable.default()
    assert roles.org_sector("Ministry of Defence") == "MIL"
    assert roles.org_sector("Bank of Lithuania") == "BUS"
    assert roles.org_sector("Socialist Party") == "PTY"
    assert roles.org_sector("University of Zagreb") == "EDU"
    assert roles.org_sector("Constitutional Court") == "JUD"
    assert roles.org_head(["defence", "ministry"]) == "MIL"
    assert roles.org_head(["weather"]) is None


def test_actor_codes() -> None:
    assert actor_code("UKR", "GOV") == "UKRGOV"
    assert actor_code("XKX", "GOV") == "KSVGOV"  # CAMEO's Kosovo code
    assert actor_code("ALB", None) == "ALB"
    assert actor_code(None, "MED") == "MED"
    assert actor_code(None, None) is None
    assert split_code("RUSMIL") == ("RUS", "MIL")
    assert split_code("KSVGOV") == ("XKX", "GOV")
    assert split_code("IGOUNO") == (None, "IGO")
    assert split_code("SRB") == ("SRB", None)


def test_kb_tenure_picks_the_office_at_the_date() -> None:
    actor = KbActor(
        "ANA_EXAMPLE",
        "Ana Example",
        (),
        "PERSON",
        (Tenure("MDAELI", "1990-01-01", "2001-01-01"), Tenure("MDAGOV", "2001-01-02", "")),
    )
    assert actor.code_at("2010-06-01") == "MDAGOV"
    assert actor.code_at("1995-06-01") == "MDAELI"
    assert actor.code_at("1980-06-01") is None
    assert actor.in_office("2010-06-01") and not actor.in_office("1995-06-01")


def test_kb_build_reads_the_dictionary_format() -> None:
    text = (
        "MOLDOVA_  [MDA]\n+MOLDOVAN_\n"
        "ANA_EXAMPLE_  # CountryInfo.txt\n+EXAMPLE_\n+PRESIDENT_EXAMPLE_\n"
        "\t[MDAELI 900101-010101]\n\t[MDAGOV >010102]\n"
        "MOLDOVAN_NATIONAL_ARMY_\n\t[MDAMIL]\n"
    )
    entries = list(parse_dictionary(text))
    assert [e.key for e in entries] == ["MOLDOVA_", "ANA_EXAMPLE_", "MOLDOVAN_NATIONAL_ARMY_"]
    assert list(rows(entries[0])) == []  # countries belong to the gazetteer
    (person_row,) = rows(entries[1])
    assert person_row == [
        "ANA_EXAMPLE",
        "Ana Example",
        "Example",  # the title form is dropped
        "PERSON",
        "MDAELI 1990-01-01/2001-01-01|MDAGOV 2001-01-02/",
    ]
    assert next(rows(entries[2]))[3:] == ["ORG", "MDAMIL"]
    assert tenure("<990101") == ("", "1999-01-01")
    assert display("PEOPLE'S_PARTY_OF_X") == "People's Party of X"


def test_shipped_kb_resolves_bare_names_by_date() -> None:
    kb = KnowledgeBase.default()
    now = kb.lookup("Lavrov", "2012-05-01", {"RUS"})
    assert now is not None and now.code_at("2012-05-01") == "RUSGOV"
    assert kb.lookup("Lavrov", "1980-05-01") is None  # no office then, and no context
    assert kb.lookup("Nosuchname Atall", "2012-05-01") is None
    # a surname the dictionaries never use alone needs the article to name the country
    assert kb.lookup("Fox", "2016-06-01") is None
    fox = kb.lookup("Fox", "2016-06-01", {"GBR"})
    assert fox is not None and fox.key == "LIAM_FOX"
    # no date: only a person the dictionaries list under the bare surname itself
    putin = kb.lookup("Putin", None)
    assert putin is not None and putin.key == "VLADIMIR_PUTIN"
    assert kb.lookup("Fox", None, {"GBR"}) is None
    # hyphens are spaces: the dictionaries write "al Thani"
    emir = kb.lookup("Hamad bin Khalifa al-Thani", None)
    assert emir is not None and emir.key == "HAMAD_BIN_KHALIFA_AL_THANI"
    size = (Path(nlp.__file__).parent.parent / "data" / "actors" / "kb.tsv").stat().st_size
    assert size < 3_000_000


def test_blank_pipeline_with_entities_set_by_hand() -> None:
    """No model: the stage reads entities and tokens only where no parse is there."""
    lang = spacy.blank("en")
    doc = lang.make_doc("Albanian PM Arben Kola met reporters. He said the EU would help.")
    doc.ents = [
        Span(doc, 0, 1, label="NORP", span_id="demonym:ALB"),
        Span(doc, 2, 4, label="PERSON"),
        Span(doc, 10, 11, label="ORG", span_id="igo:EU"),
    ]
    actors = find_actors(doc, Article(authors=["Jo Ann"]), captions=[])
    kola = person(actors, "Arben Kola")
    assert facts(kola) == ("Prime Minister", "ALB", "GOV", "ALBGOV")
    assert actors.resolve(38, 40) == (kola.id, "Arben Kola")  # "He"
    eu = actors.named("European Union")
    assert eu is not None and eu.code == "IGOEUREEC"
    assert person(actors, "Jo Ann").author
    assert find_actors(lang.make_doc(""), None).entities == []


# --- people, roles and countries --------------------------------------------------------------


def test_demonym_title_name(pipeline: Language) -> None:
    _, actors = run(pipeline, "Croatian Prime Minister Tomislav Vrban met reporters in Zagreb.")
    vrban = person(actors, "Tomislav Vrban")
    assert facts(vrban) == ("Prime Minister", "HRV", "GOV", "HRVGOV")
    assert "Croatian Prime Minister Tomislav Vrban" in vrban.aliases


def test_abbreviated_title(pipeline: Language) -> None:
    _, actors = run(pipeline, "Greek PM Nikos Vlachos spoke first at the meeting.")
    assert facts(person(actors, "Nikos Vlachos")) == ("Prime Minister", "GRC", "GOV", "GRCGOV")


def test_apposition_with_of_country(pipeline: Language) -> None:
    _, actors = run(
        pipeline, "The accord was signed by Milan Korda, president of Slovakia, on Friday."
    )
    assert facts(person(actors, "Milan Korda")) == ("President", "SVK", "GOV", "SVKGOV")


def test_apposition_with_article_and_place(pipeline: Language) -> None:
    _, actors = run(pipeline, "Stefan Marin, a doctor at the city hospital, said all were stable.")
    assert person(actors, "Stefan Marin").role == "Doctor"
    assert person(actors, "Stefan Marin").sector == "HLH"


def test_possessive_country(pipeline: Language) -> None:
    _, actors = run(pipeline, "Hungary's president Gabor Szell arrived late on Tuesday.")
    assert facts(person(actors, "Gabor Szell")) == ("President", "HUN", "GOV", "HUNGOV")


def test_minister_titles_both_spellings(pipeline: Language) -> None:
    _, actors = run(
        pipeline,
        "Polish Defence Minister Adam Wrobel visited the base. "
        "Later, Czech Defense Minister Petr Salek joined him.",
    )
    assert facts(person(actors, "Adam Wrobel")) == ("Defence Minister", "POL", "GOV", "POLGOV")
    assert facts(person(actors, "Petr Salek")) == ("Defense Minister", "CZE", "GOV", "CZEGOV")


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        (
            "Ghanaian Fisheries and Aquaculture Minister Ama Owusu toured the harbour.",
            "Ama Owusu",
            ("Fisheries and Aquaculture Minister", "GHA", "GOV", "GHAGOV"),
        ),
        (
            "Malawian Disaster Relief Minister Chikondi Banda visited the camps.",
            "Chikondi Banda",
            ("Disaster Relief Minister", "MWI", "GOV", "MWIGOV"),
        ),
    ],
)
def test_a_portfolio_the_table_lacks_is_part_of_the_title(
    pipeline: Language, text: str, name: str, expected: tuple[str, ...]
) -> None:
    # the country before the portfolio is the minister's, and the portfolio keeps the sector
    _, actors = run(pipeline, text)
    assert facts(person(actors, name)) == expected


@pytest.mark.parametrize(
    ("text", "name", "sector"),
    [
        ("Student leader Ioana Pop spoke on Monday in Cluj.", "Ioana Pop", "EDU"),
        ("Farmers leader Radu Ene spoke on Monday in Iasi.", "Radu Ene", "AGR"),
    ],
)
def test_a_leader_of_a_group_takes_the_groups_sector(
    pipeline: Language, text: str, name: str, sector: str
) -> None:
    # a leader of students or farmers leads no government
    _, actors = run(pipeline, text)
    assert person(actors, name).sector == sector


def test_a_leader_of_a_group_named_with_a_possessive(pipeline: Language) -> None:
    # the leader of the group, of the country named before it, in no government
    _, actors = run(pipeline, "Colombian rebels' leader Ivan Marquez spoke on Monday.")
    assert facts(person(actors, "Ivan Marquez"))[1:] == ("COL", "REB", "COLREB")
    _, actors = run(pipeline, "Chilean dockers' leader Pablo Soto spoke on Monday.")
    assert facts(person(actors, "Pablo Soto"))[1:3] == ("CHL", None)


def test_a_broadcaster_in_the_story_is_placed_a_reporter_is_not(pipeline: Language) -> None:
    text = (
        "Radio host Marta Soto pressed the minister on the pension reform. Chile's government "
        "defended the plan in Santiago on Monday, as Chile's unions protested, reporter Ana "
        "Ruiz wrote."
    )
    _, actors = run(pipeline, text)
    assert facts(person(actors, "Marta Soto"))[1:3] == ("CHL", "MED")
    assert facts(person(actors, "Ana Ruiz"))[1:3] == (None, "MED")


def test_a_name_owned_by_an_organisation_is_of_its_sector(pipeline: Language) -> None:
    _, actors = run(pipeline, "Radio Nova's Tom Berg said the station would close.")
    assert person(actors, "Tom Berg").sector == "MED"


def test_opposition_role_and_surname(pipeline: Language) -> None:
    text = (
        "Moldovan opposition leader Ion Cretu called for protests. "
        "Cretu said his supporters would march on Friday."
    )
    _, actors = run(pipeline, text)
    cretu = person(actors, "Ion Cretu")
    assert facts(cretu) == ("Opposition Leader", "MDA", "OPP", "MDAOPP")
    start = text.index("Cretu said")
    assert actors.resolve(start, start + len("Cretu")) == (cretu.id, "Ion Cretu")


# --- coreference --------------------------------------------------------------------------------


def test_descriptions_resolve_to_the_person(pipeline: Language) -> None:
    text = (
        "Estonian President Kaja Tamm opened the summit in Tallinn. "
        "The Estonian president later left the hall. "
        "The president of Estonia was cheered by the crowd. "
        "Delegates applauded the Estonian leader."
    )
    _, actors = run(pipeline, text)
    tamm = person(actors, "Kaja Tamm")
    for phrase in ("The Estonian president", "The president of Estonia", "the Estonian leader"):
        assert phrase in tamm.aliases
        start = text.index(phrase)
        assert actors.resolve(start, start + len(phrase)) == (tamm.id, "Kaja Tamm")
    kinds = {m.kind for m in tamm.mentions}
    assert kinds == {"name", "description"}


def test_description_picks_the_matching_country(pipeline: Language) -> None:
    text = (
        "Latvian President Janis Ozols met Lithuanian President Rasa Vaitkus in Riga. "
        "The Latvian president said the talks went well."
    )
    _, actors = run(pipeline, text)
    start = text.index("The Latvian president")
    got = actors.resolve(start, start + len("The Latvian president"))
    assert got is not None and got[1] == "Janis Ozols"


def test_pronoun_resolves_to_the_preceding_person(pipeline: Language) -> None:
    text = (
        "Finnish Foreign Minister Elina Koski arrived in Oslo on Sunday. "
        "She said the talks would continue."
    )
    _, actors = run(pipeline, text)
    koski = person(actors, "Elina Koski")
    start = text.index("She")
    assert actors.resolve(start, start + 3) == (koski.id, "Elina Koski")
    assert any(m.kind == "pronoun" and m.text == "She" for m in koski.mentions)
    assert "She" not in koski.aliases


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a name inside the quote before is no one the pronoun stands for
        (
            'Slovenian Prime Minister Marko Zupan spoke after the vote. "Nobody expected Novak '
            'to give in so soon," he said.',
            "Marko Zupan",
        ),
        # after "Y had turned it down, X said", the one who said it, not the reported subject
        (
            "Governor Tomas Baxwell met the dockworkers' union on Tuesday.\n\n"
            "The union's head, Pieter Holmgaard, had turned down the offer, Baxwell told "
            'reporters.\n\n"We will keep talking," he said.',
            "Tomas Baxwell",
        ),
        # a bare surname the model left untagged still names the person
        (
            "Tomas Baxwell met Helen Garrow on Monday.\n\nGarrow, who chairs the board, later "
            'said the meeting went badly. "He did not listen," she told reporters.',
            "Helen Garrow",
        ),
    ],
)
def test_pronoun_after_a_quote_or_a_report(pipeline: Language, text: str, name: str) -> None:
    _, actors = run(pipeline, text)
    start = text.index("he said") if "he said" in text else text.index("she told")
    got = actors.resolve(start, start + 3)
    assert got is not None and got[1] == name


# --- organisations, countries, codes -----------------------------------------------------------


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


# --- knowledge base, authors, captions, the record --------------------------------------------


def test_kb_resolves_a_bare_name_with_the_article_date(pipeline: Language) -> None:
    text = "Lavrov told reporters in Geneva that the talks had failed."
    _, actors = run(pipeline, text, published="2012-05-01")
    lavrov = person(actors, "Lavrov")
    assert (lavrov.role, lavrov.country, lavrov.sector, lavrov.code) == (
        None,
        "RUS",
        "GOV",
        "RUSGOV",
    )
    assert lavrov.kb == "kb:SERGEY_LAVROV"
    _, before = run(pipeline, text, published="1980-05-01")
    assert all(e.kb != "kb:SERGEY_LAVROV" for e in before.entities)


def test_the_text_wins_over_the_kb(pipeline: Language) -> None:
    _, actors = run(
        pipeline, "Hungarian farmer Sergey Lavrov sold his land.", published="2012-05-01"
    )
    namesake = person(actors, "Sergey Lavrov")
    assert namesake.country == "HUN"
    assert namesake.kb is None


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


# --- acceptance: the seed document -----------------------------------------------------------


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


def test_pronouns_skip_people_of_the_other_gender(pipeline: Language) -> None:
    text = (
        "Mrs. Vesna Horvat met Mr. Luka Babic in Zagreb on Monday. "
        "Later that day, she said the meeting had been useful."
    )
    _, actors = run(pipeline, text)
    start = text.index("she said")
    got = actors.resolve(start, start + 3)
    assert got is not None and got[1] == "Vesna Horvat"


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


def test_title_with_an_organisation_or_country_inside(pipeline: Language) -> None:
    text = (
        "EU foreign policy chief Marta Lind spoke first. In Moscow, Russian Foreign Ministry "
        "spokeswoman Olga Petrova replied."
    )
    _, actors = run(pipeline, text)
    lind = person(actors, "Marta Lind")
    assert (lind.sector, lind.code) == ("IGO", "IGOEUREEC")
    petrova = person(actors, "Olga Petrova")
    assert (petrova.country, petrova.sector) == ("RUS", "GOV")


def test_describing_word_after_a_noun_gives_the_nouns_sector(pipeline: Language) -> None:
    # a leader of refugees leads no government: the sector is the refugees' (roles.tsv)
    _, actors = run(pipeline, "Refugee leader Omar Haddad accused the camp authorities.")
    haddad = person(actors, "Omar Haddad")
    assert haddad.role == "Leader" and haddad.sector == "CVL"


def test_place_and_storm_names_are_not_people(pipeline: Language) -> None:
    _, actors = run(pipeline, "Crowds filled Mtatsminda Avenue as Cyclone Biparjoy neared.")
    assert all(e.type != "PERSON" for e in actors.entities)


def test_titled_namesake_in_office_is_not_the_relative(pipeline: Language) -> None:
    text = (
        "Michelle Obama campaigned in Ohio on Monday. "
        "President Obama spoke in Washington on Tuesday."
    )
    _, actors = run(pipeline, text, published="2012-05-01")
    start = text.index("Obama spoke")
    got = actors.at(start, start + 5)
    assert got is not None and got.name == "Obama" and got.kb == "kb:BARACK_OBAMA"
    assert got.role == "President"


@pytest.mark.parametrize(
    ("text", "name", "want"),
    [
        ("Prime Minister Arben Kola of Albania arrived.", "Arben Kola", ("Prime Minister", "ALB")),
        (
            "The deal was welcomed by Serbia's president, Dragan Ilic.",
            "Dragan Ilic",
            ("President", "SRB"),
        ),
        ("The president of Ukraine, Petro Savchuk, spoke.", "Petro Savchuk", ("President", "UKR")),
        ("Dragan Ilic, Serbia's president, said no.", "Dragan Ilic", ("President", "SRB")),
        ("Arben Kola, the Albanian prime minister, left.", "Arben Kola", ("Prime Minister", "ALB")),
    ],
)
def test_more_title_forms(pipeline: Language, text: str, name: str, want: tuple[str, str]) -> None:
    _, actors = run(pipeline, text)
    found = person(actors, name)
    assert (found.role, found.country) == want


def test_people_take_a_known_organisation_code(pipeline: Language) -> None:
    text = "Hezbollah chief Karim Haddad stayed silent. Yale University professor Jane Roe spoke."
    _, actors = run(pipeline, text, published="2012-05-01")
    haddad = person(actors, "Karim Haddad")
    assert (haddad.country, haddad.sector, haddad.code) == ("LBN", "REB", "LBNREB")
    group = next(e for e in actors.entities if e.name == "Hezbollah")
    assert group.type == "ORG" and group.kb == "kb:HEZBOLLAH"
    assert person(actors, "Jane Roe").sector == "EDU"


def test_shipped_kb_is_what_the_build_script_writes() -> None:
    reference = require_shared("data", "events", "reference")
    require_shared("data", "events", "reference", "petrarch2-Phoenix.Countries.actors.txt")
    from dateline_dev.build_kb import DEFAULT_OUT, build

    assert "\n".join(build(reference)) + "\n" == DEFAULT_OUT.read_text(encoding="utf-8")


def test_full_name_the_model_missed_and_a_portfolio_title(pipeline: Language) -> None:
    text = (
        "Vietnamese Minister of Industry and Trade Tran Thi Lan and Chilean Foreign Minister "
        'Ignacio Valdes signed the agreement in Hanoi. "This is a bridge," Lan said.'
    )
    _, actors = run(pipeline, text)
    lan = person(actors, "Tran Thi Lan")
    assert facts(lan) == ("Minister of Industry and Trade", "VNM", "GOV", "VNMGOV")
    start = text.index("Lan said")
    assert actors.resolve(start, start + 3) == (lan.id, "Tran Thi Lan")


def test_spelling_variants_of_cities_are_not_people(pipeline: Language) -> None:
    doc = pipeline("The ship docked at Hai Phong on Friday.")
    actors = find_actors(doc, Article(), captions=[])
    assert all(e.type != "PERSON" for e in actors.entities)


def test_a_demonym_does_not_stand_for_the_speaker_it_qualifies(pipeline: Language) -> None:
    text = "West African leaders meeting in Accra on Friday called on the junta to free detainees."
    _doc, actors = run(pipeline, text)
    phrase = "West African leaders"
    resolved = actors.resolve(0, len(phrase))
    assert resolved is None or resolved[1] != "West African"
    assert actors.resolve(0, len("West African")) is not None  # the demonym itself still is


def test_subject_pronoun_skips_a_name_in_its_own_opening_phrase(pipeline: Language) -> None:
    text = (
        "The veteran broadcaster Carl Lindgren explained the plan on Monday. In a long "
        "interview with Erik Sand, he said the bridge would be rebuilt."
    )
    _, actors = run(pipeline, text)
    at = text.index(", he said") + 2
    found = actors.resolve(at, at + 2)
    assert found is not None and found[1] == "Carl Lindgren"


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


def test_words_of_the_office_before_an_appositive_title(pipeline: Language) -> None:
    """ ", the U.N. humanitarian affairs chief," names an IGO official: no country from context."""
    text = (
        "Lima officials met in Lima on Monday. Peru's police said Lima was calm. "
        "Tomas Ferro, the U.N. humanitarian affairs chief, praised the officials."
    )
    doc = pipeline(text)
    actors = find_actors(doc, Article(body=text, published="2024-03-04"))
    got = {e.name: (e.country, e.sector) for e in actors if e.type == "PERSON"}
    assert got["Tomas Ferro"] == (None, "IGO")
