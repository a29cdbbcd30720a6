"""Speakers named by what they are: an organisation by a noun of its kind ("the utility",
"the agency"), a person by a describing title ("the diplomat", "the lawmaker") or beside a
name after an inverted cue; a dateline or a "pro-" word is no part of a speaker, and a name
inside what a pronoun's earlier twin agreed is not who that pronoun is. Every sentence is
invented."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dateline.actors.coref import told_by_same
from dateline.actors.roles import RoleTable
from quote_helpers import pipeline, speaker, with_actors

__all__ = ["pipeline"]

#: (case, text, words of the quote, its speaker's name)
CASES = [
    (
        "a noun of a sector takes the body of that sector that spoke",
        "Storm leaves thousands without power\n\n"
        "Hurricane Delia knocked out power to more than 400,000 homes on Tuesday.\n\n"
        "Fire Chief Samuel Ortega said crews had rescued 37 people overnight.\n\n"
        "CenterPoint Energy, the region's main utility, said it could take a week to restore "
        "power to all customers. The utility said 3,000 workers from other states were on "
        "their way.",
        "3,000 workers",
        "CenterPoint Energy",
    ),
    (
        "the agency is the body that reported, not the one reported on",
        "Drug recalled\n\n"
        "The Food and Drug Administration said on Thursday that Meridian Pharmaceuticals was "
        "recalling two million bottles of a blood pressure drug.\n\n"
        "The agency said patients should not stop taking the medicine without seeing a doctor.",
        "patients should not",
        "Food and Drug Administration",
    ),
    (
        "a body's noun the tagger read as a name still gives its fuller mention",
        "Syria's foreign ministry condemned the strike as a violation of its sovereignty. "
        'The ministry said in a statement that Washington would "bear full responsibility."',
        "bear full responsibility",
        "Syrian foreign ministry",
    ),
    (
        "the regulator is the government body named before",
        "The National Highway Traffic Safety Administration said it had opened an "
        "investigation in January. The regulator said owners should park on level ground "
        "until the repair is done.",
        "park on level ground",
        "National Highway Traffic Safety Administration",
    ),
    (
        "a describing title names the person of its family",
        "Senator Tom Rawlings said he would vote against the plan. "
        '"This bill is a disaster," the lawmaker said.',
        "disaster",
        "Tom Rawlings",
    ),
    (
        "an envoy named beside the title is the ambassador who speaks",
        "Russia's deputy ambassador, Pavel Orlov, said the text was unbalanced.\n\n"
        "Britain's envoy, Barbara Woodward-Hale, said London would try again. "
        '"We will not give up," the ambassador said.',
        "give up",
        "Barbara Woodward-Hale",
    ),
    (
        "the name beside the noun after an inverted cue speaks",
        'Thousands marched on Saturday. "We want him gone," said Lena Petrova, a student.\n\n'
        '"We are not afraid," added her friend, Irina Sokolova.',
        "not afraid",
        "Irina Sokolova",
    ),
    (
        "a pro- word is no person a pronoun stands for",
        "Rubio has railed against his rivals. A pro-Rubio super PAC aired ads on TV.\n\n"
        "On the campaign trail, Rubio is trying to reach voters. He speaks at length about "
        "security.\n\n"
        '"I am passionate about these issues," he said at a town-hall meeting.',
        "passionate",
        "Rubio",
    ),
    (
        "a name inside what the same pronoun agreed is not who speaks next",
        "On the campaign trail, Rubio is trying to reach voters.\n\n"
        "Reached by phone, Hammond, the Indiana national committeeman, hesitated to repeat his "
        "criticism of the New York mogul. He agreed that Trump may struggle to win support "
        "among Indiana's delegates, but he said that sentiment will change rapidly.",
        "sentiment will change",
        "Hammond",
    ),
]


@pytest.mark.parametrize(
    ("text", "words", "name"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_the_speaker_is_who_the_phrase_names(
    pipeline: Language, text: str, words: str, name: str
) -> None:
    found = with_actors(pipeline, text)
    chosen = [q for q in found if words in q.text]
    assert len(chosen) == 1, [q.to_dict() for q in found]
    assert speaker(chosen[0]) == name


def test_describing_words_match_any_role_of_their_family() -> None:
    roles = RoleTable.default()
    diplomat, ambassador, envoy = (roles.role(t) for t in ("diplomat", "ambassador", "envoy"))
    lawmaker, senator = roles.role("lawmaker"), roles.role("senator")
    judge = roles.role("judge")
    assert diplomat is not None and ambassador is not None and envoy is not None
    assert lawmaker is not None and senator is not None and judge is not None
    assert diplomat.compatible(ambassador) and ambassador.compatible(envoy)
    assert lawmaker.compatible(senator)
    assert not diplomat.compatible(judge) and not ambassador.compatible(senator)


def test_a_dateline_before_a_spaced_hyphen_is_no_part_of_the_speaker(
    pipeline: Language,
) -> None:
    text = (
        "NEW YORK - A former aide to the senator testified on Tuesday that he was told to "
        "destroy campaign records."
    )
    found = with_actors(pipeline, text)
    assert found and found[0].speaker is not None
    assert "YORK" not in found[0].speaker.text and "YORK" not in found[0].speaker.name


def test_a_name_in_what_an_earlier_same_pronoun_agreed_is_told_by_it(pipeline: Language) -> None:
    doc = pipeline(
        "He agreed that Trump may struggle to win support among the delegates, but he said "
        "that sentiment will change rapidly."
    )
    first, second = (t for t in doc if t.lower_ == "he")
    named = next(t for t in doc if t.text == "Trump")
    assert told_by_same(second, named)
    assert not told_by_same(first, named)
