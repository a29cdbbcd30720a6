"""Speakers through tagger slips and back references in whole invented articles: a person's
name the model gave another label, a title's "of" phrase before a name, a description that
is the head word of a longer title, a dateline with a hyphen, a date that owns a noun."""

from __future__ import annotations

from spacy.language import Language

from dateline.actors.roles import RoleTable
from quote_helpers import pipeline, with_actors

__all__ = ["pipeline"]


def _by_text(pipeline: Language, text: str) -> dict[str, str | None]:
    return {q.text: q.speaker.name if q.speaker else None for q in with_actors(pipeline, text)}


def test_a_description_is_the_head_word_of_a_longer_title() -> None:
    roles = RoleTable.default()
    envoy, un_envoy = roles.role("envoy"), roles.role("UN envoy")
    assert envoy is not None and un_envoy is not None
    assert envoy.compatible(un_envoy)
    assert not un_envoy.compatible(envoy)


def test_the_envoy_is_the_un_envoy_not_the_negotiator_before(pipeline: Language) -> None:
    text = (
        "The government's chief negotiator, Amira Haddad, said the rebels had added new "
        "demands.\n\n"
        "U.N. envoy Lars Petersen told reporters both delegations would stay. "
        '"I have asked them to stay," Petersen said.\n\n'
        'Asked whether he expected a deal, the envoy said: "I never make predictions."'
    )
    assert _by_text(pipeline, text)["I never make predictions."] == "Lars Petersen"


def test_a_surname_tagged_otherwise_between_keeps_she_from_an_unnamed_source(
    pipeline: Language,
) -> None:
    text = (
        "Community leader Rosa Quispe said families could no longer drink from the river.\n\n"
        "A spokeswoman for Andes Copper said the company would cooperate with inspectors.\n\n"
        'Quispe was not convinced. "They have said that before," she said.'
    )
    assert _by_text(pipeline, text)["They have said that before,"] == "Rosa Quispe"


def test_a_first_name_makes_a_mislabelled_name_a_person(pipeline: Language) -> None:
    text = (
        "Another farmer, Sophie Laurent, said she had come with her two sons.\n\n"
        '"If we do not fight now, there will be no farms left," Laurent said.'
    )
    by_text = _by_text(pipeline, text)
    assert by_text["If we do not fight now, there will be no farms left,"] == "Sophie Laurent"


def test_a_title_with_an_of_phrase_before_a_mislabelled_name(pipeline: Language) -> None:
    text = (
        "The chairman of Nigeria's electoral commission, Mahmood Yakubu, insisted on Monday "
        "that the vote would go ahead.\n\n"
        'Yakubu said ballots had been printed. "We are ready," he said.'
    )
    by_text = _by_text(pipeline, text)
    assert by_text["We are ready,"] == "Mahmood Yakubu"
    assert by_text["ballots had been printed"] == "Mahmood Yakubu"


def test_a_dateline_with_a_hyphen_after_the_date_does_not_speak(pipeline: Language) -> None:
    text = (
        "MADRID, Jan 5 - Brazilian striker Thiago Mendes said on Monday he would leave the "
        "club at the end of the season."
    )
    assert list(_by_text(pipeline, text).values()) == ["Thiago Mendes"]


def test_a_date_owning_a_noun_stays_in_the_reported_words(pipeline: Language) -> None:
    text = "The minister insisted on Monday that February's election would go ahead as planned."
    assert list(_by_text(pipeline, text)) == ["February's election would go ahead as planned"]


def test_a_participle_after_a_clause_about_a_thing_is_the_main_subjects(
    pipeline: Language,
) -> None:
    text = (
        "Governor Kathy Ellison signed a bill on Friday that restores abortion access, "
        'calling it "a promise kept to the women of this state."'
    )
    assert list(_by_text(pipeline, text).values()) == ["Kathy Ellison"]


def test_a_rank_without_its_period_before_an_untagged_name(pipeline: Language) -> None:
    text = (
        '"The army is responding strongly," defence spokesperson Lt Col Devender Anand said.'
        '\n\n"We will not be provoked," he said.'
    )
    assert set(_by_text(pipeline, text).values()) == {"Devender Anand"}
