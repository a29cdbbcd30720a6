"""Event sides with the real actors stage, on our own invented sentences: who acts (a thing is
no one), whom a material act is done to (not the act's own noun), and the country of agents
the text places only by a state or the article's home. What act a sentence codes is in
``test_events_senses.py``."""

from __future__ import annotations

from typing import Any

import pytest

from dateline.actors import find_actors
from dateline.events import Event, code_events
from dateline.events.coder import Coder
from dateline.events.scorer import EventScorer
from dateline.model import Article
from event_helpers import PUBLISHED, candidates, code, nlp, one, side_words

__all__ = ["nlp"]  # the fixture, shared from event_helpers


def test_a_state_named_before_an_agent_gives_its_country(nlp: Any) -> None:
    text = "Vermont officials are investigating the company's accounts."
    events = [e for e in candidates(nlp, text) if e.plover == "ACCUSE"]
    assert events and events[0].source is not None and events[0].source.country == "USA"


def test_a_state_named_in_a_phrase_gives_its_country(nlp: Any) -> None:
    # "the state of X": the phrase's words resolve the state as the entity alone does
    text = "Governor Ana Ruiz threatened to cut off funding to the state of Vermont on Monday."
    targets = [e.target for e in coded(nlp, text) if e.plover == "THREATEN"]
    assert targets and targets[0] is not None
    assert (targets[0].text, targets[0].country) == ("the state of Vermont", "USA")


def test_the_means_of_a_material_act_is_not_its_target(nlp: Any) -> None:
    text = "The Danish coast guard rendered assistance to a drifting ferry overnight."
    aid = [e for e in candidates(nlp, text) if e.plover == "AID"]
    assert aid and aid[0].target is not None
    assert aid[0].target.text == "a drifting ferry"


def test_an_agent_object_stays_the_target(nlp: Any) -> None:
    text = "Police in Oslo arrested a Swedish journalist on Monday."
    coerce = [e for e in candidates(nlp, text) if e.plover == "COERCE"]
    assert coerce and coerce[0].target is not None and "journalist" in coerce[0].target.text


def test_a_thing_is_no_one_acting(nlp: Any) -> None:
    text = "The plan shows a growing anger over the fuel levy."
    assert not [e for e in candidates(nlp, text) if e.source is not None]


def test_a_bare_participle_clause_is_passive(nlp: Any) -> None:
    # "<n> wounded" after a count, "Detained on Monday, X ...": no one acting from the clause
    text = "The Chilean health ministry said that it had counted 40 deaths and 300 wounded."
    assert [e.plover for e in candidates(nlp, text)] == []
    text = "Detained in Lima on Monday, the Chilean activist was freed by Peruvian police."
    assert "the Chilean activist" not in side_words(nlp, text, "COERCE", "source")
    assert side_words(nlp, text, "RETREAT", "source") == ["Peruvian police"]


def coded(nlp: Any, text: str) -> list[Event]:
    """Events of an undated sentence with the real actors stage (as the PLOVER sentences)."""
    doc, article = nlp(text), Article(published=None, body=text)
    return code_events(doc, article, find_actors(doc, article), all_modalities=True)


def test_a_relation_is_not_its_possessor(nlp: Any) -> None:
    text = "Insurgents shot the chief of Ghana's guerrilla ally in eastern Togo on Friday."
    (kill,) = [e for e in coded(nlp, text) if e.plover == "ASSAULT"]
    assert kill.target is not None and kill.target.country == "TGO"
    text = "Chile's neighbour Peru shelled the border town."
    (shell,) = [e for e in coded(nlp, text) if e.plover == "ASSAULT"]
    assert shell.source is not None and shell.source.country == "PER"


def test_up_to_a_number_is_the_object(nlp: Any) -> None:
    text = "Bandits abducted up to 30 Danish surveyors outside a mining town."
    events = [e for e in coded(nlp, text) if e.plover == "ASSAULT"]
    assert events and events[0].target is not None and events[0].target.country == "DNK"


def test_mediation_between_two_targets_both(nlp: Any) -> None:
    text = "Iceland stepped in on Monday to mediate between Ghana and Togo."
    targets = {e.target.country for e in coded(nlp, text) if e.target is not None}
    assert targets == {"GHA", "TGO"}


def test_a_shell_noun_stands_for_its_clause(nlp: Any) -> None:
    text = "Ghana deplored the fact that Togolese customs men had seized its lorries."
    (accuse,) = [e for e in coded(nlp, text) if e.plover == "ACCUSE"]
    assert accuse.target is not None and accuse.target.country == "TGO"


def test_an_undated_bare_surname_the_dictionaries_list_is_placed(nlp: Any) -> None:
    text = "Iran criticized Putin on Monday."
    (accuse,) = [e for e in coded(nlp, text) if e.plover == "ACCUSE"]
    assert accuse.target is not None and accuse.target.country == "RUS"


def test_a_rejected_claim_is_addressed_to_its_teller(nlp: Any) -> None:
    text = (
        "Peru said Chilean ships had fired on its fishing boats.\n\nChile rejected the accusation."
    )
    events = [e for e in coded(nlp, text) if e.plover == "REJECT"]
    assert events and events[0].target is not None and events[0].target.country == "PER"


