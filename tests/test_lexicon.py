"""The event lexicon: every CAMEO code reachable, specific entries beating general ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.events import ontology
from dateline.events.lexicon import (
    COLUMNS,
    DATA_DIR,
    LexEntry,
    Lexicon,
    LexiconError,
    parse_file,
)


@pytest.fixture(scope="module")
def lx() -> Lexicon:
    return Lexicon.default()


def top(entries: list) -> str | None:  # type: ignore[type-arg]
    return entries[0].cameo if entries else None


def test_default_is_cached_and_large(lx: Lexicon) -> None:
    assert Lexicon.default() is lx
    assert len(lx) > 3000
    assert {e.source for e in lx.entries} >= {"curated.tsv", "frames.tsv", "petrarch2.tsv"}


def test_every_cameo_code_has_an_entry(lx: Lexicon) -> None:
    covered = lx.coverage()
    missing = [c for c in ontology.all_codes() if not ontology.code(c).is_root and c not in covered]
    assert missing == []
    roots = {c[:2] for c in covered}
    assert roots == {f"{r:02d}" for r in range(1, 21)}


def test_every_entry_names_a_known_code_and_a_unique_rule(lx: Lexicon) -> None:
    assert len(lx.by_id) == len(lx)
    for e in lx.entries:
        assert e.cameo is None or ontology.is_code(e.cameo), e.id
        assert e.reverse is None or ontology.is_code(e.reverse), e.id


@pytest.mark.parametrize(
    ("lemma", "kwargs", "code"),
    [
        ("sign", {"object_lemmas": ["treaty"]}, "057"),
        ("sign", {"object_lemmas": ["free", "trade", "agreement"]}, "061"),
        ("call", {"prep_objects": {"for": ["humanitarian", "aid"]}}, "0233"),
        ("call", {"prep_objects": {"for": ["ceasefire"]}}, "0256"),
        ("call", {"prep_objects": {"on": ["Serbia"]}}, "020"),
        ("urge", {"complements": ["release"], "object_lemmas": ["prisoner"]}, "0253"),
        ("urge", {}, "020"),
        ("warn", {}, "130"),
        ("accept", {"object_lemmas": ["invitation"]}, "036"),
        ("agree", {"complements": ["meet"]}, "036"),
        ("agree", {"complements": ["cooperate"]}, "030"),
        ("pledge", {"object_lemmas": ["humanitarian", "aid"]}, "0333"),
        ("visit", {"object_lemmas": ["Tirana"]}, "042"),
        ("host", {}, "043"),
        ("meet", {"prep_objects": {"with": ["Rama"]}}, "040"),
        ("arrest", {}, "173"),
        ("impose", {"object_lemmas": ["sanction"]}, "163"),
        ("impose", {"object_lemmas": ["curfew"]}, "1723"),
        ("protest", {}, "141"),
        ("protest", {"prep_objects": {"against": ["pension", "reform"]}}, "1412"),
        ("shell", {}, "194"),
        ("bomb", {"object_lemmas": ["city"]}, "195"),
        ("refuse", {"complements": ["withdraw"]}, "1246"),
        ("threaten", {"complements": ["impose"], "object_lemmas": ["sanction"]}, "1312"),
        ("accuse", {"prep_objects": {"of": ["war", "crime"]}}, "1124"),
        ("call", {"particles": ["off"], "object_lemmas": ["talk"]}, "164"),
        ("release", {"object_lemmas": ["hostage"]}, "0841"),
        ("strike", {"object_lemmas": ["Kyiv"]}, "190"),
        ("strike", {}, "143"),
        ("vote", {"prep_objects": {"against": ["resolution"]}}, "120"),
        ("lay", {"object_lemmas": ["siege"], "prep_objects": {"to": ["city"]}}, "191"),
        ("suspend", {"object_lemmas": ["relief", "operation"]}, "1623"),
        ("vow", {"complements": ["continue"], "object_lemmas": ["war"]}, "138"),
        ("vow", {"complements": ["crush"]}, "138"),
        ("vow", {}, "030"),
    ],
)
def test_match_verb(lx: Lexicon, lemma: str, kwargs: dict, code: str) -> None:  # type: ignore[type-arg]
    assert top(lx.match_verb(lemma, **kwargs)) == code


def test_specific_beats_general(lx: Lexicon) -> None:
    hits = lx.match_verb("sign", object_lemmas=["treaty"])
    assert hits[0].object and hits[0].cameo == "057"
    assert hits[0].specificity > hits[-1].specificity
    bare = [e for e in hits if e.specificity == 0]
    assert bare, "the bare verb matches too, ranked last"
    # curated entries outrank generated ones of the same specificity
    assert lx.match_verb("sign")[0].source == "curated.tsv"


@pytest.mark.parametrize(
    ("lemma", "kwargs"),
    [
        ("suspend", {"object_lemmas": ["their", "operation"]}),
        ("monitor", {"object_lemmas": ["situation"]}),
        ("search", {"prep_objects": {"for": ["way"]}}),
        ("agree", {"prep_objects": {"with": ["sentiment"]}}),
        ("reinforce", {"object_lemmas": ["commitment"]}),
        ("fight", {"object_lemmas": ["outbreak"]}),
        ("fight", {"prep_objects": {"against": ["corruption"]}}),
        ("fire", {"object_lemmas": ["chief", "executive"]}),
        ("hit", {"object_lemmas": ["record", "high"]}),
        ("shoot", {"object_lemmas": ["film"]}),
        ("beat", {"prep_objects": {"in": ["election"]}}),
    ],
)
def test_senses_that_hold_no_event(lx: Lexicon, lemma: str, kwargs: dict) -> None:  # type: ignore[type-arg]
    """A company suspending its own work, watching how things go, looking for a way, agreeing
    with a view: nothing passes between actors."""
    assert top(lx.match_verb(lemma, **kwargs)) is None


def test_unknown_lemma_and_unmet_constraints(lx: Lexicon) -> None:
    assert lx.match_verb("photosynthesise") == []
    assert all(not e.object for e in lx.match_verb("sign"))
    assert lx.match_noun("banana") == []


def _fits(e: LexEntry, parts: set[str], objs: set[str], preps: dict[str, set[str]]) -> bool:
    """The constraints of one entry read straight from their definition (no index)."""

    def covers(groups: tuple[frozenset[str], ...], bag: set[str]) -> bool:
        return all(g & bag or ("*" in g and bool(bag)) for g in groups)

    attached = parts | preps.keys()
    return (
        (not e.particle or bool(e.particle & attached))
        and (not e.object or (bool(objs) and covers(e.object, objs)))
        and (
            not e.prep
            or all(
                (not p.words and bool(p.preps & parts))
                or any(covers(p.words, preps[k]) for k in p.preps if k in preps)
                for p in e.prep
            )
        )
        and not e.comp
        and not e.subject
    )


def test_match_verb_tests_every_entry_the_words_could_fit(lx: Lexicon) -> None:
    # a verb's entries are reached through a word each needs (its object's, particle's,
    # preposition's): the match is the same as testing every entry, in rank order
    common = sorted({e.lemma for e in lx.entries if e.pos == "verb"})[::40]
    bags = [
        ({"off"}, {"aid", "humanitarian", "*"}, {"for": {"peace", "talks"}}),
        (set(), {"sanction", "ban"}, {}),
        ({"up"}, set(), {"to": {"court"}, "against": {"ruling"}}),
        (set(), {"treaty", "peace", "deal"}, {"with": {"rebel"}}),
    ]
    for lemma in [*common, "offer", "agree", "call", "sign"]:
        for parts, objs, preps in bags:
            expected = [e for e in lx._index[("verb", lemma)] if _fits(e, parts, objs, preps)]
            found = lx.match_verb(lemma, particles=parts, object_lemmas=objs, prep_objects=preps)
            assert found == expected, lemma


@pytest.mark.parametrize(
    ("lemma", "mods", "preps", "code"),
    [
        ("visit", [], None, "042"),
        ("talk", [], None, "046"),
        ("ceasefire", [], None, "0871"),
        ("sanction", [], None, "163"),
        ("airstrike", [], None, "195"),
        ("strike", ["air"], None, "195"),
        ("strike", ["hunger"], None, "142"),
        ("strike", [], None, "143"),
        ("strike", [], {"on": ["hospital"]}, "190"),
        ("bomb", ["car"], None, "1832"),
        ("protest", [], {"against": ["law"]}, "1412"),
    ],
)
def test_match_noun(
    lx: Lexicon,
    lemma: str,
    mods: list[str],
    preps: dict | None,
    code: str,  # type: ignore[type-arg]
) -> None:
    assert top(lx.match_noun(lemma, mods, preps)) == code


def test_reverse_codes_and_roles(lx: Lexicon) -> None:
    visit = lx.match_noun("visit")[0]
    assert (visit.cameo, visit.reverse) == ("042", "043")
    assert visit.role_slots()["source"][0] == "poss"
    host = lx.match_verb("host")[0]
    assert (host.cameo, host.reverse) == ("043", "042")


def test_blocking_entries_have_no_code(lx: Lexicon) -> None:
    hit = lx.match_verb("hold", object_lemmas=["press", "conference"])[0]
    assert hit.is_blocking and hit.cameo is None


def test_user_file_takes_precedence(tmp_path: Path) -> None:
    for f in DATA_DIR.glob("*.tsv"):
        (tmp_path / f.name).write_bytes(f.read_bytes())
    header = (DATA_DIR / "curated.tsv").read_text(encoding="utf-8").splitlines()
    columns = next(h for h in header if not h.startswith("#"))
    cells = ["mine:sign", "verb", "sign", "", "", "", "", "", "", "0311", "", "", "general"]
    row = "\t".join(cells)
    (tmp_path / "local.tsv").write_text(f"{columns}\n{row}\n", encoding="utf-8")
    lx = Lexicon.from_dir(tmp_path)
    assert lx.match_verb("sign")[0].id == "mine:sign"
    assert lx.by_id["mine:sign"].provenance == "general"


def test_a_user_file_may_leave_out_the_provenance_column(tmp_path: Path) -> None:
    columns = "\t".join(COLUMNS[:-1])
    row = "\t".join(["mine:sign", "verb", "sign", "", "", "", "", "", "", "0311", "", ""])
    (tmp_path / "local.tsv").write_text(f"{columns}\n{row}\n", encoding="utf-8")
    entry = Lexicon.from_dir(tmp_path).by_id["mine:sign"]
    assert (entry.cameo, entry.provenance) == ("0311", "")


def test_bad_files_are_rejected(tmp_path: Path) -> None:
    header = (DATA_DIR / "curated.tsv").read_text(encoding="utf-8").splitlines()
    columns = next(h for h in header if not h.startswith("#"))
    bad = tmp_path / "bad.tsv"
    bad.write_text(columns + "\nx\tverb\tsign\t\t\t\t\t\t\t999\t\t\tgeneral\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="unknown CAMEO code"):
        parse_file(bad)
    bad.write_text(columns + "\nx\tverb\tsign\t\t\t\t\t\t\t057\t\t\thunch\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="unknown provenance"):
        parse_file(bad)
    bad.write_text("id\tlemma\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="columns"):
        parse_file(bad)


def test_generated_files_are_up_to_date(tmp_path: Path) -> None:
    """The shipped generated files are what build_lexicon writes from the shipped tables (and,
    when ../shared is present, from the PETRARCH-2 dictionary)."""
    from dateline_dev import build_lexicon

    args = ["--out", str(tmp_path)]
    if not build_lexicon.REFERENCE.joinpath(build_lexicon.PETRARCH_FILE).exists():
        args += ["--petrarch", str(tmp_path / "absent.txt")]
    assert build_lexicon.main(args) == 0
    for path in tmp_path.glob("*.tsv"):
        shipped = (DATA_DIR / path.name).read_text(encoding="utf-8")
        assert path.read_text(encoding="utf-8") == shipped, f"rerun build_lexicon: {path.name}"
    assert (tmp_path / "frames.tsv").exists()


def test_rows_that_repeat_cells_read_alike_and_each_is_checked(tmp_path: Path) -> None:
    # parse_file reads a repeated cell once (word groups, a provenance found valid): rows
    # sharing cells get equal constraints, and a bad provenance after good ones still fails
    header = (DATA_DIR / "curated.tsv").read_text(encoding="utf-8").splitlines()
    columns = next(h for h in header if not h.startswith("#"))
    tail = ["", "", "pact|accord deal", "", "", "", "057", "", "", "general"]
    rows = [["mine:a", "verb", "sign", *tail], ["mine:b", "verb", "seal", *tail]]
    path = tmp_path / "mine.tsv"
    path.write_text(columns + "\n" + "\n".join("\t".join(r) for r in rows) + "\n", "utf-8")
    first, second = parse_file(path)
    assert first.object == second.object == (frozenset({"pact", "accord"}), frozenset({"deal"}))
    assert (first.provenance, second.provenance) == ("general", "general")
    rows.append(["mine:c", "verb", "ink", "", "", "", "", "", "", "057", "", "", "hunch"])
    path.write_text(columns + "\n" + "\n".join("\t".join(r) for r in rows) + "\n", "utf-8")
    with pytest.raises(LexiconError, match=r"mine\.tsv:4: unknown provenance"):
        parse_file(path)
