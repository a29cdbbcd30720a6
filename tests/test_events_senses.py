"""What act a sentence codes, among the coder's candidates with the real actors stage, on our
own invented sentences: the sense a verb or noun takes in its phrase (judging words,
invitations, appeals to ease, general lexicon rows and their CAMEO codes), and the words that
are no act of their own (a contact that is only the means, a reporting verb with a clause, a
date after "on"). Who the sides of an act are is in ``test_events_sides.py``."""

from __future__ import annotations

from typing import Any

import pytest

from dateline.events import code_events
from dateline.model import Article
from event_helpers import PUBLISHED, candidates, nlp, side_words

__all__ = ["nlp"]  # the fixture, shared from event_helpers


def test_a_contact_made_to_do_another_act_is_only_its_means(nlp: Any) -> None:
    text = (
        "The Chilean ambassador telephoned the Peruvian ministry on Monday to protest the "
        "arrest of two Chilean fishermen."
    )
    assert "CONSULT" not in {e.plover for e in candidates(nlp, text)}
    # a contact to do an act of its own kind stays: the call is the consultation
    text = "The Chilean ambassador telephoned the Peruvian minister on Monday to discuss trade."
    assert side_words(nlp, text, "CONSULT", "target").count("the Peruvian minister") == 1


def test_what_a_protest_demands_is_its_aim_not_another_act(nlp: Any) -> None:
    text = (
        "Chilean fishermen blocked the port of Valparaiso on Monday, demanding higher catch "
        "quotas from the government."
    )
    assert {e.plover for e in candidates(nlp, text)} == {"PROTEST"}


def test_a_reporting_verb_with_its_own_act_noun_is_an_act(nlp: Any) -> None:
    text = "Bolivia declared a one-sided truce on Sunday."
    doc = nlp(text)
    events = code_events(doc, Article(published=PUBLISHED, body=text), None)
    assert [e.cameo for e in events] == ["0871"]


def test_a_reporting_verb_with_a_clause_is_no_act(nlp: Any) -> None:
    text = "Peru declared that the ceasefire would hold."
    assert not [e for e in candidates(nlp, text) if e.trigger.startswith("declared")]


def test_a_date_after_on_is_no_call_on(nlp: Any) -> None:
    text = "The Chilean president called the Peruvian leader on Monday to congratulate him."
    assert "REQUEST" not in {e.plover for e in candidates(nlp, text)}


def test_a_shortened_curfew_is_a_concession(nlp: Any) -> None:
    text = "Niger's army chief shortened the evening curfew in Agadez by an hour on Friday."
    assert "0813" in {e.cameo for e in candidates(nlp, text)}


@pytest.mark.parametrize(
    "text",
    [
        "Niger's junta on Friday called a three-day cease-fire in the north.",
        "The junta in Niger declared a cessation of hostilities across the north.",
    ],
)
def test_a_hyphenated_or_worded_ceasefire_is_one(nlp: Any, text: str) -> None:
    assert "0871" in {e.cameo for e in candidates(nlp, text)}


def test_a_participle_telling_what_an_attack_did_is_the_same_attack(nlp: Any) -> None:
    text = "Rebel fighters stormed a police post in northern Chad on Monday, killing five officers."
    assault = [e for e in candidates(nlp, text) if e.plover == "ASSAULT"]
    assert assault and all(e.trigger == "stormed" for e in assault)
    assert assault[0].target is not None and "police post" in assault[0].target.text


def test_beating_a_rival_is_winning_not_an_assault(nlp: Any) -> None:
    # a candidate, a party's people or a team beaten is an election or a match won
    text = "Ann Holt beat her Republican rival on Tuesday."
    assert not [e for e in candidates(nlp, text) if e.plover == "ASSAULT"]
    text = "Chilean police beat two protesters on Monday."
    assert [e for e in candidates(nlp, text) if e.plover == "ASSAULT"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("An Icelandic senator has called for sanctions on the cartel's shipping firms.", "1312"),
        ("Farm groups appealed for an easing of the embargo on Cuba.", "0254"),
    ],
)
def test_an_appeal_to_ease_names_the_easing(nlp: Any, text: str, code: str) -> None:
    codes = {e.cameo for e in candidates(nlp, text)}
    assert code in codes and (code == "0254" or "0254" not in codes)


