"""The command line: output formats, one record per input, exit codes, error lines."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from dateline import __version__
from dateline.cli import cli


def run(*args: str | Path, stdin: str | bytes | None = None) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], input=stdin)


def stream(text: str) -> list[dict[str, object]]:
    """Parse a stream of concatenated JSON objects (what --format json prints)."""
    decoder, out, pos = json.JSONDecoder(), [], 0
    while pos < len(text):
        if text[pos].isspace():
            pos += 1
            continue
        obj, pos = decoder.raw_decode(text, pos)
        out.append(obj)
    return out


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert __version__ in result.stdout


def test_analyze_json_one_object_per_document(corpus: Path) -> None:
    result = run("analyze", corpus)
    assert result.exit_code == 0, result.stderr
    records = stream(result.stdout)
    assert [r["input_id"] for r in records] == [
        str(corpus / "a-summit.html"),
        str(corpus / "b-port.txt"),
        str(corpus / "sub/c-grain.html"),
    ]
    assert all(
        set(r) == {"id", "input_id", "article", "entities", "quotes", "events"} for r in records
    )
    assert "Podgorica" in records[0]["article"]["body"]  # type: ignore[index]
    assert result.stderr == ""


def test_analyze_jsonl_and_failures(tmp_path: Path, corpus: Path) -> None:
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4\x00\x01\x02\x03" * 50)
    paths = [corpus / "b-port.txt", tmp_path / "scan.pdf", tmp_path / "nowhere.html"]
    result = run("analyze", *paths, "--format", "jsonl")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["input_id"] for r in records] == [str(p) for p in paths]
    assert records[1]["error"]["code"] == "E102"
    assert records[2]["error"]["code"] == "E101"
    assert result.stderr.splitlines() == [
        f"{paths[1]}: E102 {records[1]['error']['message']}",
        f"{paths[2]}: E101 {records[2]['error']['message']}",
    ]


def test_analyze_table(corpus: Path) -> None:
    result = run("analyze", corpus / "b-port.txt", corpus / "missing.txt", "--format", "table")
    assert result.exit_code == 1
    header, rule, ok, failed = result.stdout.splitlines()
    assert header.split()[:4] == ["input_id", "status", "published", "words"]
    assert set(rule.replace(" ", "")) == {"-"}
    assert ok.startswith(str(corpus / "b-port.txt")) and " ok " in ok
    assert " E101 " in failed


def test_analyze_stdin_jsonl_with_a_bad_line() -> None:
    feed = (
        json.dumps(
            {
                "id": "w1",
                "text": "Dockworkers walked out on Wednesday over pay.",
                "url": "https://w.example/1",
                "published": "2024-03-06",
            }
        )
        + "\n{broken\n"
    )
    result = run("analyze", "-", "--format", "jsonl", stdin=feed)
    assert result.exit_code == 1
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert first["input_id"] == "w1"
    assert first["article"]["url"] == "https://w.example/1"
    assert first["article"]["published"] == "2024-03-06"
    assert second["input_id"] == "<stdin>:2"
    assert second["error"]["code"] == "E105"
    assert result.stderr.startswith("<stdin>:2: E105 ")


def test_analyze_url_published_and_as(corpus: Path) -> None:
    result = run(
        "analyze",
        corpus / "a-summit.html",
        "--as",
        "text",
        "--format",
        "jsonl",
        "--url",
        "https://aw.example/x",
        "--published",
        "2024-03-05",
    )
    assert result.exit_code == 0, result.stderr
    article = json.loads(result.stdout)["article"]
    assert article["url"] == "https://aw.example/x"
    assert article["published"] == "2024-03-05"


@pytest.mark.parametrize(
    "args",
    [
        ["analyze"],
        ["analyze", "x.html", "--format", "xml"],
        ["analyze", "x.html", "--as", "pdf"],
        ["analyze", "x.html", "--published", "yesterday"],
        ["articles", "--limit", "-1"],
        ["eval", "extraction", "--sets", "bogus"],
        ["no-such-command"],
    ],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert "Usage:" in result.stderr or "Error:" in result.stderr


def test_empty_directory_warns_and_exits_0(tmp_path: Path) -> None:
    (tmp_path / "drop").mkdir()
    result = run("analyze", tmp_path / "drop")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr.startswith("warning: no documents found")


def test_published_is_normalised(corpus: Path) -> None:
    result = run(
        "analyze", corpus / "b-port.txt", "--format", "jsonl", "--published", "6 March 2024"
    )
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["article"]["published"] == "2024-03-06"


def test_ingest_articles_search(tmp_path: Path, corpus: Path) -> None:
    db = tmp_path / "news.db"
    first = run("ingest", corpus, "--db", db, "--quiet")
    assert first.exit_code == 0, first.stderr
    assert first.stdout.startswith("3 inserted, 0 skipped, 0 failed")
    again = run("ingest", corpus / "b-port.txt", "--db", db)
    assert again.exit_code == 0
    assert again.stdout.startswith("0 inserted, 1 skipped, 0 failed")

    listed = run("articles", "--db", db, "--format", "json")
    assert listed.exit_code == 0
    rows = json.loads(listed.stdout)
    assert len(rows) == 3 and {"id", "title", "url", "published", "authors"} <= set(rows[0])

    as_csv = run("articles", "--db", db, "--format", "csv", "--limit", "2")
    assert as_csv.stdout.splitlines()[0].startswith("id,input_id,url")
    assert len(as_csv.stdout.splitlines()) == 3

    found = run("search", "Podgorica", "--db", db, "--format", "json")
    assert found.exit_code == 0, found.stderr
    [hit] = json.loads(found.stdout)
    assert "[Podgorica]" in hit["snippet"]

    table = run("search", "grain", "--db", db)
    assert table.exit_code == 0
    assert table.stdout.splitlines()[0].split() == ["id", "published", "title", "snippet"]

    record = run("get", hit["id"], "--db", db)
    assert json.loads(record.stdout)["id"] == hit["id"]


def test_ingest_with_failures_exits_1(tmp_path: Path, corpus: Path) -> None:
    empty = tmp_path / "empty.html"
    empty.write_text("")
    result = run("ingest", corpus / "b-port.txt", empty, "--db", tmp_path / "n.db")
    assert result.exit_code == 1
    assert result.stdout.startswith("1 inserted, 0 skipped, 1 failed")
    assert result.stderr.strip() == f"{empty}: E103 the input is empty; nothing to analyze"


def test_store_errors_have_one_shape(tmp_path: Path) -> None:
    result = run("articles", "--db", tmp_path / "none.db")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: E500 there is no database")
    Path(tmp_path / "x.db").touch()
    bad = run("search", "grid AND (", "--raw", "--db", tmp_path / "x.db")
    assert bad.exit_code == 1
    assert bad.stderr.startswith("Error: E502 ")


@pytest.mark.parametrize(
    ("args", "wrong"),
    [
        (("actors", "--country", "Ukraine"), "--country"),
        (("events", "--country", "UK"), "--country"),
        (("events", "--code", "4"), "--code"),
        (("events", "--code", "consult"), "--code"),
        (("export", "--format", "csv", "--out", "x", "--country", "Brazil"), "--country"),
        (("export", "--format", "csv", "--out", "x", "--code", "4a"), "--code"),
        (("events", "--plover", "MEET"), "--plover"),
    ],
)
def test_filters_that_could_match_nothing_are_usage_errors(
    tmp_path: Path, args: tuple[str, ...], wrong: str
) -> None:
    # a country name or a one-digit code used to select nothing without a word
    result = run(*args, "--db", tmp_path / "none.db")
    assert result.exit_code == 2 and f"Invalid value for '{wrong}'" in result.stderr


@pytest.mark.parametrize("url", ["https://[news.example/story", "https://news.example:99999/"])
def test_a_url_option_that_does_not_parse_is_a_usage_error(corpus: Path, url: str) -> None:
    # as a JSON Lines record's "url" is (E105); it was stored and broke the GDELT export
    result = run("analyze", corpus / "b-port.txt", "--url", url, "--no-nlp")
    assert result.exit_code == 2 and "Invalid value for '--url'" in result.stderr


def test_country_and_code_filters_take_any_case_and_a_prefix(tmp_path: Path) -> None:
    from dateline.store import Store

    Store.open(tmp_path / "s.db").close()
    for args in (
        ("actors", "--country", "ukr"),
        ("events", "--country", "Ukr", "--code", "042"),
        ("events", "--plover", "consult"),
        ("events", "--plover", "Demand"),  # the manual's older name for REQUEST
    ):
        assert run(*args, "--db", tmp_path / "s.db").exit_code == 0


def test_schema_command_prints_the_schema() -> None:
    result = run("schema")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["title"] == "dateline analysis record"


def test_installed_script(tmp_path: Path, corpus: Path) -> None:
    script = Path(sys.executable).with_name("dateline")
    if not script.exists():
        pytest.skip("the dateline console script is not installed in this environment")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    ok = subprocess.run(
        [script, "analyze", corpus / "b-port.txt", "--format", "jsonl"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["input_id"] == str(corpus / "b-port.txt")
    failed = subprocess.run(
        [script, "analyze", tmp_path / "gone.txt", "--format", "jsonl"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert failed.returncode == 1
    assert failed.stderr.startswith(f"{tmp_path / 'gone.txt'}: E101 ")
    usage = subprocess.run([script, "analyze"], capture_output=True, text=True, check=False)
    assert usage.returncode == 2


def test_ingest_of_non_latin_dumps_goes_on_past_a_bad_one(tmp_path: Path) -> None:
    """A batch of plain-text dumps in other scripts: the stories are stored, a menu gets a
    clear E201 of its own, and the rest of the batch goes on."""
    story = "市政府周一宣布，明年起所有公共汽车将在周末免费运行，以减少市中心的交通拥堵。"
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-story.txt").write_text(f"免费公交\n\n{story * 2}\n\n{story}\n", encoding="utf-8")
    (folder / "b-menu.txt").write_text("首页\n新闻\n国际\n体育\n", encoding="utf-8")
    english = "The council said on Monday that every bus would run free at weekends next year."
    (folder / "c-story.txt").write_text(f"Free buses\n\n{english}\n\n{english}\n")
    db = tmp_path / "t.db"
    result = run("ingest", folder, "--db", db, "--no-nlp", "--quiet")
    assert result.exit_code == 1
    assert "b-menu.txt: E201" in result.stderr and "without spaces between words" in result.stderr
    assert "2 inserted, 0 skipped, 1 failed" in result.output
    titles = run("articles", "--db", db, "--format", "jsonl")
    assert {json.loads(line)["title"] for line in titles.stdout.splitlines()} == {
        "免费公交",
        "Free buses",
    }


def test_the_size_and_time_limits_are_options_the_messages_name(tmp_path: Path) -> None:
    """E106 told a command-line user to 'raise max_bytes', a library option the commands
    did not have: analyze and ingest take --max-bytes and --max-seconds, and say so."""
    page = tmp_path / "long.txt"
    sentence = "The council said on Monday that every bus would run free at weekends."
    page.write_text(f"Free buses\n\n{sentence}\n\n{sentence}\n", encoding="utf-8")
    refused = run("analyze", page, "--no-nlp", "--max-bytes", "100", "--format", "jsonl")
    assert refused.exit_code == 1 and "E106" in refused.stderr
    assert "--max-bytes" in refused.stderr and "100 bytes" in refused.stderr
    read = run("analyze", page, "--no-nlp", "--max-bytes", "1000", "--max-seconds", "0")
    assert read.exit_code == 0, read.output
    assert run("ingest", page, "--max-bytes", "0").exit_code == 2
    help_text = run("ingest", "--help").output
    assert "--max-bytes" in help_text and "--max-seconds" in help_text
