"""When and where an event happened, by the event coder over the parse, with our own invented
sentences: the date its sentence gives or the publication date, the day an earlier sentence
set, the dateline's place, the place its sentence names and the article's home place. The
actors come from the fake lookup of ``event_helpers`` or, with ``actors="none"``, from the
coder's own gazetteer fallback. Relative dates alone are in ``test_events_dates.py``."""

from __future__ import annotations

from typing import Any

import pytest

from event_helpers import PUBLISHED, code, nlp, one, pair

__all__ = ["nlp"]  # the fixture, shared from event_helpers


@pytest.mark.parametrize(
    ("when", "expected", "source"),
    [
        ("on Wednesday", "2024-02-28", "text"),
        ("yesterday", "2024-02-28", "text"),
        ("on Feb. 20", "2024-02-20", "text"),
        ("last month", "2024-01-01", "text"),
        ("", "2024-02-29", "published"),
    ],
)
def test_event_date(nlp: Any, when: str, expected: str, source: str) -> None:
    e = one(code(nlp, f"Hungary recalled its ambassador to Slovakia {when}.".replace(" .", ".")))
    assert (e.date, e.date_source) == (expected, source)


def test_no_publication_date_no_relative_date(nlp: Any) -> None:
    e = one(code(nlp, "Hungary recalled its ambassador to Slovakia on Wednesday.", published=None))
    assert e.date is None


def test_dateline_is_the_default_location(nlp: Any) -> None:
    e = one(code(nlp, "Hungary recalled its ambassador to Slovakia.", dateline="Budapest"))
    assert e.location is not None and e.location.name == "Budapest"
    assert e.location.country == "HUN"


def test_an_act_abroad_takes_no_dateline_location(nlp: Any) -> None:
    e = one(code(nlp, "Hungary recalled its ambassador to Slovakia.", dateline="Lima"))
    assert e.location is None  # Hungary did not act in Peru; the sentence places nothing


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Togo's trade envoy met Ghana's president on Friday.", "Accra"),
        ("Togo's trade envoy criticised Ghana's president on Friday.", None),
    ],
)
def test_a_meeting_with_the_host_is_at_the_dateline(
    nlp: Any, text: str, expected: str | None
) -> None:
    """A meeting is held where its host is: a report filed from the host's country places a
    visitor's meeting there; an act at a distance is not placed at the desk."""
    e = one(code(nlp, text, dateline="Accra"))
    assert pair(e) == ("TGO", "GHA")
    assert (e.location.name if e.location is not None else None) == expected


@pytest.mark.parametrize(("prep", "expected"), [("in", "Lagos"), ("for", None)])
def test_a_city_the_tagger_called_an_organisation_is_still_a_place(
    nlp: Any, prep: str, expected: str | None
) -> None:
    """A city's name after "in" is the place even when the tagger labels it an organisation."""
    from spacy.tokens import Span

    from dateline.events import places
    from dateline.nlp.gazetteer import Gazetteer

    doc = nlp(f"Volunteers handed out food to families {prep} Lagos on Monday.")
    city = next(t for t in doc if t.text == "Lagos")
    doc.ents = [Span(doc, city.i, city.i + 1, label="ORG")]
    ents = {t: ent for ent in doc.ents for t in range(ent.start, ent.end)}
    verb = next(t for t in doc if t.text == "handed")
    in_at = [t for t in doc if t.lower_ in places.IN_AT and t.dep_ == "prep"]
    where = places.sentence_location(verb, in_at, ents, Gazetteer.default(), stated=True)
    assert (where.name if where is not None else None) == expected


def test_a_place_inside_another_thing_is_no_location(nlp: Any) -> None:
    text = "Norway criticised Sweden on Monday over its stance in the Chad-Sudan dispute."
    e = one(code(nlp, text))
    assert pair(e) == ("NOR", "SWE") and e.location is None


@pytest.mark.parametrize(
    ("place", "expected"),
    [("Denver", ("Denver", "USA")), ("Vermont", ("Vermont", "USA"))],
)
def test_a_domestic_act_takes_the_home_place(
    nlp: Any, place: str, expected: tuple[str, str]
) -> None:
    """An act within the article's home country happened at its home place (the city the
    article names most, else its state the article names most), even when the sentence names
    none."""
    text = (
        f"Protests spread across {place} on Monday. {place} police detained dozens. "
        f"The mayor of {place} criticised the police chief on Tuesday."
    )
    events = [e for e in code(nlp, text, actors="none") if e.plover == "ACCUSE"]
    e = one(events)
    assert e.location is not None and (e.location.name, e.location.country) == expected