def test_opening_borders_to_people_is_asylum(nlp: Any) -> None:
    text = "Ghana has opened its borders to thousands fleeing the floods in Togo."
    assert "075" in {e.cameo for e in candidates(nlp, text)}


def test_money_given_to_someone_is_aid(nlp: Any) -> None:
    text = "Norway gave $3 million to the flood victims in Chad on Tuesday."
    aid = [e for e in candidates(nlp, text) if e.cameo == "071"]
    assert aid and aid[0].target is not None and aid[0].target.country == "TCD"


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        ("A Swiss bishop condemned Sunday's terrorist attack on a bus depot in Quito.", "ACCUSE"),
        ("Ghana's foreign minister defended Togo against charges of vote rigging.", "SUPPORT"),
        ("A Chilean expert welcomed the ministry's attempt to reform the police.", "SUPPORT"),
        ("The Danish premier welcomed the new sanctions package on Monday.", "SUPPORT"),
        ("Kenya's poll chief defended the handling of the tally in Nakuru.", "SUPPORT"),
        ("The Kenyan president welcomed Uganda's leader in Nairobi.", "CONSULT"),
        ("Ugandan state media welcomed the new duties on Kenyan sugar.", "SUPPORT"),
    ],
)
def test_judging_words_keep_their_sense(nlp: Any, text: str, plover: str) -> None:
    coded = [e for e in candidates(nlp, text) if e.rule.startswith("curated")]
    assert coded and coded[0].plover == plover


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Kenya invited the rebels to lay down their weapons.", "020"),
        ("Kenya invited the rebels to join talks in Nairobi.", "036"),
    ],
)
def test_an_invitation_to_act_is_an_appeal_and_one_to_meet_an_offer(
    nlp: Any, text: str, cameo: str
) -> None:
    invite = [e for e in candidates(nlp, text) if e.trigger == "invited"]
    assert invite and invite[0].cameo == cameo


def test_launched_warfare_is_force(nlp: Any) -> None:
    text = "Togo launched electronic warfare against Ghana's grid."
    assert "190" in {e.cameo for e in candidates(nlp, text)}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Ghana will not accept more refugees fleeing Togo.", "122"),
        ("Ministers failed to renew the weapons embargo against Togo on Monday.", "085"),
        # challenging what someone said or decided is a disapproval (petrarch2's CHALLENGE)
        ("Togo's cabinet challenged claims that its troops had looted a market.", "110"),
        # military equipment delivered is military aid (CAMEO 072), however much of it
        ("Norway has supplied the bulk of the military equipment in Ghana's arsenal.", "072"),
        # releasing people of any kind, not only prisoners (CAMEO 0841)
        ("On Thursday Togo ordered the release of a Ghanaian cycling team.", "0841"),
        # more troops where they stand is increasing armed forces (CAMEO 154), not a coercion
        ("Togo has beefed up its garrison near the northern frontier.", "154"),
        # sending more forces, or reinforcements, is increasing them (CAMEO 154)
        ("Togo sent additional soldiers to the islands on Monday.", "154"),
        ("Togo sent reinforcements to the northern frontier on Monday.", "154"),
        # putting or bringing an end to a strike or to fighting is ending it
        ("Togo's dockers put an end to their strike on Monday.", "08"),
        ("Togo's army brought an end to the fighting on Monday.", "0871"),
        # an adjective after a copula says the act ("was critical of", "is supportive of")
        ("Togo's president was critical of the Ghanaian decision on Monday.", "111"),
        ("Togo's chiefs are supportive of the Ghanaian president.", "051"),
    ],
)
def test_general_lexicon_rows_give_their_codes(nlp: Any, text: str, code: str) -> None:
    assert code in {e.cameo for e in candidates(nlp, text)}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("A Quito judge ordered the detention of an ex-mayor over bribery.", "173"),
        ("A judge in Quito issued a warrant for the arrest of a fugitive mayor.", "173"),
        ("Police in Lima detained dozens of demonstrators on Monday.", "173"),
        ("The opposition parties boycotted the vote on Sunday.", "143"),
    ],
)
def test_legal_action_and_boycotts(nlp: Any, text: str, code: str) -> None:
    coded = [e for e in candidates(nlp, text) if e.rule.startswith(("curated", "petrarch2"))]
    assert coded and coded[0].cameo == code


