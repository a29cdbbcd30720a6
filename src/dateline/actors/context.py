"""What the words around a name say about the person: role, country, organisation.

    Moldovan Prime Minister Ana Lupu        title before the name, a demonym before the title
    Chile's president Tomas Reyes           a possessive country
    NATO Secretary-General X                an international organisation
    Tomas Reyes, president of Chile,        an apposition, "of" a country
    X, the Moldovan prime minister,         an apposition with a determiner
    the Kenyan leader / the president of Kenya          a description (no name)

The same reading serves names (``before``/``after``) and descriptions (``description_at``).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from dateline.actors.codes import split_code
from dateline.actors.kb import KnowledgeBase
from dateline.actors.roles import Role, RoleTable
from dateline.nlp import paragraph_sentences, text_of
from dateline.nlp.gazetteer import Gazetteer, Igo
from dateline.nlp.ruler import POSSESSIVE_MARKS

_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her"})
#: Words back from the comma before a name that the "of" of a title's phrase is looked for in.
_OF_REACH = 7
_DEFINITE = frozenset({"the"})
#: Words that join the parts of a portfolio ("Mines and Energy", "Trade & Industry").
_JOINERS = frozenset({"and", "&"})
#: Tokens that may follow an apposition's title (the apposition ends there).
_APPOSITION_END = frozenset({",", ".", ")", ";", ":", "—", "–", "-", "and", "who", "which", "'s"})
_QUOTES = re.compile(r"[\"“”«»„]")


@dataclass(slots=True)
class Reading:
    """What a title phrase says: the role, the country (ISO3), the organisation, and the tokens
    it covers (``start``..``end``, the name excluded)."""

    role: Role | None
    country: str | None
    igo: Igo | None
    start: int
    end: int
    #: the sector of an organisation the title names ("director of the Tax Institute" -> EDU)
    org_sector: str | None = None


class DocIndex:
    """Per-doc lookups built once: the entity each token is in, and quoted character ranges."""

    def __init__(self, doc: Doc, kb: KnowledgeBase | None = None, day: str | None = None) -> None:
        self.doc = doc
        self.kb = kb
        self.day = day
        self.ent_at: list[Span | None] = [None] * len(doc)
        for ent in doc.ents:
            for i in range(ent.start, ent.end):
                self.ent_at[i] = ent
        self.quoted = quoted_ranges(text_of(doc))
        self._quote_starts = [a for a, _ in self.quoted]
        self.gazetteer = Gazetteer.default()
        self.roles = RoleTable.default()
        self.has_sents = doc.has_annotation("SENT_START")
        #: token texts, lowercased, and whether each token is inside quotation marks: plain
        #: lists, as making spaCy Token objects in the scans costs more than the scans
        self.lower: list[str] = []
        self.quoted_token: list[bool] = []
        for token in doc:
            self.lower.append(token.lower_)
            self.quoted_token.append(self.in_quotes(token.idx))
        self._sents = list(doc.sents) if self.has_sents else []
        self._sent_starts = [s.start for s in self._sents]
        #: the sentences cut at paragraph breaks the parse ran them over
        self._pieces = list(paragraph_sentences(doc)) if self.has_sents else []
        self._piece_starts = [p.start for p in self._pieces]
        #: each sentence's text once read (a Span's text is a join of its tokens)
        self._sent_texts: dict[int, str] = {}

    def in_quotes(self, char: int) -> bool:
        i = bisect.bisect_right(self._quote_starts, char) - 1
        return i >= 0 and char < self.quoted[i][1]

    def sent_of(self, token: int) -> Span:
        """The sentence of a token (the whole doc when it has no sentence boundaries), cut
        at a paragraph break the parse ran it over ("…it will." ¶ "X disagreed." read as
        one): a paragraph opens a sentence."""
        if not self._pieces:
            return self.doc[:]
        return self._pieces[bisect.bisect_right(self._piece_starts, token) - 1]

    def sentence(self, span: Span) -> str:
        if not self._sents:
            return text_of(self.doc)
        n = bisect.bisect_right(self._sent_starts, span.start) - 1
        if n not in self._sent_texts:
            self._sent_texts[n] = self._sents[n].text
        return self._sent_texts[n]

    def country_of_ent(self, ent: Span) -> str | None:
        """ISO3 of a country, demonym or city entity ("Albanian", "Serbia", "Tirana")."""
        country = self.gazetteer.country_of_entity(ent)
        return country.iso3 if country else None

    def igo_of_ent(self, ent: Span) -> Igo | None:
        if ent.label_ != "ORG" or not ent.id_.startswith("igo:"):
            return None
        entry = self.gazetteer.by_ent_id(ent.id_)
        return entry if isinstance(entry, Igo) else None

    def modifiers_before(self, i: int, titled: bool = True) -> tuple[str | None, Igo | None, int]:
        """A country or organisation right before token ``i`` ("Albanian", "Serbia's",
        "NATO"), skipping "former"-like words; returns (country, igo, first token). A bare
        country name counts only before a title (``titled``): "US President X"."""
        doc = self.doc
        j = i
        while j > 0 and doc[j - 1].lower_ in self.roles.words["title_modifier"]:
            j -= 1
        if j == 0:
            return None, None, i
        k = j - 1
        possessive = doc[k].text in POSSESSIVE_MARKS
        if possessive:
            k -= 1
        ent = self.ent_at[k] if k >= 0 else None
        if ent is None or ent.end != k + 1:
            return None, None, i
        country = self.country_of_ent(ent)
        igo = None if country else self.igo_of_ent(ent)
        if country is None and igo is None:
            return None, None, i
        bare_country_ok = titled and ent.id_.startswith("country:")
        if ent.label_ == "GPE" and not possessive and not bare_country_ok:
            return None, None, i  # "US President X", not "in Albania X said" or "Paris Hilton"
        return country, igo, ent.start

    def before(self, name_start: int) -> Reading | None:
        """The title (and its modifiers) right before a name at ``name_start``: "Albanian PM
        X", "Chile's president, X", "President of Kenya X"."""
        doc = self.doc
        found = self.roles.title_ending(doc, name_start)
        end = name_start
        if found is None and name_start > 1 and doc[name_start - 1].text == ",":
            end = name_start - 1
            found = self.roles.title_ending(doc, end)  # "Kyiv's mayor, X"
            if found is not None:
                # "the EU's foreign affairs spokesperson, X": words of the title's field
                k = found[1]
                while k > 0 and doc[k - 1].pos_ in {"NOUN", "ADJ"} and doc[k - 1].is_lower:
                    k -= 1
                if k > 0 and (
                    doc[k - 1].text in POSSESSIVE_MARKS
                    or doc[k - 1].lower_ in _DEFINITE
                    or self.ent_at[k - 1] is not None
                ):
                    found = (found[0], k)
                else:
                    found = None  # "a lawyer and politician, X": a list, not X's title
        if found is None:
            found = self.portfolio_ending(end)
        of_country: tuple[str | None, Igo | None] = (None, None)
        if found is None and end > 2:
            ent = self.ent_at[end - 1]
            if ent is not None and ent.end == end and ent.start > 1:
                of = ent.start - (2 if doc[ent.start - 1].lower_ == "the" else 1)
                if doc[of].lower_ in {"of", "to"}:
                    found = self.roles.title_ending(doc, of)
                    if found is not None and doc[of].lower_ == "of":
                        of_country = (self.country_of_ent(ent), self.igo_of_ent(ent))
                    # "Chile's ambassador to the African Union, X": the title is X's, the
                    # body or country after "to" is where X serves, not whom X serves
        if found is None and end > 2 and end < name_start:
            phrase_of = self._of_before(end)
            if phrase_of is not None:
                # "The chairman of the country's electoral commission, X"
                found = self.roles.title_ending(doc, phrase_of)
        country, igo, start = None, None, name_start
        role = None
        if found is not None:
            role, start = found
            while start < name_start and self.doc[start].lower_ in _DETERMINERS:
                start += 1
            if role.group == "minister":
                role, start = self._portfolio(role, start, end)
        org_sector, org_country = None, None
        org = self.ent_at[start - 1] if role is not None and start > 0 else None
        seat = None
        if org is not None and org.label_ == "GPE" and org.start > 1:
            # "Electoral Commission of Kenya chairperson X": the body, of that country
            outer = self.ent_at[org.start - 2] if doc[org.start - 1].lower_ == "of" else None
            if outer is not None and outer.label_ == "ORG":
                seat, org = self.country_of_ent(org), outer
        if org is not None:
            org_country, org_sector = self.org_of(org)
            org_country = org_country or seat
            if org_sector is not None:
                start = org.start  # "Harvard University professor X", "Hamas leader X"
        title_start = start
        country, igo, start = self.modifiers_before(start, titled=role is not None)
        country, igo = country or of_country[0] or org_country, igo or of_country[1]
        if role is not None and country is None and igo is None:
            # "EU foreign policy chief X", "Russian Foreign Ministry spokeswoman X": the
            # country or organisation sits in an entity the title overlaps
            country, igo = self._inside(title_start, name_start)
        if role is None and country is None and igo is None:
            return self._owned_by_org(name_start)
        if role is not None and role.generic and start == title_start and start > 0:
            before = self.doc[start - 1]
            if before.pos_ in {"NOUN", "ADJ", "PROPN"}:
                # "refugee leader X", "Hamas leader X": a leader, of the sector the
                # organisation's name gives, else the one the word before gives as a group
                # ("union", "students") or as a person's role ("refugee"), if any
                role = replace(role, sector=org_sector or self._group_sector(start - 1))
            elif self._common_possessor(start):
                # "Bolivian truckers' leader X": the leader of a group, of the group's sector
                # if the tables know it, and of the country named before the group
                role = replace(role, sector=self._group_sector(start - 2))
                country, igo, start = self.modifiers_before(start - 2, titled=False)
                if country is None and igo is None:
                    start = title_start
        elif role is not None and start == title_start and self._common_possessor(start):
            # "the union's secretary-general, X", "the party's chairman, X": a title held at a
            # body the text names by a common noun is of the body's sector
            owner = self.roles.org_head([self.doc[start - 2].text])
            if owner is not None:
                role = replace(role, sector=owner)
        return Reading(role, country, igo, start, name_start, org_sector)

    def _common_possessor(self, start: int) -> bool:
        """Whether a common noun in the possessive stands right before the title at ``start``
        ("the union's", "Bolivian truckers'"): a body or group no entity names (a named owner
        is read as an entity)."""
        doc = self.doc
        return (
            start > 1
            and doc[start - 1].text in POSSESSIVE_MARKS
            and doc[start - 2].pos_ == "NOUN"
            and self.ent_at[start - 2] is None
        )

    def _owned_by_org(self, name_start: int) -> Reading | None:
        """ "Amnesty International's X", "Fox News Channel's X": a name owned by an
        organisation whose name gives a sector (or the knowledge base a code) is someone of
        that organisation. A person's or a country's possessive is no such reading."""
        if name_start < 2 or self.doc[name_start - 1].text not in POSSESSIVE_MARKS:
            return None
        org = self.ent_at[name_start - 2]
        if org is None or org.end != name_start - 1:
            return None
        country, sector = self.org_of(org)
        if sector is None:
            return None
        return Reading(None, country, None, org.start, name_start, sector)

    def _group_sector(self, i: int) -> str:
        """The sector token ``i`` gives as a group ("union", "students") or as a person's role
        ("refugee"), else "" (a leader of it leads no government)."""
        word = self.doc[i].text
        return self.roles.org_head([word]) or getattr(self.roles.role(word), "sector", "") or ""

    def _inside(self, lo: int, hi: int) -> tuple[str | None, Igo | None]:
        seen: set[int] = set()
        for k in range(lo, hi):
            ent = self.ent_at[k]
            if ent is None or ent.start in seen:
                continue
            seen.add(ent.start)
            igo = self.igo_of_ent(ent)
            if igo is not None:
                return None, igo
            country = self.country_of_ent(ent)
            if country is None and ent.label_ == "ORG":
                for token in ent:
                    found = self.gazetteer.country_by_demonym(token.text)
                    if found is not None and token.is_title:
                        country = found.iso3
                        break
            if country is not None:
                return country, None
        return None, None

    def _portfolio(self, role: Role, start: int, end: int) -> tuple[Role, int]:
        """A minister's title with the capitalised portfolio before it that the table does
        not list ("Disaster Management Minister", "Mines and Energy Minister"): the portfolio
        is part of the title, and a demonym or country before it is the minister's country
        ("Brazilian" in "Brazilian Mines and Energy Minister X"), not a word of the office."""
        doc, skip = self.doc, self.roles.words["title_modifier"]
        i = start
        while i > 0 and start - i < 5:
            t = doc[i - 1]
            if t.lower_ in _JOINERS:
                i -= 1
                continue
            if not t.is_title or t.pos_ not in {"PROPN", "NOUN", "ADJ"}:
                break
            if t.lower_ in _DETERMINERS or t.lower_ in skip or t.ent_type_ == "PERSON":
                break
            if self.gazetteer.country_by_demonym(t.text) or self.gazetteer.country_by_name(t.text):
                break
            i -= 1
        while i < start and doc[i].lower_ in _JOINERS:
            i += 1
        if i == start:
            return role, start
        title = doc[i:end].text
        return Role(title, title, role.sector, role.group, False), i

    def portfolio_ending(self, end: int) -> tuple[Role, int] | None:
        """ "Minister of Industry and Trade" (any capitalised portfolio) before token ``end``:
        a minister's title the table does not list, with its first token."""
        doc = self.doc
        i = end
        while i > 0 and end - i < 6 and (doc[i - 1].is_title or doc[i - 1].lower_ in _JOINERS):
            i -= 1
        if i == end or i < 2 or doc[i].lower_ in _JOINERS:
            return None
        if doc[i - 1].lower_ not in {"of", "for"}:
            return None
        found = self.roles.title_ending(doc, i - 1)
        if found is None or found[0].group != "minister":
            return None
        role, start = found
        title = f"{doc[start:i].text} {doc[i:end].text}"
        return Role(title, title, role.sector, role.group, False), start

    def _of_before(self, comma: int) -> int | None:
        """The "of" that opens the noun phrase ending at the comma before a name ("the head
        of the country's largest union, X"): a few words with no verb or punctuation between,
        in the name's sentence; None when there is none."""
        doc = self.doc
        for k in range(comma - 1, max(comma - _OF_REACH, 0), -1):
            tok = doc[k]
            if tok.lower_ == "of":
                return k if k < comma - 1 else None
            if tok.is_sent_start or tok.pos_ in {"VERB", "AUX", "PUNCT", "SPACE", "CCONJ"}:
                return None
        return None

    def after(self, name_end: int) -> Reading | None:
        """An apposition after a name ending at ``name_end``: ", (the) (Serbian) president (of
        Serbia)"."""
        doc, skip = self.doc, self.roles.words["title_modifier"]
        if name_end >= len(doc) - 1 or doc[name_end].text != ",":
            return None
        j = name_end + 1
        while j < len(doc) and (doc[j].lower_ in _DETERMINERS or doc[j].lower_ in skip):
            j += 1
        ent, country, igo = self.place_at(j)
        if ent is not None and (country or igo):
            j = ent.end
            if j < len(doc) and doc[j].text in POSSESSIVE_MARKS:
                j += 1
        found = self.roles.title_starting(doc, j)
        k = j
        while found is None and k < j + 2 and k < len(doc) - 1 and _describing(doc[k]):
            # "the U.N. refugee policy envoy": words of the office before its title
            k += 1
            found = self.roles.title_starting(doc, k)
        if found is None:
            return None
        role, end = found
        c2, igo2, end = self.of_phrase(end)
        country, igo = country or c2, igo or igo2
        org_sector = self.org_after(end)
        if (
            end < len(doc)
            and doc[end].lower_ not in _APPOSITION_END
            and doc[end].pos_ != "ADP"  # "X, a doctor at the hospital, said"
            and not doc[end].is_sent_start
        ):
            return None
        return Reading(role, country, igo, name_end, end, org_sector)

    def org_after(self, i: int) -> str | None:
        """The sector of an organisation "of"/"at"/"for" which a title is held."""
        doc = self.doc
        if i + 1 < len(doc) and doc[i].lower_ in {"of", "at", "for"}:
            ent = self.ent_at[i + 1]
            if ent is not None and ent.start in {i + 1, i + 2}:
                return self.org_sector_of(ent)
        return None

    def org_sector_of(self, ent: Span) -> str | None:
        return self.org_of(ent)[1]

    def org_of(self, ent: Span) -> tuple[str | None, str | None]:
        """(country, sector) of an organisation entity: the knowledge base's code for it
        ("Hamas" -> PSE, REB), else the sector its words give ("University" -> EDU)."""
        if ent.label_ != "ORG" or ent.id_:
            return None, None
        text = ent[1:].text if ent[0].lower_ == "the" and len(ent) > 1 else ent.text
        known = self.kb.lookup_org(text, self.day) if self.kb is not None else None
        code = known.code_at(self.day) if known is not None else None
        if code:
            return split_code(code)
        return self.country_in_name(ent), self.roles.org_sector(text)

    def country_in_name(self, ent: Span) -> str | None:
        """The country an organisation's name holds: the country or city its name ends with
        after "of" ("Bank of Ghana", "University of Lagos"), else a word of it that is a
        country's name or demonym ("Kenyan Red Cross", "Ghana Police Service")."""
        ofs = [t.i for t in ent if t.lower_ == "of"]
        if ofs and ofs[-1] + 1 < ent.end:
            tail = self.doc[ofs[-1] + 1 : ent.end]
            tail = tail[1:] if tail[0].lower_ == "the" and len(tail) > 1 else tail
            place = self.gazetteer.country_by_name(tail.text) or self.gazetteer.place_by_name(
                tail.text
            )
            if place is not None:
                return place.iso3
        for token in ent:
            if token.is_title or token.is_upper:
                country = self.gazetteer.country_by_demonym(
                    token.text
                ) or self.gazetteer.country_by_name(token.text)
                if country is not None:
                    return country.iso3
        return None

    def of_phrase(self, i: int) -> tuple[str | None, Igo | None, int]:
        """ "of Serbia" / "of the EU" at token ``i``: (country, igo, token after)."""
        doc = self.doc
        if i + 1 < len(doc) and doc[i].lower_ in {"of", "for"}:
            ent = self.ent_at[i + 1]
            if ent is not None and ent.start in {i + 1, i + 2}:
                country = self.country_of_ent(ent)
                igo = None if country else self.igo_of_ent(ent)
                if country or igo:
                    return country, igo, ent.end
        return None, None, i

    def place_at(self, j: int) -> tuple[Span | None, str | None, Igo | None]:
        """The entity starting at token ``j`` (None when none starts there) and the country or
        the IGO it names."""
        ent = self.ent_at[j] if j < len(self.doc) else None
        if ent is None or ent.start != j:
            return None, None, None
        country = self.country_of_ent(ent)
        return ent, country, None if country else self.igo_of_ent(ent)

    def description_at(self, i: int) -> Reading | None:
        """A description starting at token ``i``: "the Kenyan president", "the president of
        Kenya", "Chile's president", "the prime minister". Not followed by a name."""
        doc = self.doc
        if doc[i].lower_ not in _DEFINITE and doc[i].ent_type_ not in {"GPE", "NORP", "ORG"}:
            return None
        start = i
        j = i + 1 if doc[i].lower_ in _DEFINITE else i
        while j < len(doc) and doc[j].lower_ in self.roles.words["title_modifier"]:
            j += 1
        ent, country, igo = self.place_at(j)
        if ent is not None:
            if not (country or igo):
                return None
            j = ent.end
            if j < len(doc) and doc[j].text in POSSESSIVE_MARKS:
                j += 1
            elif ent.label_ == "GPE" and not ent.id_.startswith("country:"):
                return None
        elif doc[i].lower_ not in _DEFINITE:
            return None
        found = self.roles.title_starting(doc, j)
        if found is None:
            return None
        role, end = found
        if end < len(doc) and (doc[end].ent_type_ == "PERSON" or doc[end].pos_ == "PROPN"):
            return None  # a title before a name, not a description
        if end < len(doc) and doc[end].lower_ in {"'s", "’s"} and end + 1 < len(doc):
            pass  # "the president's office": still a reference to the president
        c2, igo2, end = self.of_phrase(end)
        return Reading(role, country or c2, igo or igo2, start, end)


def _describing(tok: Token) -> bool:
    """A lower-case adjective or noun inside a title's phrase ("humanitarian affairs")."""
    return tok.pos_ in ("ADJ", "NOUN") and tok.is_lower and tok.dep_ in ("amod", "compound")


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks, paragraph by paragraph (an unclosed quote ends
    with its paragraph, as news reopens quotes on each paragraph)."""
    ranges: list[tuple[int, int]] = []
    offset = 0
    for para in text.split("\n"):
        marks = [m.start() for m in _QUOTES.finditer(para)]
        for a, b in zip(marks[::2], marks[1::2], strict=False):
            ranges.append((offset + a, offset + b + 1))
        if len(marks) % 2:
            ranges.append((offset + marks[-1], offset + len(para)))
        offset += len(para) + 1
    return ranges