@pytest.mark.parametrize(
    ("text", "teller"),
    [
        # the teller is the one who said it, not a country its words are about
        ("The Peruvian navy said the ships had sold fuel to Ecuadorian trawlers.", "PER"),
        # a body with no country of its own tells as much as a state
        ("The UN Security Council said Chilean ships had fired on fishing boats.", None),
    ],
)
def test_a_rejected_claims_teller_is_the_previous_sentences_subject(
    nlp: Any, text: str, teller: str | None
) -> None:
    events = [
        e for e in coded(nlp, f"{text}\n\nChile rejected the accusation.") if e.plover == "REJECT"
    ]
    assert events and events[0].target is not None
    assert events[0].target.country == teller
    if teller is None:
        assert (events[0].target.code or "").startswith("IGO")


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Chile condemned what it called Peruvian aggression at sea.", "PER"),
        ("The ministry denounced what it described as a Bolivian provocation.", "BOL"),
    ],
)
def test_what_the_actor_calls_it_is_the_object_of_its_act(
    nlp: Any, text: str, country: str
) -> None:
    # "condemned what it called X": the name X is what the act is done to, not "it"
    (accuse,) = [e for e in coded(nlp, text) if e.plover == "ACCUSE"]
    assert accuse.target is not None and accuse.target.country == country
    assert accuse.modality == "asserted"


@pytest.mark.parametrize("noun", ["demand", "offer", "proposal", "ultimatum"])
def test_a_rejected_demand_or_offer_is_addressed_to_whoever_made_it(nlp: Any, noun: str) -> None:
    text = f"Peru sent Chile a {noun} on fishing rights.\n\nChile rejected the {noun}."
    events = [e for e in coded(nlp, text) if e.plover == "REJECT"]
    assert events and events[0].target is not None and events[0].target.country == "PER"


def test_a_dative_to_in_a_complement_is_the_target(nlp: Any) -> None:
    text = "Chile agreed to send a trade delegation to Lima in May."
    (agree,) = [e for e in coded(nlp, text) if e.plover == "AGREE"]
    assert agree.target is not None and agree.target.country == "PER"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Police in Quito rounded up three teenagers after a jewellery theft.", "teenagers"),
        ("Officials in Peru have expelled a 45-year-old cook who overstayed his visa.", "cook"),
        ("Police in Lima announced the arrest of 12 alleged members of a drug gang.", "members"),
        # the of-phrase of an event noun is whom it is done to, agent noun or not
        ("Police in Lima announced the arrest of nine suspected car thieves.", "thieves"),
    ],
)
def test_people_acted_on_where_the_act_happens_keep_their_words(
    nlp: Any, text: str, words: str
) -> None:
    coerce = [e for e in candidates(nlp, text) if e.plover == "COERCE"]
    assert coerce and coerce[0].target is not None
    assert words in coerce[0].target.text  # not the place's name
    assert coerce[0].target.country == coerce[0].source.country  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "plover", "side", "words"),
    [
        # a relative clause describes the target: PLV and PLOVER mark it with its noun
        (
            "Ghana opened a probe into Volta Mutual, a cooperative that two teachers started.",
            "ACCUSE",
            "target",
            "Volta Mutual, a cooperative that two teachers started",
        ),
        # ... but the clause that holds the act is no part of who does it
        (
            "Chilean teachers urging Peru to free the sailors gathered outside the ministry.",
            "REQUEST",
            "source",
            "Chilean teachers",
        ),
    ],
)
def test_a_side_runs_on_over_the_clause_that_describes_it(
    nlp: Any, text: str, plover: str, side: str, words: str
) -> None:
    assert side_words(nlp, text, plover, side)[:1] == [words]


def test_a_pronoun_side_is_the_phrase_it_stands_for(nlp: Any) -> None:
    text = "The Chilean navy says it has launched a probe into a collision near the harbour."
    accuse = [e for e in candidates(nlp, text) if e.plover == "ACCUSE"]
    assert accuse and accuse[0].source is not None
    assert (accuse[0].source.text, accuse[0].source.country) == ("The Chilean navy", "CHL")


def test_an_actors_own_stance_is_not_the_target(nlp: Any) -> None:
    text = "Speaking in Lima, Soto reiterated Chile's support for the Bolivian government."
    support = [e for e in candidates(nlp, text) if e.plover == "SUPPORT"]
    assert support and support[0].target is not None
    assert support[0].target.country == "BOL"


@pytest.mark.parametrize(
    "text",
    [
        "Dutch curators returned an ivory drum, lost since the war, to Kenyan officials.",
        "Belgium returned a bronze idol that had vanished in 1974 from a temple to Kenyan envoys.",
    ],
)
def test_a_to_the_parser_hung_after_the_object_is_the_verbs(nlp: Any, text: str) -> None:
    retreat = [e for e in candidates(nlp, text) if e.cameo == "0842"]
    assert retreat and retreat[0].target is not None and retreat[0].target.country == "KEN"


def test_failing_together_to_reach_a_deal_goes_both_ways(nlp: Any) -> None:
    text = "Ghana and Togo failed to reach an accord over grazing rights."
    pairs = {
        (e.source.country, e.target.country)
        for e in candidates(nlp, text)
        if e.plover == "REJECT" and e.source is not None and e.target is not None
    }
    assert pairs == {("GHA", "TGO"), ("TGO", "GHA")}