def test_troops_deployed_as_peacekeepers_are_protection(nlp: Any) -> None:
    text = "Ghana has deployed 300 soldiers as peacekeepers in Mali."
    assert "074" in {e.cameo for e in candidates(nlp, text)}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The Chilean president will meet the Peruvian president in Lima next month.", "036"),
        ("Under the accord, a Chilean agency will train Peruvian farmers next year.", None),
    ],
)
def test_a_future_cooperative_act_is_an_intention(nlp: Any, text: str, code: str | None) -> None:
    events = candidates(nlp, text)
    assert not [e for e in events if e.modality == "asserted"]  # planned: not reported done
    assert (code in {e.cameo for e in events}) if code else "033" not in {e.cameo for e in events}


def test_revealing_reports_the_act_it_carries(nlp: Any) -> None:
    text = (
        "Chile has offered to send engineers to help Peru rebuild its ports, Foreign Minister"
        " Ana Soto has revealed."
    )
    types = {e.plover for e in candidates(nlp, text)}
    assert "AGREE" in types and "SUPPORT" not in types


def test_a_hyphenated_verb_is_its_own_entry(nlp: Any) -> None:
    text = "Zenthia test-fired a ballistic missile on Monday."
    assert {e.plover for e in candidates(nlp, text)} == {"MOBILIZE"}


@pytest.mark.parametrize(
    "text",
    [
        "The labour minister called the strike illegal on Monday.",
        "The governor called the protest unlawful and urged calm.",
        "The opposition called the operation an abuse of power.",
    ],
)
def test_what_a_verb_judges_its_object_to_be_is_no_act_the_object_names(
    nlp: Any, text: str
) -> None:
    # "called the strike illegal" calls no strike: the object is only what is judged
    assert not {"PROTEST", "ASSAULT"} & {e.plover for e in candidates(nlp, text)}


@pytest.mark.parametrize(
    "verb", ["declined to confirm", "refused to elaborate on", "declined to name"]
)
def test_declining_to_tell_more_is_no_comment_not_a_rejection(nlp: Any, verb: str) -> None:
    # no comment (CAMEO 011) is a statement, which the record leaves out: no rejection either
    text = f"Ghana's foreign ministry spokesman {verb} the ban at a daily briefing."
    assert "REJECT" not in {e.plover for e in candidates(nlp, text)}


def test_what_talks_went_over_is_their_topic_not_another_act(nlp: Any) -> None:
    text = (
        "Ghana's president and his Togolese counterpart held talks on Monday, "
        "discussing trade, investment and border security."
    )
    assert {e.plover for e in candidates(nlp, text)} == {"CONSULT"}


def test_the_means_an_attack_was_done_with_is_no_act_of_its_own(nlp: Any) -> None:
    # petrarch2 codes "use aircraft/drones" 090; as the means of a coded act it is that act
    text = "Togolese rebels attacked the border post at dawn, using drones and mortars."
    assert {e.plover for e in candidates(nlp, text)} == {"ASSAULT"}


