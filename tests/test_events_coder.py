"""The event coder over the parse, with our own invented sentences.

Each test names the predicate form, actor form or precision rule it checks. The actors come
from a small fake lookup (``event_helpers.FakeActors``), from the coder's own gazetteer
fallback (``actors=None``), and, when it is installed, from the real actors stage. Modalities
of what the record does not assert are in ``test_events_modality.py``; when and where an event
happened in ``test_events_when_where.py``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import Any

import pytest

from dateline.events import code_events
from dateline.model import Article
from event_helpers import PUBLISHED, FakeActors, candidates, code, nlp, one, pair

__all__ = ["nlp"]  # the fixture, shared from event_helpers

# -- predicate forms ---------------------------------------------------------------------------


def test_verb_with_object_noun_signed_a_treaty(nlp: Any) -> None:
    e = one(code(nlp, "Norway signed a fisheries treaty with Iceland on Monday."))
    assert (e.cameo, e.plover, e.cameo_root) == ("057", "SUPPORT", "05")
    assert pair(e) == ("NOR", "ISL")
    assert e.rule.startswith("curated.tsv:") and e.quad_class == 1 and e.goldstein > 0


def test_travelled_to_is_a_visit(nlp: Any) -> None:
    e = one(code(nlp, "The Chilean foreign minister travelled to Peru on Wednesday."))
    assert (e.cameo, e.plover, e.plover_mode) == ("042", "CONSULT", "visit")
    assert pair(e) == ("CHL", "PER")
    assert e.location is not None and e.location.country == "PER"


def test_called_for_aid(nlp: Any) -> None:
    e = one(code(nlp, "Kenya called for humanitarian aid."))
    assert e.plover == "REQUEST" and e.cameo_root == "02"
    assert pair(e) == ("KEN", None)


def test_urged_object_to_act_codes_the_appeal_only(nlp: Any) -> None:
    e = one(code(nlp, "Brazil urged Argentina to release the detained fishermen."))
    assert e.plover == "REQUEST" and pair(e) == ("BRA", "ARG")


def test_warned(nlp: Any) -> None:
    e = one(code(nlp, "Japan warned China against further incursions."))
    assert e.plover == "THREATEN" and pair(e) == ("JPN", "CHN")


def test_accepted_an_invitation(nlp: Any) -> None:
    e = one(code(nlp, "Ghana accepted Nigeria's invitation to a regional summit."))
    assert e.cameo == "036" and pair(e) == ("GHA", "NGA")


def test_agreed_to_deepen_cooperation(nlp: Any) -> None:
    events = code(nlp, "Portugal and Spain agreed to deepen cooperation on renewable energy.")
    assert {e.plover for e in events} == {"AGREE"}
    assert {pair(e) for e in events} == {("PRT", "ESP"), ("ESP", "PRT")}


def test_light_verb_with_event_noun_held_talks(nlp: Any) -> None:
    events = code(nlp, "Mongolian and Chinese officials held talks in Beijing yesterday.")
    assert {e.cameo for e in events} == {"046"}
    assert {pair(e) for e in events} == {("MNG", "CHN"), ("CHN", "MNG")}
    assert all(e.date == "2024-02-28" for e in events)
    assert all(e.location is not None and e.location.name == "Beijing" for e in events)


def test_staged_a_protest_with_lemma_mended(nlp: Any) -> None:
    e = one(code(nlp, "Thousands of Peruvian farmers staged a protest in Lima on Tuesday."))
    assert e.plover == "PROTEST" and e.source is not None and e.source.country == "PER"


def test_a_particle_parsed_as_an_adverb_still_makes_the_phrasal_verb(nlp: Any) -> None:
    text = "Austria, whose envoy chairs the talks, has pushed back against a plan for new tolls."
    e = one(code(nlp, text))
    assert (e.plover, e.cameo_root) == ("REJECT", "12") and e.source is not None
    assert e.source.country == "AUT"


def test_a_verb_with_its_own_object_reads_a_preposition_as_one(nlp: Any) -> None:
    e = one(code(nlp, "Peru's navy fired two shots off the coast of Chile on Monday."))
    assert e.plover == "ASSAULT" and e.cameo_root == "19"  # not "fire off" (a verbal attack)


def test_warning_shots_are_a_show_of_force(nlp: Any) -> None:
    e = one(code(nlp, "A Chilean patrol boat fired warning shots at a trawler on Monday."))
    assert (e.cameo, e.plover) == ("150", "MOBILIZE") and e.rule.endswith("fire/warning-shot")


def test_walking_off_the_job_and_downing_tools_are_strikes(nlp: Any) -> None:
    for text in (
        "Thousands of Latvian dockworkers walked off the job on Tuesday.",
        "Latvian nurses downed tools on Monday over unpaid wages.",
    ):
        e = one(code(nlp, text))
        assert (e.cameo, e.plover) == ("143", "PROTEST"), text
    assert code(nlp, "The Latvian choir walked off the stage on Tuesday.") == []


# -- actor forms -------------------------------------------------------------------------------


def test_passive_agent_is_the_source(nlp: Any) -> None:
    e = one(code(nlp, "The accord was signed by Finland's prime minister."))
    assert e.plover == "SUPPORT" and e.source is not None and e.source.country == "FIN"


def test_possessive_actors(nlp: Any) -> None:
    e = one(code(nlp, "Egypt's president met Jordan's king in Amman last month."))
    assert e.plover == "CONSULT" and pair(e) == ("EGY", "JOR")
    assert e.date == "2024-01-01" and e.location is not None and e.location.country == "JOR"


def test_conjoined_objects_give_one_event_each(nlp: Any) -> None:
    events = code(nlp, "Austria expelled diplomats from Iran and Syria on Tuesday.")
    assert {pair(e) for e in events} >= {("AUT", "IRN"), ("AUT", "SYR")}


def test_gazetteer_fallback_without_actors(nlp: Any) -> None:
    e = one(code(nlp, "Albanian officials met Kosovo's president in Tirana.", actors="none"))
    assert e.source is not None and e.source.country == "ALB"
    assert e.location is not None and e.location.country == "ALB"
    assert e.location.lat is not None and e.location.lon is not None


def test_person_named_again_keeps_the_country(nlp: Any) -> None:
    text = (
        "Uruguayan President Ana Sosa arrived in Asuncion on Monday. "
        "Sosa signed a water treaty with Paraguay on Tuesday."
    )
    events = [e for e in code(nlp, text, actors="none") if e.cameo == "057"]
    assert pair(one(events)) == ("URY", "PRY")


def test_pronoun_takes_the_reporting_subject(nlp: Any) -> None:
    e = one(code(nlp, "Sweden said it would meet Finland's foreign minister."))
    assert pair(e) == ("SWE", "FIN")


def test_a_target_described_takes_the_actors_named_just_before(nlp: Any) -> None:
    text = (
        "Envoys of the Chadian government arrived in Lome on Monday.\n\n"
        "The Togolese foreign minister urged the two delegations to sign a truce."
    )
    events = [e for e in code(nlp, text, actors="none") if e.plover == "REQUEST"]
    e = one(events)
    assert pair(e) == ("TGO", "TCD")
    assert e.target is not None and e.target.text == "the two delegations"


def test_an_appeal_to_no_one_takes_no_target_from_before(nlp: Any) -> None:
    text = (
        "Chad's president received Togo's foreign minister on Monday. "
        "Togo called for more food aid on Tuesday."
    )
    events = [e for e in code(nlp, text, actors="none") if e.plover == "REQUEST"]
    assert events and all(e.target is None or e.target.country != "TCD" for e in events)


# -- precision rules ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Canada did not sign the agreement.",  # negated
        "Canada never signed the agreement.",
        "Mexico could impose sanctions on Guatemala.",  # hypothetical
        "Mexico may impose sanctions on Guatemala.",
        "If Poland signs the treaty, its neighbours will react.",  # conditional
        "Germany will send troops to Lithuania.",  # future, nobody reports it
        "Chile plans to sign a trade deal with Peru.",  # a plan
        "The talks between Chile and Peru are scheduled to resume on Friday.",
        "Albania joined NATO in 2009.",  # background
        "Ecuador has criticised Colombia since 2009.",
        # an undated act in the clause of a past period shares its time
        "In 2019, the march ended with students in Ghana occupying the parliament.",
        "The two Nepali parties signed a pact in 2018 to cooperate with India.",
        "The 2015 accord, signed by Peru and Bolivia, set the border.",  # participial clause
        '"We will attack Uganda tomorrow," the rebel commander said.',  # quoted
        "Mali is a landlocked country.",  # copula, no act
        "Kenya said the talks were useful.",  # a plain statement
        "Diplomats said a deal could be signed next week.",
        "Discussions on Wednesday focused on trade.",  # no actor
    ],
)
def test_no_event(nlp: Any, text: str) -> None:
    assert code(nlp, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Portugal beat Uruguay 2-1 in Lisbon on Saturday.",  # a game's scoreline
        "Morocco crushed Tunisia 4-0 in the qualifier on Sunday.",
        "In Spain, Sevilla defeated Betis 3-1, with a late goal from its captain.",
        "Serbia defeated Greece in the semifinal on Friday.",  # a contest
        "Uruguay defeated Colombia on penalties on Monday.",  # a game's way of winning
        "Japan beat South Korea in a shootout to win the hockey title.",
        "The Ghanaian winger attacked the cross and scored.",  # a ball, no one
        "A Chilean former senator pleaded guilty to bribery on Monday.",  # a plea
        "Storm Ingrid slammed into the Irish coast on Tuesday.",  # a collision, no criticism
        "The Bolivian government failed to free the jailed activists.",  # not done
        "Peru stopped short of saying it would expel the Chilean envoy.",  # not said
        "The Chilean navy refrained from attacking the Peruvian trawlers.",
        "The Chilean leader stopped short of saying his party would block the bill.",
        "The Indian carmaker bought a Korean battery maker on Monday.",  # a takeover
        "The Japanese firm unveiled a new electric car in Paris.",  # a product
        "The Peruvian government declared a health emergency over dengue.",  # no coercion
        "The Zambian opposition leader claimed victory in the presidential election.",
        "The Bolivian blockade hurt Peruvian exporters and small businesses.",  # a loss
        "The Chilean miner said it will meet the strictest environmental standards.",
        "Norway's central bank signalled that further rate cuts could follow.",  # a statement
        "The Irish president kept fighting for the housing bill on Monday.",  # a cause
        "Thousands of Kenyan pilgrims attended a mass in Nairobi on Sunday.",  # a service
        "The Portuguese club signed the Ghanaian striker on a four-year deal.",  # a transfer
        "Ghana threatened briefly before halftime.",  # threatening no one, nothing
        "The Chinese carmaker attacked the Thai market with a cheaper model.",  # selling
        "The opposition in Ecuador campaigned on promises to build roads.",
        "Polls show that most Chilean voters support the pension reform.",  # an opinion poll
        "A survey found that most Peruvian farmers oppose the new water tax.",
    ],
)
def test_words_of_no_political_act(nlp: Any, text: str) -> None:
    assert [e for e in code(nlp, text) if e.modality == "asserted"] == []


def test_a_participle_with_by_describes_its_subject(nlp: Any) -> None:
    # undated, "backed by Y" says who X is; dated, it is Y's act done to X
    text = "Backed by Egypt, the Sudanese army signed a deal with Chad."
    assert [(e.plover, pair(e)) for e in code(nlp, text)] == [("SUPPORT", ("SDN", "TCD"))]
    text = "Arrested by Turkish police on Tuesday, the Dutch reporter was freed on Friday."
    e = next(e for e in code(nlp, text) if e.plover == "COERCE")
    assert pair(e) == ("TUR", "NLD")


def test_meeting_to_discuss_a_topic_is_one_meeting(nlp: Any) -> None:
    text = "The Ghanaian minister met Togolese officials on Monday to discuss the border."
    e = one(code(nlp, text))
    assert (e.plover, pair(e)) == ("CONSULT", ("GHA", "TGO"))


def test_risking_something_is_no_threat(nlp: Any) -> None:
    text = "The Indian minister criticised the dam, saying it risked flooding villages in Nepal."
    assert [e.plover for e in code(nlp, text)] == ["ACCUSE"]


@pytest.mark.parametrize(
    "text",
    [
        "Nurses in Malawi began a strike on Friday over pay.",  # a day is no target
        "Miners in Zambia launched a strike on Thursday.",  # workers strike, armies attack
    ],
)
def test_a_strike_of_workers_on_a_day_is_a_strike(nlp: Any, text: str) -> None:
    assert [e.plover for e in code(nlp, text)] == ["PROTEST"]


def test_defending_someone_in_words_is_support_and_by_arms_is_protection(nlp: Any) -> None:
    e = one(code(nlp, "The Tunisian president defended the army on Wednesday."))
    assert (e.cameo, e.plover) == ("051", "SUPPORT")
    e = one(code(nlp, "Nigerien troops defended the airport on Wednesday."))
    assert (e.cameo, e.plover) == ("074", "AID")


def test_a_threat_names_whom_or_what(nlp: Any) -> None:
    e = one(code(nlp, "Russia threatened Moldova with higher gas prices."))
    assert (e.plover, pair(e)) == ("THREATEN", ("RUS", "MDA"))


def test_a_deadline_given_to_someone_is_an_ultimatum(nlp: Any) -> None:
    # the stretch is given to whom, not whom it is aimed at; the act asked is not done
    for text in (
        "Peru gave Chile 10 days to withdraw its fishing fleet or face sanctions.",
        "Peru gave Chile ten days on Monday to withdraw its fishing fleet.",
    ):
        e = one(code(nlp, text))
        assert (e.cameo, e.plover, pair(e)) == ("139", "THREATEN", ("PER", "CHL")), text
        assert e.target is not None and e.target.text == "Chile"


def test_a_vow_to_veto_is_the_rejection(nlp: Any) -> None:
    e = one(code(nlp, "Poland vowed on Tuesday to veto the Czech proposal."))
    assert (e.plover, e.cameo_root) == ("REJECT", "12") and pair(e)[0] == "POL"


@pytest.mark.parametrize(
    "text",
    [
        "The Swiss weather service warned that heavy snow would continue until Friday.",
        "Oxfam warned that hunger could spread to three more provinces of Chad.",
        "The Dutch minister warned that Norway could cut off its electricity exports.",
        "The Kenyan bishops warned that there could be violence after the vote.",
    ],
)
def test_warning_of_what_someone_else_will_do_is_no_act(nlp: Any, text: str) -> None:
    assert code(nlp, text) == []


def test_a_date_of_the_act_criticised_does_not_date_the_criticism(nlp: Any) -> None:
    e = one(code(nlp, "Ecuador criticised Peru for closing the border last year."))
    assert (e.plover, pair(e)) == ("ACCUSE", ("ECU", "PER"))


def test_trading_fire_is_fighting_both_ways(nlp: Any) -> None:
    events = code(nlp, "Armenia and Azerbaijan traded fire along the border on Monday.")
    assert {(e.plover, pair(e)) for e in events} == {
        ("ASSAULT", ("ARM", "AZE")),
        ("ASSAULT", ("AZE", "ARM")),
    }


def test_blocking_a_bill_is_no_road_block(nlp: Any) -> None:
    # "border" modifies the bill: no blockade of a border proposed beside the veto
    e = one(code(nlp, "Chilean senators blocked a border security bill on Tuesday."))
    assert e.plover == "REJECT"


@pytest.mark.parametrize(
    "text",
    [
        "The Dutch consumer group welcomed the fine imposed on the Swiss bank.",
        "Ghana's president welcomed the Nigerian leader's message of support.",
    ],
)
def test_welcoming_a_thing_is_approval_not_a_visit_hosted(nlp: Any, text: str) -> None:
    assert [(e.cameo, e.plover) for e in code(nlp, text)] == [("051", "SUPPORT")]


def test_a_past_act_joined_to_a_reported_clause_in_another_tense_is_the_tellers(
    nlp: Any,
) -> None:
    text = (
        "The Chilean minister told reporters that Peru would keep its fleet at sea "
        "and accused Bolivia of stalling the talks."
    )
    e = one([e for e in code(nlp, text) if e.plover == "ACCUSE"])
    assert e.source is not None and e.source.text.startswith("The Chilean minister")
    assert pair(e) == ("CHL", "BOL")


def test_a_feeling_voiced_is_the_act_not_its_target(nlp: Any) -> None:
    e = one(code(nlp, "Norway expressed concern over the arrest of the Iranian lawyer."))
    assert e.plover == "ACCUSE" and e.target is not None and e.target.country == "IRN"


def test_a_count_names_no_one(nlp: Any) -> None:
    # "the two sides" is no actor the text names: nothing between actors to export
    text = "The two sides agreed to maintain peace along the border, a joint statement said."
    assert code(nlp, text, actors="none") == []


def test_an_attorney_general_is_judicial(nlp: Any) -> None:
    e = one(code(nlp, "Peru's attorney general opened an investigation into the Chilean firm."))
    assert e.source is not None and e.source.code == "PERJUD"


def test_whom_a_meeting_was_with_not_what_it_presented(nlp: Any) -> None:
    e = one(code(nlp, "Ghana's finance minister met bankers in Paris to present the budget."))
    assert e.plover == "CONSULT" and e.target is not None and e.target.text == "bankers"


def test_attacking_a_policy_is_criticism(nlp: Any) -> None:
    e = one(code(nlp, "The Irish opposition attacked the government's housing plan."))
    assert (e.cameo, e.plover) == ("111", "ACCUSE")
    e = one(code(nlp, "Rebels attacked an army base in northern Chad."))
    assert e.plover == "ASSAULT"


def test_what_a_law_did_is_no_one_acting(nlp: Any) -> None:
    assert code(nlp, "Swiss law barred the Dutch collector from selling the painting.") == []


def test_a_particle_read_as_more_than_a_count(nlp: Any) -> None:
    e = one(code(nlp, "France handed over 30 skulls to Algeria on Friday."))
    assert (e.plover, pair(e)) == ("RETREAT", ("FRA", "DZA"))


def test_a_protest_that_a_complaint_is_made_for_is_the_complaint(nlp: Any) -> None:
    e = one(code(nlp, "Vietnam summoned the Chinese ambassador to protest the seizure of a boat."))
    assert (e.plover, pair(e)) == ("ACCUSE", ("VNM", "CHN"))


def test_warning_of_ones_own_act_stays_a_threat(nlp: Any) -> None:
    e = one(code(nlp, "Egypt warned that it would cut ties with Ethiopia."))
    assert (e.plover, pair(e)) == ("THREATEN", ("EGY", "ETH"))
    e = one(code(nlp, "Austria warned that Hungary would face sanctions."))
    assert (e.plover, pair(e)) == ("THREATEN", ("AUT", "HUN"))


def test_a_threat_about_itself_targets_whom_its_act_is_aimed_at(nlp: Any) -> None:
    # "it" is the one threatening; the ties are cut with Togo
    events = code(nlp, "Ghana threatened that it would cut ties with Togo.")
    assert [(e.plover, pair(e)) for e in events if e.modality == "asserted"] == [
        ("THREATEN", ("GHA", "TGO"))
    ]


def test_an_attack_on_a_market_place_is_an_attack(nlp: Any) -> None:
    e = one(code(nlp, "Rebels attacked a market in northern Chad on Monday."))
    assert e.plover == "ASSAULT"


def test_paying_tribute_is_praise(nlp: Any) -> None:
    e = one(code(nlp, "The Irish president paid tribute to the late Kenyan runner on Sunday."))
    assert (e.cameo, e.plover) == ("051", "SUPPORT")


def test_a_resignation_is_a_retreat(nlp: Any) -> None:
    e = one(code(nlp, "The Chilean interior minister announced his resignation on Tuesday."))
    assert (e.plover, e.cameo_root) == ("RETREAT", "08") and e.source is not None
    assert e.source.country == "CHL"


def test_ordering_people_out_of_their_homes_is_coercion(nlp: Any) -> None:
    text = "The Chilean army ordered villagers along the river to leave the valley by Sunday."
    e = one(code(nlp, text))
    assert (e.plover, e.cameo) == ("COERCE", "174") and e.source is not None
    assert e.source.country == "CHL"
    assert one(code(nlp, "Kenya ordered the Somali ambassador to leave.")).plover != "COERCE"


def test_a_bare_agent_noun_is_the_one_the_article_names(nlp: Any) -> None:
    # the article names one country's army: "the army" is that one, not the country named most
    text = (
        "Peru and Peru's president condemned the raid. Chile's army crossed into Peru last "
        "week. On Tuesday the army shelled Peruvian border posts."
    )
    shelled = [e for e in code(nlp, text) if e.source is not None and e.source.text == "the army"]
    assert [(e.plover, e.source.country) for e in shelled if e.source] == [("ASSAULT", "CHL")]


@dataclass(frozen=True)
class FakeSpeaker:
    name: str


@dataclass(frozen=True)
class FakeQuote:
    kind: str
    start: int
    end: int
    speaker: FakeSpeaker


@pytest.mark.parametrize(("speaker", "modality"), [("Chile", "asserted"), ("Peru", "quoted")])
def test_an_own_act_announced_in_a_quote_is_asserted(nlp: Any, speaker: str, modality: str) -> None:
    text = '"Chile has deployed more troops to the border," the ministry said on Monday.'
    doc = nlp(text)
    quote = FakeQuote("direct", 0, text.index(",") + 2, FakeSpeaker(speaker))
    every = code_events(
        doc, Article(published=PUBLISHED, body=text), FakeActors(doc), [quote], all_modalities=True
    )
    assert [(e.plover, e.modality) for e in every] == [("MOBILIZE", modality)]


def test_refused_to_codes_the_refusal(nlp: Any) -> None:
    e = one(code(nlp, "Canada refused to sign the agreement."))
    assert e.plover == "REJECT" and e.cameo_root == "12"


def test_relative_clause_is_not_an_event_but_the_main_clause_is(nlp: Any) -> None:
    events = code(nlp, "Serbia, which refused to impose sanctions on Russia, hosted the meeting.")
    assert {e.plover for e in events} == {"CONSULT"}


def test_reported_future_is_an_intent(nlp: Any) -> None:
    e = one(code(nlp, "Sweden said it would meet Finland's foreign minister."))
    assert (e.plover, e.cameo_root, e.modality) == ("AGREE", "03", "asserted")
    assert e.rule.endswith("+intent")  # the act announced, coded as the intent


@pytest.mark.parametrize(
    "text",
    [
        "Sweden said it hoped to conclude a pact with Finland.",  # "hoped" lemmatized "hop"
        "Sweden said on Monday that it plans to meet Finland's foreign minister.",
    ],
)
def test_reported_plan_to_cooperate_is_an_intent(nlp: Any, text: str) -> None:
    e = one(code(nlp, text))
    assert (e.plover, e.cameo_root, e.modality) == ("AGREE", "03", "asserted")
    assert pair(e) == ("SWE", "FIN")


def test_unreported_hope_to_cooperate_stays_a_plan(nlp: Any) -> None:
    assert code(nlp, "Sweden hoped to conclude a pact with Finland.") == []
    assert code(nlp, "Sweden hopes to meet Finland's foreign minister.") == []


def test_reported_future_conflict_is_a_threat(nlp: Any) -> None:
    e = one(code(nlp, "Moldova said it would expel Russian diplomats."))
    assert (e.plover, e.cameo_root, e.modality) == ("THREATEN", "13", "asserted")


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Moldova vowed on Monday to crush the rebels in the east.", "138"),
        ("Moldova's president pledged to punish Russia.", "137"),
        ("Moldova promised to send aid to Ukraine.", "033"),  # still a promise to cooperate
    ],
)
def test_a_promise_of_conflict_is_a_threat(nlp: Any, text: str, cameo: str) -> None:
    assert [e.cameo for e in code(nlp, text)] == [cameo]


def test_reported_refusal_to_meet(nlp: Any) -> None:
    e = one(code(nlp, "Armenia said it would not meet Azerbaijan's envoy."))
    assert (e.plover, e.modality) == ("REJECT", "asserted")


def test_reported_obligation_is_a_demand(nlp: Any) -> None:
    e = one(code(nlp, "Estonia said Russia must release the detained border guard."))
    assert e.plover == "REQUEST" and pair(e) == ("EST", "RUS")


def test_future_dated_act_is_not_an_event_of_the_day(nlp: Any) -> None:
    assert code(nlp, "Vietnam will scrap its tariff on Chilean wine by 2030.") == []


def test_wire_dateline_prefix_does_not_derail_the_lead(nlp: Any) -> None:
    text = "LIMA, Feb 29 (Andean Wire) — Peruvian police arrested 40 protesters on Wednesday."
    e = one(code(nlp, text))
    assert e.plover == "COERCE" and e.source is not None and e.source.country == "PER"
    assert text[e.start : e.end].startswith("Peruvian police")
    assert e.date == "2024-02-28"


# -- the record --------------------------------------------------------------------------------


def test_record_shape(nlp: Any) -> None:
    text = "Tanzania's president met Kenya's foreign minister on Monday."
    e = one(code(nlp, text, dateline="Dar es Salaam"))
    d = e.to_dict()
    required = {
        *("cameo", "cameo_root", "plover", "plover_mode", "quad_class", "goldstein"),
        *("source", "target", "date", "location", "sentence", "start", "end"),
        *("confidence", "rule"),
    }
    assert required <= d.keys()
    assert set(d["source"]) == {"name", "text", "country", "sector", "code"}
    assert set(d["location"]) == {"name", "country", "lat", "lon"}
    assert text[d["start"] : d["end"]] == d["sentence"]
    assert 0 < d["confidence"] <= 1


def test_sentence_offsets_in_a_longer_body(nlp: Any) -> None:
    text = "The weather was mild.\n\nRwanda accused Burundi of shelling border villages on Sunday."
    e = one(code(nlp, text))
    assert text[e.start : e.end] == e.sentence and e.sentence.startswith("Rwanda")
    assert e.plover == "ACCUSE" and pair(e) == ("RWA", "BDI")


def test_with_the_real_actors_stage(nlp: Any) -> None:
    actors_mod = pytest.importorskip("dateline.actors")
    find_actors = getattr(actors_mod, "find_actors", None)
    if find_actors is None:
        pytest.skip("dateline.actors has no find_actors yet")
    text = "Ukrainian President Olena Koval travelled to Moldova on Wednesday."
    doc = nlp(text)
    article = Article(published=PUBLISHED, body=text)
    e = one(code_events(doc, article, find_actors(doc, article)))
    assert e.plover == "CONSULT" and pair(e) == ("UKR", "MDA")
    assert e.date == "2024-02-28"


# -- defaults when the sentence names less -------------------------------------------------------


def test_event_noun_as_subject_of_a_happening_verb(nlp: Any) -> None:
    e = one(code(nlp, "Venezuelan protests against Colombian border policy continued on Sunday."))
    assert e.plover == "PROTEST" and pair(e) == ("VEN", "COL") and e.date == "2024-02-25"


def test_talks_between_two_sides(nlp: Any) -> None:
    e = one(code(nlp, "Talks between Peru and Chile resumed in Lima on Monday."))
    assert e.plover == "CONSULT" and pair(e) == ("PER", "CHL")


def test_threat_with_a_condition_targets_its_subject(nlp: Any) -> None:
    e = one(code(nlp, "Oman threatened to shut the port unless Yemen freed the trawler."))
    assert e.plover == "THREATEN" and pair(e) == ("OMN", "YEM")


def test_reported_conditional_future_is_a_threat(nlp: Any) -> None:
    e = one(code(nlp, "Oman said it would detain more boats unless Yemen freed the trawler."))
    assert (e.plover, e.modality) == ("THREATEN", "asserted") and pair(e) == ("OMN", "YEM")


def test_region_named_by_direction_is_in_its_country(nlp: Any) -> None:
    e = one(code(nlp, "Israeli jets bombed targets in southern Lebanon on Sunday."))
    assert e.plover == "ASSAULT" and pair(e) == ("ISR", "LBN")


def test_passive_arrest_without_agent_is_by_the_government_there(nlp: Any) -> None:
    e = one(code(nlp, "A French journalist was arrested in Iran on Monday."))
    assert e.plover == "COERCE" and pair(e) == ("IRN", "FRA")
    assert e.source is not None and e.source.sector == "GOV"


def test_ethnic_group_is_of_the_place_not_the_kin_state(nlp: Any) -> None:
    e = one(code(nlp, "Ethnic Hungarians demonstrated in Romania on Sunday."))
    assert e.plover == "PROTEST" and e.source is not None and e.source.country == "ROU"


def test_a_sentence_never_spans_two_paragraphs(nlp: Any) -> None:
    text = "Kenya praised Uganda\n\nTanzania criticised Rwanda on Monday."
    events = code(nlp, text)
    assert events and all("\n" not in e.sentence for e in events)
    assert ("TZA", "RWA") in {pair(e) for e in events}
    assert ("KEN", "RWA") not in {pair(e) for e in events}


def test_records_validate_against_the_published_schema(nlp: Any) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    from importlib import resources

    schema_path = resources.files("dateline").joinpath("schema/analysis.schema.json")
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    event_schema = {"$defs": schema["$defs"], **schema["$defs"]["event"]}
    text = (
        "Egypt's president met Jordan's king in Amman on Wednesday. Sweden said it would meet "
        "Finland's foreign minister. A French journalist was arrested in Iran on Monday."
    )
    events = code(nlp, text, dateline="Amman")
    assert len(events) >= 3
    for e in events:
        jsonschema.validate(e.to_dict(), event_schema)


def test_empty_body_and_unparsed_doc(nlp: Any) -> None:
    import spacy

    from dateline.errors import DatelineError

    assert code(nlp, "") == []
    blank = spacy.blank("en")("Kenya praised Uganda.")
    with pytest.raises(DatelineError) as info:
        code_events(blank, Article(body="Kenya praised Uganda."), None)
    assert info.value.code == "E401"


def test_bad_publication_date_and_unknown_dateline(nlp: Any) -> None:
    e = one(code(nlp, "Kenya praised Uganda on Monday.", published="soon", dateline="Atlantis"))
    assert (e.date, e.location) == (None, None)


def test_event_noun_with_its_owner_as_subject(nlp: Any) -> None:
    e = one(code(nlp, "Peru's visit to Chile ended on Friday."))
    assert (e.cameo, e.plover) == ("042", "CONSULT") and pair(e) == ("PER", "CHL")
    assert e.date == "2024-02-23"
    assert code(nlp, "Peru's visit to Chile will end on Friday.") == []  # future, unreported


def test_negated_and_planned_acts_are_kept_only_with_all_modalities(nlp: Any) -> None:
    text = "Peru did not attack Bolivia. Chile will meet Argentina next week."
    doc = nlp(text)
    article = Article(published=PUBLISHED, body=text)
    assert code_events(doc, article, FakeActors(doc)) == []
    every = code_events(doc, article, FakeActors(doc), all_modalities=True)
    assert {(e.plover, e.modality) for e in every} == {
        ("ASSAULT", "negated"),
        ("AGREE", "planned"),  # a meeting told in the future is the intention to meet (036)
    }


def test_export_filters_keep_asserted_events_unless_all_modalities() -> None:
    from dateline.export.records import parse_filters

    negated = {"modality": "negated", "date": "2024-02-28"}
    asserted = {"modality": "asserted", "date": "2024-02-28"}
    assert parse_filters().event_ok(asserted, None)
    assert not parse_filters().event_ok(negated, None)
    assert parse_filters(all_modalities=True).event_ok(negated, None)


# -- candidate generation and duplicates (issue 12) ---------------------------------------------


def test_will_not_alone_is_a_stated_refusal(nlp: Any) -> None:
    e = one(code(nlp, "Norway will not relax the embargo on Danish timber."))
    assert e.plover == "REJECT" and e.cameo_root == "12" and e.modality == "asserted"
    assert e.source is not None and e.source.country == "NOR"


def test_would_not_alone_stays_a_conditional(nlp: Any) -> None:
    assert not [e for e in code(nlp, "Sanctions would not help Ecuador.") if e.plover == "REJECT"]


def test_capitals_colon_dateline_is_no_part_of_the_sentence(nlp: Any) -> None:
    events = code(nlp, "GENEVA: Norway and Iceland on Tuesday vetoed a Danish proposal.")
    assert {(e.plover, e.source.country if e.source else None) for e in events} == {
        ("REJECT", "NOR"),
        ("REJECT", "ISL"),
    }


def test_returned_property_to_a_museum(nlp: Any) -> None:
    e = one(code(nlp, "Peru returned four stolen statues to a museum in Chile."))
    assert e.cameo == "0842" and e.source is not None and e.source.country == "PER"


def test_a_source_no_actor_stands_for_is_still_a_candidate(nlp: Any) -> None:
    from dateline.events.coder import Coder
    from dateline.events.scorer import EventScorer

    text = "Porters at three city hospitals staged a strike over unpaid overtime."
    doc = nlp(text)
    cands = Coder(scorer=EventScorer.keep_all()).candidates(doc, Article(body=text), None)
    assert any(c.event.plover == "PROTEST" for c in cands)
    protest = next(c for c in cands if c.event.plover == "PROTEST")
    assert protest.features["src_known"] == 0.0 and protest.features["src_head=noun"] == 1.0


def test_things_no_actor_stands_for_make_one_event_not_two(nlp: Any) -> None:
    from dateline.events.distinct import dedupe
    from dateline.events.model import Participant

    base = code(nlp, "Norway discussed fishing quotas with Iceland.")
    assert base
    e = base[0]
    things = [Participant(None, t, None, None, None, 0, 1, "text") for t in ("quotas", "ports")]
    twins = [
        replace(e, target=things[0], confidence=0.7),
        replace(e, target=things[1], confidence=0.6),
    ]
    assert [x.confidence for x in dedupe(twins)] == [0.7]


def test_acts_in_an_after_clause_are_background(nlp: Any) -> None:
    events = code(
        nlp, "Norway expelled the Swedish ambassador after Swedish troops killed a farmer."
    )
    assert {e.plover for e in events} == {"SANCTION"}


def test_asked_whether_is_a_question_not_a_request(nlp: Any) -> None:
    text = "The Danish minister asked his Norwegian counterpart whether Oslo would sign the treaty."
    assert not [e for e in code(nlp, text) if e.plover == "REQUEST"]
    assert (
        one(code(nlp, "The Danish minister asked Norway to sign the treaty.")).plover == "REQUEST"
    )


@pytest.mark.parametrize(
    "text",
    [
        "The Danish minister asked Norway why it had not signed the treaty.",
        "The Danish minister asked: 'Why did Norway not stop the sale of the rigs?'",
    ],
)
def test_a_question_asked_with_a_question_word_or_mark_is_no_request(nlp: Any, text: str) -> None:
    assert not [e for e in code(nlp, text) if e.plover == "REQUEST"]


def test_welcoming_an_act_is_praise_not_hosting(nlp: Any) -> None:
    e = one(code(nlp, "Chilean fishing groups welcomed the seizure of the Peruvian trawler."))
    assert (e.plover, e.cameo) == ("SUPPORT", "051")


def test_a_spokesman_asked_in_an_aside_makes_no_request(nlp: Any) -> None:
    text = (
        "A Danish foreign ministry spokesman, asked about the case at a briefing in Aarhus, "
        "said Denmark opposed any use of force against its fishermen."
    )
    assert not [e for e in code(nlp, text) if e.plover == "REQUEST"]


def test_a_phrase_naming_the_source_country_and_another_targets_the_other(nlp: Any) -> None:
    text = "Chilean officials criticised the treaty between Chile and Bolivia."
    assert [pair(e) for e in code(nlp, text) if e.plover == "ACCUSE"] == [("CHL", "BOL")]


@pytest.mark.parametrize("verb", ["declared", "claimed"])
def test_an_electoral_win_claimed_is_no_act(nlp: Any, verb: str) -> None:
    text = f"Peru's ruling party {verb} victory on Monday in a presidential election."
    assert [e.cameo for e in candidates(nlp, text)] == []


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Senator Ana Ruiz said the governor was reckless and dangerous.", "the governor"),
        ("The union told reporters the ministry's plan was a disgrace.", "the ministry's plan"),
        ("Chile said Peru was not wrong.", None),  # negated: no blame
        ("The minister said the weather was dangerous.", None),  # no one judged
    ],
)
def test_a_reported_judgment_of_blame_is_criticism(nlp: Any, text: str, target: str | None) -> None:
    """A reporting verb whose clause judges someone with a word of blame criticises them."""
    found = [e for e in candidates(nlp, text) if e.cameo == "111"]
    assert [e.target.text if e.target else None for e in found] == ([target] if target else [])


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("The Chilean opposition said Peru had failed to protect the miners.", "Peru"),
        ("Chile said Peru had failed to reach a deal with Bolivia.", None),  # a rejection
        ("Chile's foreign minister told reporters that Peru failed to stop the smugglers.", "Peru"),
        ("Officials said the talks failed to produce a deal.", None),  # no one failed
        ("Chile said Peru did not fail to pay its debts.", None),  # negated
    ],
)
def test_a_reported_failure_of_someone_is_criticism(
    nlp: Any, text: str, target: str | None
) -> None:
    """A reporting verb whose clause tells that someone failed to do what was theirs to do
    criticises them, as a reported judgment of blame does."""
    found = [e for e in candidates(nlp, text) if e.cameo == "111"]
    assert [e.target.text if e.target else None for e in found] == ([target] if target else [])