@pytest.mark.parametrize("deal", ["a compromise", "an understanding"])
def test_failing_together_to_reach_any_deal_goes_both_ways(nlp: Any, deal: str) -> None:
    text = f"Ghana and Togo failed to reach {deal} over the border."
    events = candidates(nlp, text)
    pairs = {
        (e.source.country, e.target.country)
        for e in events
        if e.plover == "REJECT" and e.source is not None and e.target is not None
    }
    assert pairs == {("GHA", "TGO"), ("TGO", "GHA")}
    # the failure is told as done; the deal it failed to reach is not
    assert {e.modality for e in events if e.plover == "REJECT"} == {"asserted"}
    assert "asserted" not in {e.modality for e in events if e.plover != "REJECT"}


@pytest.mark.parametrize(
    ("words", "sector"),
    [
        ("Border guards", "COP"),
        ("Prison guards", "COP"),
        ("Guards", "COP"),
        ("The gendarmes", "COP"),
        ("The coast guard", "MIL"),
        ("Soldiers", "MIL"),
        ("Police", "COP"),
        ("Coast guard officers", "MIL"),
    ],
)
def test_security_forces_in_a_country_are_of_it(nlp: Any, words: str, sector: str) -> None:
    text = f"{words} in Peru expelled twenty migrants."
    (coerce,) = [e for e in coded(nlp, text) if e.plover == "COERCE"]
    assert coerce.source is not None and coerce.source.text == f"{words} in Peru"
    assert (coerce.source.country, coerce.source.sector) == ("PER", sector)


@pytest.mark.parametrize(
    "text",
    [
        "Vermont officials criticised the city on Monday.",
        "Vermont officials asked that the city reopen the library.",
    ],
)
def test_the_city_as_a_side_is_its_government(nlp: Any, text: str) -> None:
    # what "the city" does or is asked to do is done by its government, of its country
    (event,) = [e for e in candidates(nlp, text) if e.plover in ("ACCUSE", "REQUEST")]
    assert event.target is not None
    assert (event.target.country, event.target.sector) == ("USA", "GOV")


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # an army acting in the dateline's country: the residents are of that country
        ("Sweden's army shelled villagers in the valley on Monday.", "NOR"),
        # police act at home: the people they act on are of their country
        ("Swedish police opened fire on demonstrators on Monday.", "SWE"),
    ],
)
def test_civilians_acted_on_by_force_are_of_where_it_happens(
    nlp: Any, text: str, country: str
) -> None:
    article = Article(published=PUBLISHED, body=text, dateline="Bergen")
    coder = Coder(scorer=EventScorer.keep_all())
    events = [c.event for c in coder.candidates(nlp(text), article, None)]
    targets = [e.target for e in events if e.plover in ("COERCE", "ASSAULT")]
    assert targets and targets[0] is not None and targets[0].country == country


def test_the_one_sent_does_the_act_it_was_sent_for(nlp: Any) -> None:
    text = "Two Chilean inspectors were dispatched to the mine to investigate the spill."
    found = [e for e in candidates(nlp, text) if e.plover == "ACCUSE"]
    assert found and found[0].source is not None
    assert (found[0].source.text, found[0].source.country) == ("Two Chilean inspectors", "CHL")


@pytest.mark.parametrize(
    ("text", "thing"),
    [
        # a participle opening the sentence that the tagger read as a group of people
        ("Repeated delays have hampered the talks.", True),
        # a real group of people stays a side
        ("Kurdish fighters have hampered the talks.", False),
    ],
)
def test_a_verb_tagged_as_a_group_is_no_group(nlp: Any, text: str, thing: bool) -> None:
    from spacy.tokens import Span

    from dateline.events.distinct import is_thing
    from dateline.events.model import Participant
    from dateline.events.rules import default

    doc = nlp(text)
    doc.ents = [Span(doc, 0, 1, label="NORP")]
    end = doc[1].idx + len(doc[1].text)
    side = Participant(doc[0].text, doc[:2].text, None, None, None, 0, end, "actors", True, "NORP")
    assert is_thing(side, doc, default()) is thing


def test_the_object_of_an_adjective_of_stance_is_the_target(nlp: Any) -> None:
    text = "Togo's president was critical of Ghana's finance minister on Monday."
    targets = [e.target for e in candidates(nlp, text) if e.plover == "ACCUSE"]
    assert targets and targets[0] is not None and targets[0].country == "GHA"


def pairs_analyzed(text: str) -> set[tuple[str | None, str | None]]:
    """(source, target) countries of the events ``analyze`` gives, the actors stage included."""
    from dateline.pipeline import analyze

    record = analyze(text, published="2024-05-01").to_dict()
    return {
        ((e.get("source") or {}).get("country"), (e.get("target") or {}).get("country"))
        for e in record["events"]
    }


@pytest.mark.parametrize(
    "text",
    [
        # the deal is what both criticised, not something they did to each other
        "Chile and Peru criticised the deal on Monday.",
        "Chile and Peru condemned the compromise on Monday.",
        # "settlement" is also a village: two attackers of one are not each other's targets
        "Chile and Peru attacked a settlement near the border on Monday.",
    ],
)
def test_an_object_acted_on_together_is_no_act_between_the_actors(nlp: Any, text: str) -> None:
    pairs = pairs_analyzed(text)
    assert ("CHL", "PER") not in pairs and ("PER", "CHL") not in pairs, pairs


