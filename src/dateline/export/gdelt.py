"""The GDELT 2.0 export: the event table (61 columns) and the mentions table (16 columns).

Both are tab-separated, without a header, UTF-8, one row per line, written as
``PREFIX.export.CSV`` and ``PREFIX.mentions.CSV`` (GDELT's names; PREFIX is the newest
DATEADDED of the export, YYYYMMDDHHMMSS). How dateline's record fills GDELT's columns:

- GLOBALEVENTID: a stable 60-bit integer from the article id and the event's index in the
  record (``records.event_id``), so re-exporting gives the same ids.
- SQLDATE/MonthYear/Year/FractionDate: the event's date, else the article's publication date;
  FractionDate is GDELT's YYYY + (month * 30 + day) / 365, four decimals.
- Actor columns: Code is the actor's CAMEO code; Name its name in capitals (as GDELT);
  CountryCode the CAMEO country of the actor's ISO country (else the code's country part);
  KnownGroup/Religion/Type from the code's three-letter pieces (``countries.split_code``), the
  actor's sector as Type1 when the code has no type; EthnicCode stays empty.
- IsRootEvent: 1 when the event's sentence is in the body's first paragraph (GDELT: the lead).
- EventCode/EventBaseCode/EventRootCode: text with leading zeros; a two-digit root-level code
  ("04") is written as CAMEO's "not specified below" code ("040").
- One row per real-world event, not per report: when the store groups events into stories
  (``Store.stories``), all reports of a story are one row, written with the first article
  in export order, NumMentions/NumSources/NumArticles the story's counts (events, outlets,
  articles). Without stories, the events of one article that are the same (code, both actor
  codes, date, place) are one row, NumMentions their number, NumSources = NumArticles = 1.
  AvgTone: the tone of that first article (``dateline.tone``), as GDELT's is its first
  report's.
- Geography: ActionGeo is the event's location: type 1 (country) when it has no coordinates
  or is named like its country, else 3 (US city) or 4 (world city); FullName "Place,
  Country"; CountryCode and ADM1Code the FIPS 10-4 country (``data/export/iso3_fips.tsv``;
  the ADM1 division itself is not known); FeatureID the FIPS code at country level, else the
  location's ``geonameid`` when the record has one. Actor1Geo/Actor2Geo stay empty (type 0):
  the record says where an event happened, not where each actor was.
- DATEADDED: when the article was stored (UTC); SOURCEURL the article's URL (else its input
  id, as GDELT cites non-web sources).

Mentions: one row per report (every coded event of every article), with EventTimeDate the
DATEADDED of the event's row and MentionTimeDate that of the reporting article, MentionType 1
(web), MentionSourceName the URL's host (else the outlet), MentionIdentifier the URL,
SentenceID the 1-based number of the parser's sentence in the body (the record's
sentence_index + 1; for records stored without it, ``records.sentence_starts``),
Actor1/Actor2/ActionCharOffset body offsets of the actors' text and of the trigger word inside
the sentence (-1 when not found), InRawText 1 when both actors' text is in the sentence (0
when an actor came from coreference), Confidence 0-100, MentionDocLen the body length in
characters, MentionDocTone the reporting article's tone; MentionDocTranslationInfo and Extras empty.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from dateline.export.countries import cameo_country, country_name, fips, split_code
from dateline.export.records import StoredRecord, event_date, event_id, timestamp
from dateline.output import formula_safe

EVENT_COLUMNS: tuple[str, ...] = (
    *("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"),
    *(
        f"Actor{i}{name}"
        for i in (1, 2)
        for name in (
            *("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode"),
            *("Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code"),
        )
    ),
    *("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass"),
    *("GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone"),
    *(
        f"{who}Geo_{name}"
        for who in ("Actor1", "Actor2", "Action")
        for name in (
            *("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code"),
            *("Lat", "Long", "FeatureID"),
        )
    ),
    "DATEADDED",
    "SOURCEURL",
)
MENTION_COLUMNS: tuple[str, ...] = (
    *("GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType"),
    *("MentionSourceName", "MentionIdentifier", "SentenceID", "Actor1CharOffset"),
    *("Actor2CharOffset", "ActionCharOffset", "InRawText", "Confidence", "MentionDocLen"),
    *("MentionDocTone", "MentionDocTranslationInfo", "Extras"),
)
assert len(EVENT_COLUMNS) == 61 and len(MENTION_COLUMNS) == 16


def number(value: Any, digits: int = 4) -> str:
    """A float as GDELT writes it: shortest form, at most ``digits`` decimals ("" for None)."""
    if value is None or value == "":
        return ""
    return repr(float(round(float(value), digits)))


def _clean(text: Any) -> str:
    # a tab or newline inside a field would break the row; the files are opened in
    # spreadsheets too, so a name that starts like a formula is escaped as in every CSV
    return formula_safe(" ".join(str(text).split())) if text is not None else ""


def _date_columns(day: str | None) -> list[str]:
    if not day:
        return ["", "", "", ""]
    year, month, dom = int(day[:4]), int(day[5:7]), int(day[8:10])
    fraction = year + (month * 30 + dom) / 365
    return [day.replace("-", ""), day[:4] + day[5:7], day[:4], f"{fraction:.4f}"]


def _actor_columns(actor: dict[str, Any] | None) -> list[str]:
    if not actor:
        return [""] * 10
    code = _clean(actor.get("code")).upper()
    parts = split_code(code)
    types = list(parts.types)
    sector = _clean(actor.get("sector")).upper()
    if not types and len(sector) == 3:
        types = [sector]
    country = cameo_country(actor.get("country")) or parts.country
    religion = [*parts.religion, "", ""][:2]
    types = [*types, "", "", ""][:3]
    name = _clean(actor.get("name") or actor.get("text")).upper()
    return [code, name, country, parts.known_group, parts.ethnic, *religion, *types]


def event_codes(cameo: str, root: str | None) -> tuple[str, str, str]:
    """(EventCode, EventBaseCode, EventRootCode), text with leading zeros kept."""
    code = cameo.strip()
    if len(code) == 2:
        code += "0"  # CAMEO's "..., not specified below" code for a bare root
    return code, code[:3], (root or code[:2]).strip()


def _geo_columns(place: dict[str, Any] | None) -> list[str]:
    if not place or not (place.get("name") or place.get("country")):
        return ["0", "", "", "", "", "", "", ""]
    name = _clean(place.get("name"))
    iso3 = (place.get("country") or "").upper()
    country = country_name(iso3)
    lat, lon = place.get("lat"), place.get("lon")
    at_country = lat is None or lon is None or not name or name.lower() == country.lower()
    code = fips(iso3, name)
    if at_country:
        kind, full = "1", country or name
        feature = code
    else:
        kind = "3" if iso3 == "USA" else "4"
        full = f"{name}, {country}" if country else name
        feature = _clean(place.get("geonameid") or place.get("feature_id"))
    return [kind, full, code, code, "", number(lat), number(lon), feature]


def _event_key(event: dict[str, Any], day: str | None) -> tuple[Any, ...]:
    def code(side: str) -> str:
        return str((event.get(side) or {}).get("code") or "")

    place = (event.get("location") or {}).get("name")
    return (event.get("cameo"), code("source"), code("target"), day, place)


def _offset(body: str, needle: Any, start: int, end: int) -> int:
    if not needle:
        return -1
    return body.find(str(needle), start, end)


def _host(url: str | None) -> str:
    try:
        host = urlsplit(url or "").hostname or ""
    except ValueError:  # a URL stored before the CLI checked --url ('https://[bad/')
        return ""
    return host[4:] if host.startswith("www.") else host


@dataclass(frozen=True, slots=True)
class Stories:
    """The store's stories (one real-world event reported by several articles), when it has
    them: the story of each stored event, and each story's GDELT counts."""

    of: dict[tuple[str, int], int]  # (article id, event index) -> story id
    counts: dict[int, tuple[int, int, int]]  # story id -> (mentions, sources, articles)


