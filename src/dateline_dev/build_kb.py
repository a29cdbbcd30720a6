"""Build ``dateline/data/actors/kb.tsv``, the knowledge base of well-known actors.

    python -m dateline_dev.build_kb [--reference DIR] [--out FILE]

Reads PETRARCH-2's actor dictionaries (``petrarch2-Phoenix.Countries.actors.txt``, and the
International and MilNonState ones; MIT, see NOTICE) from ``DIR`` (default
``../shared/data/events/reference``) and writes facts only, in dateline's own format: one row
per actor (key, name, aliases, type, and its CAMEO-style codes with their tenure dates).
Country entries themselves ("ALBANIA_ [ALB]") are left to the gazetteer, aliases that carry a
title ("PRESIDENT_PUTIN_") are dropped (the actors stage reads titles from the text), except that
a title and the surname alone ("PRESIDENT_BUSH") gives the bare surname, and so are
actors whose every code is an unspecified elite or whose name is a single word.

The dictionary's dates are ``YYMMDD`` (``19YYMMDD`` before 1930): ``[RUSGOV >080508]`` means
from 8 May 2008 on, ``<`` before a date, ``a-b`` between two; an undated code is the default.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from dateline.actors.codes import split_code

DEFAULT_REFERENCE = Path("../shared/data/events/reference")
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "dateline" / "data" / "actors" / "kb.tsv"
FILES = (
    "petrarch2-Phoenix.Countries.actors.txt",
    "petrarch2-Phoenix.International.actors.txt",
    "petrarch2-Phoenix.MilNonState.actors.txt",
)
HEADER = "key\tname\taliases\ttype\ttenures"

_CODE = re.compile(r"\[([^\]]*)\]")
#: Words in an entry's name that make it an organisation rather than a person.
_ORG_WORDS = frozenset(
    [
        "STATE",
        "REPUBLIC",
        "KINGDOM",
        "EMIRATE",
        "CALIPHATE",
        "ARMY",
        "FORCES",
        "FORCE",
        "MINISTRY",
        "PARTY",
        "COUNCIL",
        "UNION",
        "BANK",
        "GROUP",
        "AGENCY",
        "OFFICE",
        "COURT",
        "COMMITTEE",
        "COMMISSION",
        "DEPARTMENT",
        "PARLIAMENT",
        "ASSEMBLY",
        "GOVERNMENT",
        "ASSOCIATION",
        "ORGANIZATION",
        "ORGANISATION",
        "INSTITUTE",
        "UNIVERSITY",
        "COMPANY",
        "CORPORATION",
        "FUND",
        "FOUNDATION",
        "AUTHORITY",
        "SERVICE",
        "POLICE",
        "GUARD",
        "FRONT",
        "MOVEMENT",
        "ALLIANCE",
        "CENTRE",
        "CENTER",
        "BRIGADE",
        "BRIGADES",
        "LEAGUE",
        "NATIONS",
        "PROGRAMME",
        "PROGRAM",
        "TRIBUNAL",
        "SECRETARIAT",
        "NAVY",
        "MILITIA",
        "REBELS",
        "INITIATIVE",
        "CONFERENCE",
        "NETWORK",
        "CONGRESS",
        "SENATE",
        "BUREAU",
        "BOARD",
        "FEDERATION",
        "COALITION",
        "ARMED",
        "MILITARY",
        "FACTION",
        "COMMAND",
        "BATTALION",
        "REGIMENT",
        "DIVISION",
        "CORPS",
        "INTELLIGENCE",
        "SECURITY",
    ]
)
#: Title words: an alias with one of them is a title form, not a name.
_TITLE_WORDS = frozenset(
    [
        "PRESIDENT",
        "PRIME",
        "MINISTER",
        "PM",
        "CHANCELLOR",
        "KING",
        "QUEEN",
        "PRINCE",
        "EMIR",
        "SULTAN",
        "SHEIKH",
        "GENERAL",
        "GEN",
        "GEN.",
        "COL.",
        "COLONEL",
        "SECRETARY",
        "SPEAKER",
        "CHAIRMAN",
        "LEADER",
        "AMBASSADOR",
        "GOVERNOR",
        "MAYOR",
        "SENATOR",
        "DR",
        "DR.",
        "MR",
        "MR.",
        "MRS",
        "MRS.",
        "MS",
        "PREMIER",
        "KANZLER",
        "BUNDESKANZLER",
        "PRESIDENTE",
        "PRESIDENTA",
        "FORMER",
        "DEPUTY",
        "VICE",
        "FOREIGN",
        "DEFENSE",
        "DEFENCE",
        "INTERIOR",
        "FINANCE",
        "COMMANDER",
        "ADMIRAL",
        "MARSHAL",
        "JUDGE",
        "PRIME_MINISTER",
        "AYATOLLAH",
        "POPE",
        "CARDINAL",
        "BISHOP",
        "ARCHBISHOP",
        "PATRIARCH",
        "CROWN",
    ]
)


@dataclass
class RawEntry:
    key: str
    aliases: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)  # "RUSGOV >080508", "RUSELI"
    person_hint: bool = False  # CountryInfo's people carry a "# CountryInfo.txt" comment
    from_countries: bool = False


def parse_dictionary(text: str, from_countries: bool = False) -> Iterator[RawEntry]:
    """Entries of a PETRARCH actor dictionary: a name line, ``+`` alias lines, code lines."""
    entry: RawEntry | None = None
    for raw in text.splitlines():
        line, _, comment = raw.partition("#")
        if not line.strip():
            continue
        stripped = line.strip()
        if raw[0] in " \t" and stripped.startswith("["):
            if entry is not None:
                entry.codes.extend(c.strip() for c in _CODE.findall(stripped))
            continue
        if stripped.startswith("+"):
            if entry is not None:
                entry.aliases.append(stripped[1:].strip())
            continue
        if entry is not None:
            yield entry
        head = _CODE.split(stripped)[0].strip()
        entry = RawEntry(head, person_hint="CountryInfo" in comment, from_countries=from_countries)
        entry.codes.extend(c.strip() for c in _CODE.findall(stripped))
    if entry is not None:
        yield entry


_SMALL = frozenset({"of", "the", "and", "for", "in", "on", "de", "du", "la", "al", "bin", "von"})


def display(name: str) -> str:
    """ "VLADIMIR_PUTIN_" -> "Vladimir Putin"; "PEOPLE'S_PARTY" -> "People's Party"."""
    words = name.replace("_", " ").split()
    out = []
    for n, word in enumerate(words):
        if n and word.lower() in _SMALL:
            out.append(word.lower())
            continue
        parts = re.split(r"([-'])", word.lower())
        cased = []
        for i, part in enumerate(parts):
            after_apostrophe = i > 1 and parts[i - 1] == "'" and len(parts[i - 2]) > 1
            cased.append(part if after_apostrophe else part[:1].upper() + part[1:])
        out.append("".join(cased))
    return " ".join(out)


def parse_date(text: str) -> str:
    """ "080508" -> "2008-05-08"; "19270101" -> "1927-01-01"; "" -> ""."""
    digits = text.strip()
    if not digits.isdigit():
        return ""
    if len(digits) == 8:
        year, rest = digits[:4], digits[4:]
    elif len(digits) == 6:
        yy = int(digits[:2])
        year, rest = str(2000 + yy if yy < 30 else 1900 + yy), digits[2:]
    else:
        return ""
    month, day = rest[:2], rest[2:]
    if month == "00":
        month = "01"
    if day == "00":
        day = "01"
    return f"{year}-{month}-{day}"


def tenure(spec: str) -> tuple[str, str]:
    """ ">080508" -> ("2008-05-08", ""); "a-b" -> (a, b); "<a" -> ("", a); "" -> ("", "")."""
    spec = spec.strip()
    if not spec:
        return "", ""
    if spec.startswith(">"):
        return parse_date(spec[1:]), ""
    if spec.startswith("<"):
        return "", parse_date(spec[1:])
    start, _, end = spec.partition("-")
    return parse_date(start), parse_date(end)


def is_title_alias(alias: str) -> bool:
    words = set(alias.strip("_").split("_"))
    return bool(words & _TITLE_WORDS)


def titled_surname(alias: str) -> str | None:
    """The one word after the title words of a title form ("PRESIDENT_BUSH" -> "BUSH")."""
    words = alias.strip("_ ").split("_")
    rest = [w for w in words if w not in _TITLE_WORDS]
    return rest[0] if len(rest) == 1 and len(words) > 1 and words[-1] == rest[0] else None


def rows(entry: RawEntry, groups_only: bool = False) -> Iterator[list[str]]:
    """Our rows for one dictionary entry (none for countries, elites only, one-word names).

    A person is an entry CountryInfo gave (the country dictionary marks them), or a name of
    two to five words without an organisation word or a leading "THE"; the rest are
    organisations (all of them in ``groups_only``, a dictionary of armed groups)."""
    key = entry.key.strip("_ ")
    if not key or not entry.codes:
        return
    words = key.split("_")
    if groups_only:
        is_org = True
    elif entry.person_hint:
        is_org = False
    else:
        is_org = bool(set(words) & _ORG_WORDS) or not 2 <= len(words) <= 5 or words[0] == "THE"
    if not is_org and (
        len(words) < 2
        or any(not w.replace(".", "").replace("-", "").replace("'", "").isalpha() for w in words)
        or is_title_alias(key)
    ):
        return  # countries, regions and one-word names, names with titles, odd keys
    parsed = []
    for spec in entry.codes:
        code, _, dates = spec.partition(" ")
        code = code.strip()
        if not code or code.startswith("~") or code == "---":
            continue
        country, sector = split_code(code)
        parsed.append((code, country, sector, *tenure(dates)))
    if not parsed or all(p[2] in {"ELI", None} for p in parsed):
        return
    aliases = []
    for alias in entry.aliases:
        alias = alias.strip("_ ")
        if alias and alias != key and (is_org or not is_title_alias(alias)):
            aliases.append(display(alias))
        elif not is_org and titled_surname(alias) == words[-1]:
            # "+PRESIDENT_BUSH": the dictionary calls him by his surname (the title is the
            # text's to read), as "+PUTIN_" does
            aliases.append(display(words[-1]))
    kind = "ORG" if is_org else "PERSON"
    tenures = [f"{code} {start}/{end}" if start or end else code for code, *_, start, end in parsed]
    yield [key, display(key), "|".join(dict.fromkeys(aliases)), kind, "|".join(tenures)]


def build(reference: Path) -> list[str]:
    lines = [
        "# Well-known actors with CAMEO-style codes and tenure dates, one actor a line.",
        "# Derived from PETRARCH-2's actor dictionaries (MIT; see NOTICE) by",
        "# dateline_dev.build_kb; do not edit by hand, rebuild instead. tenures: CODE START/END",
        "# separated by |, ISO dates, an empty side open; a CODE alone is the actor's default.",
        HEADER,
    ]
    seen: set[str] = set()
    for name in FILES:
        path = reference / name
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for entry in parse_dictionary(text, from_countries="Countries" in name):
            for row in rows(entry, groups_only="MilNonState" in name):
                if row[0] not in seen:  # the first dictionary to define a key keeps it
                    seen.add(row[0])
                    lines.append("\t".join(row))
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reference", type=Path, default=DEFAULT_REFERENCE)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    if not (args.reference / FILES[0]).exists():
        print(f"{args.reference / FILES[0]} not found", file=sys.stderr)
        return 2
    lines = build(args.reference)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines) - 5} rows to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