def test_a_deal_reached_together_goes_both_ways(nlp: Any) -> None:
    pairs = pairs_analyzed("Chile and Peru reached a compromise on Monday.")
    assert ("CHL", "PER") in pairs and ("PER", "CHL") in pairs, pairs


def test_conjoined_phrases_no_actor_stands_for_are_one_group(nlp: Any) -> None:
    text = "Chile will not free the miners and sailors who joined the mutiny."
    targets = {e.target.text for e in candidates(nlp, text) if e.target is not None}
    assert targets == {"the miners and sailors who joined the mutiny"}


def test_what_a_consultation_is_about_is_not_its_target(nlp: Any) -> None:
    text = "The Peruvian president discussed Bolivia with the Chilean foreign minister on Friday."
    consult = [e for e in candidates(nlp, text) if e.plover == "CONSULT"]
    assert consult and consult[0].target is not None and consult[0].target.country == "CHL"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Militias loyal to a jailed colonel released nine captives on Friday.", "Militias loyal"),
        ("Forty Red Dawn Front (RDF) guerrillas gave themselves up on Friday.", "Forty Red Dawn"),
        ("Dockers at the Verano terminal in Ghana walked out over pay.", "terminal in Ghana"),
    ],
)
def test_a_source_keeps_the_words_that_describe_it(nlp: Any, text: str, words: str) -> None:
    sources = [e.source.text for e in candidates(nlp, text) if e.source is not None]
    assert sources and all(words in s for s in sources)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("A Peruvian court convicted a Chilean smuggler and sentenced him to ten years.", "CHL"),
        ("The Chilean president called the Peruvian president today to congratulate him.", "PER"),
    ],
)
def test_an_object_pronoun_stands_for_the_object_before(nlp: Any, text: str, country: str) -> None:
    last = [e for e in candidates(nlp, text) if e.trigger in ("sentenced", "congratulate")]
    assert last and last[0].target is not None and last[0].target.country == country


def test_a_refusal_until_someone_acts_is_aimed_at_them(nlp: Any) -> None:
    text = "The Ghanaian president said he will not resume aid until Togo releases the journalists."
    reject = [e for e in candidates(nlp, text) if e.plover == "REJECT"]
    assert reject and reject[0].target is not None and reject[0].target.country == "TGO"


def test_returned_property_is_aimed_at_whom_it_goes_back_to(nlp: Any) -> None:
    text = "Spain returned a stolen gold mask to the government of Ghana."
    retreat = [e for e in candidates(nlp, text) if e.cameo == "0842"]
    assert retreat and retreat[0].target is not None
    assert retreat[0].target.text == "the government of Ghana"


def test_a_row_can_say_where_its_target_is(nlp: Any) -> None:
    text = "Some 800 Togolese villagers sought asylum in Ghana after the floods."
    request = [e for e in candidates(nlp, text) if e.plover == "REQUEST"]
    assert request and request[0].target is not None and request[0].target.country == "GHA"


def test_the_thing_attacked_where_the_sentence_places_it_keeps_its_words(nlp: Any) -> None:
    text = "Rebel militiamen torched a hamlet farther south in Niger on Sunday."
    assault = [e for e in candidates(nlp, text) if e.plover == "ASSAULT"]
    assert assault and assault[0].target is not None
    assert (assault[0].target.text, assault[0].target.country) == ("a hamlet", "NER")


@pytest.mark.parametrize(
    ("text", "plover", "side", "words"),
    [
        # a floating quantifier says how many act; it is no word of the last actor (each
        # conjunct's words are the whole coordination's)
        (
            "Peruvian Foreign Minister Ana Sosa and Chilean Foreign Minister Rosa Lugo both called"
            " for restraint.",
            "REQUEST",
            "source",
            "Peruvian Foreign Minister Ana Sosa and Chilean Foreign Minister Rosa Lugo",
        ),
        # "accused X of <doing>": what X did is the accusation, not X's words
        (
            "Ghanaian President Kofi Aidoo accused Togolese patrol boats of chasing and spraying"
            " foam at a Ghanaian ferry off the coast on Friday.",
            "ACCUSE",
            "target",
            "Togolese patrol boats",
        ),
    ],
)
def test_what_is_said_of_an_actor_is_no_part_of_its_words(
    nlp: Any, text: str, plover: str, side: str, words: str
) -> None:
    assert words in side_words(nlp, text, plover, side)


def test_a_coordinated_side_keeps_the_whole_coordination(nlp: Any) -> None:
    # PLV and PLOVER mark "X and Y" as one side; each conjunct stays its own actor
    text = "Peru and Chile condemned the attack on a Bolivian border post."
    accuse = [e for e in candidates(nlp, text) if e.plover == "ACCUSE"]
    assert {e.source.country for e in accuse if e.source} == {"PER", "CHL"}
    assert all(e.source is not None and e.source.text == "Peru and Chile" for e in accuse)


def test_a_symmetric_act_within_a_coordination_keeps_each_conjunct(nlp: Any) -> None:
    text = "Peru and Chile met in Lima on Monday."
    consult = [e for e in candidates(nlp, text) if e.plover == "CONSULT"]
    assert consult
    assert {(e.source.text, e.target.text) for e in consult if e.source and e.target} >= {
        ("Peru", "Chile")
    }


