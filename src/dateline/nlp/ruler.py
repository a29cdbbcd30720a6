"""The gazetteer entity ruler: countries and cities as GPE, demonyms and regional adjectives as
NORP, regions as LOC, international organisations and platforms as ORG.

It fixes what the small English model gets wrong in news: "Pristina" as PERSON, "Skopje" or
"Kosovar" as ORG, "Moldovan PM Ana Lupu" as one WORK_OF_ART, "Kyiv" or "Facebook" missed,
"X, formerly Twitter" as PERSON. Every span it sets carries ``ent_id_`` ("country:ALB",
"demonym:ALB", "igo:EU", "place:3183875", "region:BALKANS", "platform:X") that
``Gazetteer.by_ent_id`` resolves.

Why a component after "ner" and not spaCy's EntityRuler: both placements of the EntityRuler
lose people. Before "ner", a preset "Albanian" leaves the model reading "PM Ana Lupu" as
nothing; after it with overwrite, the WORK_OF_ART goes and the person with it; either way
"European Court of Auditors" and "Russian Orthodox Church" are cut to an adjective. So this
component merges instead of overwriting (see ``_merge``). ``entity_patterns`` still gives the
same knowledge as EntityRuler patterns for anyone who wants the plain ruler.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from dateline.nlp.gazetteer import Gazetteer

RULER_NAME = "dateline_gazetteer"

#: Cities below this population enter the ruler only when they are capitals: smaller towns
#: share names with people and words too often to be forced onto the text.
RULER_MIN_CITY_POPULATION = 1_000_000

#: Words that, before a country name the ruler leaves to the model ("Chad", "Niger"), make
#: it the country: "in Chad", "from Niger", "to Jordan".
_PLACE_PREPOSITIONS = frozenset({"in", "from", "to", "into", "across", "towards", "toward"})
#: Words that, before a bare "X", make it the platform.
_X_CUES = frozenset({"on", "via", "to", "platform", "network"})
_DETERMINERS = frozenset({"the", "The"})
#: The possessive marks the tokenizer splits off a name ("Chile's", "the ministers'").
POSSESSIVE_MARKS = frozenset({"'s", "’s", "'", "’"})
#: Words that end organisation names: an ORG span with one of them is not a person after all.
_ORG_WORDS = frozenset(
    {
        *("Ministry", "Party", "Council", "Union", "Bank", "Group", "Agency", "Office"),
        *("Court", "Army", "Forces", "Committee", "Commission", "Department", "Parliament"),
        *("Assembly", "Government", "Association", "Organization", "Organisation", "Institute"),
        *("University", "Company", "Corporation", "Inc", "Ltd", "News", "Times", "Post"),
        *("Fund", "Foundation", "Authority", "Service", "Police", "Guard", "Front", "Movement"),
        *("Alliance", "Centre", "Center"),
    }
)


def entity_patterns(
    gazetteer: Gazetteer, *, min_city_population: int = RULER_MIN_CITY_POPULATION
) -> list[dict[str, Any]]:
    """Phrase patterns in spaCy EntityRuler format, one per name, with ``id`` set."""
    patterns: list[dict[str, Any]] = []
    seen: set[str] = set()

    def add(label: str, names: tuple[str, ...], ent_id: str) -> None:
        for name in names:
            # The first table to claim a name keeps it: organisations and regions before
            # countries before cities ("Gaza" the territory, "Kuwait" the country).
            if name and name not in seen and name not in gazetteer.ruler_exclude:
                seen.add(name)
                patterns.append({"label": label, "pattern": name, "id": ent_id})

    for igo in gazetteer.igos:
        add("ORG", (igo.name, *igo.aliases), igo.ent_id)
    for platform in gazetteer.platforms:
        add("ORG", (platform.name, *platform.aliases), platform.ent_id)
    for ngo in gazetteer.ngos:
        add("ORG", (ngo.name, *ngo.aliases), ngo.ent_id)
    for region in gazetteer.regions:
        add(region.label, (region.term,), region.ent_id)
    for country in gazetteer.countries:
        add("GPE", (country.name, *country.aliases), country.ent_id)
    for demonym in gazetteer.demonyms:
        add("NORP", (demonym.adjective, *demonym.people), demonym.ent_id)
    ranked = sorted(gazetteer.places, key=lambda p: (not p.capital, -p.population))
    for place in ranked:
        if place.capital or place.population >= min_city_population:
            add("GPE", (place.name, *place.aliases), place.ent_id)
    return patterns


class GazetteerRuler:
    """A pipeline component (a callable over a Doc) that merges gazetteer matches into
    ``doc.ents`` after the statistical NER."""

    def __init__(self, nlp: Language, gazetteer: Gazetteer, min_city_population: int) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.titles = gazetteer.title_words
        by_key: dict[str, list[str]] = {}
        for pattern in entity_patterns(gazetteer, min_city_population=min_city_population):
            by_key.setdefault(f"{pattern['label']}|{pattern['id']}", []).append(pattern["pattern"])
        # make_doc only: the patterns need the tokenizer, not the whole pipeline
        for key, names in by_key.items():
            self.matcher.add(key, [nlp.make_doc(name) for name in names])
        self.n_patterns = sum(len(names) for names in by_key.values())
        # Country names kept out of the patterns for being also a person's or a word's: the
        # country where the context says a place (see ``_ambiguous_countries``).
        self.ambiguous: dict[str, str] = {}
        for country in gazetteer.countries:
            for name in (country.name, *country.aliases):
                if name in gazetteer.country_in_context:
                    self.ambiguous[name] = country.ent_id
        # The words the token scans look for, as vocabulary ids: the scans find them in the
        # Doc's ORTH array, not by making a Token of every word (most of the ruler's time).
        self._x = nlp.vocab.strings["X"]
        self._ambiguous_ids = np.array(
            sorted(nlp.vocab.strings[name] for name in self.ambiguous), dtype=np.uint64
        )

    def __call__(self, doc: Doc) -> Doc:
        found: list[Span] = []
        orths = doc.to_array(ORTH)
        for match_id, start, end in self.matcher(doc):
            label, _, ent_id = doc.vocab.strings[match_id].partition("|")
            found.append(Span(doc, start, end, label=label, span_id=ent_id))
        found.extend(self._platform_x(doc, np.flatnonzero(orths == self._x).tolist()))
        ents = self._trim_titles(doc, self._merge(doc, filter_spans(found)))
        if self.ambiguous:
            at = np.flatnonzero(np.isin(orths, self._ambiguous_ids)).tolist()
            ents = self._ambiguous_countries(doc, ents, at)
        doc.ents = sorted(ents, key=lambda span: span.start)
        return doc

    def _ambiguous_countries(self, doc: Doc, ents: list[Span], at: list[int]) -> list[Span]:
        """A name of ``self.ambiguous`` is the country when the model found it as anything
        but a person (it sees a name, not which: "Niger" as ORG or even DATE in "the junta
        in Niger"), or found nothing there and a place preposition comes before it and no
        capitalised word after it ("in Niger", not "Niger Delta" or "in Niger State").
        ``at``: the indices of the tokens that are such a name, in order."""
        out: list[Span] = []
        covered: set[int] = set()
        for ent in ents:
            start = ent.start + (1 if ent[0].text in _DETERMINERS else 0)
            ent_id = self.ambiguous.get(doc[start : ent.end].text) if not ent.id_ else None
            if ent_id is not None and ent.label_ != "PERSON":
                ent = Span(doc, ent.end - 1, ent.end, label="GPE", span_id=ent_id)
            out.append(ent)
            covered.update(range(ent.start, ent.end))
        for i in at:
            token = doc[i]
            ent_id = self.ambiguous.get(token.text)
            if ent_id is None or token.i in covered or token.i == 0:
                continue
            after = doc[token.i + 1] if token.i + 1 < len(doc) else None
            if doc[token.i - 1].lower_ in _PLACE_PREPOSITIONS and not (
                after is not None and after.is_title and after.text not in POSSESSIVE_MARKS
            ):
                out.append(Span(doc, token.i, token.i + 1, label="GPE", span_id=ent_id))
        return out

    def _merge(self, doc: Doc, matches: list[Span]) -> list[Span]:
        """Gazetteer matches against the model's entities, one rule per way they meet:

        - no entity there: ours is added ("Kyiv", "Facebook" the model missed);
        - the same words, maybe after "the": our label and id on the model's span
          ("Pristina" as PERSON, "the EU"; a possessive the model took in is cut off first:
          "the African Union's"), except that a region the model calls LOC stays
          LOC ("the Pacific");
        - the model's span holds ours and goes on with a title and a name: split into ours and
          the PERSON ("Moldovan PM Ana Lupu" as WORK_OF_ART or ORG); with a title only, ours
          alone ("Greek PM" as WORK_OF_ART before the name the model found);
        - otherwise the model's longer span stays ("European Court of Auditors",
          "African-American", "Maria Olsen", "Pact for the Future");
        - a span crossing ours: ours wins.
        """
        ents = [_without_possessive(doc, e) for e in doc.ents]
        for match in matches:
            overlapping = [e for e in ents if e.start < match.end and match.start < e.end]
            if not overlapping:
                ents.append(match)
                continue
            if len(overlapping) == 1:
                ent = overlapping[0]
                start = ent.start + (1 if ent[0].text in _DETERMINERS else 0)
                if (start, ent.end) == (match.start, match.end):
                    label = match.label_
                    if ent.label_ == "LOC" and match.id_.startswith("region:"):
                        label = "LOC"
                    ents.remove(ent)
                    ents.append(Span(doc, ent.start, ent.end, label=label, span_id=match.id_))
                    continue
                if ent.start <= match.start and match.end <= ent.end:
                    person = None
                    if match.start == start:
                        person = self._person_after_title(doc, match.end, ent.end)
                    if person is not None:
                        ents.remove(ent)
                        ents.extend((match, person))
                    elif match.start == start and self._only_titles(doc, match.end, ent.end):
                        ents.remove(ent)  # "Greek PM" as WORK_OF_ART: the title is no entity
                        ents.append(match)
                    continue  # the model's longer name stays
            for ent in overlapping:
                ents.remove(ent)
            ents.append(match)
        return filter_spans(ents)

    def _only_titles(self, doc: Doc, start: int, end: int) -> bool:
        return start < end and all(t.text in self.titles for t in doc[start:end])

    def _person_after_title(self, doc: Doc, start: int, end: int) -> Span | None:
        """The name after a title in doc[start:end] ("PM Ana Lupu" -> "Ana Lupu"), if the
        words open with a title and end with capitalised words."""
        i = start
        while i < end and doc[i].text in self.titles:
            i += 1
        if i in (start, end):
            return None
        if not all(
            ((t.is_alpha and t.is_title) or t.text in {"-", "'"}) and t.text not in _ORG_WORDS
            for t in doc[i:end]
        ):
            return None
        return Span(doc, i, end, label="PERSON")

    def _trim_titles(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """PERSON spans start at the name: "President Maia Sandu" -> "Maia Sandu"; a two- or
        three-word ORG right after a title is a person ("Chancellor Olaf Scholz"); a title word
        before another ("Defense Minister") is no organisation."""
        out = []
        for ent in ents:
            if (
                ent.label_ == "ORG"
                and len(ent) == 1
                and ent[0].text in self.titles
                and ent.end < len(doc)
                and doc[ent.end].text in self.titles
            ):
                continue  # "Defense" as ORG in "Dutch Defense Minister Jan Visser"
            if ent.label_ == "PERSON" and ent[0].text in self.titles:
                person = self._person_after_title(doc, ent.start, ent.end)
                if person is not None:
                    ent = person
            elif (
                ent.label_ == "ORG"
                and not ent.id_
                and 2 <= len(ent) <= 3
                and ent.start > 0
                and doc[ent.start - 1].text in self.titles
                and all(t.is_alpha and t.is_title and t.text not in _ORG_WORDS for t in ent)
            ):
                ent = Span(doc, ent.start, ent.end, label="PERSON")
            out.append(ent)
        return out

    @staticmethod
    def _platform_x(doc: Doc, at: list[int]) -> list[Span]:
        """The bare "X" as the platform, only where the context says so (``at``: the indices
        of the tokens "X", in order)."""
        spans = []
        for i in at:
            token = doc[i]
            if token.text != "X":
                continue
            prev = doc[token.i - 1].lower_ if token.i > 0 else ""
            after = doc[token.i + 1 : token.i + 4].text.lower().lstrip(",( ")
            if prev in _X_CUES or after.startswith("formerly twitter"):
                spans.append(Span(doc, token.i, token.i + 1, label="ORG", span_id="platform:X"))
        return spans


def _without_possessive(doc: Doc, ent: Span) -> Span:
    """The model's span without a possessive it took in ("the African Union's" -> "the
    African Union"): the name is the same actor with or without it."""
    if len(ent) > 1 and ent[-1].text in POSSESSIVE_MARKS:
        return Span(doc, ent.start, ent.end - 1, label=ent.label_, span_id=ent.id_)
    return ent


@Language.factory(
    RULER_NAME,
    default_config={"min_city_population": RULER_MIN_CITY_POPULATION},
)
def make_gazetteer_ruler(nlp: Language, name: str, min_city_population: int) -> GazetteerRuler:
    return GazetteerRuler(nlp, Gazetteer.default(), min_city_population)


def add_entity_ruler(nlp: Language, *, after: str = "ner") -> None:
    """Add the gazetteer ruler after ``after`` (or last when the pipeline has no such pipe)."""
    if RULER_NAME in nlp.pipe_names:
        return
    if after in nlp.pipe_names:
        nlp.add_pipe(RULER_NAME, after=after)
    else:
        nlp.add_pipe(RULER_NAME, last=True)
