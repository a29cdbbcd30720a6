"""The sides an act implies where the sentence names none, and the countries sides take
from the act's place or from each other.

    implied = ImpliedSides(gazetteer)
    implied.default_target(code, sources, targets, here, loc, someone, home)
    implied.default_source(code, country)      # "was detained in Ghana": Ghana's government
    localize(side, country)                    # "police" where it happens are of that country
    inherit(sources, targets)                  # "the president" is of the source's country

Runs after :mod:`.roles` has read the sides from the parse; the conventions are those of the
PLOVER gold data (a protest that names no target is against the government where it happens).
"""

from __future__ import annotations

from dataclasses import replace

from dateline.actors.codes import BODY_HEADS
from dateline.events import ontology
from dateline.events.model import Location, Participant
from dateline.nlp.gazetteer import Gazetteer

#: Roots of acts a government does at home when no one else is named (yield, refuse, coerce).
_DOMESTIC = frozenset({"08", "12", "17"})
#: Aid given (CAMEO 07).
_AID = "07"
#: Visits: the place visited is the host ("arrived in Abuja for a state visit").
_VISITS = frozenset({"042", "043"})
#: Roots of acts only a state does (investigate, sanction, coerce): a passive with no agent
#: was done by the government of the place.
_STATE_POWER = frozenset({"09", "16", "17"})
#: Roots of acts of force (coerce, assault, fight, mass violence).
FORCE_ROOTS = frozenset({"17", "18", "19", "20"})
#: The sector of civilians ("residents", "villagers", "people").
CIVILIANS = "CVL"
#: Sectors whose plural agents ("protesters", "police", "rebels") are local by default; plural
#: diplomats and delegations ("the two delegations", "both parties") come from anywhere.
_LOCAL_PLURAL = frozenset({"COP", "MIL", "CVL", "OPP", "REB", "LAB", "EDU", "AGR", "REF", "JUD"})
#: Plural agents of another sector that are local all the same: "the authorities" are the
#: government of the place the news is from ("rights groups urged the authorities to ..."),
#: where "officials" or "diplomats" may be anyone's.
_LOCAL_PLURAL_WORDS = frozenset({"authorities"})


class ImpliedSides:
    """The defaults of an act's sides; ``gazetteer`` names the countries they stand for."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer

    def default_target(
        self,
        code: str,
        sources: list[Participant],
        targets: list[Participant],
        here: Location | None,
        loc: Location | None,
        someone: list[Participant] | None = None,
        home: str | None = None,
    ) -> list[Participant]:
        """The target when the sentence names none it can resolve: a protest is against the
        government where it happens; a material act, a rejection or a threat is done to the
        country of the place the sentence names ("imposed a curfew in <a town>", "threatened to
        shut the ports in X"), and the people it names as acted on (``someone``: the targets that
        are no thing) are of that country ("police in X arrested *six suspects*"); a domestic
        measure (yielding, coercing, refusing) with no place is done at home (the source's
        country); aid that names no receiver and no place ("pledged $5 million in aid") goes
        to the country the article is about (``home``), when that is not the giver's."""
        root = code[:2]
        if root == "14":
            return self.protest_target(sources, loc) or targets
        quad = ontology.code(code).quad_class
        if (
            here is not None
            and here.country
            and (quad in (2, 4) or root in ("12", "13") or code in _VISITS)
        ):
            people = [t for t in someone or () if t.text] if code not in _VISITS else []
            if people:
                return [placed(t, here.country) for t in people]
            # the place keeps its name as the target's words ("shelled *Poonch district*")
            return [replace(self.country_participant(here.country), text=here.name)]
        # a giver of a country, or an international body (none of the home country)
        givers = {p.country or (p.code or "")[:3] for p in sources}
        if (
            root == _AID
            and home
            and sources
            and home not in givers
            and "" not in givers
            and not any(map(agentive, targets))
        ):
            return [self.country_participant(home)]
        if root in _DOMESTIC and not any(agentive(t) for t in targets):
            found = {p.country for p in sources if p.country}
            if len(found) == 1:
                # the phrase acted on keeps its words ("detained *the owner of a bakery*")
                # and takes the country
                country = found.pop()
                return [placed(t, country) for t in targets] or [self.country_participant(country)]
        return targets

    def default_source(self, code: str, country: str) -> list[Participant]:
        """The agent of a passive act of state power that names none ("was detained in
        Ghana", "was charged in Norway"): the government where it happens."""
        if code[:2] not in _STATE_POWER:
            return []
        return [self.country_participant(country, "GOV")]

    def protest_target(self, sources: list[Participant], loc: Location | None) -> list[Participant]:
        """A protest that names no target is against the government where it happens (else
        the protesters' own): the convention of the PLOVER gold data."""
        country = loc.country if loc is not None and loc.country else None
        if country is None:
            found = {p.country for p in sources if p.country}
            country = found.pop() if len(found) == 1 else None
        if country is None:
            return []
        return [self.country_participant(country, "GOV")]

    def country_participant(self, country: str, sector: str | None = None) -> Participant:
        entry = self.gaz.country_by_code(country)
        name = entry.name if entry else country
        return Participant(name, "", country, sector, country + (sector or ""), 0, 0, "inferred")