def test_members_fighting_an_object_together_do_not_fight_each_other(nlp: Any) -> None:
    text = "Peru and Chile fought the locust swarms along their border last week."
    pairs = {
        (e.source.text, e.target.text)
        for e in candidates(nlp, text)
        if e.plover == "ASSAULT" and e.source and e.target
    }
    assert ("Peru", "Chile") not in pairs and ("Chile", "Peru") not in pairs
    # without an object they fought each other
    text = "Peru and Chile fought along their border last week."
    pairs = {
        (e.source.text, e.target.text)
        for e in candidates(nlp, text)
        if e.plover == "ASSAULT" and e.source and e.target
    }
    assert ("Peru", "Chile") in pairs


def test_he_or_she_is_the_person_the_actors_stage_resolved(nlp: Any) -> None:
    text = (
        "Chile's foreign ministry condemned the raid on Monday. President Ana Ruiz, who took "
        "office in May, is expected to visit the border next week. She has ordered the army "
        "to reinforce patrols."
    )
    orders = [e for e in candidates(nlp, text) if e.trigger == "ordered"]
    assert orders and all(e.source is not None for e in orders)
    assert {(e.source.name, e.source.text) for e in orders if e.source} == {("Ana Ruiz", "She")}


def test_a_thing_in_the_reported_clause_does_not_speak(nlp: Any) -> None:
    # the parser hangs "warned" on the reported clause, whose subject is a boat
    text = (
        "Spokeswoman Mai Lan said in Hanoi that the Chilean trawler had caused the clash and"
        " warned Santiago to stop meddling."
    )
    sources = [e.source for e in candidates(nlp, text) if e.plover == "REQUEST"]
    assert sources and sources[0] is not None
    assert (sources[0].text, sources[0].country) == ("Spokeswoman Mai Lan", "VNM")


def test_an_agent_after_a_preposition_is_the_target_without_a_country(nlp: Any) -> None:
    # no country is named for the police, yet they are whom the rebels surrendered to
    text = "A dozen bandits surrendered to the police at dawn."
    assert "the police" in side_words(nlp, text, "RETREAT", "target")


def test_actors_sharing_a_phrase_keep_their_own_words_when_they_meet(nlp: Any) -> None:
    text = "Peruvian and Chilean officials met in Lima on Monday."
    consult = [e for e in candidates(nlp, text) if e.plover == "CONSULT"]
    pairs = {(e.source.text, e.target.text) for e in consult if e.source and e.target}
    assert ("Peruvian", "Chilean officials") in pairs


def test_an_organisations_agent_named_through_its_is_the_organisation(nlp: Any) -> None:
    text = "The African Union said it would send its special envoy to Lima."
    targets = [e.target for e in candidates(nlp, text) if e.target is not None]
    assert [(t.text, t.code, t.country) for t in targets][:1] == [
        ("its special envoy", "IGOAFRAFU", None)
    ]


@pytest.mark.parametrize(
    "text",
    [
        # the parser reads "called" as a participle on the noun ("a report [that was] called")
        "A Danish committee report called for fresh sanctions against Ghana over its jails.",
        "Ingrid Moe, a retired Danish diplomat, called for sanctions against Ghana.",
    ],
)
def test_the_only_clause_of_a_verbless_sentence_is_its_main_verb(nlp: Any, text: str) -> None:
    assert side_words(nlp, text, "THREATEN", "target") == ["Ghana"]


def test_cooperation_between_two_actors_is_their_act(nlp: Any) -> None:
    text = "Cooperation between Peru and Chile on fisheries was strengthened this week."
    events = [e for e in candidates(nlp, text) if e.plover == "COOPERATE"]
    assert [(e.source.text, e.target.text) for e in events if e.source and e.target] == [
        ("Peru", "Chile")
    ]


def test_a_counterpart_is_the_person_named_not_the_owner(nlp: Any) -> None:
    # the owner "his" stands for is the other side; the counterpart's country is the
    # demonym's, and the person named beside the title gives the sector
    text = (
        "Norwegian Foreign Minister Jon Berg and his Chilean counterpart Carlos Mendoza "
        "discussed trade."
    )
    sides = {
        (e.source.text, e.source.code)
        for e in coded(nlp, text)
        if e.plover == "CONSULT" and e.source is not None
    }
    assert ("his Chilean counterpart Carlos Mendoza", "CHLGOV") in sides


def test_a_region_is_no_country(nlp: Any) -> None:
    # "American" inside "South American" is a word of the region, not the United States
    text = "Peru said it hopes to conclude talks with other South American countries."
    targets = [e.target for e in coded(nlp, text) if e.target is not None]
    assert targets and all(t.country != "USA" for t in targets)


def test_it_after_a_thing_subject_is_that_thing(nlp: Any) -> None:
    # "it" stands for the thing its clause's coordinated subject names, not the last actor
    before = "Chilean police seized a pamphlet on Monday. "
    thing = candidates(nlp, before + "The pamphlet is short, yet it criticises Peru's government.")
    assert [e.source for e in thing if e.plover == "ACCUSE"] == [None]
    agent = candidates(nlp, before + "The ministry is small, yet it criticised Peru's government.")
    sources = [e.source for e in agent if e.plover == "ACCUSE"]
    assert sources and sources[0] is not None and sources[0].text == "The ministry"


