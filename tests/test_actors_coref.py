"""The actors stage's coreference: descriptions ("the minister") and pronouns resolved to the
person they stand for.

Sentences and people are invented. The tests load spaCy once per module and skip without it.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from actor_helpers import person, pipeline, run
from dateline.actors.roles import RoleTable

__all__ = ["pipeline"]  # the fixture, shared from actor_helpers


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


def test_description_set_beside_a_name_is_that_person(pipeline: Language) -> None:
    # not the other holder of the title named before
    text = (
        "Party chairman Dan Hale spoke first on Monday. "
        "Later the party chairman, Tom Reller, said the vote would go on."
    )
    assert _resolved(pipeline, text, "the party chairman") == "Tom Reller"


@pytest.mark.parametrize(
    ("between", "named"),
    [
        ("", "Tom Varga"),  # named in the next paragraph: identified late
        ("The courtroom was full.\n\nLawyers for both sides declined to comment.\n\n", None),
    ],
)
def test_description_before_any_name_waits_one_paragraph(
    pipeline: Language, between: str, named: str | None
) -> None:
    text = (
        "The judge read the ruling slowly on Monday morning.\n\n"
        f"{between}Judge Tom Varga has served on the court for ten years."
    )
    assert _resolved(pipeline, text, "The judge") == named


def test_description_prefers_a_person_placed_by_the_text(pipeline: Language) -> None:
    # the official of a sports body is given the article's country only: not "the leader"
    text = (
        "Lithuanian President Rasa Vaitkus opened the games in Vilnius, Lithuania.\n\n"
        "She praised Tom Reller, the embattled president of the regional rowing body.\n\n"
        '"He is a fine organiser," the Lithuanian leader said.'
    )
    assert _resolved(pipeline, text, "the Lithuanian leader") == "Rasa Vaitkus"


def test_description_picks_the_matching_country(pipeline: Language) -> None:
    text = (
        "Latvian President Janis Ozols met Lithuanian President Rasa Vaitkus in Riga. "
        "The Latvian president said the talks went well."
    )
    assert _resolved(pipeline, text, "The Latvian president") == "Janis Ozols"


def test_an_envoy_is_the_ambassador_named_before(pipeline: Language) -> None:
    # the title set before the name with where she serves ("to the United Nations"), and a
    # later "envoy" for the ambassador, not for the other country's one
    text = (
        '"The aid must reach the north," said the Estonian ambassador to the United Nations, '
        "Kaja Tamm. Latvia's ambassador, Janis Ozols, disagreed.\n\n"
        "The Estonian envoy later told reporters the vote would be close."
    )
    _, actors = run(pipeline, text)
    tamm = person(actors, "Kaja Tamm")
    assert tamm.role == "Ambassador"
    assert tamm.country == "EST"
    assert _resolved(pipeline, text, "The Estonian envoy") == "Kaja Tamm"


def _resolved(pipeline: Language, text: str, phrase: str) -> str | None:
    """The name the actors stage gives the first occurrence of ``phrase`` in ``text``."""
    _, actors = run(pipeline, text)
    start = text.index(phrase)
    got = actors.resolve(start, start + len(phrase))
    return got[1] if got is not None else None


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
        # the subject of the clause "he said" reports is not who says it
        (
            '"The harbour needs more money than the council will give," said Tomas Brandt, '
            "who chairs the port board.\n\nMarek Novak, the city treasurer, had "
            '"no idea what the port costs to run," he said.',
            "Tomas Brandt",
        ),
        # ... but a "he said" inside what X says is X
        (
            "Pieter Holmgaard met the dockworkers on Tuesday.\n\nTomas Baxwell said he "
            "told the board the port would close.",
            "Tomas Baxwell",
        ),
        # a sentence whose subject "He" was read as X goes on with X, not with the person X
        # spoke of after it
        (
            "Tomas Berg, a regional organiser, spent the spring in the valley. He said that he "
            "backed the plan and noted that Erik Lund himself had conceded the vote there.\n\n"
            '"We will keep going," he said.',
            "Tomas Berg",
        ),
        # the one asked is the one who answers, not whom the question was about
        (
            "Tomas Berg spoke to reporters on Monday.\n\nAsked whether Erik Lund would run "
            "again, he said the decision was not his.",
            "Tomas Berg",
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
    said = next(p for p in ("he said", "she told", "he told") if p in text)
    start = text.index(said)
    got = actors.resolve(start, start + 3)
    assert got is not None and got[1] == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Mrs. Vesna Horvat met Mr. Luka Babic in Zagreb on Monday. "
            "Later that day, she said the meeting had been useful.",
            "Vesna Horvat",
        ),
        # no honorific: the first name tells the gender
        (
            "Margaret Lind, the mayor of the town, spoke after Thomas Berg opened the meeting. "
            "Thomas Berg welcomed the guests. Later, she said the bridge would be rebuilt.",
            "Margaret Lind",
        ),
    ],
)
def test_pronouns_skip_people_of_the_other_gender(pipeline: Language, text: str, name: str) -> None:
    _, actors = run(pipeline, text)
    start = text.index("she said")
    got = actors.resolve(start, start + 3)
    assert got is not None and got[1] == name


def test_names_of_both_sexes_or_of_one_word_tell_no_gender(pipeline: Language) -> None:
    roles = RoleTable.default()
    # names given to both sexes, joined first names and family names written first say nothing
    for name in ("Leslie Varga", "Pat Holt", "Jean-Luc Marchand", "Kim Sung-ho", "Thomas"):
        assert roles.name_gender(pipeline(name)[:]) is None, name
    assert roles.name_gender(pipeline("Margaret Lind")[:]) == "f"
    assert roles.name_gender(pipeline("Thomas Berg")[:]) == "m"


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
