"""GDELT-style update files: what tools that poll GDELT every 15 minutes read.

GDELT 2.0 publishes, every 15 minutes, ``YYYYMMDDHHMMSS.export.CSV.zip`` and
``YYYYMMDDHHMMSS.mentions.CSV.zip`` (each a zip holding the CSV of that name) and rewrites
``lastupdate.txt`` to list them, one ``SIZE MD5 URL`` line per file, while
``masterfilelist.txt`` grows by the same lines. ``write_updates`` does the same for the
articles stored since the last update it wrote:

- the rows are those of ``dateline export --format gdelt`` (``export.gdelt``): one event row
  per real-world event first reported in the update (a story of the store, else a distinct
  event of one article) and one mention row per report; a new report of a story an earlier
  update carried gets a mention row only, pointing at that story's GLOBALEVENTID (its first
  report's, by when it was stored), as GDELT's updates do;
- the timestamp is the update's time (UTC); the names in the lists are the file names, or
  ``base_url`` + name when the directory is served somewhere;
- the high-water mark (the last article number written) is kept in the directory, in
  ``.dateline-updates.json``, written after the files and lists; every file is written
  under a temporary name and renamed, so a reader never sees half a file;
- an update with no new event rows writes nothing: ``lastupdate.txt`` keeps naming the last
  files, which is what a poller needs to do nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from dateline.errors import StoreError
from dateline.export import load_stories
from dateline.export.gdelt import GdeltRows, write_gdelt
from dateline.export.records import StoredRecord, event_id, timestamp
from dateline.store import Store
from dateline.store.watch import WatchState

MARK_FILE = ".dateline-updates.json"
LAST_UPDATE = "lastupdate.txt"
MASTER_LIST = "masterfilelist.txt"


class UpdatesError(StoreError):
    """The update directory cannot be written (E503, as an export's)."""

    code = "E503"


@dataclass(slots=True)
class Update:
    """The files of one update (empty when there was nothing new)."""

    paths: list[Path] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)
    articles: int = 0


def _mark(directory: Path) -> int:
    try:
        return int(json.loads((directory / MARK_FILE).read_text(encoding="utf-8"))["seq"])
    except FileNotFoundError:
        return 0
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise UpdatesError(
            f"cannot read {directory / MARK_FILE} ({exc}); delete it to start the updates "
            "over from the first stored article"
        ) from None


def _write_atomic(path: Path, data: bytes) -> None:
    partial = path.with_name(f".{path.name}.partial")
    partial.write_bytes(data)
    partial.replace(path)


def _zip(csv: Path) -> Path:
    """``NAME.CSV`` as ``NAME.CSV.zip`` holding it, as GDELT publishes; the CSV goes."""
    target = csv.with_name(csv.name + ".zip")
    partial = target.with_name(f".{target.name}.partial")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.write(csv, csv.name)
    partial.replace(target)
    csv.unlink()
    return target


def _prefix(directory: Path, moment: datetime) -> str:
    """The update's YYYYMMDDHHMMSS, a second later while that name is taken."""
    moment = moment.astimezone(UTC).replace(microsecond=0)
    while (directory / f"{moment:%Y%m%d%H%M%S}.export.CSV.zip").exists():
        moment += timedelta(seconds=1)
    return f"{moment:%Y%m%d%H%M%S}"


def list_line(path: Path, base_url: str = "") -> str:
    """``SIZE MD5 NAME``: a line of lastupdate.txt for ``path``."""
    data = path.read_bytes()
    return f"{len(data)} {hashlib.md5(data).hexdigest()} {base_url}{path.name}"


def _builder(store: Store, new: set[str]) -> GdeltRows:
    """Rows grouped by the store's stories, the stories already reported before the new
    articles known by their first report's event id."""
    stories = load_stories(store)
    builder = GdeltRows(stories)
    if stories is None:
        return builder
    touched = {story for (article, _n), story in stories.of.items() if article in new}
    older = [
        (article, n, story)
        for (article, n), story in stories.of.items()
        if story in touched and article not in new
    ]
    stored_at = WatchState(store).stored_at({article for article, _n, _s in older})
    first: dict[int, tuple[str, str, int]] = {}
    for article, n, story in older:
        candidate = (stored_at.get(article, ""), article, n)
        if story not in first or candidate < first[story]:
            first[story] = candidate
    for story, (added, article, n) in first.items():
        builder.known_story(story, str(event_id(article, n)), timestamp(added))
    return builder


def write_updates(
    store: Store, directory: str | os.PathLike[str], moment: datetime, base_url: str = ""
) -> Update:
    """Write the update files for the articles stored since the last update; see above."""
    out = Path(directory)
    try:
        out.mkdir(parents=True, exist_ok=True)
        return _write(store, out, moment, base_url)
    except OSError as exc:
        raise UpdatesError(
            f"cannot write the GDELT updates into {out}: {exc.strerror or exc}"
        ) from None


def _write(store: Store, out: Path, moment: datetime, base_url: str) -> Update:
    since = _mark(out)
    new = WatchState(store).articles_after(since)
    update = Update(articles=len(new))
    if not new:
        return update
    records = []
    for row in new:
        analysis = store.get(row.id)
        if analysis is not None and analysis.article is not None:
            record = analysis.to_dict()
            events = list(enumerate(record.get("events") or []))
            records.append(StoredRecord(record, row.ingested_at, events))
    prefix = _prefix(out, moment)
    builder = _builder(store, {row.id for row in new})
    paths, rows = write_gdelt(records, out, prefix, builder=builder)
    update.rows = rows
    if rows.get("events", 0) or rows.get("mentions", 0):
        update.paths = [_zip(path) for path in paths]
        lines = "".join(list_line(path, base_url) + "\n" for path in update.paths)
        _write_atomic(out / LAST_UPDATE, lines.encode("utf-8"))
        with (out / MASTER_LIST).open("a", encoding="utf-8") as master:
            master.write(lines)
    else:
        for path in paths:
            path.unlink(missing_ok=True)
    _write_atomic(out / MARK_FILE, json.dumps({"seq": new[-1].seq}).encode("utf-8"))
    return update
