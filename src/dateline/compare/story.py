"""How outlets told one story: the articles of a story set side by side.

``compare(records)`` takes two or more analysis records (``Analysis.to_dict()``) and lines
up what each outlet carries: its headline, when it published (who was first), its tone, the
actors it names, the quotes it chose and how it cut them, the events it reports, and the
claims no other outlet makes. Every item keeps its article id and body offsets, so a reader
can go to the sentence. ``compare_story(store, story_id)`` does this for a stored story;
the CLI (``dateline compare``), the API and the web page are thin layers over these two.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from dateline.compare import align
from dateline.compare.claims import claims as find_claims
from dateline.compare.model import Comparison, Group, Item, Outlet, fields_of
from dateline.errors import UsageError
from dateline.store.stories import actor_key, similar
from dateline.tone import tone

#: The most articles one comparison sets side by side (the first to publish): aligning
#: sentences grows with the square of the articles, and a page wider than this is unread.
MAX_ARTICLES = 30

# -- outlets and publication order ---------------------------------------------------------


def _moment(published: str | None) -> tuple[datetime, bool] | None:
    """A publication time in UTC and whether it has a time of day (a bare date has not)."""
    if not published:
        return None
    text = str(published).strip().replace("Z", "+00:00")
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    timed = "T" in text or " " in text
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC), timed


def _outlet_name(article: dict[str, Any]) -> str:
    if article.get("outlet"):
        return str(article["outlet"])
    host = urlsplit(str(article.get("url") or "")).hostname or ""
    return host.removeprefix("www.") or "unknown outlet"


def _outlets(records: list[dict[str, Any]]) -> list[Outlet]:
    """The articles in publication order. Two articles dated only by day (no time) on the
    same day are tied: neither can be said to be first."""
    keyed = []
    for record in records:
        article = record.get("article") or {}
        keyed.append((record, _moment(article.get("published"))))

    def order(entry: tuple[dict[str, Any], tuple[datetime, bool] | None]) -> tuple[int, str]:
        moment = entry[1]
        return (1, "") if moment is None else (0, moment[0].isoformat())

    keyed.sort(key=order)
    timed_first = next((m for _, m in keyed if m is not None), None)
    out: list[Outlet] = []
    rank = 0
    previous: tuple[datetime, bool] | None = None
    for n, (record, moment) in enumerate(keyed):
        if moment is None or previous is None or not _tied(previous, moment):
            rank = n + 1
        previous = moment
        article = record.get("article") or {}
        body = article.get("body") or ""
        minutes = None
        if moment and timed_first and moment[1] and timed_first[1]:
            minutes = round((moment[0] - timed_first[0]).total_seconds() / 60)
        stored_tone = article.get("tone")
        out.append(
            Outlet(
                article_id=record["id"],
                outlet=_outlet_name(article),
                title=article.get("title"),
                url=article.get("url"),
                published=article.get("published"),
                rank=rank,
                minutes_after_first=minutes,
                tone=float(stored_tone) if stored_tone is not None else tone(body),
                words=len(body.split()),
            )
        )
    return out


def _tied(a: tuple[datetime, bool], b: tuple[datetime, bool]) -> bool:
    if a[1] and b[1]:
        return a[0] == b[0]
    return a[0].date() == b[0].date()


# -- grouping across articles -------------------------------------------------------------


def _cluster(
    entries: Iterable[tuple[Item, Any]],
    score: Callable[[Any, Any], float],
) -> list[list[Item]]:
    """Greedy grouping: each item joins the group it matches best (``score`` > 0 against
    any member) that has no item of its own article yet, else starts a group. The longest
    items go first, so the fullest version of a quote seeds its group and the shorter cuts
    of it (which may share no word with one another) each find it; a group's items and the
    groups themselves then follow the order of ``entries``."""
    listed = list(entries)
    position = {id(item): n for n, (item, _) in enumerate(listed)}
    groups: list[list[tuple[Item, Any]]] = []
    for item, key in sorted(listed, key=lambda entry: -len(entry[0].text)):
        best, best_score = None, 0.0
        for group in groups:
            if any(member.article_id == item.article_id for member, _ in group):
                continue
            value = max(score(key, other) for _, other in group)
            if value > best_score:
                best, best_score = group, value
        if best is None:
            groups.append([(item, key)])
        else:
            best.append((item, key))
    ordered = [
        sorted((item for item, _ in group), key=lambda i: position[id(i)]) for group in groups
    ]
    return sorted(ordered, key=lambda group: position[id(group[0])])


def _actors(records: list[dict[str, Any]]) -> list[Group]:
    groups: dict[str, Group] = {}
    for record in records:
        body = (record.get("article") or {}).get("body") or ""
        for entity in record.get("entities") or []:
            name = str(entity.get("name") or "").strip()
            if not name:
                continue
            mentions = [m for m in entity.get("mentions") or [] if isinstance(m, dict)]
            first = mentions[0] if mentions else {}
            start, end = first.get("start"), first.get("end")
            item = Item(
                record["id"],
                name,
                start if isinstance(start, int) else None,
                end if isinstance(end, int) else None,
                _sentence_at(body, start) if isinstance(start, int) else None,
                {
                    "type": entity.get("type"),
                    "country": entity.get("country"),
                    "code": entity.get("code"),
                    "mentions": len(mentions),
                },
            )
            group = groups.setdefault(name.casefold(), Group("actor", name, []))
            if not group.by_article(record["id"]):
                group.items.append(item)
    _merge_surnames(groups)
    return sorted(groups.values(), key=lambda g: (-len(g.articles), g.label.casefold()))


def _merge_surnames(groups: dict[str, Group]) -> None:
    """A person one outlet names by surname alone ("Wekesa") is the person another names
    in full ("Amina Wekesa") when exactly one full name ends with that surname."""
    people = {k: g for k, g in groups.items() if g.items[0].fields.get("type") == "PERSON"}
    for key, group in list(people.items()):
        if " " in key:
            continue
        full = [k for k in people if " " in k and k.rsplit(" ", 1)[1] == key and k in groups]
        if len(full) != 1:
            continue
        into = groups[full[0]]
        if any(into.by_article(item.article_id) for item in group.items):
            continue
        into.items.extend(group.items)
        del groups[key]


def _sentence_at(body: str, offset: int) -> str | None:
    for sentence in align.sentences(body):
        if sentence.start <= offset < sentence.end:
            return sentence.text
    return None


def _speaker(quote: dict[str, Any]) -> str | None:
    speaker = quote.get("speaker") or {}
    name = speaker.get("name") or speaker.get("text")
    return str(name).strip() if name else None


def _speaker_key(name: str | None) -> str:
    words = (name or "").casefold().split()
    if words and words[0] == "the":
        words = words[1:]
    return words[-1] if words else ""


def _quotes(records: list[dict[str, Any]]) -> list[Group]:
    entries = []
    for record in records:
        for n, quote in enumerate(record.get("quotes") or []):
            text = str(quote.get("text") or "").strip()
            if not text:
                continue
            speaker = _speaker(quote)
            item = Item(
                record["id"],
                text,
                quote.get("start"),
                quote.get("end"),
                quote.get("sentence"),
                {"n": n, "speaker": speaker, "kind": quote.get("kind")},
            )
            words = " ".join(align.words(text)).casefold()
            entries.append((item, (_speaker_key(speaker), align.tokens(text), words)))

    Key = tuple[str, frozenset[str], str]

    def score(a: Key, b: Key) -> float:
        if a[2] and a[2] == b[2]:  # the same words, however few of them are content words
            return 1.0
        return align.same_quote(a[1], b[1], bool(a[0]) and a[0] == b[0])

    groups = []
    for members in _cluster(entries, score):
        full = max(members, key=lambda item: len(align.words(item.text)))
        items = []
        for item in members:
            how = align.cut(_quoted(item), _quoted(full)) if len(members) > 1 else None
            extra = {
                "cut": how.relation if how else "only",
                "left_out": list(how.left_out) if how else [],
                "own": list(how.own) if how else [],
            }
            items.append(Item(**{**fields_of(item), "fields": {**item.fields, **extra}}))
        speakers = [i.fields["speaker"] for i in items if i.fields["speaker"]]
        label = max(speakers, key=len) if speakers else "unknown speaker"
        groups.append(Group("quote", label, items))
    return groups


_QUOTED = re.compile(r'["“”]([^"“”]+)["“”]')


def _quoted(item: Item) -> str:
    """The speaker's own words: of a mixed quote, the stretches inside quotation marks."""
    if item.fields.get("kind") == "mixed":
        inside = _QUOTED.findall(item.text)
        if inside:
            return " ".join(inside)
    return item.text


