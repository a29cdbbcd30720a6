"""Speakers of quotes over the real parse (issue 13, third round): things named in full
elsewhere, people shown speaking, owners that do not speak, split quotes over a parse that
runs across paragraphs. Every sentence is invented."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from conftest import require_model
from dateline import nlp
from dateline.quotes import Quote, find_quotes


@pytest.fixture(scope="session")
def pipeline() -> Language:
    require_model()
    return nlp.load()


def quotes(pipeline: Language, text: str, unit: str = "quotation") -> list[Quote]:
    return find_quotes(pipeline(text), unit=unit)  # type: ignore[arg-type]


def speakers(found: list[Quote]) -> list[str | None]:
    return [q.speaker.name if q.speaker else None for q in found]


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
    found = quotes(pipeline, text, "attribution")
    assert [q.speaker.text if q.speaker else None for q in found] == [
        "Councillor Piet Vos’s press aide"
    ], [q.to_dict() for q in found]


def test_a_split_quote_after_a_paragraph_is_one_attribution(pipeline: Language) -> None:
    text = (
        "She said the new library should be open to everyone.\n\n"
        "''In the end,'' the dean said, ''books belong to whoever reads them.''"
    )
    found = [q for q in quotes(pipeline, text, "attribution") if q.kind == "direct"]
    assert len(found) == 1 and len(found[0].spans) == 2, [q.to_dict() for q in found]


def test_a_short_term_only_a_verb_holds_is_no_attribution(pipeline: Language) -> None:
    text = "The old buses are to be parked in a fenced “rest yard.” No one minded."
    assert quotes(pipeline, text, "attribution") == []
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
    found = quotes(pipeline, text, "attribution")
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
    found = quotes(pipeline, text, "attribution")
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


def test_a_pronoun_skips_a_person_whose_first_name_says_the_other_gender(
    pipeline: Language,
) -> None:
    text = (
        "Margaret Lind, the mayor of the town, spoke after Thomas Berg opened the meeting.\n\n"
        "Thomas Berg welcomed the guests.\n\n"
        "“We will rebuild the bridge,” she said.\n\n"
        "“The vote is next week,” he said."
    )
    assert speakers(quotes(pipeline, text)) == ["Margaret Lind", "Thomas Berg"]


def test_a_speech_verb_after_a_quote_the_tagger_took_for_a_modifier(pipeline: Language) -> None:
    # "tweeted" read as a modifier of "spokesman": still the cue, its speaker after it
    text = '"Storm recap," tweeted harbour spokesman Erik Lund. "Mayor: we did our best."'
    assert speakers(quotes(pipeline, text)) == ["Erik Lund", "Erik Lund"]
    # "read" taken for a noun after a possessive: still the cue
    text = "“We want a fair wage,” the workers' statement read."
    assert speakers(quotes(pipeline, text)) == ["the workers' statement"]


def test_a_dateline_is_no_part_of_the_speaker(pipeline: Language) -> None:
    text = (
        "BERGEN (AFP) – Mayor Anna Lind has taken a swipe at the harbour board, saying that "
        "its plans do more harm than good.\n\nLONDON (Reuters) - Tomas Berg said he was "
        "unlikely to have a good relationship with the new mayor."
    )
    found = quotes(pipeline, text, unit="attribution")
    assert {q.speaker.text for q in found if q.speaker} == {"Mayor Anna Lind", "Tomas Berg"}


def test_a_pronoun_after_asked_about_someone_is_the_one_asked(pipeline: Language) -> None:
    text = (
        "Tomas Berg spoke to reporters on Monday.\n\n"
        'Asked whether Erik Lund would run again, he said: "We have not spoken in years."'
    )
    assert speakers(quotes(pipeline, text)) == ["Tomas Berg"]


def test_that_said_is_no_report(pipeline: Language) -> None:
    text = (
        "The harbour board met on Monday.\n\n"
        "That said, residents say they believe the pier will reopen in May."
    )
    found = quotes(pipeline, text, unit="attribution")
    assert [(q.cue, q.speaker.text if q.speaker else None) for q in found] == [("say", "residents")]


def test_it_after_a_written_thing_speaks_as_that_thing(pipeline: Language) -> None:
    text = "Police found a handwritten note on the kitchen table.\n\n“Do not wait for me,” it said."
    assert speakers(quotes(pipeline, text)) == ["a handwritten note"]


def test_it_with_no_written_thing_before_names_no_one(pipeline: Language) -> None:
    text = "The river rose overnight.\n\n“Nobody was ready for this,” it said."
    assert all(q.speaker is None for q in quotes(pipeline, text))


def test_a_name_inside_the_aside_before_the_cue_is_not_the_speaker(pipeline: Language) -> None:
    # the parse hangs the person on the date before; the place ends the aside before "said"
    text = (
        "But in a call with reporters on Monday, Col. Anna Berg, a military spokeswoman in "
        'Tarnby, said, "A raid is a combat operation."'
    )
    assert speakers(quotes(pipeline, text)) == ["Anna Berg"]


def test_the_one_asked_in_an_aside_before_the_cue_speaks(pipeline: Language) -> None:
    # the parse makes "asked" the main verb and hangs "said" on it
    text = 'Ms. Okafor, asked about the strike, said, "I think the drivers are right."'
    assert speakers(quotes(pipeline, text)) == ["Okafor"]


def test_the_one_asked_in_an_aside_the_parse_made_the_subject_speaks(pipeline: Language) -> None:
    # the parse makes the noun the subject of "asked" and leaves "said" with none
    text = (
        "A Danish foreign ministry spokesman, asked about the case at a briefing in Aarhus, "
        'said Denmark opposed "any use of force" against its fishermen.'
    )
    assert speakers(quotes(pipeline, text)) == ["A Danish foreign ministry spokesman"]


def test_the_subject_of_a_sentence_rooted_on_its_noun_speaks(pipeline: Language) -> None:
    # the parse roots the sentence on "mayor" and hangs "responded" on it as a modifier
    text = (
        'The mayor, channeling his old habits, responded by first saying "some good things" '
        "about the council."
    )
    assert speakers(quotes(pipeline, text)) == ["The mayor"]


def test_a_dated_dateline_is_no_speaker(pipeline: Language) -> None:
    text = (
        "TARNBY, July 19 (UPI) — Former Attorney General Anna Berg told delegates at the "
        "convention that the harbour deal should be cancelled."
    )
    assert speakers(quotes(pipeline, text)) == ["Anna Berg"]


class _Namesake:
    """A resolver that, like an actors stage that joined two namesakes, names every phrase
    as one man."""

    def resolve(self, start: int, end: int) -> tuple[str, str] | None:
        return ("e1", "Tom Harlan")


def test_a_she_is_not_named_as_a_man_the_resolver_gives(pipeline: Language) -> None:
    text = 'Mary Harlan opened the fair on Sunday.\n\n"We will build the bridge," she said.'
    found = find_quotes(pipeline(text), _Namesake())
    assert speakers(found) == ["Mary Harlan"]


def test_a_dash_the_parse_made_a_second_subject_is_no_speaker(pipeline: Language) -> None:
    from dateline.quotes.speakers import subject_of

    # "― Ruiz boasted, "We won."" with the dash parsed as a subject beside the name
    words = ["―", "Ruiz", "boasted", ",", '"', "We", "won", ".", '"']
    heads = [2, 2, 2, 2, 2, 6, 2, 2, 2]
    deps = ["nsubj", "nsubj", "ROOT", "punct", "punct", "nsubj", "ccomp", "punct", "punct"]
    doc = Doc(pipeline.vocab, words=words, heads=heads, deps=deps)
    subject = subject_of(doc[2])
    assert subject is not None and subject.text == "Ruiz"


@pytest.mark.parametrize(
    ("text", "named"),
    [
        # members of a qualified group quoted before, past "the officials" (the same group)
        (
            "Harbour officials watching the strait said the ferry was safe.\n\n"
            "The crew had been taken off, the officials said.\n\n"
            "One of the officials said the ferry was on its way to Tarnby.\n\n"
            "“The engine failed at dawn,” said a second official.",
            [
                "Harbour officials watching the strait",
                "Harbour officials watching the strait",
                "one of the Harbour officials",
                "a second Harbour official",
            ],
        ),
        # words that count the group say nothing of whose it is
        (
            "Several port officials said the ferry was safe.\n\n"
            "“The engine failed at dawn,” said a second official.",
            ["Several port officials", "a second port official"],
        ),
        # a group of its own with no qualifier: the member stays as the text names it
        (
            "Harbour officials said the ferry was safe.\n\n"
            "Officials said the crew had been taken off.\n\n"
            "“The engine failed at dawn,” said a second official.",
            ["Harbour officials", "Officials", "a second official"],
        ),
        # a name set beside the speaker's noun that the parse hung on the country it serves
        (
            "The talks resumed on Monday.\n\n"
            "Tarnovia's ambassador to Norway, Lena Brik, told reporters that the deal was close.",
            ["Lena Brik"],
        ),
        # delayed identification: the lead describes its subject by role, the next
        # paragraph names them acting
        (
            "The former director of the Harbour Board told an inquiry on Monday that he had "
            "warned the council about the pier.\n\n"
            "Giving evidence in Tarnby, Erik Lund said he had written to the council twice.",
            ["Erik Lund", "Erik Lund"],
        ),
        # a person named before the description is someone else
        (
            "Mayor Ana Ruiz opened the inquiry. The former director of the Harbour Board said "
            "he had warned the council.\n\n"
            "Giving evidence in Tarnby, Erik Lund said he had written to the council twice.",
            ["The former director of the Harbour Board", "Erik Lund"],
        ),
        # officials of a kind whose ministry the article names with the place it serves
        (
            "More than 200 people have died in the outbreak, health officials said.\n\n"
            "Peru's Health Ministry said it had recorded 50 new cases.",
            ["Peruvian health officials", "Peruvian Health Ministry"],
        ),
        # named countries and bodies side by side speak together, as people do
        ("France and Germany said the sanctions would stay.", ["France and Germany"]),
        (
            "The Harbour Council and the Tarnby Port Authority said the pier would reopen.",
            ["Harbour Council and Tarnby Port Authority"],
        ),
        ("Ana Ruiz and Tom Baker said the plan would fail.", ["Ana Ruiz and Tom Baker"]),
        # "they" right after a sentence whose subject names people side by side
        (
            "Mayor Ana Ruiz and Governor Tom Baker met for an hour on Monday.\n\n"
            "They said in a joint statement that the bridge would reopen in May.",
            ["Ana Ruiz and Tom Baker"],
        ),
        # a sentence between: "they" is whoever that sentence's subject is
        (
            "Ana Ruiz and Tom Baker were arrested on Monday.\n\n"
            "Protesters gathered outside the court. They said the arrests were unlawful.",
            ["They"],
        ),
    ],
)
def test_members_of_a_group_and_names_side_by_side(
    pipeline: Language, text: str, named: list[str]
) -> None:
    assert speakers(quotes(pipeline, text)) == named


@pytest.mark.parametrize(
    ("text", "named"),
    [
        # a resolution no owner is named with: the body that votes on resolutions named before
        (
            "The Harbour Council met on Monday to vote on aid to the islands.\n\n"
            "The mayor told reporters she supported an amended resolution, which asks for "
            "“opening the port at night” by spring.",
            ["amended Harbour Council resolution"],
        ),
        # no such body named before: the resolution stays as the text names it
        (
            "Ministers met on Monday to talk about aid to the islands.\n\n"
            "The mayor told reporters she supported an amended resolution, which asks for "
            "“opening the port at night” by spring.",
            ["an amended resolution"],
        ),
    ],
)
def test_a_resolution_speaks_as_the_body_that_votes_on_it(
    pipeline: Language, text: str, named: list[str]
) -> None:
    direct = [q for q in quotes(pipeline, text) if q.kind == "direct"]
    assert speakers(direct) == named


def test_a_fragment_under_a_thought_inside_a_report_is_the_tellers(pipeline: Language) -> None:
    text = (
        "A Moravian transport ministry spokesman said Slovakia opposed "
        '"any new tolls" and hoped Austria would act "in good faith."'
    )
    found = quotes(pipeline, text)
    assert [q.text.rstrip(".,") for q in found] == ["any new tolls", "in good faith"]
    assert speakers(found) == ["A Moravian transport ministry spokesman"] * 2
    # a thought told by no one else stays the thinker's
    alone = quotes(pipeline, 'The mayor hoped the council would "think again."')
    assert speakers(alone) == ["The mayor"]


@pytest.mark.parametrize(
    ("text", "named"),
    [
        # the parse makes the dateline's place the subject, the speaker hung on it
        (
            "TALLINN — Estonia's transport minister, Mari Kask, on Friday defended the toll, "
            "saying the roads could not be kept up without it.",
            "Mari Kask",
        ),
        (
            "TALLINN — Estonia's transport minister on Friday defended the toll, saying the "
            "roads could not be kept up without it.",
            "Estonian transport minister",
        ),
        # an inverted cue after a quote: the possessor's noun speaks, not the possessor
        ('"Who pays for the roads?" asked the programme\'s host, Jaan Tamm.', "Jaan Tamm"),
    ],
)
def test_the_speaker_past_a_dateline_or_a_possessor(
    pipeline: Language, text: str, named: str
) -> None:
    assert speakers(quotes(pipeline, text)) == [named]