def test_it_after_a_person_acting_on_a_thing_is_that_thing(nlp: Any) -> None:
    # a person is never "it": after "the minister welcomed the plan", "it" is the plan
    text = "The Irish minister praised the accord, saying it would help farms compete with Spain."
    assert [e.plover for e in coded(nlp, text) if e.modality == "asserted"] == ["SUPPORT"]
    text = "The Irish ministry praised the accord, saying it would send aid to Spain."
    assert any(e.source is not None and e.source.country == "IRL" for e in coded(nlp, text))


def test_whom_a_suit_is_against_keeps_only_its_own_words(nlp: Any) -> None:
    # what the sued are said to have done is no part of them ("sue" is a verb of charging)
    text = "The Ghanaian government sued a Dutch firm for selling data to a Chinese bank."
    (suit,) = [e for e in coded(nlp, text) if e.plover == "ACCUSE"]
    assert suit.target is not None and suit.target.text == "a Dutch firm"


def test_a_persons_own_body_is_of_the_persons_country(nlp: Any) -> None:
    # "his ministry": Chile's, not the country of the place where he speaks
    text = "Chilean Mining Minister Jorge Reyes said in Lima that his ministry had offered help."
    sources = [e.source for e in coded(nlp, text) if e.source is not None]
    assert any(s.text == "his ministry" and s.code == "CHLGOV" for s in sources)


def test_forces_a_teller_calls_its_own_are_of_the_tellers_country(nlp: Any) -> None:
    # "its forces" as the subject of what the ministry said: Chile's, not of the country
    # the story is filed from
    text = "Chile's defence ministry said its forces had shelled an airstrip near the border."
    doc, article = nlp(text), Article(published=PUBLISHED, body=text, dateline="La Paz")
    events = code_events(doc, article, find_actors(doc, article), all_modalities=True)
    sources = [e.source for e in events if e.source is not None]
    assert [s.country for s in sources if s.text == "its forces"] == ["CHL"]


@pytest.mark.parametrize(
    ("giver", "country"),
    [("Ghana", "GHA"), ("The African Union", None)],
)
def test_aid_to_no_one_named_goes_to_the_country_the_article_is_about(
    nlp: Any, giver: str, country: str | None
) -> None:
    text = (
        "Floods struck northern Togo this week. Togo's government said 40 people had died. "
        f"{giver} pledged 3 million euros in emergency aid on Friday."
    )
    doc = nlp(text)
    article = Article(published=PUBLISHED, body=text)
    aid = [e for e in code_events(doc, article, find_actors(doc, article)) if e.plover == "AID"]
    assert aid and aid[0].source is not None and aid[0].source.country == country
    assert aid[0].target is not None and aid[0].target.country == "TGO"


@pytest.mark.parametrize("aimed", ["hundreds of students", "the students", "student marchers"])
def test_the_things_fired_are_the_means_and_whom_they_are_fired_at_the_target(
    nlp: Any, aimed: str
) -> None:
    # the lexicon row names one of the things fired; the other is no target either
    text = f"Riot police fired rubber bullets and tear gas at {aimed} in Zenda on Monday."
    targets = side_words(nlp, text, "ASSAULT", "target")
    assert targets and all(t is not None and t.startswith(aimed) for t in targets)


@pytest.mark.parametrize(
    ("sentence", "charged"),
    [
        ("The minister accused the rebel groups of trying to seize the port.", "the rebel groups"),
        ("The union blamed the mine's owners for failing to pay wages.", "the mine's owners"),
    ],
)
def test_the_one_charged_is_the_target_without_what_they_are_charged_with(
    nlp: Any, sentence: str, charged: str
) -> None:
    assert side_words(nlp, sentence, "ACCUSE", "target") == [charged]


def test_the_agent_of_a_passive_charge_is_the_source_without_the_charge(nlp: Any) -> None:
    text = "Bolivia has been accused by rights groups of arming militias in the north."
    assert side_words(nlp, text, "ACCUSE", "source") == ["rights groups"]


@pytest.mark.parametrize(
    "text",
    [
        (
            "The Kenyan president accused Ugandan troops of shelling a border village on Monday, "
            "killing four farmers."
        ),
        "Kenya's president accused Ugandan troops of shelling a village, killing four farmers.",
    ],
)
def test_a_participle_after_a_charge_is_part_of_what_the_charged_did(nlp: Any, text: str) -> None:
    kill = [e for e in candidates(nlp, text) if e.trigger == "killing"]
    assert kill and kill[0].modality == "hypothetical"  # alleged, not reported as done
    # the one charged did it (or no one the parse can tell), never the one charging
    assert kill[0].source is None or kill[0].source.text == "Ugandan troops"


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("The Latvian prime minister met union leaders in Riga on Monday.", "LAB"),
        ("The Latvian prime minister met party officials in Riga on Monday.", "PTY"),
        ("The Latvian prime minister met army chiefs in Riga on Monday.", "MIL"),
        # a title of its own keeps its sector: a police minister is a minister
        ("The Latvian prime minister met the police minister in Riga on Monday.", "GOV"),
    ],
)
def test_people_who_only_belong_to_a_body_are_of_its_sector(
    nlp: Any, text: str, sector: str
) -> None:
    targets = [e.target for e in candidates(nlp, text) if e.plover == "CONSULT"]
    assert targets and targets[0] is not None and targets[0].sector == sector


