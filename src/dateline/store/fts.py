"""Full-text search over articles with SQLite FTS5.

The index is an external-content FTS5 table over ``articles.title`` and ``articles.body``,
kept in sync by triggers (so any writer, not only the Store, keeps it right). User queries
are quoted into FTS5 strings by ``fts_query`` so that punctuation, ``AND``/``OR``/``NEAR``,
column filters and stray quotes in what a person types are searched for, never parsed.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.exc import SQLAlchemyError

from dateline.errors import StoreError

#: DDL of the index, run by migration 2 on SQLite.
FTS_DDL: tuple[str, ...] = (
    "CREATE VIRTUAL TABLE articles_fts USING fts5("
    "title, body, content='articles', content_rowid='seq', "
    "tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN "
    "INSERT INTO articles_fts(rowid, title, body) VALUES (new.seq, new.title, new.body); END",
    "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, body) "
    "VALUES ('delete', old.seq, old.title, old.body); END",
    "CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, body) "
    "VALUES ('delete', old.seq, old.title, old.body); "
    "INSERT INTO articles_fts(rowid, title, body) VALUES (new.seq, new.title, new.body); END",
    "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')",
)

#: Title matches weigh more than body matches in the bm25 ranking.
TITLE_WEIGHT, BODY_WEIGHT = 5.0, 1.0

SEARCH_SQL = f"""
SELECT a.id, a.title, a.url, a.published, a.outlet,
       snippet(articles_fts, 1, :start, :end, :ellipsis, :tokens) AS snippet,
       bm25(articles_fts, {TITLE_WEIGHT}, {BODY_WEIGHT}) AS rank
FROM articles_fts JOIN articles AS a ON a.seq = articles_fts.rowid
WHERE articles_fts MATCH :query
ORDER BY rank, a.seq
LIMIT :limit
"""

# A double-quoted phrase, or a run of non-space characters.
_TERM = re.compile(r'"([^"]*)"|(\S+)')


def fts_query(text: str) -> str:
    """Turn what a person typed into a safe FTS5 query: every word must match.

    ``"exact phrase"`` stays a phrase and a trailing ``*`` on a word is a prefix search;
    everything else is a literal term (FTS5 string quoting, ``"`` doubled).
    """
    parts: list[str] = []
    for match in _TERM.finditer(text):
        phrase, word = match.group(1), match.group(2)
        prefix = False
        if phrase is None:
            phrase = word
            if len(phrase) > 1 and phrase.endswith("*"):
                phrase, prefix = phrase.rstrip("*"), True
        phrase = phrase.strip()
        if not _has_word(phrase):
            continue
        parts.append('"' + phrase.replace('"', '""') + '"' + ("*" if prefix else ""))
    if not parts:
        raise StoreError(
            f"the search query {text!r} has no words to search for; give one or more words",
            code="E502",
        )
    return " ".join(parts)


def _has_word(text: str) -> bool:
    # FTS5's unicode61 tokenizer keeps letters and digits (and marks); a term made only of
    # punctuation would be an empty phrase.
    return any(ch.isalnum() for ch in text)


def syntax_error(query: str, detail: str) -> StoreError:
    return StoreError(
        f"the search query {query!r} is not valid FTS5 syntax ({detail}); search without "
        "--raw to look for the words as typed",
        code="E502",
    )


def sqlite_search(
    connection: Connection,
    query: str,
    *,
    limit: int,
    raw: bool,
    highlight: tuple[str, str],
    snippet_tokens: int,
) -> list[Any]:
    """The rows of an FTS5 search, best first (see ``Store.search`` for the contract)."""
    params = {
        "query": query if raw else fts_query(query),
        "start": highlight[0],
        "end": highlight[1],
        "ellipsis": "…",
        "tokens": snippet_tokens,
        "limit": limit,
    }
    try:
        return list(connection.execute(text(SEARCH_SQL), params).all())
    except SQLAlchemyError as exc:
        detail = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        if raw:
            raise syntax_error(query, detail) from None
        raise StoreError(f"database error while searching: {detail}") from exc