def placed(p: Participant, country: str) -> Participant:
    """The phrase with the country an act's place or source gives it (its words kept)."""
    return replace(p, country=country, code=country + (p.sector or ""), via="inferred")


def agentive(p: Participant) -> bool:
    """Known, or at least an agent whose country a default may supply ("President X")."""
    return p.known or (p.sector is not None and p.sector != "IGO")


def _localizable(p: Participant) -> bool:
    if p.country or p.sector == "IGO" or (p.code or "").startswith("IGO"):
        return False
    if p.name and (p.code or "").startswith(BODY_HEADS):
        return False  # a named body the actor table codes as of no country (an NGO, a firm)
    if p.via == "actors" and p.kind == "PERSON":
        return True  # a person the actors stage could not place
    if not p.sector:
        return False
    return (
        not p.plural
        or p.sector in _LOCAL_PLURAL
        or any(w in _LOCAL_PLURAL_WORDS for w in p.text.lower().split()[-1:])
    )


def civilians_at(side: list[Participant], country: str | None) -> list[Participant]:
    """Civilians an act of force is done to ("expelled the villagers", "shelled a camp's
    families"), whose country no word of theirs gives, are of the country where it happens
    (the dateline's when the sentence names no place), not of the forces acting on them
    (:func:`inherit` gave them the source's)."""
    if country is None:
        return side
    return [
        placed(p, country)
        if p.sector == CIVILIANS and (p.country is None or p.via == "inferred") and not p.named
        else p
        for p in side
    ]


def localize(
    side: list[Participant], country: str, named: bool = True, persons: bool = False
) -> list[Participant]:
    """Agents without a country acting where the event happens are of that country;
    ``named=False``: only those the text does not name ("police", not "Oman's envoy"), but
    with ``persons`` also the people the actors stage found without a country (mostly of the
    country the article is about)."""
    return [
        replace(p, country=country, code=country + (p.sector or ""), via="inferred")
        if _localizable(p) and (named or not p.named or (persons and p.kind == "PERSON"))
        else p
        for p in side
    ]


def inherit(
    sources: list[Participant], targets: list[Participant], home: str | None = None
) -> tuple[list[Participant], list[Participant]]:
    """A target named without a country ("the president", "police", "opposition groups")
    takes the source's country when the source has exactly one: domestic news names its own
    government without saying whose it is. (Not the other way: an attacker is seldom of
    his victims' country.) But a foreign source's "the government" or "the president", in an
    article with a ``home`` country (CAMEO code), is the home country's ("the US embassy
    urged the government to ..."): its own it would name."""

    def fill(side: list[Participant], other: list[Participant]) -> list[Participant]:
        countries = {p.country for p in other if p.country}
        if len(countries) != 1:
            return side
        (country,) = countries
        return [
            replace(p, country=at, code=at + (p.sector or ""), via="inferred")
            if _localizable(p)
            and (at := home if home and home != country and p.sector == "GOV" else country)
            else p
            for p in side
        ]

    return sources, fill(targets, sources)
