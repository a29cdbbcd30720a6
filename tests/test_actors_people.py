"""The actors stage's people: titles, roles, countries and sectors from the words around a name.

Sentences and people are invented. The tests load spaCy once per module and skip without it.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from actor_helpers import facts, person, pipeline, run
from dateline.actors import find_actors
from dateline.model import Article

__all__ = ["pipeline"]  # the fixture, shared from actor_helpers


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
        ("Bank of Ghana governor Kofi Mensah spoke.", "Kofi Mensah", ("Governor", "GHA")),
        ("University of Lagos professor Ade Bello spoke.", "Ade Bello", ("Professor", "NGA")),
    ],
)
def test_more_title_forms(pipeline: Language, text: str, name: str, want: tuple[str, str]) -> None:
    _, actors = run(pipeline, text)
    found = person(actors, name)
    assert (found.role, found.country) == want


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


def test_words_of_the_office_before_an_appositive_title(pipeline: Language) -> None:
    """ ", the U.N. disarmament affairs chief," names an IGO official: no country from context."""
    text = (
        "Lima officials met in Lima on Monday. Peru's police said Lima was calm. "
        "Tomas Ferro, the U.N. disarmament affairs chief, praised the officials."
    )
    doc = pipeline(text)
    actors = find_actors(doc, Article(body=text, published="2024-03-04"))
    got = {e.name: (e.country, e.sector) for e in actors if e.type == "PERSON"}
    assert got["Tomas Ferro"] == (None, "IGO")


def test_words_of_the_office_in_a_title_set_before_the_name(pipeline: Language) -> None:
    """ "the EU's foreign affairs spokesperson, X," is the EU's; "a lawyer and politician, X"
    is a list, no title."""
    text = (
        "Talks resumed in Nairobi on Monday. The European Union's foreign affairs spokesperson, "
        "Annika Berg, urged calm. A lawyer and politician, Ruth Kamau, spoke next."
    )
    doc = pipeline(text)
    actors = find_actors(doc, Article(body=text, published="2024-03-04"))
    berg = person(actors, "Annika Berg")
    assert (berg.role, berg.country, berg.sector) == ("Spokesperson", None, "IGO")
    assert person(actors, "Ruth Kamau").role is None


def test_a_title_held_at_a_body_of_a_country_is_of_the_bodys_sector(pipeline: Language) -> None:
    text = "Electoral Commission of Zambia chairperson Agnes Banda defended the count."
    _, actors = run(pipeline, text)
    banda = person(actors, "Agnes Banda")
    assert (banda.role, banda.country, banda.sector) == ("Chairperson", "ZMB", "GOV")


def test_a_first_name_the_model_left_out_of_the_name(pipeline: Language) -> None:
    text = (
        "Brazil's president met her Nigerian counterpart, Aminu Bello Danjuma, on Wednesday. "
        "Former Speaker of the House Ada Morven said little."
    )
    doc = pipeline(text)
    found = {e.name for e in find_actors(doc, Article(body=text)) if e.type == "PERSON"}
    assert "Aminu Bello Danjuma" in found
    assert not any(name.startswith("House") for name in found)


def test_letters_after_a_name_are_no_part_of_it(pipeline: Language) -> None:
    _, actors = run(
        pipeline,
        "Counsel for the families, Marta Ellison KC, questioned the harbour master on Monday.",
    )
    assert person(actors, "Marta Ellison").name == "Marta Ellison"


def test_surname_that_is_a_peoples_word(pipeline: Language) -> None:
    # a demonym standing alone as a subject, after a person named in full with it
    _, actors = run(
        pipeline,
        "Investor Dana Cuban toured the plant on Monday. Cuban said the line would reopen. "
        "Cuban officials said nothing.",
    )
    cuban = person(actors, "Dana Cuban")
    assert len(cuban.mentions) == 2
    assert actors.named("Cuban officials") is not None


def test_governor_abbreviated_as_us_news_write_it(pipeline: Language) -> None:
    text = (
        "Gov. Tom Reed toured the flooded towns on Monday. "
        "On Tuesday, Lt. Gov. Maria Delgado visited the towns."
    )
    actors = run(pipeline, text)[1]
    reed, delgado = person(actors, "Tom Reed"), person(actors, "Maria Delgado")
    assert (reed.role, reed.sector) == ("Governor", "GOV")
    assert (delgado.role, delgado.sector) == ("Lieutenant Governor", "GOV")


def test_an_inflected_verb_run_into_a_name_is_no_part_of_it(pipeline: Language) -> None:
    # a headline's verb the model took into the name
    _, actors = run(pipeline, "Ana Ruiz Booed After Telling Tom Reller To Pipe Down")
    assert "Tom Reller" in [e.name for e in actors.entities if e.type == "PERSON"]


def test_a_union_leader_is_of_labour(pipeline: Language) -> None:
    # CAMEO's LAB sector, as sectors.tsv gives "union" (it was NGO for the title alone)
    _, actors = run(pipeline, "Latvian union leader Ilze Berzina spoke on Monday in Riga.")
    assert facts(person(actors, "Ilze Berzina"))[1:] == ("LVA", "LAB", "LVALAB")


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("The union's secretary-general, Ilze Berzina, spoke on Monday in Riga.", "LAB"),
        ("The party's chairman, Ilze Berzina, spoke on Monday in Riga.", "PTY"),
    ],
)
def test_a_title_held_at_a_body_named_in_the_possessive_is_of_its_sector(
    pipeline: Language, text: str, sector: str
) -> None:
    # a title's own sector (a secretary-general of the UN, a company's chairman) gives way
    _, actors = run(pipeline, text)
    assert person(actors, "Ilze Berzina").sector == sector


@pytest.mark.parametrize(
    ("published", "code"), [("2019-06-01", "USAGOV"), ("2025-06-01", "USAGOV")]
)
def test_a_leader_after_the_generated_tables_has_a_country_of_their_own(
    pipeline: Language, published: str, code: str
) -> None:
    # kb_recent.tsv: no demonym or title names the country, and the dateline is elsewhere
    text = "MEXICO CITY (Reuters) - President Donald Trump spoke by phone with Mexico's president."
    _, actors = run(pipeline, text, published=published)
    found = [e for e in actors.entities if e.name == "Donald Trump"]
    assert len(found) == 1 and found[0].country == "USA" and found[0].code == code


def test_a_country_the_model_reads_as_a_person_is_no_person(pipeline: Language) -> None:
    # the model tags "Niger" here as a PERSON; an untitled one-word country name is the country
    text = (
        "Gunmen believed to belong to a militant group attacked a police post near the border"
        " with Niger on Sunday."
    )
    doc, actors = run(pipeline, text)
    assert any(e.text == "Niger" and e.label_ == "PERSON" for e in doc.ents)
    assert not [e.name for e in actors.entities if e.type == "PERSON"]


def test_a_surname_that_is_a_countrys_name_stays_the_persons(pipeline: Language) -> None:
    text = "Senator Ruth Jordan criticised the bill on Monday. Jordan said it would fail."
    _, actors = run(pipeline, text)
    assert len(person(actors, "Ruth Jordan").mentions) == 2


def test_a_bare_spokesperson_speaks_for_the_body_whose_statement_comes_just_before(
    pipeline: Language,
) -> None:
    # the article is about Peru (named three times); the spokesman is Chile's
    text = (
        "LIMA, May 2 - Peru's navy said Peruvian boats had been turned away from Peruvian "
        "waters on Sunday.\n\n"
        "Chile's foreign ministry said the boats had entered its waters. Spokesman Tomas Vidal "
        "urged Lima to respect the maritime border."
    )
    _, actors = run(pipeline, text)
    assert person(actors, "Tomas Vidal").country == "CHL"
    # a paragraph break parts the statement from the name: no longer whose body it speaks for
    text = text.replace("waters. Spokesman", "waters.\n\nSpokesman")
    _, actors = run(pipeline, text)
    assert person(actors, "Tomas Vidal").country == "PER"