def _side(event: dict[str, Any], side: str) -> dict[str, Any]:
    value = event.get(side)
    return value if isinstance(value, dict) else {}


def _event_label(event: dict[str, Any]) -> str:
    source = _side(event, "source").get("name") or "?"
    target = _side(event, "target").get("name") or "?"
    return f"{event.get('cameo') or '?'} {event.get('plover') or ''} {source} → {target}".replace(
        "  ", " "
    )


def _events(
    records: list[dict[str, Any]], story_of: dict[tuple[str, int], int | None] | None
) -> list[Group]:
    entries = []
    for record in records:
        for n, event in enumerate(record.get("events") or []):
            sentence = str(event.get("sentence") or "")
            item = Item(
                record["id"],
                sentence,
                event.get("start"),
                event.get("end"),
                sentence,
                {
                    "n": n,
                    "cameo": event.get("cameo"),
                    "plover": event.get("plover"),
                    "quad_class": event.get("quad_class"),
                    "source": _side(event, "source").get("name"),
                    "target": _side(event, "target").get("name"),
                    "date": event.get("date"),
                    "modality": event.get("modality"),
                    "story_id": (story_of or {}).get((record["id"], n)),
                },
            )
            entries.append((item, _event_key(event, item.fields["story_id"], story_of)))

    def score(a: Hashable, b: Hashable) -> float:
        if isinstance(a, int) or isinstance(b, int):  # a story the store grouped it into
            return 1.0 if a == b else 0.0
        if not (isinstance(a, tuple) and isinstance(b, tuple)) or a[:3] != b[:3]:
            return 0.0
        return 1.0 if similar(a[3], b[3]) else 0.0

    groups = []
    by_id = records_by_id(records)
    for members in _cluster(entries, score):
        first = (by_id[members[0].article_id].get("events") or [])[members[0].fields["n"]]
        groups.append(Group("event", _event_label(first), members))
    return groups


