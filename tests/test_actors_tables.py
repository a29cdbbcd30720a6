"""The actors stage's tables and knowledge base: role titles, organisation words, actor codes,
the KB's tenures and build script, and the KB read at an article's date.

Sentences are invented; the knowledge-base tests use real office-holders, as the KB is about
them. The model-based tests load spaCy once per module and skip without it.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Span

from actor_helpers import facts, person, pipeline, run
from conftest import require_shared
from dateline import nlp
from dateline.actors import KnowledgeBase, RoleTable, actor_code, find_actors, split_code
from dateline.actors.codes import SPLIT_CACHE
from dateline.actors.kb import KbActor, Tenure
from dateline.model import Article
from dateline_dev.build_kb import display, parse_dictionary, rows, tenure

__all__ = ["pipeline"]  # the fixture, shared from actor_helpers


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


def test_one_table_of_sector_words_for_phrases_and_names(tmp_path: Path) -> None:
    from dateline.errors import NlpError
    from dateline.events import rules

    roles = RoleTable.default()
    assert roles.sectors["police"] == "COP" and roles.org_head(["police"]) == "COP"  # both
    assert roles.sectors["soldier"] == "MIL" and roles.org_head(["soldier"]) is None  # phrase
    assert "bank" not in roles.sectors and roles.org_sector("Bank of Lithuania") == "BUS"  # name
    assert roles.sector_provenance["police"] == "petrarch2:agents"
    assert roles.sectors["coalition"] == roles.org_head(["coalition"]) == "PTY"
    assert roles.org_head(["migrants"]) == "CVL"  # as "migrant" heads a phrase
    assert (roles.sectors["movement"], roles.org_sector("Harbour Movement")) == ("OPP", "PTY")
    coder = rules.default()
    assert coder.sectors == roles.sectors
    assert coder.provenance["sectors.tsv:police"] == "petrarch2:agents"
    shipped = Path(str(resources.files("dateline").joinpath("data/actors")))
    for table in shipped.glob("*.tsv"):
        (tmp_path / table.name).write_text(table.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "sectors.tsv").write_text(
        "word\tsector\tuse\tprovenance\nharbour\tBUS\teverywhere\tgeneral\n", encoding="utf-8"
    )
    with pytest.raises(NlpError, match="use 'everywhere'"):
        RoleTable(tmp_path)


def test_word_classes_are_a_table_users_extend(tmp_path: Path) -> None:
    from dateline.errors import NlpError

    roles = RoleTable.default()
    assert {"mr", "dr"} <= roles.words["honorific"] and "acting" in roles.words["title_modifier"]
    assert "say" in roles.words["answer"] and "say" in roles.words["speech"]
    shipped = Path(str(resources.files("dateline").joinpath("data/actors")))
    for table in shipped.glob("*.tsv"):
        (tmp_path / table.name).write_text(table.read_text(encoding="utf-8"), encoding="utf-8")
    with (tmp_path / "words.tsv").open("a", encoding="utf-8") as out:
        out.write("honorific\tSignor\n")
    assert "signor" in RoleTable(tmp_path).words["honorific"]
    (tmp_path / "words.tsv").write_text("class\tword\nnickname\tbuddy\n", encoding="utf-8")
    with pytest.raises(NlpError, match="class 'nickname'"):
        RoleTable(tmp_path)


def test_group_nouns_are_a_table_users_extend(tmp_path: Path) -> None:
    # "the two leaders": people or states; "both sides": anyone; a row added is read
    groups = RoleTable.default().groups
    assert groups["leaders"] == ("leader", "GOV") and groups["sides"] == ("any", None)
    shipped = Path(str(resources.files("dateline").joinpath("data/actors")))
    for table in shipped.glob("*.tsv"):
        (tmp_path / table.name).write_text(table.read_text(encoding="utf-8"), encoding="utf-8")
    with (tmp_path / "groups.tsv").open("a", encoding="utf-8") as out:
        out.write("juntas\tstate\tMIL\n")
    assert RoleTable(tmp_path).groups["juntas"] == ("state", "MIL")


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


def test_split_code_remembers_codes_within_its_bound() -> None:
    codes = ["RUSMIL", " ksvgov ", "IGOUNO", "SRB", "XYZGOV", ""]
    first = [split_code(code) for code in codes]
    again = [split_code(code) for code in codes]  # answered from the cache
    assert first == again == [split_code.__wrapped__(code) for code in codes]
    assert again[1] == ("XKX", "GOV") and again[4] == (None, None)
    assert split_code.cache_info().maxsize == SPLIT_CACHE


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


def test_recent_rows_name_no_one_the_generated_table_names_under_another_key() -> None:
    # kb_recent.tsv replaces a generated row by its key; a second key for one name would make
    # every lookup of that name ambiguous
    root = Path(nlp.__file__).parent.parent / "data" / "actors"

    def names(file: str) -> dict[str, set[str]]:
        found: dict[str, set[str]] = {}
        for line in (root / file).read_text(encoding="utf-8").splitlines()[1:]:
            cells = line.split("\t")
            if line.startswith("#") or len(cells) != 5 or cells[0] == "key":
                continue
            for form in (cells[1], *cells[2].split("|")):
                if " " in form:
                    found.setdefault(form.lower(), set()).add(cells[0])
        return found

    generated = names("kb.tsv")
    for form, keys in names("kb_recent.tsv").items():
        assert generated.get(form, keys) == keys, form
    kb = KnowledgeBase.default()
    trump = kb.lookup("Donald Trump", "2025-06-01")
    assert trump is not None and trump.code_at("2025-06-01") == "USAGOV"
