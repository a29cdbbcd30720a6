"""Speakers of quotes over the real parse: appositions, pronouns, full names, documents,
groups and organisations, transcript labels, the actors stage's names, speakers named by a
role or a fragment. Every sentence is invented."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dateline.quotes import find_quotes
from quote_helpers import attributions, only, pipeline, quotes, speaker, with_actors

__all__ = ["pipeline"]


# --- speaker forms (model) ------------------------------------------------------------------


def test_speaker_with_apposition_and_colon(pipeline: Language) -> None:
    text = 'Jonas Weber, a doctor at the field hospital, said: "We need blood and fuel."'
    q = only(quotes(pipeline, text))
    assert q.speaker is not None
    assert q.speaker.text == "Jonas Weber"
    assert speaker(q) == "Jonas Weber"


def test_pronoun_resolves_to_previous_speaker(pipeline: Language) -> None:
    text = (
        "Farmer Elena Vasquez inspected the burnt fields on Tuesday.\n\n"
        '"Everything we planted is gone," she said.'
    )
    q = only(quotes(pipeline, text))
    assert q.speaker is not None and q.speaker.text == "she"
    assert speaker(q) == "Elena Vasquez"


def test_pronoun_skips_names_inside_quotes(pipeline: Language) -> None:
    text = (
        "Senator Mark Ellison opened the debate.\n\n"
        '"If Tom Hardwick wants the seat, he must earn it," he said.'
    )
    assert speaker(only(quotes(pipeline, text))) == "Mark Ellison"


def test_pronoun_takes_the_compatible_person(pipeline: Language) -> None:
    text = (
        "Ms. Ingrid Solberg met the harbour master, Mr. Tomas Varga, on Monday.\n\n"
        "Mr. Varga walked with her along the damaged pier.\n\n"
        '"We cannot wait for the insurers," she said.'
    )
    assert speaker(only(quotes(pipeline, text), "direct")) == "Ingrid Solberg"


def test_surname_expands_to_full_name(pipeline: Language) -> None:
    text = (
        "Prime Minister Anna Lindqvist arrived in the capital on Friday.\n\n"
        '"We came to listen," Lindqvist said.'
    )
    assert speaker(only(quotes(pipeline, text))) == "Anna Lindqvist"


def test_document_speaker(pipeline: Language) -> None:
    text = (
        '"All parties must return to the table," said the final communique, which was '
        "read out by the host."
    )
    q = only(quotes(pipeline, text))
    assert q.speaker is not None and q.speaker.text == "the final communique"
    assert q.speaker.name == "the final communique"


def test_group_speaker_in_a_statement(pipeline: Language) -> None:
    text = '"The agreement protects both coasts," the ministers said in a statement.'
    q = only(quotes(pipeline, text))
    assert q.speaker is not None and q.speaker.text == "the ministers"
    assert q.speaker.name == "the ministers"


def test_said_the_document(pipeline: Language) -> None:
    text = (
        '"Both harbours stay open to fishing boats of either country," said the joint '
        "statement signed in Split."
    )
    q = only(quotes(pipeline, text))
    # the document, with what describes it (an unnamed source keeps its description)
    assert q.speaker is not None
    assert q.speaker.name == q.speaker.text == "the joint statement signed in Split"


def test_platform_is_not_the_speaker(pipeline: Language) -> None:
    text = (
        "President Tomas Berg, posting on X, formerly Twitter, said the summit had been "
        '"a turning point for the whole region."'
    )
    q = only(quotes(pipeline, text))
    assert speaker(q) == "Tomas Berg"


def test_title_and_scare_quotes_are_not_quotes(pipeline: Language) -> None:
    text = (
        'The two mayors signed a "Charter of Rivers and Bridges" on Friday, calling the deal '
        '"historic."'
    )
    assert not [q for q in quotes(pipeline, text) if "Charter" in q.text]


def test_paragraph_convention_takes_previous_speaker(pipeline: Language) -> None:
    text = (
        '"We will rebuild the school first," said Rosa Almeida.\n\n'
        '"Then the clinic, and then the roads."'
    )
    first, second = quotes(pipeline, text)
    assert speaker(first) == speaker(second) == "Rosa Almeida"
    assert second.text == "Then the clinic, and then the roads."
    q = only(attributions(pipeline, text))
    assert len(q.spans) == 2 and q.text.endswith("and then the roads.")


def test_said_he_expects_is_one_report(pipeline: Language) -> None:
    text = "Minister Jonas Berg said he expects the new ferry line to open by the summer."
    q = only(quotes(pipeline, text))
    assert speaker(q) == "Jonas Berg"
    assert q.text.startswith("he expects")


def test_transcript_labels_and_dash_speakers(pipeline: Language) -> None:
    text = (
        '"HOST: Will the ferry run in winter?\n\n'
        '"BERG: It will run every day, even in the storms."\n\n'
        "\u201cThe harbour feels alive again.\u201d \u2015 Oskar Lind"
    )
    found = quotes(pipeline, text)
    assert [q.speaker.text if q.speaker else None for q in found] == ["HOST", "BERG", "Oskar Lind"]
    assert found[1].text.startswith("It will run every day")


def test_colon_at_paragraph_end_introduces_the_quote(pipeline: Language) -> None:
    text = (
        "Mayor Petra Novak told the crowd at the harbour:\n\n"
        '"We rebuilt this pier with our own hands and we will keep it open."'
    )
    q = only(quotes(pipeline, text), "direct")
    assert speaker(q) == "Petra Novak"


def test_a_sentence_of_words_said_introduces_the_quote_after_it(pipeline: Language) -> None:
    text = (
        "The islanders met on Sunday.\n\nThe answer from the ferry company was short. "
        '"The boats will not run in winter, and that is final."'
    )
    assert speaker(only(quotes(pipeline, text), "direct")) == "the ferry company"


@pytest.mark.parametrize(
    ("line", "named"),
    [
        # the noun's possessor, or the object of its "from" or "of"; with "be" or no verb
        ("Brandt's answer to the levy that the port board proposed was blunt", "Brandt"),
        (
            "The reply from the ferry company to the angry islanders of the north shore",
            "the ferry company",
        ),
        (
            "The verdict of the harbour council on the new ferry timetable was clear",
            "the harbour council",
        ),
    ],
)
def test_a_noun_for_words_said_introduces_its_owners_quote(
    pipeline: Language, line: str, named: str
) -> None:
    text = f'The islanders met on Sunday.\n\n{line}: "The ferry will not run in winter."'
    assert speaker(only(quotes(pipeline, text), "direct")) == named


@pytest.mark.parametrize("verb", ["yelled", "screamed", "whispered", "exclaimed"])
def test_a_verb_of_crying_out_is_the_cue_of_its_quote(pipeline: Language, verb: str) -> None:
    text = f'When the mayor thanked the crowd, a fisherman {verb} "Go home!" and others booed.'
    assert [speaker(q) for q in quotes(pipeline, text)] == ["a fisherman"]


def test_a_quote_paragraph_after_a_named_apposition_is_that_persons(pipeline: Language) -> None:
    # the paragraph before introduces the speaker as a name beside the subject; the quote
    # paragraphs after it, the first left open, are hers
    text = (
        "The harbour director, Ilse Varga, spoke after the vote.\n\n"
        '"We have waited ten years for this pier and the town will not wait any longer.\n\n'
        '"Every trawler here has lost days at sea, and that ends this year."'
    )
    found = [q for q in quotes(pipeline, text) if q.kind == "direct"]
    assert [speaker(q) for q in found] in (["Ilse Varga"], ["Ilse Varga", "Ilse Varga"])


def test_he_said_after_the_clause_it_reports_is_not_that_clauses_subject(
    pipeline: Language,
) -> None:
    text = (
        '"The harbour needs more money than the council will give," said Tomas Brandt, who '
        "chairs the port board.\n\nMarek Novak, the city treasurer, had "
        '"no idea what the port costs to run," he said.'
    )
    assert [speaker(q) for q in quotes(pipeline, text)] == ["Tomas Brandt", "Tomas Brandt"]


def test_the_former_and_the_latter_are_the_pair_named_before(pipeline: Language) -> None:
    text = (
        "Mayor Ilse Varga met the treasurer, Oskar Lindahl, on Monday to discuss the pier.\n\n"
        '"We do not have the money for it," the latter said.\n\n'
        '"Then we will find it elsewhere," the former replied.'
    )
    assert [speaker(q) for q in quotes(pipeline, text)] == ["Oskar Lindahl", "Ilse Varga"]


@pytest.mark.parametrize(
    ("said_by", "named"),
    [
        ("her spokesman", "her spokesman"),
        ("a spokesman for Lopez", "a spokesman for Lopez"),
        ("a lawyer representing Lopez", "a lawyer representing Lopez"),
        ("a source close to Lopez", "a source close to Lopez"),
        ("Lopez's family", "Lopez's family"),
        # a part of such a group
        ("one of her senior aides", "one of her senior aides"),
        ("one of Lopez's advisers", "one of Lopez's advisers"),
    ],
)
def test_an_aide_named_by_whom_they_serve_speaks_not_that_person(
    pipeline: Language, said_by: str, named: str
) -> None:
    text = (
        "Mayor Maria Lopez defended the ferry plan at a long meeting of the council on Monday."
        f'\n\n"Nobody asked the town what it wanted," {said_by} said.'
    )
    assert [speaker(q) for q in with_actors(pipeline, text)] == [named]


def test_the_two_and_one_of_them_name_the_people_named_before(pipeline: Language) -> None:
    text = (
        "Mayor Maria Lopez and treasurer David Green defended the ferry plan on Monday.\n\n"
        '"We will find the money," the two said.\n\n'
        "Two residents, Ana Ruiz and Tom Hale, spoke after them. One of them, Ruiz, said "
        "the crossing was too slow."
    )
    assert [speaker(q) for q in quotes(pipeline, text)] == [
        "Maria Lopez and David Green",
        "Ana Ruiz",
    ]


class FakeActors:
    """A stand-in for the actors stage: knows one person by any phrase that mentions her."""

    def __init__(self, text: str) -> None:
        self.text = text

    def resolve(self, start: int, end: int) -> tuple[str, str] | None:
        phrase = self.text[start:end]
        if phrase in {"Halvorsen", "she", "the Norwegian minister"}:
            return ("per-halvorsen", "Kari Halvorsen")
        return None


def test_resolver_names_the_speaker(pipeline: Language) -> None:
    text = (
        "The Norwegian fisheries minister arrived in Tromso on Monday.\n\n"
        '"The quotas will hold," the Norwegian minister said.\n\n'
        '"Nobody will lose a boat," Halvorsen said.\n\n'
        '"We will pay for the nets," she said.'
    )
    doc = pipeline(text)
    found = find_quotes(doc, FakeActors(text))
    assert len(found) == 3
    for q in found:
        assert q.speaker is not None
        assert (q.speaker.entity, q.speaker.name) == ("per-halvorsen", "Kari Halvorsen")
    assert [q.speaker.text for q in found if q.speaker] == [
        "the Norwegian minister",
        "Halvorsen",
        "she",
    ]


def test_without_resolver_own_resolution_stays(pipeline: Language) -> None:
    text = '"The road is open," Mayor Lucia Benedetti said.'
    doc = pipeline(text)

    class Nobody:
        def resolve(self, start: int, end: int) -> tuple[str, str] | None:
            return None

    for resolver in (None, Nobody()):
        q = only(find_quotes(doc, resolver))
        assert q.speaker is not None
        assert (q.speaker.name, q.speaker.entity) == ("Lucia Benedetti", None)


def test_quotes_in_captions_are_marked(pipeline: Language) -> None:
    caption = '"We will be back next spring," said the festival director, Mara Lenz.'
    found = find_quotes(pipeline(caption), in_caption=True)
    assert found and all(q.in_caption and q.to_dict()["in_caption"] for q in found)
    assert not find_quotes(pipeline(caption))[0].in_caption


# --- speakers that can speak, and speakers that point back ----------------------------------


def test_description_beside_a_name_speaks_as_the_name(pipeline: Language) -> None:
    text = "The crops failed twice this year, said the farmer's brother, Tomasz Wrona."
    assert speaker(only(quotes(pipeline, text))) == "Tomasz Wrona"


def test_unnamed_source_keeps_its_description(pipeline: Language) -> None:
    text = "Diplomats familiar with the talks said the ceasefire would hold until Friday."
    q = only(quotes(pipeline, text))
    assert q.speaker is not None and q.speaker.text == "Diplomats familiar with the talks"


def test_abstract_noun_is_no_speaker(pipeline: Language) -> None:
    text = 'The new conditions say that the port "must remain open to all ships."'
    assert all(q.speaker is None for q in quotes(pipeline, text))


def test_general_noun_refers_to_the_organisation(pipeline: Language) -> None:
    text = (
        "The Northern Rivers Trust criticised the dam on Monday.\n\n"
        "The organization said the river had lost half its fish since the dam was built."
    )
    q = only(quotes(pipeline, text))
    assert q.speaker is not None and "Northern Rivers Trust" in q.speaker.name


def test_it_is_the_organisation_that_spoke_last(pipeline: Language) -> None:
    text = (
        'The Baltic Shipping Office said the strait was closed. "Two tankers collided," '
        "the office said.\n\n"
        "It said the crews had been rescued."
    )
    found = quotes(pipeline, text)
    last = found[-1]
    assert last.kind == "indirect" and last.speaker is not None
    assert last.speaker.text == "It" and "Baltic Shipping Office" in last.speaker.name


def test_it_is_the_body_named_as_a_subject_since_the_last_speaker(pipeline: Language) -> None:
    text = (
        "Estonian border guards turned back a Latvian ferry, the harbour master said.\n\n"
        "Latvia's transport ministry protested the decision. In a statement, it said the ferry "
        'had been "sailing on schedule."'
    )
    last = quotes(pipeline, text)[-1]
    assert last.speaker is not None and last.speaker.text == "it"
    assert last.speaker.name == "Latvian transport ministry"
    text = (
        "The Moravian Rail Authority cut services, the union said.\n\n"
        "The Danube Shipping Board protested the cuts. It said the ferries "
        '"will carry everyone."'
    )
    last = quotes(pipeline, text)[-1]
    assert last.speaker is not None and "Danube Shipping Board" in last.speaker.name
    # the nearest subject is no body: "it" is still the organisation that spoke last
    text = (
        'The Baltic Shipping Office said the strait was "closed to all ships." '
        'The tanker, it said, "had lost its rudder."'
    )
    last = quotes(pipeline, text)[-1]
    assert last.speaker is not None and "Baltic Shipping Office" in last.speaker.name


def test_quoted_as_saying(pipeline: Language) -> None:
    text = "The agency quoted Captain Elin Dahl as saying that the ferry had left on time."
    q = only(quotes(pipeline, text))
    assert speaker(q) == "Elin Dahl"


def test_people_speaking_together(pipeline: Language) -> None:
    text = (
        "In their letter, Mayor Lena Holm, Councillor Piet Vos and Councillor Ana Ruiz wrote "
        'that the market "should stay where it has always been."'
    )
    assert speaker(only(with_actors(pipeline, text))) == "Lena Holm, Piet Vos and Ana Ruiz"


def test_who_said_is_the_antecedents_report(pipeline: Language) -> None:
    text = "Ask Jonas Eklund, who explains that the ferry has not run on time since March."
    q = only(quotes(pipeline, text))
    assert q.kind == "indirect" and speaker(q) == "Jonas Eklund"
    assert q.text.startswith("the ferry has not run")


def test_article_without_its_noun_is_no_speaker(pipeline: Language) -> None:
    text = "Prices rose again.\n\nAccording to the , the port will stay shut."
    assert all(q.speaker is None or q.speaker.text != "the" for q in quotes(pipeline, text))
    assert [q for q in quotes(pipeline, text) if q.kind == "indirect"] == []


# --- speakers named by a role, a fragment or a parse that went astray (issue 13) ------------


def test_role_description_is_the_person_with_that_title(pipeline: Language) -> None:
    text = (
        "Harriet Lomax, a federal judge in Ohio, ruled on Monday that the law was void.\n\n"
        "The judge wrote that the statute could not stand."
    )
    wrote = [q for q in with_actors(pipeline, text) if q.cue == "wrote"]
    assert [speaker(q) for q in wrote] == ["Harriet Lomax"]


def test_role_description_takes_the_title_before_a_name(pipeline: Language) -> None:
    text = (
        "US Ambassador to the UN Patricia Hollins addressed the council ahead of the ballot.\n\n"
        '"This draft falls well short," the US ambassador said.'
    )
    assert speaker(only(with_actors(pipeline, text))) == "Patricia Hollins"


def test_role_description_nobody_holds_stays_a_description(pipeline: Language) -> None:
    text = (
        "Mayor Dana Pell opened the bridge on Friday.\n\n"
        '"The bridge is safe for traffic," the engineer said.'
    )
    q = only(with_actors(pipeline, text))
    assert q.speaker is not None and q.speaker.name == "the engineer"


def test_role_description_is_not_a_person_its_own_clause_reports(pipeline: Language) -> None:
    for text in (
        "Police detained Tomas Greer at the border on Monday, the minister said.",
        "Tomas Greer will step down next week, the party chairman said.",
    ):
        q = only(with_actors(pipeline, text))
        assert q.speaker is not None and q.speaker.name.startswith("the "), text


def test_organisation_fragment_speaks_as_its_full_name(pipeline: Language) -> None:
    text = (
        "The Coastal Anglers Alliance backed the bill. "
        '"It is about time," said Coastal Anglers, adding that it would lobby hard.'
    )
    assert {speaker(q) for q in with_actors(pipeline, text)} == {"Coastal Anglers Alliance"}


def test_participle_cue_hung_on_the_quote_keeps_the_sentence_speaker(
    pipeline: Language,
) -> None:
    text = (
        "Mayor Dana Pell met the workers on Friday. "
        'Later, Pell told them: "You will be paid," adding "We will find the money."'
    )
    found = with_actors(pipeline, text)
    assert [speaker(q) for q in found] == ["Dana Pell", "Dana Pell"]


def test_title_and_place_before_a_name_speak_as_the_name(pipeline: Language) -> None:
    text = "Ukraine's deputy prime minister Pavlo Hrytsenko said the border would reopen."
    assert speaker(only(with_actors(pipeline, text))) == "Pavlo Hrytsenko"


def test_speaker_after_a_question_paragraph_is_the_cue_paragraphs_subject(
    pipeline: Language,
) -> None:
    text = (
        "Governor Ilse Varga took questions on Tuesday. Any word on tolls, Governor?\n\n"
        "Varga seemed to walk back her answer and proceeded to say that drivers from the "
        "valley would pay nothing."
    )
    said = [q for q in with_actors(pipeline, text) if q.cue == "say"]
    assert [speaker(q) for q in said] == ["Ilse Varga"]


def test_the_newspaper_is_the_last_news_outlet_named(pipeline: Language) -> None:
    text = (
        "The Lakeside Daily News obtained the recordings on Monday.\n\n"
        "The council met twice that week. Officials declined to comment.\n\n"
        "The mayor spoke to the board members by phone.\n\n"
        "The newspaper reported that the board had not voted on the plan."
    )
    reported = [q for q in with_actors(pipeline, text) if q.cue == "reported"]
    assert [speaker(q) for q in reported] == ["Lakeside Daily News"]


def test_a_cue_hung_on_the_reported_clause_is_the_tellers(pipeline: Language) -> None:
    # the parser hangs "warned" on "provoked", whose subject is a boat, not a speaker
    text = (
        'Spokesman Li Wei said in Hanoi that the Chilean boat had "deliberately provoked" the'
        ' incident and warned Santiago not to "play with fire."'
    )
    found = quotes(pipeline, text)
    assert [speaker(q) for q in found if q.kind == "direct"] == ["Li Wei"]


@pytest.mark.parametrize(
    ("before", "named"),
    [
        # the title in other words: "Sen." is the senator the description names
        ("Sen. Lena Varga and Gov. Tom Reed toured the plant on Monday.", "Lena Varga"),
        # a senator of another state is not "the Ohio senator": the description stays
        (
            "Ben Hollis, the Vermont senator, toured the plant on Monday with Lena Varga.",
            "The Ohio senator",
        ),
    ],
)
def test_a_role_description_takes_the_person_with_that_title_and_place(
    pipeline: Language, before: str, named: str
) -> None:
    text = f"{before}\n\nThe Ohio senator said the plant would stay open through the winter."
    assert [speaker(q) for q in with_actors(pipeline, text)] == [named]


def test_people_of_a_country_speak_for_themselves(pipeline: Language) -> None:
    text = (
        "Norwegian lawmaker says that the ferry fees are far too high.\n\n"
        "Some Norwegians said that the fees were too high.\n\n"
        "Norway said it would answer the letter."
    )
    assert [speaker(q) for q in with_actors(pipeline, text)] == [
        "Norwegian lawmaker",
        "Some Norwegians",
        "Norway",
    ]


@pytest.mark.parametrize(
    ("body", "named"),
    [
        ("Harbour Board", "Ana Lindqvist"),
        # a spokesman of one body is not another body's press secretary named next
        ("Ferry Authority", "a Harbour Board spokesman"),
    ],
)
def test_a_source_named_next_serves_the_same_body(
    pipeline: Language, body: str, named: str
) -> None:
    text = (
        '"The pier will stay shut," a Harbour Board spokesman said.\n\n'
        f'The mayor also spoke. "We will appeal," said Ana Lindqvist, the {body} press secretary.'
    )
    assert speaker(quotes(pipeline, text)[0]) == named


def test_an_outlet_named_with_its_noun_points_to_no_other_body(pipeline: Language) -> None:
    text = (
        "The Harbour Authority deserves respect for keeping the pier open. The Times newspaper "
        "also reported last month that the authority had ordered the ferry to stop."
    )
    assert [speaker(q) for q in with_actors(pipeline, text)] == ["The Times newspaper"]
