"""Speakers of quotes over the real parse (issue 13, third round): things named in full
elsewhere, people shown speaking, owners that do not speak, split quotes over a parse that
runs across paragraphs, speakers named through the actors stage. Pronouns, datelines, asides,
groups and documents are in ``test_quotes_speakers_context.py``. Every sentence is invented."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from dateline import nlp
from dateline.quotes import find_quotes
from quote_helpers import attributions, pipeline, quotes, speakers

__all__ = ["pipeline"]  # the fixture, shared from quote_helpers


@pytest.mark.parametrize(
    ("text", "named"),
    [
        # the thing named in full before: whose bill it is
        (
            "The Harbour County Council bill filed in May would close the old pier at night."
            "\n\n“Public piers should serve the public first,” the bill reads.",
            {"Harbour County Council bill"},
        ),
        # a body a place owns, named after: as news names it
        (
            "The military said on Monday that it had sent two more brigades to the border."
            "\n\nPeru’s military says four of its soldiers were hurt in the clashes.",
            {"Peruvian military"},
        ),
        # a fuller mention that names no owner leaves the description as it is
        (
            "The ministers signed a 12-point joint declaration on Friday.\n\n"
            "“We will open the border to trade by spring,” the joint declaration said.",
            {"the joint declaration"},
        ),
    ],
)
def test_a_short_description_speaks_as_the_thing_named_in_full(
    pipeline: Language, text: str, named: set[str]
) -> None:
    assert set(speakers(quotes(pipeline, text))) == named


@pytest.mark.parametrize(
    ("text", "named"),
    [
        # "X said in a statement", then "the statement said": X's statement
        (
            "The Brennmoor Port Authority said in a statement on Monday that the berth would "
            "stay shut.\n\n“Safety comes first,” the statement said.",
            "Brennmoor Port Authority statement",
        ),
        # the document fronted, with its kind: "In a safety notice, X said"
        (
            "In a safety notice issued on Friday, the Velmar Coast Agency said the channel was "
            "closed.\n\n“Vessels should keep well clear of the wreck,” the notice said.",
            "Velmar Coast Agency safety notice",
        ),
        # an adjective says how it came, not which: no "brief statement"
        (
            "In a brief statement, the Harrow Valley Water Board said supplies were safe."
            "\n\n“No household will be cut off this summer,” the statement said.",
            "Harrow Valley Water Board statement",
        ),
        # put out by X
        (
            "The Ostrava Tenants Union issued a statement after the vote on Tuesday.\n\n"
            "“Rents must be frozen until the winter is over,” the statement said.",
            "Ostrava Tenants Union statement",
        ),
        # a statement from X
        (
            "A statement from the Lindqvist Foundation was read out at the hearing.\n\n"
            "“We will appeal the ruling in every court we can,” the statement said.",
            "Lindqvist Foundation statement",
        ),
        # X's statement
        (
            "The Corvane Dockers Guild's statement reached the newsroom late on Sunday.\n\n"
            "“The cranes will stand idle until the contract is signed,” the statement said.",
            "Corvane Dockers Guild statement",
        ),
        # a statement issued by X
        (
            "A statement issued by the Elmsworth Rail Authority blamed the storm for the "
            "delays.\n\n“Every line will run again by Thursday,” the statement said.",
            "Elmsworth Rail Authority statement",
        ),
        # "it read" after the written thing: X sent a memo
        (
            "The Tarnby Ferry Company sent a memo to every captain on Friday.\n\n"
            "“All boats must stay in port until the storm has passed,” it read.",
            "Tarnby Ferry Company memo",
        ),
    ],
)
def test_a_document_speaks_as_the_named_body_that_put_it_out(
    pipeline: Language, text: str, named: str
) -> None:
    found = [q for q in quotes(pipeline, text) if q.kind == "direct"]
    assert speakers(found) == [named]


@pytest.mark.parametrize(
    ("text", "named"),
    [
        # a report by a news outlet: the outlet reports it
        (
            "The mayor knew of the leak for a month, according to a report by the Velmar "
            "Evening Post on Friday.",
            "Velmar Evening Post",
        ),
        # a report from a body stays the document
        (
            "The river is unsafe for swimming, according to a report from the Harrow Valley "
            "Water Board.",
            "a report from the Harrow Valley Water Board",
        ),
    ],
)
def test_a_report_by_a_named_author_speaks_as_the_author(
    pipeline: Language, text: str, named: str
) -> None:
    assert speakers(quotes(pipeline, text)) == [named]


def test_a_person_shown_speaking_is_the_speaker_not_the_clause_showing_it(
    pipeline: Language,
) -> None:
    text = (
        "The union's latest video replays a clip of Oskar Feld asking, "
        "“Where did the pension money go?”"
    )
    assert speakers(quotes(pipeline, text)) == ["Oskar Feld"]


def test_the_owner_of_a_described_speaker_does_not_speak(pipeline: Language) -> None:
    text = "Mayor Lina Sorensen’s physician is now calling her “fit for a second term.”"
    found = quotes(pipeline, text)
    assert speakers(found) == ["Mayor Lina Sorensen’s physician"], [q.to_dict() for q in found]


def test_a_subject_left_over_from_the_paragraph_before_does_not_speak(
    pipeline: Language,
) -> None:
    text = (
        "Evening notes.\n\n"
        "Councillor Piet Vos’s press aide is calling the budget “a trap for renters.”"
    )
    found = attributions(pipeline, text)
    assert [q.speaker.text if q.speaker else None for q in found] == [
        "Councillor Piet Vos’s press aide"
    ], [q.to_dict() for q in found]


def test_a_split_quote_after_a_paragraph_is_one_attribution(pipeline: Language) -> None:
    text = (
        "She said the new library should be open to everyone.\n\n"
        "''In the end,'' the dean said, ''books belong to whoever reads them.''"
    )
    found = [q for q in attributions(pipeline, text) if q.kind == "direct"]
    assert len(found) == 1 and len(found[0].spans) == 2, [q.to_dict() for q in found]


def test_a_short_term_only_a_verb_holds_is_no_attribution(pipeline: Language) -> None:
    text = "The old buses are to be parked in a fenced “rest yard.” No one minded."
    assert attributions(pipeline, text) == []
    # the reader's quotation keeps it: the article gold counts short attributed fragments
    assert [q.text for q in quotes(pipeline, text)] == ["rest yard."]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # a trailing cue the parse made a conjunct of the first clause reports both clauses
        (
            "The army has left the town, but the rebels remain in the hills, residents said.",
            "The army has left the town, but the rebels remain in the hills",
        ),
        # who is urged and what is described are part of what is reported
        (
            "The mayor urged her neighbours to vote early.",
            "her neighbours to vote early",
        ),
        (
            "The senator described the levy as a tax on the poor.",
            "the levy as a tax on the poor",
        ),
    ],
)
def test_attribution_content_edges(pipeline: Language, text: str, content: str) -> None:
    found = attributions(pipeline, text)
    assert [q.text for q in found] == [content], [q.to_dict() for q in found]


def test_a_name_beside_another_noun_before_the_cue_speaks(pipeline: Language) -> None:
    text = (
        "In his column for Tidewater, the retired judge, Otto Brenner, wrote that the merger "
        'looked "rushed and reckless."'
    )
    assert speakers(quotes(pipeline, text)) == ["Otto Brenner"]


def test_reported_words_keep_no_comma_where_the_cue_clause_was(pipeline: Language) -> None:
    text = "Officers found a knife at the scene, according to the police report."
    assert [q.text for q in quotes(pipeline, text)] == ["Officers found a knife at the scene"]


def with_actors(pipeline: Language, text: str) -> dict[str, str | None]:
    from dateline.actors import find_actors
    from dateline.model import Article

    doc = pipeline(text)
    found = find_quotes(doc, find_actors(doc, Article(body=text)))
    return {q.text: q.speaker.name if q.speaker else None for q in found}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a subject pronoun of a speech verb read firmly gives its person a gender; a name set
        # beside the subject counts as the subject, its possessor comes last
        (
            "Peru's foreign minister, Maria Gonzalez, said on Monday that talks would resume."
            "\n\nGonzalez's counterpart, Chile's Tomas Brandt, was less sure. "
            '"There are open questions," he said.\n\n'
            "The ministry said in a statement that it regrets the delay.\n\n"
            '"It is a good day for both countries," she added.',
            {
                "There are open questions,": "Tomas Brandt",
                "It is a good day for both countries,": "Maria Gonzalez",
            },
        ),
        # a description names the person the article said it of: apposition, title, age
        (
            "Maria Lopez, 34, has lived in the town all her life.\n\n"
            '"We have nowhere else to go," the 34-year-old said.\n\n'
            'Tom Baker, a Republican from Ohio, voted against the bill. "It spends too much," '
            "the Republican said.\n\n"
            'The singer Ana Costa cancelled her tour. "I need rest," the singer wrote.',
            {
                "We have nowhere else to go,": "Maria Lopez",
                "It spends too much,": "Tom Baker",
                "I need rest,": "Ana Costa",
            },
        ),
        # a quote holding its own verb is its subject's words (the resolution, named with
        # the body that adopted it); "he" is no organisation; a spokesman of an organisation
        # speaks as the description, not the organisation
        (
            "The Security Council adopted a resolution on Friday. The resolution "
            '"demands an immediate halt" to the fighting.\n\n'
            'He said the plan "will fail."\n\n'
            "A Defense Department spokesman said the review was ongoing.",
            {
                "demands an immediate halt": "Security Council resolution",
                "will fail.": "He",
                "the review was ongoing": "A Defense Department spokesman",
            },
        ),
        # the answer in an exchange is the person asked; the one asking asks on
        (
            'Prosecutor Jane Doe asked Michael Grant whether he had seen the car. "No, I was '
            'asleep," he said.\n\n'
            'Doe pressed him on the timeline. "Then who drove it?" she asked.',
            {"No, I was asleep,": "Michael Grant", "Then who drove it?": "Jane Doe"},
        ),
    ],
)
def test_speakers_through_the_actors_stage(
    pipeline: Language, text: str, expected: dict[str, str]
) -> None:
    by_text = with_actors(pipeline, text)
    assert {k: by_text.get(k) for k in expected} == expected, by_text


def test_a_subject_only_the_paragraph_before_gives_yields_to_the_paragraphs_opener(
    pipeline: Language,
) -> None:
    text = (
        "ATLANTA (AP) — The Latest on the county vote count (all times local):\n\n"
        "9:15 a.m.\n\n"
        "Melba Okafor is yet again questioning how fairly the mail ballots were tallied."
    )
    found = attributions(pipeline, text)
    assert [q.speaker.text if q.speaker else None for q in found] == ["Melba Okafor"], [
        q.to_dict() for q in found
    ]


def test_a_title_in_marks_after_the_cue_does_not_speak(pipeline: Language) -> None:
    text = (
        "“The port has never been busier, and the city owes the workers a raise,” Marta "
        "Silva, a union organiser, said Sunday on the radio show “Harbour Hour.”"
    )
    assert speakers(quotes(pipeline, text)) == ["Marta Silva"]


def test_a_document_keeps_the_date_that_says_which_one(pipeline: Language) -> None:
    text = "According to a survey conducted last week, most farmers expect a poor harvest."
    assert speakers(quotes(pipeline, text)) == ["a survey conducted last week"]


def test_a_role_named_in_the_next_paragraph_is_that_person(pipeline: Language) -> None:
    from dateline.actors import find_actors
    from dateline.model import Article

    text = (
        "The harbour reopened on Monday after a week of strikes.\n\n"
        "A navy officer said the ships would sail by Friday.\n\n"
        '"We are on schedule," Capt. Ilse Selvik, a naval commander, said at the dock.'
        "\n\nA resident said the noise had kept her awake.\n\n"
        "Mayor Orrin Delacort said the council would look into it."
    )
    doc = pipeline(text)
    found = find_quotes(doc, find_actors(doc, Article(body=text)))
    assert speakers(found) == ["Ilse Selvik", "Ilse Selvik", "A resident", "Orrin Delacort"]


@pytest.mark.parametrize(
    ("text", "named"),
    [
        # the parse made the last place of the fronted phrase the subject
        (
            "The fair opened on Monday.\n\nSpeaking at a fair in Salem, Oregon, Mayor Ines "
            'Dahl went after the council, calling it "a club for the comfortable."',
            "Ines Dahl",
        ),
        # ... or the participle itself
        (
            "Speaking at a rally in Dover, Delaware, Governor Ana Ruiz went after her rival, "
            'calling him "a man with no plan for the state."',
            "Ana Ruiz",
        ),
        # ... or gave the verb two subjects, the fronted phrase and the speaker
        (
            "Addressing supporters in Lyon, France, the candidate called the plan "
            '"a disgrace to the republic."',
            "the candidate",
        ),
    ],
)
def test_a_fronted_phrase_is_not_the_speaker(pipeline: Language, text: str, named: str) -> None:
    assert speakers(quotes(pipeline, text)) == [named]


def test_a_spokesman_is_not_the_person_of_another_office_named_next(pipeline: Language) -> None:
    from dateline.actors import find_actors
    from dateline.model import Article

    text = (
        'A ministry spokeswoman said the border would reopen "within days, weather allowing."'
        "\n\nTrade envoy Ines Marlow toured the crossing on Tuesday. The envoy said "
        'traders would "finally get some relief."'
    )
    doc = pipeline(text)
    found = find_quotes(doc, find_actors(doc, Article(body=text)))
    assert speakers(found) == ["A ministry spokeswoman", "Ines Marlow"]


def test_a_role_of_one_country_is_not_the_person_of_another_named_next(
    pipeline: Language,
) -> None:
    from dateline.actors import find_actors
    from dateline.model import Article

    text = (
        "Chile and Peru held talks in Lima on Monday.\n\n"
        "A Chilean official said the talks had stalled.\n\n"
        "Peru's foreign ministry spokesman Luis Quispe said the talks would go on."
    )
    doc = pipeline(text)
    found = find_quotes(doc, find_actors(doc, Article(body=text)))
    assert speakers(found) == ["A Chilean official", "Luis Quispe"]


def test_according_to_holding_only_a_cue_clause_reports_nothing(pipeline: Language) -> None:
    text = (
        '"This was no accident, it was a choice," Pedro Alvarado told fellow ministers, '
        "according to an official who was present."
    )
    found = quotes(pipeline, text)
    assert [q.kind for q in found] == ["direct"]
    assert speakers(found) == ["Pedro Alvarado"]


def test_a_hyphenated_surname_speaks_as_the_full_name(pipeline: Language) -> None:
    from dateline.actors import find_actors
    from dateline.model import Article

    text = (
        "Sheikh Tamim Al-Rashidi met the envoy.\n\n"
        'Al-Rashidi said talks would go on. "There is hope," he added.'
    )
    doc = pipeline(text)
    found = find_quotes(doc, find_actors(doc, Article(body=text)))
    assert speakers(found) == ["Tamim Al-Rashidi", "Tamim Al-Rashidi"]


def _hand_parsed(text: str, rows: list[tuple[str, str, int, str, str]], ents: list[str]) -> Doc:
    """A Doc with the parse given by hand (word, relation, head, part of speech, lemma)."""
    words = [r[0] for r in rows]
    spaces, at = [], 0
    for word in words:
        at = text.index(word, at) + len(word)
        spaces.append(text[at : at + 1] == " ")
    return Doc(
        nlp.load().vocab,
        words=words,
        spaces=spaces,
        heads=[r[2] for r in rows],
        deps=[r[1] for r in rows],
        pos=[r[3] for r in rows],
        lemmas=[r[4] for r in rows],
        ents=ents,
    )


def test_a_speaker_with_a_long_aside_after_the_quote(pipeline: Language) -> None:
    # the parse hangs the speaker on the quote's own verb, as it sometimes does after a
    # closing mark; the name right after the mark, set off by its aside's commas, speaks
    text = "“The plan is sound,” Tomas Lindqvist, a senior adviser to the board, said on Monday."
    rows = [
        ("“", "punct", 3, "PUNCT", "“"),
        ("The", "det", 2, "DET", "the"),
        ("plan", "nsubj", 3, "NOUN", "plan"),
        ("is", "ccomp", 17, "AUX", "be"),
        ("sound", "acomp", 3, "ADJ", "sound"),
        (",", "punct", 3, "PUNCT", ","),
        ("”", "punct", 3, "PUNCT", "”"),
        ("Tomas", "compound", 8, "PROPN", "Tomas"),
        ("Lindqvist", "attr", 3, "PROPN", "Lindqvist"),
        (",", "punct", 8, "PUNCT", ","),
        ("a", "det", 12, "DET", "a"),
        ("senior", "amod", 12, "ADJ", "senior"),
        ("adviser", "appos", 8, "NOUN", "adviser"),
        ("to", "prep", 12, "ADP", "to"),
        ("the", "det", 15, "DET", "the"),
        ("board", "pobj", 13, "NOUN", "board"),
        (",", "punct", 8, "PUNCT", ","),
        ("said", "ROOT", 17, "VERB", "say"),
        ("on", "prep", 17, "ADP", "on"),
        ("Monday", "pobj", 18, "PROPN", "Monday"),
        (".", "punct", 17, "PUNCT", "."),
    ]
    ents = ["O"] * 7 + ["B-PERSON", "I-PERSON"] + ["O"] * 10 + ["B-DATE", "O"]
    found = find_quotes(_hand_parsed(text, rows, ents))
    assert [(q.text, q.speaker.text if q.speaker else None) for q in found] == [
        ("The plan is sound,", "Tomas Lindqvist")
    ]


def test_a_description_with_its_own_name_is_not_another_bodys_fuller_mention(
    pipeline: Language,
) -> None:
    # two observer missions: "the Nordic mission" is not the one named in full before it
    text = (
        "The Andean Forum's election observer mission urged calm on Monday.\n\n"
        "In a short statement, the Nordic mission said that the count had been orderly."
    )
    assert speakers(quotes(pipeline, text)) == ["the Nordic mission"]


@pytest.mark.parametrize("body", ["mission", "alliance", "prosecution", "movement"])
def test_bodies_whose_nouns_end_like_abstract_ones_can_speak(pipeline: Language, body: str) -> None:
    text = f"The {body} said on Tuesday that the talks would resume next month."
    assert speakers(quotes(pipeline, text)) == [f"The {body}"]


@pytest.mark.parametrize(
    "text",
    [
        # what a speaker did not say is no report of theirs
        "The police did not say how many of the marchers had been released.",
        "The mayor never said that the bridge would close.",
        "The senator stopped short of saying that her party would block the budget.",
    ],
)
def test_no_reported_speech_where_nothing_was_reported(pipeline: Language, text: str) -> None:
    assert [q for q in quotes(pipeline, text) if q.kind == "indirect"] == []


def test_a_relative_clause_without_that_read_as_two_subjects_reports_nothing() -> None:
    # "…, the first such deal Ostria has concluded": a parse that hangs both noun phrases on
    # the verb as its subjects (as the small English model sometimes does)
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from dateline.quotes.cues import _contact_relative

    words = ["the", "first", "such", "deal", "Ostria", "has", "concluded", "talks"]
    doc = Doc(
        Vocab(),
        words=words,
        heads=[3, 3, 3, 6, 6, 6, 6, 6],
        deps=["det", "amod", "amod", "nsubj", "nsubj", "aux", "ROOT", "dobj"],
        pos=["DET", "ADJ", "ADJ", "NOUN", "PROPN", "AUX", "VERB", "NOUN"],
    )
    assert _contact_relative(doc[6], [False] * len(words))
    # one subject, or a first subject in quotation marks, is an ordinary clause
    assert not _contact_relative(doc[6], [True] * 4 + [False] * 4)
    single = Doc(
        Vocab(),
        words=["Ostria", "has", "concluded", "talks"],
        heads=[2, 2, 2, 2],
        deps=["nsubj", "aux", "ROOT", "dobj"],
        pos=["PROPN", "AUX", "VERB", "NOUN"],
    )
    assert not _contact_relative(single[2], [False] * 4)


@pytest.mark.parametrize(
    "text",
    [
        "The union leader threatened to call a strike next week if the company does not "
        "raise wages.",
        "The mayor urged residents to stay indoors until the storm has passed.",
        "The governor threatened to veto the budget if lawmakers do not cut the new tax.",
    ],
)
def test_an_infinitive_is_no_reported_clause_for_a_subject_inside_it(
    pipeline: Language, text: str
) -> None:
    # the clause after "if" / "until" has a subject; the content ("to call a strike …") does not
    assert [q for q in quotes(pipeline, text) if q.kind == "indirect"] == []


@pytest.mark.parametrize("speaker", ["witnesses", "an eyewitness", "a witness"])
def test_a_witness_is_a_speaker_though_its_word_ends_as_an_abstract_nouns(
    pipeline: Language, speaker: str
) -> None:
    # "-ness" marks abstract nouns ("readiness"), but a witness is someone
    found = attributions(pipeline, f"Soldiers fired into the air near the market, {speaker} said.")
    assert [q.speaker.text if q.speaker else None for q in found] == [speaker]