@pytest.mark.parametrize(
    ("text", "types"),
    [
        # a text released, goods ordered, a tender bid for: no act between actors
        ("The Chilean interior ministry released a statement on Monday.", set()),
        ("Peruvian police released a video on Tuesday.", set()),
        ("Bolivia released large volumes of water from the dam on Thursday.", set()),
        ("Chile's flag carrier ordered 40 jets on Thursday.", set()),
        ("A Peruvian company had also bid for the contract.", set()),
        ("Bolivia released 12 Chilean soldiers on Friday.", {"RETREAT"}),  # people are freed
        # "for" with a gerund meets the row that asks for "for", as "for its policy" does
        (
            "The Chilean president attacked the Peruvian minister for cutting copper exports.",
            {"ACCUSE"},
        ),
        # weapons launched or thrown at someone, force in response: assaults
        ("Chilean rebels launched drones at Peruvian army positions on Saturday.", {"ASSAULT"}),
        ("Chilean protesters threw bottles and flares at Peruvian police on Sunday.", {"ASSAULT"}),
        ("Peruvian police responded with tear gas and water cannon on Sunday.", {"ASSAULT"}),
        ("Peru launched two ballistic missiles into the sea on Monday.", {"MOBILIZE"}),  # at no one
    ],
)
def test_the_sense_a_verb_takes_with_its_object_and_preposition(
    nlp: Any, text: str, types: set[str]
) -> None:
    assert {e.plover for e in candidates(nlp, text)} == types


def test_winning_a_vote_or_a_contest_is_no_act_between_actors(nlp: Any) -> None:
    text = "The Chilean president won a confidence vote in parliament on Tuesday."
    assert candidates(nlp, text) == []


def test_released_workers_are_people_freed_not_funds(nlp: Any) -> None:
    # "aid" modifying the workers freed names no funds
    text = "Rebels in Mali released three foreign aid workers on Friday."
    assert {e.cameo for e in candidates(nlp, text)} == {"0841"}


def test_trade_talks_opened_are_talks_between_the_two(nlp: Any) -> None:
    text = "Chile and Peru opened trade talks in Lima on Tuesday."
    got = {(e.plover, e.source and e.source.country) for e in candidates(nlp, text)}
    assert got == {("CONSULT", "CHL"), ("CONSULT", "PER")}


@pytest.mark.parametrize(
    ("text", "blamed"),
    [
        ("A Chilean senator called the Peruvian tariffs illegal on Tuesday.", True),
        ("The Bolivian minister called the Chilean vote a sham.", True),
        ("Peru's foreign minister described the Chilean decree as a betrayal.", True),
        # one list of blame words for naming and for reported judgments (words.tsv)
        ("A Chilean senator called the Peruvian plan dangerous and corrupt.", True),
        ("The Bolivian lawyer called the Chilean court's verdict a grave injustice.", True),
        ("A Peruvian senator called the Chilean arrests unjustified.", True),
        ("A Chilean senator called the Peruvian ruling a victory for free speech.", False),
        # the name told in passing in a clause on the noun: no judgment of its own
        ("Peru condemned the Chilean decree, a move it called illegal, on Monday.", False),
    ],
)
def test_naming_an_act_with_a_word_of_blame_is_criticism(nlp: Any, text: str, blamed: bool) -> None:
    rules = {e.rule for e in candidates(nlp, text) if e.cameo == "111"}
    assert any(r.endswith("blame") for r in rules) == blamed


def test_what_a_vehicle_sent_carries_is_what_is_sent(nlp: Any) -> None:
    for text in (
        "Chile sent two navy ships carrying medicine to Peru on Wednesday.",
        "Peru sent ten trucks loaded with food to the flooded Bolivian towns.",
    ):
        assert "073" in {e.cameo for e in candidates(nlp, text)}, text


@pytest.mark.parametrize(
    "text",
    [
        "Chile hit Peruvian wine with duties of up to 30% on Monday.",
        "Chile imposed anti-dumping duties on Peruvian steel on Monday.",
        "Peru slapped a new levy on Chilean fruit imports.",
    ],
)
def test_duties_laid_on_goods_are_sanctions(nlp: Any, text: str) -> None:
    # a duty or levy on another's goods is an economic sanction (163), not a blow
    assert {e.plover for e in candidates(nlp, text)} == {"SANCTION"}


def test_a_letter_signed_is_no_agreement_its_appeal_is_the_act(nlp: Any) -> None:
    # signing a letter or a petition signs no accord; what the letter urges is the request
    text = "Sixty Chilean lawmakers signed a letter urging Peru to release the fishermen."
    assert {e.plover for e in candidates(nlp, text) if e.modality == "asserted"} == {"REQUEST"}