def records_by_id(records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {record["id"]: record for record in records}


def _event_key(
    event: dict[str, Any], story_id: int | None, story_of: dict[Any, Any] | None
) -> Hashable:
    """The store's story when it gave one; else the rule stories use (same CAMEO root, same
    sides, similar sentence) decides."""
    if story_of is not None and story_id is not None:
        return story_id
    source, target = _side(event, "source"), _side(event, "target")
    return (
        event.get("cameo_root") or str(event.get("cameo") or "")[:2],
        actor_key(source.get("code"), source.get("country"), source.get("name")),
        actor_key(target.get("code"), target.get("country"), target.get("name")),
        str(event.get("sentence") or ""),
    )


# -- the comparison -----------------------------------------------------------------------


def compare(
    records: list[dict[str, Any]],
    *,
    story_of: dict[tuple[str, int], int | None] | None = None,
    story: dict[str, Any] | None = None,
) -> Comparison:
    """Set two or more analysis records side by side.

    ``story_of`` maps (article id, event index) to the story the store put the event in;
    events are then the same event exactly when the store says so. Without it, events are
    matched by the rule stories use. At most ``MAX_ARTICLES`` are compared: the first to
    publish.
    """
    usable = [r for r in records if r.get("article") and not r.get("error")]
    first_seen: dict[str, dict[str, Any]] = {}
    for record in usable:
        first_seen.setdefault(record["id"], record)
    usable = list(first_seen.values())
    if len(usable) < 2:
        raise UsageError(
            f"a comparison needs two or more articles, got {len(usable)}; "
            "pick a story reported by several (dateline stories --min-articles 2)"
        )
    outlets = _outlets(usable)[:MAX_ARTICLES]
    ordered = [records_by_id(usable)[o.article_id] for o in outlets]
    quotes = _quotes(ordered)
    events = _events(ordered, story_of)
    by_reach = lambda g: -len(g.articles)  # noqa: E731 - sort key, stable within reach
    quotes.sort(key=by_reach)
    events.sort(key=by_reach)
    return Comparison(
        outlets=outlets,
        actors=_actors(ordered),
        quotes=quotes,
        events=events,
        claims=find_claims(ordered, quotes, events),
        story=story,
    )


def compare_story(store: Any, story_id: int) -> Comparison:
    """The comparison of the articles of one stored story (``Store.story``)."""
    found = store.story(story_id)
    if found is None:
        raise UsageError(f"no story {story_id} in this store; list them with `dateline stories`")
    records = []
    for article_id in found["articles"]:
        record = store.get(article_id)
        if record is not None:
            records.append(record.to_dict())
    story_of = {(aid, n): sid for aid, n, sid in found["events"]}
    summary = {k: v for k, v in found.items() if k not in ("articles", "events")}
    summary["compared"] = min(len(records), MAX_ARTICLES)
    return compare(records, story_of=story_of, story=summary)
