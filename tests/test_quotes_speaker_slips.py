"""Speakers through tagger slips and back references in whole invented articles: a person's
name the model gave another label, a title's "of" phrase before a name, a description that
is the head word of a longer title, a rank without its period, a participle hung on a clause
about a thing, a dateline with a hyphen, a date that owns a noun; a pronoun after a paragraph
the parse ran into the sentence before it, "the union leader" for the person named before as
the union's head, an interview's answers written 'A: "…"'."""

from __future__ import annotations

import pytest
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


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # "the envoy" is the UN envoy, not the chief negotiator named before
        (
            "The government's chief negotiator, Amira Haddad, said the rebels had added new "
            "demands.\n\nU.N. envoy Lars Petersen told reporters both delegations would stay. "
            '"I have asked them to stay," Petersen said.\n\n'
            'Asked whether he expected a deal, the envoy said: "I never make predictions."',
            "I never make predictions.",
            "Lars Petersen",
        ),
        # a surname tagged as something else between an unnamed source and "she said"
        (
            "Community leader Rosa Quispe said families could no longer drink from the river."
            "\n\nA spokeswoman for Andes Copper said the company would cooperate.\n\n"
            'Quispe was not convinced. "They have said that before," she said.',
            "They have said that before,",
            "Rosa Quispe",
        ),
        # a known first name makes a mislabelled name a person, and its surname too
        (
            "Another farmer, Sophie Laurent, said she had come with her two sons.\n\n"
            '"If we do not fight now, there will be no farms left," Laurent said.',
            "If we do not fight now, there will be no farms left,",
            "Sophie Laurent",
        ),
        # a title with an "of" phrase before a mislabelled name
        (
            "The chairman of Nigeria's electoral commission, Mahmood Yakubu, insisted on "
            'Monday that the vote would go ahead.\n\nYakubu said ballots had been printed. "We '
            'are ready," he said.',
            "We are ready,",
            "Mahmood Yakubu",
        ),
        # a participle hung on a relative clause about a thing: the main clause's subject
        (
            "Governor Kathy Ellison signed a bill on Friday that restores abortion access, "
            'calling it "a promise kept to the women of this state."',
            "a promise kept to the women of this state.",
            "Kathy Ellison",
        ),
        # a rank without its period before a name the model did not tag
        (
            '"The army is responding strongly," defence spokesperson Lt Col Devender Anand '
            'said.\n\n"We will not be provoked," he said.',
            "We will not be provoked,",
            "Devender Anand",
        ),
        # "the coach" after "Coach X" read as a proper noun
        (
            "Coach Diego Salgado said the announcement would not distract the team. "
            '"We are professionals," the coach said.',
            "We are professionals,",
            "Diego Salgado",
        ),
        # a spokesman for an office holder is not the office holder
        (
            "Senator Tom Whitaker placed a hold on the nominee on Tuesday.\n\n"
            'Whitaker wants a written plan. "It is a simple request," a spokesman for the '
            "senator said.",
            "It is a simple request,",
            "a spokesman for the senator",
        ),
        # ... but one with a name set beside the phrase speaks as that name
        (
            "The police chief, Gen. Matteo Ruzzi, resigned on Monday.\n\nRuzzi did not "
            "comment. A spokesman for the general, Paolo Fenn, said he would cooperate.",
            "he would cooperate",
            "Paolo Fenn",
        ),
        # "he" after a sentence whose subject describes a named person ("the striker")
        (
            "Brazilian striker Thiago Mendes said he would leave the club.\n\n"
            "The club's president, Enrique Morales, said he respected the decision. "
            '"We will always be grateful," Morales said.\n\n'
            "Asked whether he would join another club, the striker smiled. "
            '"You will know soon," he said.',
            "You will know soon,",
            "Thiago Mendes",
        ),
        # "X disagreed." opens its paragraph after a quote closing the one before: the parse
        # runs both into one sentence, yet "he" is X, not the speaker of that quote
        (
            "Campaigner Tomas Quintero said the new rules were unlawful.\n\n"
            "Finance Minister Paulo Serrano told reporters the rules would stand. Asked whether "
            'they would survive a challenge, he said: "I am sure they will."\n\n'
            'Quintero disagreed. "We will take it to the courts," he said.',
            "We will take it to the courts,",
            "Tomas Quintero",
        ),
        # the agency credited in a wire dateline is not "the company"
        (
            "PERTH (AP) - Rescuers were trying on Friday to reach six workers trapped after a "
            "shaft collapsed at a nickel mine, the company said.",
            "Rescuers were trying on Friday to reach six workers trapped after a shaft "
            "collapsed at a nickel mine",
            "the company",
        ),
        # a name set beside a place two phrases down from the speaker's noun
        (
            "Farmers blocked roads across the region on Monday.\n\nA farmer at a blockade "
            "near Dijon, Marc Fournel, said he had not slept at home for four nights.",
            "he had not slept at home for four nights",
            "Marc Fournel",
        ),
        # "the union leader": the person named before as the union's general secretary
        (
            '"Our patience has limits," said Owen Pritchard, general secretary of the Dock '
            "Workers Union.\n\nPorts Minister Alan Reese said the offer was fair.\n\n"
            "The union leader said the strike would begin on Monday.",
            "the strike would begin on Monday",
            "Owen Pritchard",
        ),
        # ... set beside the phrase that says so, or in a relative clause
        (
            "The walkout was called by the union's general secretary, Sarah Whitcombe.\n\n"
            "Energy Minister Paul Grant met executives on Sunday.\n\n"
            "The union leader told reporters that talks would resume on Wednesday.",
            "talks would resume on Wednesday",
            "Sarah Whitcombe",
        ),
        (
            "Among those at the talks was Henri Vasseur, who heads the country's biggest farm "
            "union.\n\nA farmer at a blockade, Louis Vasseur, no relation to the union chief, "
            "said he was tired.\n\nThe union leader said talks would resume on Wednesday.",
            "talks would resume on Wednesday",
            "Henri Vasseur",
        ),
    ],
)
def test_speakers_through_slips(pipeline: Language, text: str, quote: str, speaker: str) -> None:
    by_text = _by_text(pipeline, text)
    assert by_text.get(quote) == speaker, by_text


def test_a_dateline_with_a_hyphen_after_the_date_does_not_speak(pipeline: Language) -> None:
    text = (
        "MADRID, Jan 5 - Brazilian striker Thiago Mendes said on Monday he would leave the "
        "club at the end of the season."
    )
    assert list(_by_text(pipeline, text).values()) == ["Thiago Mendes"]


def test_a_date_owning_a_noun_stays_in_the_reported_words(pipeline: Language) -> None:
    text = "The minister insisted on Monday that February's election would go ahead as planned."
    assert list(_by_text(pipeline, text)) == ["February's election would go ahead as planned"]


def test_an_interview_answer_is_the_interviewee_s(pipeline: Language) -> None:
    text = (
        "The finance minister of Eastland, Jonas Weber, spoke to reporters on Thursday "
        "about the budget.\n\n"
        'Q: "Will taxes rise next year?"\n\n'
        'A: "Not for families. We will ask more of the banks."\n\n'
        'Q: "And the deficit?"\n\n'
        'A: "It will fall below three percent by the summer."'
    )
    by_text = _by_text(pipeline, text)
    answers = [q for q in by_text if q.startswith(("Not for", "It will fall"))]
    assert len(answers) == 2, by_text
    assert {by_text[q] for q in answers} == {"Jonas Weber"}, by_text
