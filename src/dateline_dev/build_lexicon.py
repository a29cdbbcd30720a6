"""Rebuild the generated event-lexicon files in ``dateline/data/events/lexicon``.

    python -m dateline_dev.build_lexicon [--petrarch FILE] [--out DIR]

Generated here (do not edit by hand; edit the tables below, or ``curated.tsv``, and rerun):

- ``petrarch2.tsv``: facts read from PETRARCH-2's CAMEO verb dictionary (MIT, credited in
  NOTICE): "verb V, with object O / preposition P + O / particle X, codes as CAMEO C". Synonym
  sets are expanded into alternatives, plurals get their singular as an alternative, and every
  pattern is re-expressed as constraints in our format. PETRARCH's pattern syntax and comments
  are not kept. Nouns used after light verbs ("stage a demonstration", "launch an air raid")
  also become event-noun entries.
- ``frames.tsv``: our own cross product of speech-act verbs (appeal, intend, demand, refuse,
  threaten) and the acts they are about ("urged ... to release", "refused to withdraw",
  "called for a ceasefire"), so that every CAMEO sub-code of roots 02, 03, 10, 12 and 13 has
  entries; and of protest forms and their aims ("protested against the pension reform" ->
  1412). The tables are hand-written data in ``dateline/data/events/frames/``; each of their
  rows names its source in a ``provenance`` column, and each generated row names the CAMEO
  code whose codebook definition it spells out (``cameo:CODE``).

Every row of ``petrarch2.tsv`` has the provenance ``petrarch2``. ``curated.tsv`` is
hand-written (each row with its own provenance) and only validated here. Without
``--petrarch`` (or when the reference file is absent) ``petrarch2.tsv`` is left as it is. The
runtime reads only the TSV files (see :mod:`dateline.events.lexicon` for the format).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from dateline.events import ontology
from dateline.events.lexicon import COLUMNS, DATA_DIR, parse_file

REFERENCE = Path(__file__).resolve().parents[3] / "shared" / "data" / "events" / "reference"
PETRARCH_FILE = "petrarch2-CAMEO.2.0.txt"


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Words after a verb that are particles of a phrasal verb rather than prepositions.
PARTICLES = _wordset("up off out down back away forward aside apart together around along ahead")
#: Light verbs whose object noun names the event ("stage a protest" -> the noun "protest").
LIGHT_VERBS = _wordset(
    "stage launch mount unleash wage carry conduct hold impose declare begin start open"
)
#: A bare preposition of place or time says nothing about the event ("demonstrated *in* ...").
VAGUE_PREPS = _wordset("in at near on by from of during after before within inside outside")
#: Nouns too general to be an event on their own, whatever the light verb made of them.
GENERIC_NOUNS = _wordset(
    "initiative program programme project council effort campaign opportunity point "
    "pipeline mission assembly session drive trip search between reform plan process bid "
    "move step policy action measure way role border bridge embassy tie flight trade hospital "
    "clinic service college winner decision state independence opposition apostate unjust "
    "treaty closed table poll advance responsible day position regulation condition solution "
    "fine tax support war weapon hostage aid debate study training rationing against cooperat "
    "case struggle fire grenade scud relief donation upgrade hunt monitoring"
)

Row = dict[str, str]


def singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def alternatives(words: Iterable[str]) -> str:
    seen: dict[str, None] = {}
    for w in words:
        w = w.strip("_").lower()
        if not w or not re.fullmatch(r"[a-z][a-z'\-]*", w):
            continue
        seen.setdefault(w)
        seen.setdefault(singular(w))
    return "|".join(seen)


def read_synsets(lines: list[str]) -> dict[str, list[str]]:
    sets: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in lines:
        s = line.split("#")[0].strip()
        if s.startswith("&") and not s.startswith("&&"):
            current = sets.setdefault(s[1:].strip(), [])
        elif s.startswith("+") and current is not None:
            # a multi-word member ("CEASE_FIRE") is kept as one word: "ceasefire"
            current.append(s[1:].split()[0].strip("_").replace("_", ""))
        elif not s:
            current = None
    return sets


def _words(token: str, synsets: dict[str, list[str]]) -> str:
    """One constraint word group: a synonym set, a (possibly multi-part) word."""
    if token.startswith("&"):
        return alternatives(synsets.get(token[1:], []))
    return alternatives([token])


def parse_pattern(text: str, synsets: dict[str, list[str]]) -> Row | None:
    """The constraints of one pattern line ("- * &TREATY (WITH) [057]" without the code)."""
    if "*" not in text:
        return None
    pre, post = text.split("*", 1)
    row: Row = {"particle": "", "object": "", "prep": "", "comp": "", "subject": ""}
    subj = [_words(t, synsets) for t in re.findall(r"[&A-Z][\w'\-&]*", pre)]
    row["subject"] = " ".join(g for g in subj if g)
    obj: list[str] = []
    preps: list[str] = []
    # tokenise: prepositional phrases, noun phrases, markers and words
    for m in re.finditer(r"\(([^)]*)\)|\{([^}]*)\}|([$+^%])|(&?[A-Za-z][\w'\-]*)", post):
        pp, np_, _marker, word = m.groups()
        if pp is not None:
            parts = pp.replace("{", " ").replace("}", " ").split()
            if not parts:
                continue
            prep = "|".join(p.lower() for p in parts[0].split("/"))
            groups = [_words(t, synsets) for t in parts[1:] if t not in "$+^%"]
            groups = [g for g in groups if g]
            preps.append(prep + (":" + " ".join(groups) if groups else ""))
        elif np_ is not None:
            for t in np_.split():
                for piece in t.split("_") if not t.startswith("&") else [t]:
                    g = _words(piece, synsets)
                    if g:
                        obj.append(g)
        elif word is not None:
            w = word.lower()
            if not obj and not row["particle"] and w in PARTICLES:
                row["particle"] = w
            elif w == "to" and not obj:
                row["comp"] = "?"  # the next word is a complement verb
            elif row["comp"] == "?":
                row["comp"] = alternatives([w])
            else:
                g = _words(word, synsets)
                if g:
                    obj.append(g)
    if row["comp"] == "?":
        row["comp"] = ""
    row["object"] = " ".join(obj)
    row["prep"] = ";".join(preps)
    return row


def parse_code(text: str) -> tuple[str, str, str] | None:
    """(cameo, reverse, roles) from "057", "042:043", ":173", "---"; None when unusable."""
    text = text.strip()
    if text.startswith("---"):
        return ("-", "", "")
    first, _, second = text.partition(":")
    if not first and second:
        return (second, "", "swap")
    return (first, second, "")


def read_petrarch(path: Path) -> tuple[list[Row], Counter[str]]:
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    start = next(i for i, s in enumerate(lines) if s.startswith("####### VERB PATTERNS"))
    end = next((i for i, s in enumerate(lines) if s.startswith("######## TRANSFORM")), len(lines))
    synsets = read_synsets(lines[:start])
    onto = ontology.default()
    stats: Counter[str] = Counter()
    rows: list[Row] = []
    verbs: list[tuple[str, str]] = []  # (lemma, particle-or-prep) of the current block
    block_code = "-"

    def valid(code: str) -> bool:
        ok = code == "-" or code in onto
        if not ok:
            stats["unknown code dropped"] += 1
        return ok

    for raw in lines[start:end]:
        line = raw.split("#")[0].rstrip()
        comment = raw.split("#", 1)[1].strip() if "#" in raw else ""
        if not line.strip():
            continue
        head = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]", line)
        if head:
            verbs = []
            block_code = head.group(2).strip()
            continue
        if line.startswith("- "):
            m = re.match(r"^-\s+(.*?)\s*\[([^\]]*)\]\s*$", line)
            if not m or not verbs:
                stats["pattern skipped"] += 1
                continue
            cons = parse_pattern(m.group(1), synsets)
            code = parse_code(m.group(2))
            if cons is None or code is None or not valid(code[0]):
                stats["pattern skipped"] += 1
                continue
            if any(item in VAGUE_PREPS for item in cons["prep"].split(";")):
                stats["vague pattern skipped"] += 1
                continue
            named = comment.split(",")[0].strip().lower() if comment else ""
            targets = (
                [v for v in verbs if "_".join([v[0], *v[1].split()]) == named]
                or [v for v in verbs if v[0] == named.split("_")[0]][:1]
                or verbs[:1]
            )
            for lemma, extra in targets:
                row = dict(cons)
                _merge_extra(row, extra)
                rows.append(_row("verb", lemma, row, code))
                stats["pattern"] += 1
                if lemma in LIGHT_VERBS and row["object"] and not row["prep"]:
                    noun = _noun_from_object(row["object"])
                    if (
                        noun
                        and noun[0] not in GENERIC_NOUNS
                        and code[0][:2] not in ("01", "02", "03")
                    ):
                        rows.append(_row("noun", noun[0], {"mods": noun[1]}, code))
                        stats["noun from light verb"] += 1
            continue
        m = re.match(r"^(\+?)([A-Z][A-Z'\-_]*)\s*(\{[^}]*\})?\s*(?:\[([^\]]*)\])?", line.strip())
        if not m:
            continue
        parts = m.group(2).lower().strip("_").split("_")
        lemma, extra = parts[0], " ".join(parts[1:])
        verbs.append((lemma, extra))
        code = parse_code(m.group(4) or block_code)
        if code and code[0] != "-" and valid(code[0]):
            row = {"particle": "", "object": "", "prep": "", "comp": "", "subject": ""}
            _merge_extra(row, extra)
            rows.append(_row("verb", lemma, row, code))
            stats["verb"] += 1
    return rows, stats


def _merge_extra(row: Row, extra: str) -> None:
    """Fold the second part of a compound verb ("ask_for", "set_off") into the constraints."""
    if not extra:
        return
    first, *rest = extra.split()
    if first in PARTICLES and not row["particle"]:
        row["particle"] = first
    elif rest == [] and not row["prep"].startswith(first):
        row["prep"] = first + (";" + row["prep"] if row["prep"] else "")
    else:
        row["object"] = (alternatives([first]) + " " + row["object"]).strip()


def _noun_from_object(obj: str) -> tuple[str, str] | None:
    groups = obj.split()
    head = groups[-1].split("|")
    if not head or len(head[0]) < 3:
        return None
    return singular(head[0]), " ".join(groups[:-1])


def _row(pos: str, lemma: str, cons: Row, code: tuple[str, str, str]) -> Row:
    row = {c: "" for c in COLUMNS}
    row.update({k: v for k, v in cons.items() if k in row})
    row.update(pos=pos, lemma=lemma, cameo=code[0], reverse=code[1], roles=code[2])
    return row


def assign_ids(rows: list[Row], prefix: str) -> list[Row]:
    """Stable, readable ids: prefix:lemma[+particle][/first constraint words], numbered on ties."""
    seen: Counter[str] = Counter()
    for row in rows:
        bits = [row["lemma"] + (f"+{row['particle']}" if row["particle"] else "")]
        for key in ("mods", "object", "prep", "comp"):
            if row[key]:
                words = [g.split("|")[0] for g in re.split(r"[\s;:]+", row[key]) if g]
                bits.append("-".join(words)[:40])
        base = f"{prefix}:{row['pos'][0]}:{'/'.join(bits)}"
        seen[base] += 1
        row["id"] = base if seen[base] == 1 else f"{base}#{seen[base]}"
    return rows


def dedupe(rows: list[Row]) -> list[Row]:
    """One row per constraint set: the code given most often wins, the first on a tie."""
    by_key: dict[tuple[str, ...], list[Row]] = {}
    for row in rows:
        key = tuple(
            row[c] for c in COLUMNS if c not in ("id", "cameo", "reverse", "roles", "provenance")
        )
        by_key.setdefault(key, []).append(row)
    out = []
    for group in by_key.values():
        votes = Counter(r["cameo"] for r in group)
        best = max(votes, key=lambda c: (votes[c], -[r["cameo"] for r in group].index(c)))
        out.append(next(r for r in group if r["cameo"] == best))
    return out


def write_tsv(path: Path, rows: list[Row], header: str) -> None:
    with path.open("w", encoding="utf-8") as f:
        f.write(header)
        f.write("\t".join(COLUMNS) + "\n")
        for row in rows:
            f.write("\t".join(row[c] for c in COLUMNS) + "\n")


_HEADER = """# dateline event lexicon -- {what}
# generated by dateline_dev.build_lexicon; do not edit by hand (add entries to curated.tsv)
# Columns are described in dateline/events/lexicon.py; cameo "-" = not an event (blocks);
# provenance = where the row comes from (dateline/events/provenance.py).
"""


# --- frames: speech-act verbs x the acts they are about (our own tables) ---------------------

FRAMES_DIR = DATA_DIR.parent / "frames"
#: Prepositions that introduce the aim of a protest ("protest *against* the pension reform").
PROTEST_PREPS = "for|against|over|demanding"


def _read_table(name: str) -> list[dict[str, str]]:
    """A small TSV table of FRAMES_DIR (comment lines start with #, the first line is a header)."""
    rows = [
        line.split("\t")
        for line in (FRAMES_DIR / name).read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    return [dict(zip(rows[0], r + [""] * (len(rows[0]) - len(r)), strict=True)) for r in rows[1:]]


def _noun_groups(phrase: str) -> list[str]:
    """ "humanitarian aid|relief|food" -> ["humanitarian aid|aids", "relief|food"]: the one-word
    alternatives as one group, each multi-word alternative on its own."""
    single = [a for a in phrase.split("|") if " " not in a]
    multi = [a.split() for a in phrase.split("|") if " " in a]
    out = [" ".join([*m[:-1], alternatives([m[-1]])]) for m in multi]
    return ([alternatives(single)] if single else []) + out


def build_frames() -> list[Row]:
    rows: list[Row] = []
    base = {"particle": "", "object": "", "prep": "", "comp": "", "subject": ""}
    acts = _read_table("acts.tsv")
    for fam in _read_table("families.tsv"):
        verbs, preps = fam["verbs"].split("|"), [p for p in fam["prepositions"].split("|") if p]
        for act in acts:
            code = act[fam["family"]]
            if not code:
                continue
            heads = _noun_groups(act["nouns"])
            for verb in verbs:
                if act["complements"]:
                    rows.append(
                        _row("verb", verb, {**base, "comp": act["complements"]}, (code, "", ""))
                    )
                for words in heads:
                    if verb not in ("call", "plead", "appeal", "insist"):
                        rows.append(_row("verb", verb, {**base, "object": words}, (code, "", "")))
                    for prep in preps:
                        rows.append(
                            _row("verb", verb, {**base, "prep": f"{prep}:{words}"}, (code, "", ""))
                        )
    rows.extend(build_protests())
    return dedupe(rows)


def build_protests() -> list[Row]:
    rows: list[Row] = []
    table = _read_table("protests.tsv")
    aims = [(r["code"], alternatives(r["words"].split("|"))) for r in table if r["kind"] == "aim"]
    for form in (r for r in table if r["kind"] == "form"):
        for digit, aim_words in aims:
            code = (form["code"] + digit, "", "")
            prep = f"{PROTEST_PREPS}:{aim_words}"
            for verb in form["words"].split("|"):
                rows.append(_row("verb", verb, {"prep": prep}, code))
            for noun in form["nouns"].split("|"):
                *mods, head = noun.split()
                rows.append(_row("noun", head, {"mods": " ".join(mods), "prep": prep}, code))
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--petrarch", type=Path, default=REFERENCE / PETRARCH_FILE)
    ap.add_argument("--out", type=Path, default=DATA_DIR)
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    if args.petrarch.exists():
        rows, stats = read_petrarch(args.petrarch)
        rows = assign_ids(dedupe(rows), "p2")
        for row in rows:
            row["provenance"] = "petrarch2"
        header = _HEADER.format(what="facts from PETRARCH-2's CAMEO verb dictionary (MIT, NOTICE)")
        write_tsv(args.out / "petrarch2.tsv", rows, header)
        print(f"petrarch2.tsv: {len(rows)} entries ({dict(stats)})", file=sys.stderr)
    else:
        print(f"{args.petrarch} not found; petrarch2.tsv left as it is", file=sys.stderr)
    frames = assign_ids(build_frames(), "fr")
    for row in frames:  # each frame realises the codebook's definition of the code it gives
        row["provenance"] = f"cameo:{row['cameo']}"
    write_tsv(args.out / "frames.tsv", frames, _HEADER.format(what="speech-act frames (ours)"))
    print(f"frames.tsv: {len(frames)} entries", file=sys.stderr)
    for path in sorted(args.out.glob("*.tsv")):
        parse_file(path)  # validates: raises on a bad row or an unknown CAMEO code
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