@pytest.mark.parametrize(
    "text",
    [
        "Latvian and Estonian troops exchanged fire along the border overnight.",
        "Latvia and Estonia traded accusations on Monday.",
    ],
)
def test_an_exchange_between_conjoined_sides_goes_both_ways(nlp: Any, text: str) -> None:
    pairs = {
        (e.source.country, e.target.country)
        for e in coded(nlp, text)
        if e.source is not None and e.target is not None
    }
    assert pairs == {("LVA", "EST"), ("EST", "LVA")}


def test_both_sides_are_the_two_countries_named_just_before(nlp: Any) -> None:
    text = (
        "Latvia and Estonia clashed on their border on Monday. "
        "The United Nations urged both sides to exercise restraint."
    )
    asked = [e for e in coded(nlp, text) if e.plover == "REQUEST"]
    assert {e.target.country for e in asked if e.target is not None} == {"LVA", "EST"}
    assert all(e.target is not None and e.target.text == "both sides" for e in asked)


def test_the_authorities_are_the_government_of_where_the_news_is(nlp: Any) -> None:
    # plural officials may be anyone's, but "the authorities" are the local government
    text = (
        "Police in Caracas detained 12 journalists on Monday.\n\n"
        "A press freedom group urged the authorities to free the reporters."
    )
    (urge,) = [e for e in coded(nlp, text) if e.plover == "REQUEST"]
    assert urge.target is not None
    assert (urge.target.text, urge.target.country) == ("the authorities", "VEN")


@pytest.mark.parametrize(
    ("condemnation", "target"),
    [
        ("Peru condemned the attack.", "ECU"),
        ("The UN Security Council denounced the raid on Monday.", "ECU"),
        # the doer's own state does not condemn its strike
        ("Ecuador condemned the attack.", None),
        # a deed whose doer is named is aimed at that doer
        ("Peru condemned the raid by Colombian police.", "COL"),
    ],
)
def test_a_condemned_deed_is_addressed_to_its_doer_told_before(
    nlp: Any, condemnation: str, target: str | None
) -> None:
    text = f"Ecuadorian troops shelled a village in southern Colombia.\n\n{condemnation}"
    (accuse,) = [e for e in coded(nlp, text) if e.plover == "ACCUSE"]
    assert (accuse.target.country if accuse.target else None) == target


def test_a_pronoun_after_a_wire_dateline_stands_for_the_nearer_subject(nlp: Any) -> None:
    # the parser reads the dateline's city as a first subject of "said"; "it" is the army
    text = "LOME (Wire) - Togo's army said on Monday it had repelled an attack on the town of Kara."
    assert _first_source(nlp, text, "ASSAULT") == "Togo's army"


def test_a_past_act_joined_to_a_past_perfect_report_is_the_tellers(nlp: Any) -> None:
    # "said X had fired first and accused Y": the accusing goes with the telling
    text = (
        "A Togolese army spokesman said Ghanaian troops had fired first and accused Accra of "
        "violating Togo's border."
    )
    assert side_words(nlp, text, "ACCUSE", "source") == ["A Togolese army spokesman"]


def test_a_dateline_the_parser_cut_into_sentences_is_no_part_of_a_side(nlp: Any) -> None:
    # "<TOWN>, Calif." ends in a period: the dateline's state abbreviation is no part of the side
    text = (
        "Police arrest suspect in shooting\n\nBRAMFORD, Calif. - Police on Saturday arrested a "
        "19-year-old man suspected of opening fire at a shopping mall, authorities said."
    )
    assert _first_source(nlp, text, "COERCE") == "Police"


def _first_source(nlp: Any, text: str, plover: str) -> str | None:
    """The source words of the first asserted event of a type, with the real actors stage."""
    doc = nlp(text)
    article = Article(published=PUBLISHED, body=text)
    got = [e for e in code_events(doc, article, find_actors(doc, article)) if e.plover == plover]
    return got[0].source.text if got and got[0].source is not None else None


def test_an_amount_taken_is_no_target(nlp: Any) -> None:
    # "fined X $5 million": the amount is what is taken; X is whom the act is done to
    text = "Chilean regulators fined the Peruvian mining company $5 million on Monday."
    assert side_words(nlp, text, "COERCE", "target") == ["the Peruvian mining company"]


def test_a_foreign_source_acts_on_the_home_government(nlp: Any) -> None:
    """In an article about one country, a foreign state's act on "the government" is aimed at
    that country's government (its own it would name); its own forces it orders stay its."""
    text = (
        "Malawi's courts jailed two opposition leaders this week, and Malawi's opposition "
        "called the rulings political. Canada urged the government on Tuesday to respect "
        "their rights. Mozambique's defence minister ordered the army to leave the border."
    )
    doc = nlp(text)
    article = Article(published=PUBLISHED, body=text)
    events = code_events(doc, article, find_actors(doc, article), all_modalities=True)
    targets = {(e.target.text, e.target.country) for e in events if e.target is not None}
    assert ("the government", "MWI") in targets
    assert ("the army", "MOZ") in targets


def test_a_subject_the_parse_joined_to_the_clause_before(nlp: Any) -> None:
    """ "X gathered outside the court and police fired ...": the parse reads "police" as one
    more place they gathered outside; it is who fired, alone."""
    text = (
        "Hundreds of farmers gathered outside the court and police fired tear gas to "
        "disperse them, witnesses said."
    )
    assert side_words(nlp, text, "ASSAULT", "source") == ["police"]


