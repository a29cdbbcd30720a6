"""No development text in the code: rules are written as patterns, not copied sentences.

The product is judged on news nobody here has read, so a sentence of a development set copied
into code, a data file, a comment or a test is fitting, not a rule. This scans every file of the
package and the tests for runs of ten words that stand in a development document (the gold
sets of ../shared: PLV, the PLOVER gold sentences, the whole-article gold, PolNeAR, NAEB bodies,
the seed). Ten words is long enough that names of organisations and offices, which legitimately
appear in gazetteers and role tables, do not count.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from pathlib import Path

from conftest import require_shared

ROOT = Path(__file__).resolve().parents[1]
RUN = 10
_WORD = re.compile(r"[A-Za-z0-9]+")
#: Shipped model weights: numbers and feature names, not text.
_SKIP = ("data/lines/model.json", "data/lines/lexicon.json")
_SUFFIXES = {".py", ".tsv", ".txt", ".json", ".html", ".md", ".js", ".css"}


def _runs(text: str) -> set[str]:
    words = [w.lower() for w in _WORD.findall(text)]
    return {" ".join(words[i : i + RUN]) for i in range(len(words) - RUN + 1)}


def _development_texts(shared: Path) -> Iterator[tuple[str, str]]:
    data = shared / "data"
    with (data / "events" / "plv" / "train.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            yield f"plv:{row['sentence_id']}", row["sentence"]
    for record in json.loads((data / "events" / "plover-gsr" / "dev.json").read_text("utf-8")):
        yield f"plover-gsr:{record['id']}", record.get("text") or ""
    for path in sorted((data / "articles-gold-dev").glob("*.json")):
        yield f"articles-gold-dev:{path.stem}", json.loads(path.read_text("utf-8"))["text"]
    for path in sorted((data / "quotes" / "polnear").glob("*/text/*.txt")):
        yield f"polnear:{path.stem}", path.read_text(encoding="utf-8")
    naeb = json.loads((data / "extraction" / "naeb-dev" / "articles.json").read_text("utf-8"))
    for item in naeb:
        yield f"naeb:{item['html_file']}", item.get("text") or ""
    for path in sorted((shared / "seed").glob("*.txt")):
        yield f"seed:{path.name}", path.read_text(encoding="utf-8")


def _our_files() -> Iterator[Path]:
    for folder in ("src", "tests", "fuzz"):
        for path in sorted((ROOT / folder).rglob("*")):
            if path.is_file() and path.suffix in _SUFFIXES and not str(path).endswith(_SKIP):
                yield path


def test_no_development_sentence_is_copied_into_the_project() -> None:
    shared = require_shared("data")
    source: dict[str, str] = {}
    for name, text in _development_texts(shared.parent):
        for run in _runs(text):
            source.setdefault(run, name)
    found = []
    for path in _our_files():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for run in _runs(line):
                if run in source:
                    found.append(f"{path.relative_to(ROOT)}:{number} repeats {source[run]}")
                    break
    assert found == [], "describe the pattern instead of copying:\n" + "\n".join(found)
