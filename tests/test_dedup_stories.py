"""One article under many URLs, and one story from many articles."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from dateline.model import Analysis
from dateline.store import Store, migrations
from dateline.store.dedup import near, normalize_url, same_text, simhash

Factory = Callable[..., Analysis]

WIRE = (
    "Engineers from the two neighbouring states began joint inspections of the border "
    "bridge on Tuesday after a barge struck one of its piers during a storm, officials said. "
    "Traffic was diverted to a ferry crossing thirty kilometres downstream while divers "
    "examined the foundations, and freight operators warned of delays of up to two days. "
    "The transport ministry said a preliminary report would be published by the end of the "
    "week and that repairs, if needed, would be shared between the two governments under a "
    "treaty signed when the bridge opened. Local residents described a loud crash shortly "
    "after midnight and said the barge had drifted for several hundred metres before hitting "
    "the structure. River traffic was halted for the night and resumed in the morning under "
    "escort, the harbour master said, adding that the barge crew had been questioned."
)


def test_urls_that_name_the_same_page_normalise_alike() -> None:
    same = {
        normalize_url("https://www.news.example/world/bridge-inspections/"),
        normalize_url("http://news.example/world/bridge-inspections?utm_source=feed&utm_medium=x"),
        normalize_url("https://NEWS.example:443/world//bridge-inspections#comments"),
        normalize_url("https://news.example/world/bridge-inspections?fbclid=abc123"),
    }
    assert same == {"https://news.example/world/bridge-inspections"}
    assert normalize_url("https://news.example/story?id=7&page=2") == (
        "https://news.example/story?id=7&page=2"
    )
    assert normalize_url("https://news.example/story?id=7") != normalize_url(
        "https://news.example/story?id=8"
    )
    assert normalize_url("mailto:desk@news.example") is None
    assert normalize_url("not a url") is None


def test_fingerprints_find_near_identical_text_only() -> None:
    edited = WIRE.replace("Tuesday", "Wednesday")
    a, b = simhash(WIRE), simhash(edited)
    assert a is not None and b is not None and near(a, b) and same_text(WIRE, edited)
    other_town = WIRE.replace("border bridge", "rail viaduct").replace("barge", "tanker")
    assert not same_text(WIRE, other_town)
    assert simhash("Too short to say anything.") is None


def record(factory: Factory, title: str, body: str, **fields: Any) -> Analysis:
    analysis = factory(title, body, **fields)
    assert analysis.article is not None
    analysis.article.outlet = fields.get("input_id", "outlet")
    return analysis


def test_same_article_under_two_urls_is_stored_once_with_both(
    tmp_path: Path, analysis_factory: Factory
) -> None:
    with Store.open(tmp_path / "d.db") as store:
        first = record(
            analysis_factory, "Bridge inspected", WIRE, url="https://a.example/b?utm_source=rss"
        )
        again = record(
            analysis_factory, "Bridge inspected", WIRE + " ", url="https://www.a.example/b/"
        )
        assert store.save(first) is True
        assert store.save(again) is False
        tweaked = record(
            analysis_factory,
            "Bridge inspected after barge strike",
            WIRE.replace("Tuesday", "Wednesday"),
            url="https://mirror.example/copy",
        )
        assert store.save(tweaked) is False  # near-identical text at another site
        assert store.count() == 1
        [row] = store.articles()
        assert store.urls(row.id) == [
            "https://a.example/b?utm_source=rss",
            "https://mirror.example/copy",
            "https://www.a.example/b/",
        ]


def test_template_stories_and_a_reused_url_with_new_content_stay_apart(
    tmp_path: Path, analysis_factory: Factory
) -> None:
    with Store.open(tmp_path / "d.db") as store:
        store.save(record(analysis_factory, "Bridge inspected", WIRE, url="https://a.example/live"))
        other = WIRE.replace("border bridge", "rail viaduct").replace("barge", "tanker")
        assert store.save(record(analysis_factory, "Viaduct inspected", other)) is True
        fresh = " ".join(reversed(WIRE.split()))  # the live page now tells another story
        assert store.save(
            record(analysis_factory, "Live: storm updates", fresh, url="https://a.example/live")
        )
        assert store.count() == 3


def event(
    sentence: str, day: str, source: str = "AAAGOV", target: str = "BBBGOV"
) -> dict[str, Any]:
    return {
        "cameo": "036",
        "cameo_root": "03",
        "plover": "AGREE",
        "plover_mode": None,
        "quad_class": 1,
        "goldstein": 4.0,
        "source": {
            "name": source,
            "text": source,
            "country": source[:3],
            "sector": "GOV",
            "code": source,
        },
        "target": {
            "name": target,
            "text": target,
            "country": target[:3],
            "sector": "GOV",
            "code": target,
        },
        "date": day,
        "location": None,
        "sentence": sentence,
        "start": 0,
        "end": len(sentence),
        "confidence": 0.8,
        "rule": "test",
    }


REWRITES = [
    (
        "north-wire",
        "Ministers of the two states agreed on Monday to share the cost of repairing the "
        "border bridge.",
        "2024-04-08",
    ),
    (
        "river-post",
        "The two governments agreed to split the bill for repairs to the damaged border "
        "bridge, ministers said.",
        "2024-04-08",
    ),
    (
        "valley-daily",
        "Both states have agreed to share repair costs for the border bridge struck by a barge.",
        "2024-04-09",
    ),
]


def test_three_outlets_one_story(tmp_path: Path, analysis_factory: Factory) -> None:
    with Store.open(tmp_path / "s.db") as store:
        for n, (outlet, sentence, day) in enumerate(REWRITES):
            body = f"{sentence}\n\n{WIRE.split('.')[n]}."
            r = record(
                analysis_factory, f"Repair deal {outlet}", body, input_id=outlet, published=day
            )
            r.events = [event(sentence, day)]
            assert store.save(r)
        # one outlet's page again under a second URL: no new article, no new mention
        again = record(
            analysis_factory,
            f"Repair deal {REWRITES[0][0]}",
            f"{REWRITES[0][1]}\n\n{WIRE.split('.')[0]}.",
            input_id=REWRITES[0][0],
            published=REWRITES[0][2],
            url="https://north-wire.example/repair?utm_campaign=x",
        )
        again.events = [event(REWRITES[0][1], REWRITES[0][2])]
        assert store.save(again) is False
        unrelated = record(
            analysis_factory, "Other deal", "Another text.", input_id="x", published="2024-04-08"
        )
        unrelated.events = [
            event("Two other states agreed to swap prisoners.", "2024-04-08", "CCCGOV")
        ]
        store.save(unrelated)
        late = record(
            analysis_factory, "Late", "Late text.", input_id="late", published="2024-04-20"
        )
        late.events = [event(REWRITES[0][1], "2024-04-20")]  # same words, two weeks on
        store.save(late)

        stories = store.stories()
        top = stories[0]
        assert (top["num_articles"], top["num_mentions"], top["num_sources"]) == (3, 3, 3)
        assert top["cameo_root"] == "03" and top["source"] == "AAAGOV"
        assert len(stories) == 3
        assert [s["num_articles"] for s in store.stories(min_articles=2)] == [3]


def test_stories_give_codes_and_names_apart(tmp_path: Path, analysis_factory: Factory) -> None:
    """source/target are CAMEO actor codes ("" for actors grouped by name, having none) and
    source_name/target_name the names, in the list and in one story: the grouping key used to
    be shown, a code for some stories and a lower-cased name for others."""
    sentence = "Harbour workers signed a pay deal with the port authority on Monday."
    coded = event("The two ministries signed a water accord on Monday.", "2024-04-08")
    named = event(sentence, "2024-04-08")
    named["source"] = {"name": "Harbour Workers", "text": "Harbour workers", "country": None}
    named["source"].update(sector=None, code=None)
    with Store.open(tmp_path / "s.db") as store:
        for n, item in enumerate((coded, named)):
            r = record(analysis_factory, f"Deal {n}", f"Text {n}.", input_id=f"o{n}")
            r.events = [item]
            store.save(r)
        stories = {s["sentence"][:3]: s for s in store.stories()}
        assert set(stories["The"]) >= {"source", "source_name", "target", "target_name"}
        assert (stories["The"]["source"], stories["The"]["source_name"]) == ("AAAGOV", "AAAGOV")
        story = stories["Har"]
        assert (story["source"], story["source_name"]) == ("", "Harbour Workers")
        assert (story["target"], story["target_name"]) == ("BBBGOV", "BBBGOV")
        one = store.story(story["id"])
        assert one is not None and "source_key" not in one
        assert (one["source"], one["source_name"], one["target"]) == (
            "",
            "Harbour Workers",
            "BBBGOV",
        )


def test_migration_five_fills_fingerprints_and_stories(
    tmp_path: Path, analysis_factory: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "old.db"
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:4])
    with Store.open(db) as store:
        store.engine.dispose()
    with sqlite3.connect(db) as connection:
        for n, (outlet, sentence, day) in enumerate(REWRITES[:2]):
            r = record(analysis_factory, outlet, f"{sentence} {n}", input_id=outlet, published=day)
            r.events = [event(sentence, day)]
            connection.execute(
                "INSERT INTO articles (id, seq, input_id, url, outlet, authors, topics, body, "
                "published, record, ingested_at) VALUES (?, ?, ?, ?, ?, '[]', '[]', ?, ?, ?, 'x')",
                (
                    r.id,
                    n + 1,
                    outlet,
                    f"https://{outlet}.example/a",
                    outlet,
                    f"{sentence} {n}",
                    day,
                    json.dumps(r.to_dict()),
                ),
            )
            connection.execute(
                "INSERT INTO events (article_id, n, cameo, cameo_root, sentence, source_code, "
                "target_code, date) VALUES (?, 0, '036', '03', ?, 'AAAGOV', 'BBBGOV', ?)",
                (r.id, sentence, day),
            )
    monkeypatch.undo()
    with Store.open(db) as store:
        [story] = store.stories()
        assert story["num_articles"] == 2
        with store.engine.connect() as connection:
            urls = (
                connection.exec_driver_sql("SELECT canonical_url FROM articles ORDER BY seq")
                .scalars()
                .all()
            )
        assert urls == ["https://north-wire.example/a", "https://river-post.example/a"]


def test_cli_stories(tmp_path: Path, analysis_factory: Factory) -> None:
    from click.testing import CliRunner

    from dateline.cli import cli

    db = tmp_path / "s.db"
    with Store.open(db) as store:
        for outlet, sentence, day in REWRITES:
            r = record(analysis_factory, outlet, sentence, input_id=outlet, published=day)
            r.events = [event(sentence, day)]
            store.save(r)
    result = CliRunner().invoke(cli, ["stories", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    [story] = json.loads(result.output)
    assert story["num_articles"] == 3
    # the table shows the id `dateline compare STORY` asks for
    table = CliRunner().invoke(cli, ["stories", "--db", str(db)]).output.splitlines()
    assert table[0].split()[0] == "id" and table[2].split()[0] == str(story["id"])
    result = CliRunner().invoke(cli, ["stories", "--db", str(db), "--min-articles", "4"])
    assert result.exit_code == 0 and "AAAGOV" not in result.output


def test_only_asserted_events_join_stories(tmp_path: Path, analysis_factory: Factory) -> None:
    """Records analysed with all modalities hold negated or planned acts too; a story counts
    reported events only."""
    with Store.open(tmp_path / "s.db") as store:
        for n, (outlet, sentence, day) in enumerate(REWRITES):
            body = f"{sentence}\n\n{WIRE.split('.')[n]}."
            r = record(
                analysis_factory, f"Repair deal {outlet}", body, input_id=outlet, published=day
            )
            r.events = [{**event(sentence, day), "modality": "planned" if n else "asserted"}]
            assert store.save(r)
        [story] = store.stories()
        assert (story["num_articles"], story["num_mentions"]) == (1, 1)