def test_a_rate_on_the_object_is_no_target(nlp: Any) -> None:
    """ "tariffs *of 25%* on imported cars": the rate is what is imposed, never on whom."""
    text = "Peru imposed tariffs of up to 25% on imported cars on Friday."
    assert side_words(nlp, text, "SANCTION", "target") == ["imported cars"]


def test_a_violent_act_joined_to_a_reported_past_perfect_is_the_clause_subjects(
    nlp: Any,
) -> None:
    """ "X said rebels had shelled the town and killed four": the killing is the rebels', not
    the teller's, though the tagger reads "killed" as a simple past."""
    text = "The governor said rebels had shelled the town and killed four civilians."
    assert side_words(nlp, text, "ASSAULT", "source") == ["rebels", "rebels"]


def test_a_verb_the_parser_hung_on_an_apposition_is_the_sentences_own(nlp: Any) -> None:
    # "X, a candidate for the party, called on Y": parsed as a clause on "party", in a
    # sentence with no verb of its own; its past tense is no participle's, and X acts
    text = (
        "Quito Mayor Pabel Munoz, a candidate for the leftist Citizen Revolution party, called "
        "on the Ecuadorean president to declare a state of emergency."
    )
    doc = nlp(text)
    assert next(t for t in doc if t.text == "called").dep_ == "acl"  # the misparse
    e = one([e for e in code(nlp, text, actors="real") if e.plover == "REQUEST"])
    assert e.source is not None and e.source.text.startswith("Quito Mayor Pabel Munoz")


def test_the_bare_noun_is_the_actor_named_with_it_just_before(nlp: Any) -> None:
    # "the ministry" after "Chile's foreign ministry": that ministry, not the article's home
    # nor a country the sentence names as a place
    text = (
        "LIMA, March 3 (Wire) - Peru and Bolivia signed a trade pact on Monday.\n\n"
        "Chile's foreign ministry criticised the pact on Monday. A spokesman said the ministry "
        "condemned the pact as a provocation to exporters in Argentina."
    )
    sources = [e.source for e in code(nlp, text, actors="real") if e.plover == "ACCUSE"]
    assert ("the ministry", "CHL") in {(s.text, s.country) for s in sources if s is not None}


# -- group phrases standing for a pair ("the two leaders", "both governments") -----------------


def _sides(events: list[Event], plover: str, side: str) -> set[tuple[str, str | None]]:
    found = [getattr(e, side) for e in events if e.plover == plover]
    return {(p.text, p.code) for p in found if p is not None}


@pytest.mark.parametrize(
    ("text", "plover", "side", "phrase"),
    [
        # a coordination in the sentence before: the two leaders are its states' governments
        (
            "Ghana and Togo signed a fisheries accord on Tuesday. "
            "The two leaders also agreed to hold a summit in March.",
            "AGREE",
            "source",
            "The two leaders",
        ),
        # two sentences back, across a paragraph
        (
            "Ghana and Togo closed their border crossings on Monday. "
            "Traders said queues of lorries stretched for miles.\n\n"
            "The African Union urged both governments to reopen the crossings.",
            "REQUEST",
            "target",
            "both governments",
        ),
        # the two sides of an act done together: the two people who met
        (
            "Ghanaian President John Mensah met Togolese Prime Minister Victoria Dogbe in Lome. "
            "The two men discussed border security.",
            "CONSULT",
            "source",
            "The two men",
        ),
        # no coordination: the two people the sentences before name alone as subjects
        (
            "Ghanaian President John Mensah arrived in Lome on Monday. "
            "Togolese Prime Minister Victoria Dogbe received him at the airport.\n\n"
            "The two leaders signed a fisheries accord on Tuesday.",
            "SUPPORT",
            "source",
            "The two leaders",
        ),
    ],
)
def test_a_group_phrase_stands_for_the_pair_named_before(
    nlp: Any, text: str, plover: str, side: str, phrase: str
) -> None:
    events = [e for e in coded(nlp, text) if e.modality == "asserted"]
    assert {(phrase, "GHAGOV"), (phrase, "TGOGOV")} <= _sides(events, plover, side)


def test_a_group_phrase_of_another_kind_stands_for_no_one(nlp: Any) -> None:
    # two states are no "two men"; two people of one country are no "two countries"
    text = (
        "Ghana and Togo signed a fisheries accord on Tuesday. "
        "The two men also agreed to hold a summit in March."
    )
    assert not [p for p in _sides(coded(nlp, text), "AGREE", "source") if p[1]]
    text = (
        "Ghanaian Finance Minister Kofi Mensah and Ghanaian Trade Minister Ama Owusu "
        "signed a loan accord on Tuesday. "
        "The European Union praised the two countries on Wednesday."
    )
    assert not [p for p in _sides(coded(nlp, text), "SUPPORT", "target") if p[1]]


def test_a_pair_does_not_act_on_itself_as_both_sides(nlp: Any) -> None:
    # the coordination is the subject of the very verb "both sides" is the object of
    text = "Ghana and Togo urged both sides in the Malian conflict to accept a truce."
    targets = _sides(coded(nlp, text), "REQUEST", "target")
    assert targets and not [p for p in targets if p[1] in ("GHA", "TGO")]
