"""The gazetteer tables and their lookups (no spaCy model needed)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from dateline.actors.kb import KnowledgeBase
from dateline.errors import DatelineError
from dateline.nlp.gazetteer import (
    NORMALIZE_CACHE,
    Country,
    Demonym,
    Gazetteer,
    Igo,
    Place,
    Region,
    normalize,
)
from dateline_dev import build_gazetteer


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


def test_default_is_loaded_once(gaz: Gazetteer) -> None:
    assert Gazetteer.default() is gaz


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("Albania", "ALB"),
        ("the US", "USA"),
        ("U.S.", "USA"),
        ("United States", "USA"),
        ("Britain", "GBR"),
        ("UK", "GBR"),
        ("Russia", "RUS"),
        ("Russian Federation", "RUS"),
        ("Iran", "IRN"),
        ("South Korea", "KOR"),
        ("North Korea", "PRK"),
        ("Syria", "SYR"),
        ("Turkey", "TUR"),
        ("Türkiye", "TUR"),
        ("turkiye", "TUR"),
        ("Czech Republic", "CZE"),
        ("Czechia", "CZE"),
        ("Kosovo", "XKX"),
        ("North Macedonia", "MKD"),
        ("Macedonia", "MKD"),  # its name until 2019, in older news
        ("Zaire", "COD"),
        ("Ivory Coast", "CIV"),
        ("Côte d'Ivoire", "CIV"),
        ("the Netherlands", "NLD"),
        ("Democratic Republic of Congo", "COD"),
        ("Republic of Albania", "ALB"),
    ],
)
def test_country_by_name(gaz: Gazetteer, name: str, iso3: str) -> None:
    country = gaz.country_by_name(name)
    assert country is not None, name
    assert country.iso3 == iso3


def test_country_codes(gaz: Gazetteer) -> None:
    kosovo = gaz.country_by_code("XK")
    assert kosovo is not None and kosovo.iso3 == "XKX" and kosovo.cameo == "KSV"
    albania = gaz.country_by_code("alb")
    assert albania is not None and albania.iso2 == "AL" and albania.cameo == "ALB"
    assert gaz.country_by_code("ZZZ") is None
    assert gaz.country_by_name("Atlantis") is None
    assert len(gaz.countries) >= 249
    assert len({c.iso3 for c in gaz.countries}) == len(gaz.countries)


@pytest.mark.parametrize(
    ("word", "iso3"),
    [
        ("Ukrainian", "UKR"),
        ("Albanian", "ALB"),
        ("Albanians", "ALB"),
        ("Serbian", "SRB"),
        ("Serb", "SRB"),
        ("German", "DEU"),
        ("Russian", "RUS"),
        ("Kosovar", "XKX"),
        ("British", "GBR"),
        ("American", "USA"),
        ("Dutch", "NLD"),
        ("Filipino", "PHL"),
        # second spellings news agencies use
        ("Ecuadorean", "ECU"),
        ("Azeri", "AZE"),
        ("Byelorussian", "BLR"),
    ],
)
def test_country_by_demonym(gaz: Gazetteer, word: str, iso3: str) -> None:
    country = gaz.country_by_demonym(word)
    assert country is not None, word
    assert country.iso3 == iso3


def test_every_demonym_points_at_a_known_country_and_most_countries_have_one(
    gaz: Gazetteer,
) -> None:
    codes = {c.iso3 for c in gaz.countries}
    assert all(d.iso3 in codes for d in gaz.demonyms)
    covered = {d.iso3 for d in gaz.demonyms}
    # every UN member state has its adjective; territories may not
    assert len(covered) >= 190
    assert {"UKR", "ALB", "SRB", "XKX", "MNE", "MKD", "BIH", "HRV"} <= covered


def test_regions_are_not_countries(gaz: Gazetteer) -> None:
    for term, region in [
        ("Balkan", "BALKANS"),
        ("Western Balkans", "WESTERN_BALKANS"),
        ("European", "EUROPE"),
        ("Western", "WEST"),
        ("African", "AFRICA"),
        ("Arab", "ARAB_WORLD"),
    ]:
        found = gaz.region_by_name(term)
        assert found is not None and found.region == region, term
        assert gaz.country_by_demonym(term) is None, term


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("EU", "IGOEUREEC"),
        ("the European Union", "IGOEUREEC"),
        ("European Commission", "IGOEUREEC"),
        ("NATO", "IGOWSTNAT"),
        ("Nato", "IGOWSTNAT"),
        ("UN", "IGOUNO"),
        ("U.N.", "IGOUNO"),
        ("the United Nations", "IGOUNO"),
        ("OSCE", "IGOEURSCE"),
        ("African Union", "IGOAFRAFU"),
        ("ASEAN", "IGOSEAASN"),
        ("OPEC", "IGOOPC"),
        ("WHO", "IGOUNOHLHWHO"),
        ("IMF", "IGOBUSIMF"),
        ("World Bank", "IGOUNODEVWBK"),
        ("International Criminal Court", "IGOJUDICC"),
        ("ICJ", "IGOUNOJUDICJ"),
        ("OAS", "IGOOAS"),
        ("Arab League", "IGOMEAARL"),
        ("G7", "IGOGOS"),
        ("G20", "IGOBUSGTW"),
        ("Council of Europe", "IGOEURCOE"),
    ],
)
def test_igo_by_name(gaz: Gazetteer, name: str, code: str) -> None:
    igo = gaz.igo_by_name(name)
    assert igo is not None, name
    assert igo.code == code
    assert igo.code_source in {"PETRARCH-2", "dateline"}


def test_place_by_name(gaz: Gazetteer) -> None:
    tirana = gaz.place_by_name("Tirana")
    assert tirana is not None and tirana.iso3 == "ALB" and tirana.capital
    assert tirana.lat == pytest.approx(41.33, abs=0.05)
    assert tirana.lon == pytest.approx(19.82, abs=0.05)
    assert gaz.place_by_name("Tiranë") == tirana
    kyiv = gaz.place_by_name("Kiev")
    assert kyiv is not None and kyiv.name == "Kyiv" and kyiv.iso3 == "UKR"
    # the spelling news uses now, beside geonames' older one
    mongolia = gaz.place_by_name("Ulaanbaatar")
    assert mongolia is not None and mongolia.iso3 == "MNG" and mongolia.capital
    # the capital wins over smaller namesakes
    washington = gaz.place_by_name("Washington")
    assert washington is not None and washington.iso3 == "USA" and washington.capital
    pristina = gaz.place_by_name("Pristina")
    assert pristina is not None and pristina.iso3 == "XKX"
    assert gaz.place_by_name("Nowhereville") is None
    # every capital is there, the file stays small
    assert sum(p.capital for p in gaz.places) >= 200
    assert len(gaz.places) < 10_000


def test_by_ent_id_and_country_of(gaz: Gazetteer) -> None:
    assert isinstance(gaz.by_ent_id("country:ALB"), Country)
    assert isinstance(gaz.by_ent_id("demonym:ALB"), Demonym)
    assert isinstance(gaz.by_ent_id("igo:EU"), Igo)
    assert isinstance(gaz.by_ent_id("region:BALKANS"), Region)
    tirana = gaz.place_by_name("Tirana")
    assert tirana is not None
    assert isinstance(gaz.by_ent_id(tirana.ent_id), Place)
    for ent_id in ("country:ALB", "demonym:ALB", tirana.ent_id):
        country = gaz.country_of(ent_id)
        assert country is not None and country.iso3 == "ALB"
    assert gaz.country_of("igo:EU") is None
    assert gaz.country_of("region:BALKANS") is None
    assert gaz.by_ent_id("nothing:here") is None


def test_country_of_entity_reads_the_ruler_id_else_the_words(gaz: Gazetteer) -> None:
    doc = Doc(Vocab(), words=["Tirana", "and", "Chilean", "and", "Atlantis", "and", "EU"])
    tirana = gaz.place_by_name("Tirana")
    assert tirana is not None
    ents = [
        Span(doc, 0, 1, label="GPE", span_id=tirana.ent_id),  # a city: through its id
        Span(doc, 2, 3, label="NORP"),  # no id: as a demonym
        Span(doc, 4, 5, label="GPE"),  # no id, no such country
        Span(doc, 6, 7, label="ORG", span_id="igo:EU"),  # not a GPE or NORP
    ]
    found = [gaz.country_of_entity(e) for e in ents]
    assert [c.iso3 if c else None for c in found] == ["ALB", "CHL", None, None]


def test_normalize() -> None:
    assert normalize("  The   U.S. ") == "us"
    assert normalize("Türkiye") == "turkiye"
    assert normalize("Côte d’Ivoire") == "cote d'ivoire"


def test_normalize_remembers_names_within_its_bound() -> None:
    names = ["  The   Zarovian Republic ", "Mr. Belliard", "Ńowa Kresa", "the", ""]
    first = [normalize(name) for name in names]
    again = [normalize(name) for name in names]  # answered from the cache
    assert first == again == [normalize.__wrapped__(name) for name in names]
    assert again == ["zarovian republic", "mr belliard", "nowa kresa", "the", ""]
    assert normalize.cache_info().maxsize == NORMALIZE_CACHE


def test_curated_files_are_valid(gaz: Gazetteer) -> None:
    assert build_gazetteer.validate_curated({c.iso3 for c in gaz.countries}) == []
    assert "PM" in gaz.title_words and "President" in gaz.title_words
    assert "Jordan" in gaz.ruler_exclude
    # names the ruler tags by context are excluded names of countries
    assert gaz.country_in_context <= gaz.ruler_exclude
    assert all(gaz.country_by_name(name) is not None for name in gaz.country_in_context)


def test_every_ngo_is_a_body_the_knowledge_base_codes_by_that_name(gaz: Gazetteer) -> None:
    kb = KnowledgeBase.default()
    for ngo in gaz.ngos:
        actor = kb.lookup_org(ngo.name)
        assert actor is not None and actor.key == ngo.key, ngo.name
        assert (actor.code_at(None) or "").startswith("NGO"), ngo.name
        assert gaz.by_ent_id(ngo.ent_id) == ngo


def test_malformed_file_gives_a_coded_error(tmp_path: Path) -> None:
    source = Path(build_gazetteer.DATA_DIR)
    for path in source.iterdir():
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "igos.tsv").write_text("key\tname\nEU\tEuropean Union\n", encoding="utf-8")
    with pytest.raises(DatelineError) as info:
        Gazetteer(tmp_path)
    assert info.value.code == "E302"
    (tmp_path / "igos.tsv").unlink()
    with pytest.raises(DatelineError) as info:
        Gazetteer(tmp_path)
    assert info.value.code == "E302"


def test_petrarch_parser_reads_synonym_blocks_and_skips_people(tmp_path: Path) -> None:
    # an invented dictionary in the TABARI format
    dictionary = tmp_path / "actors.txt"
    dictionary.write_text(
        "# comment\n"
        "THE_GRAND_ALLIANCE_ [IGOGRA]\n"
        "GA_\n"
        "+GRAND_ALLIANCE_OF_STATES_\n"
        "\t[IGOGRAX]# note\n"
        "JANE_DOE_\t[IGOGRA 990101-051231]\n"
        "SOME_FIRM_\t[MNCUSA]\n"
        "VAGUE_BODY_\t[IGO]\n",
        encoding="utf-8",
    )
    codes = build_gazetteer.parse_petrarch_codes(dictionary)
    assert codes["GRAND_ALLIANCE"] == "IGOGRA"
    assert codes["GA"] == "IGOGRAX"
    assert codes["GRAND_ALLIANCE_OF_STATES"] == "IGOGRAX"
    assert "JANE_DOE" not in codes
    assert "SOME_FIRM" not in codes
    assert codes["VAGUE_BODY"] == "IGO"