@dataclass(slots=True)
class _Seen:
    gid: str
    added: str


@dataclass(slots=True)
class GdeltRows:
    """Turns stored records into event and mention rows, one record at a time.

    Events of one article that are the same event (code, actor codes, date, place) make one
    event row; with ``stories``, events of different articles in one story make one event
    row too (written with the first article that reports it, in export order), with the
    story's NumMentions, NumSources and NumArticles, and a mention row for every report.
    """

    stories: Stories | None = None
    seen: dict[tuple[Any, ...], _Seen] = field(default_factory=dict)

    def known_story(self, story: int, gid: str, added: str) -> None:
        """Say that the event row of ``story`` was written before (with GLOBALEVENTID
        ``gid``, DATEADDED ``added``): its new reports get mention rows only."""
        self.seen[("story", story)] = _Seen(gid, added)

    def _key(self, item: StoredRecord, n: int, event: dict[str, Any], day: str | None) -> Any:
        story = self.stories.of.get((item.id, n)) if self.stories else None
        if story is not None:
            return ("story", story)
        return ("article", item.id, *_event_key(event, day))

    def rows(self, item: StoredRecord) -> tuple[list[list[str]], list[list[str]]]:
        """(event rows, mention rows) of one stored record."""
        published = item.article.get("published")
        added = timestamp(item.ingested_at)
        events, mentions = [], []
        new: dict[Any, list[Any]] = {}
        for n, event in item.events:
            day = event_date(event, published)
            key = self._key(item, n, event, day)
            if key not in self.seen:
                self.seen[key] = _Seen(str(event_id(item.id, n)), added)
                new[key] = [event, day, 0]
            if key in new:
                new[key][2] += 1
            seen = self.seen[key]
            mentions.append(_mention_row(item, event, seen.gid, seen.added))
        for key, (event, day, count) in new.items():
            story_counts = (
                self.stories.counts.get(key[1]) if self.stories and key[0] == "story" else None
            )
            counts = story_counts or (count, 1, 1)
            events.append(_event_row(item, event, day, self.seen[key].gid, counts))
        return events, mentions