@pytest.mark.parametrize(
    ("last", "expected"),
    [
        ("The governor criticised the police chief in the state on Tuesday.", "Vermont"),
        ("A Vermont sheriff criticised the police chief on Tuesday.", "Vermont"),
        ("The governor criticised the police chief on Tuesday.", None),
        ("The governor criticised the police chief's visit to a Vermont school on Tuesday.", None),
    ],
)
def test_a_home_state_places_only_acts_whose_sentence_names_it(
    nlp: Any, last: str, expected: str | None
) -> None:
    """A state is too wide to be where every act of the article happened: an act is placed
    there when its sentence names the state or "the state" as a place or in its source's words,
    not as a word of another thing."""
    text = f"Protests spread across Vermont on Monday. Vermont police detained dozens. {last}"
    e = one([e for e in code(nlp, text, actors="none") if e.plover == "ACCUSE"])
    assert e.source is not None and e.source.country == "USA"
    assert (e.location.name if e.location is not None else None) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [("A Denver councillor", "Denver"), ("A Boston councillor", None)],
)
def test_a_source_of_another_city_is_not_at_the_home_place(
    nlp: Any, source: str, expected: str | None
) -> None:
    """One whose own words name another city or state acts from there, not from the article's
    home place (the sentence does not say where)."""
    text = (
        "Protests spread across Denver on Monday. Denver police detained dozens. "
        f"{source} criticised the police chief on Tuesday."
    )
    e = one([e for e in code(nlp, text, actors="none") if e.plover == "ACCUSE"])
    assert e.source is not None and e.source.country == "USA"
    assert (e.location.name if e.location is not None else None) == expected


def test_a_country_as_a_whole_is_no_home_place(nlp: Any) -> None:
    """An article that names no place within its home country does not tell where in it an
    act happened: the country as a whole is not its place."""
    text = (
        "Chilean unions called a strike on Monday. Chilean police detained dozens. "
        "The Chilean labour minister criticised the police chief on Tuesday."
    )
    events = [e for e in code(nlp, text, actors="none") if e.plover == "ACCUSE"]
    e = one(events)
    assert e.source is not None and e.source.country == "CHL"
    assert e.location is None


def test_the_day_an_earlier_sentence_set_dates_a_later_act(nlp: Any) -> None:
    text = "On Monday, Ghana recalled its ambassador from Togo. Ghana also criticised Togo."
    e = one([e for e in code(nlp, text) if e.plover == "ACCUSE"])
    assert (e.date, e.date_source) == ("2024-02-26", "context")


def test_a_day_of_the_last_two_weeks_sets_the_scene(nlp: Any) -> None:
    # twelve days before publication is still the news's own period: the day goes on
    text = "On February 17, Ghana recalled its ambassador from Togo. Ghana also criticised Togo."
    e = one([e for e in code(nlp, text) if e.plover == "ACCUSE"])
    assert (e.date, e.date_source) == ("2024-02-17", "context")


def test_an_intent_is_dated_by_its_telling(nlp: Any) -> None:
    # the day the union said it, not the publication day nor the day the strike would end
    text = "Ghana's dockers' union said on Tuesday that it would end its strike from Monday."
    e = one([e for e in code(nlp, text) if e.plover == "AGREE"])
    assert (e.date, e.date_source) == ("2024-02-27", "text")


def test_a_day_of_a_negated_act_sets_no_scene(nlp: Any) -> None:
    text = "Ghana did not recall its envoy on Monday. Ghana criticised Togo."
    e = one([e for e in code(nlp, text) if e.plover == "ACCUSE"])
    assert (e.date, e.date_source) == (PUBLISHED, "published")


def test_a_weekday_in_the_simple_present_is_to_come_and_dates_no_act(nlp: Any) -> None:
    # the talks are on the coming Monday; the recall is dated by its article
    text = "Ghana recalled its ambassador to Togo before talks, which open on Monday."
    e = one(code(nlp, text))
    assert (e.date, e.date_source) == (PUBLISHED, "published")
