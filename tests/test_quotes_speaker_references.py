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
        "Okafor has attacked his rivals for weeks. A pro-Okafor group paid for radio ads.\n\n"
        "On the road, Okafor is courting farmers. He talks at length about water "
        "rights.\n\n"
        '"I care deeply about rural towns," he said at a county fair.',
        "care deeply",
        "Okafor",
    ),
    (
        "a name inside what the same pronoun agreed is not who speaks next",
        "On the road, Okafor is courting farmers.\n\n"
        "Reached at home, Frank Delaney, the party's Ohio chairman, declined to repeat his attacks "
        "on the Texas businessman. He agreed that Whitcomb may find it hard to win over "
        "Ohio's delegates, but he said that mood will shift quickly.",
        "mood will shift",
        "Frank Delaney",
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
        "He agreed that Whitcomb may find it hard to win over the delegates, but he said "
        "that mood will shift quickly."
    )
    first, second = (t for t in doc if t.lower_ == "he")
    named = next(t for t in doc if t.text == "Whitcomb")
    assert told_by_same(second, named)
    assert not told_by_same(first, named)