def _first_paragraph_end(body: str) -> int:
    end = body.find("\n\n")
    return len(body) if end < 0 else end


def _event_row(
    item: StoredRecord,
    e: dict[str, Any],
    day: str | None,
    gid: str,
    counts: tuple[int, int, int],
) -> list[str]:
    url = item.article.get("url") or item.record.get("input_id") or ""
    code, base, root = event_codes(str(e.get("cameo") or ""), e.get("cameo_root"))
    start = e.get("start")
    lead = isinstance(start, int) and start < _first_paragraph_end(item.body)
    return [
        gid,
        *_date_columns(day),
        *_actor_columns(e.get("source")),
        *_actor_columns(e.get("target")),
        "1" if lead else "0",
        code,
        base,
        root,
        str(e.get("quad_class") or ""),
        number(e.get("goldstein"), 1),
        *(str(c) for c in counts),
        number(item.tone),
        *_geo_columns(None),
        *_geo_columns(None),
        *_geo_columns(e.get("location")),
        timestamp(item.ingested_at),
        _clean(url),
    ]


def _mention_row(item: StoredRecord, e: dict[str, Any], gid: str, first_added: str) -> list[str]:
    article, body = item.article, item.body
    start = e.get("start") if isinstance(e.get("start"), int) else None
    if start is None and e.get("sentence"):
        found = body.find(str(e["sentence"]))
        start = found if found >= 0 else None
    lo = start if start is not None else 0
    end = e.get("end")
    hi = end if isinstance(end, int) else len(body)
    source, target = e.get("source") or {}, e.get("target") or {}
    offsets = [_offset(body, side.get("text"), lo, hi) for side in (source, target)]
    trigger = _offset(body, e.get("trigger"), lo, hi)
    action = trigger if trigger >= 0 else (start if start is not None else -1)
    raw = all(o >= 0 for side, o in zip((source, target), offsets, strict=True) if side)
    confidence = e.get("confidence")
    return [
        gid,
        first_added,
        timestamp(item.ingested_at),
        "1",
        _host(article.get("url")) or _clean(article.get("outlet")),
        _clean(article.get("url") or item.record.get("input_id")),
        str(item.sentence_number(e, start) or ""),
        str(offsets[0]),
        str(offsets[1]),
        str(action),
        "1" if raw else "0",
        str(round(float(confidence) * 100)) if confidence is not None else "",
        str(len(body)),
        number(item.tone),
        "",
        "",
    ]


def event_rows(item: StoredRecord) -> list[list[str]]:
    """The GDELT event rows (61 fields each) of one stored record on its own."""
    return GdeltRows().rows(item)[0]


def mention_rows(item: StoredRecord) -> list[list[str]]:
    """The GDELT mention rows (16 fields each) of one stored record on its own."""
    return GdeltRows().rows(item)[1]


def _write_partial(
    items: Iterable[StoredRecord],
    partial: list[Path],
    counts: dict[str, int],
    builder: GdeltRows,
) -> str:
    newest = ""
    with ExitStack() as stack:
        events, mentions = (
            stack.enter_context(path.open("w", encoding="utf-8", newline="")) for path in partial
        )
        for item in items:
            if not item.events:
                continue
            event_table, mention_table = builder.rows(item)
            for handle, rows, width, name in (
                (events, event_table, len(EVENT_COLUMNS), "events"),
                (mentions, mention_table, len(MENTION_COLUMNS), "mentions"),
            ):
                for row in rows:
                    if len(row) != width:  # pragma: no cover - a bug, never data
                        raise AssertionError(f"GDELT {name} row of {len(row)} fields")
                    handle.write("\t".join(row) + "\n")
                counts[name] += len(rows)
            newest = max(newest, timestamp(item.ingested_at))
    return newest


def write_gdelt(
    items: Iterable[StoredRecord],
    out: Path,
    prefix: str | None = None,
    stories: Stories | None = None,
    builder: GdeltRows | None = None,
) -> tuple[list[Path], dict[str, int]]:
    """Write ``PREFIX.export.CSV`` and ``PREFIX.mentions.CSV`` into the directory ``out``,
    one record at a time (the files are renamed once the newest DATEADDED is known).
    ``builder`` (default: a fresh one over ``stories``) may know events written before."""
    partial = [out / ".dateline-export.partial", out / ".dateline-mentions.partial"]
    counts = {"events": 0, "mentions": 0}
    try:
        newest = _write_partial(items, partial, counts, builder or GdeltRows(stories))
    except BaseException:
        for path in partial:
            path.unlink(missing_ok=True)
        raise
    prefix = prefix or newest or datetime.now(UTC).strftime("%Y%m%d%H%M%S")
    paths = [out / f"{prefix}.export.CSV", out / f"{prefix}.mentions.CSV"]
    for done, path in zip(partial, paths, strict=True):
        done.replace(path)
    return paths, counts


__all__ = [
    "EVENT_COLUMNS",
    "MENTION_COLUMNS",
    "GdeltRows",
    "Stories",
    "event_codes",
    "event_rows",
    "mention_rows",
    "number",
    "write_gdelt",
]
