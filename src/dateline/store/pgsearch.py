"""Full-text search on PostgreSQL: ``to_tsvector``/``tsquery`` over titles and bodies.

The same contract as the SQLite FTS5 search (every word must match, ``"phrases"`` and
``word*`` prefixes, title matches weigh more, a snippet with the matches marked), built with
PostgreSQL's English text search configuration and an expression GIN index (migration 4).
``raw=True`` takes ``to_tsquery`` syntax (``&``, ``|``, ``!``, ``<->``).
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.exc import SQLAlchemyError

from dateline.errors import StoreError
from dateline.store.fts import _TERM, _has_word

CONFIG = "english"
#: The indexed document; the GIN index of migration 4 is on exactly this expression.
DOCUMENT = f"to_tsvector('{CONFIG}', coalesce(title, '') || ' ' || body)"
INDEX_DDL = f"CREATE INDEX IF NOT EXISTS articles_fts_pg ON articles USING gin (({DOCUMENT}))"


def _terms(query: str) -> tuple[str, dict[str, Any]]:
    """A tsquery SQL expression and its parameters: each term a phrase or a prefix, ANDed."""
    parts: list[str] = []
    params: dict[str, Any] = {}
    for n, match in enumerate(_TERM.finditer(query)):
        phrase, word = match.group(1), match.group(2)
        if phrase is None and len(word) > 1 and word.endswith("*"):
            lexeme = re.sub(r"\W+", "", word.rstrip("*"))
            if lexeme:
                params[f"t{n}"] = lexeme + ":*"
                parts.append(f"to_tsquery('{CONFIG}', :t{n})")
            continue
        phrase = (phrase if phrase is not None else word).strip()
        if _has_word(phrase):
            params[f"t{n}"] = phrase
            parts.append(f"phraseto_tsquery('{CONFIG}', :t{n})")
    if not parts:
        raise StoreError(
            f"the search query {query!r} has no words to search for; give one or more words",
            code="E502",
        )
    return " && ".join(parts), params


def search(
    connection: Connection,
    query: str,
    *,
    limit: int,
    raw: bool,
    highlight: tuple[str, str],
    snippet_tokens: int,
) -> list[Any]:
    if raw:
        expression, params = f"to_tsquery('{CONFIG}', :raw)", {"raw": query}
    else:
        expression, params = _terms(query)
    options = (
        f"StartSel={highlight[0]}, StopSel={highlight[1]}, MaxWords={snippet_tokens}, "
        f"MinWords={max(1, snippet_tokens // 2)}, FragmentDelimiter=…, MaxFragments=1"
    )
    sql = f"""
        SELECT a.id, a.title, a.url, a.published, a.outlet,
               ts_headline('{CONFIG}', a.body, q, :options) AS snippet,
               -ts_rank(setweight(to_tsvector('{CONFIG}', coalesce(a.title, '')), 'A')
                        || setweight(to_tsvector('{CONFIG}', a.body), 'D'), q) AS rank
        FROM articles AS a, ({"SELECT " + expression} AS q) AS query
        WHERE {DOCUMENT.replace("title", "a.title").replace("body", "a.body")} @@ q
        ORDER BY rank, a.seq
        LIMIT :limit
    """
    try:
        with connection.begin_nested() if connection.in_transaction() else connection.begin():
            return list(
                connection.execute(text(sql), {**params, "options": options, "limit": limit})
            )
    except SQLAlchemyError as exc:
        detail = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        if raw:
            raise StoreError(
                f"the search query {query!r} is not valid tsquery syntax ({detail}); search "
                "without --raw to look for the words as typed",
                code="E502",
            ) from None
        raise StoreError(f"database error while searching: {detail}") from exc
