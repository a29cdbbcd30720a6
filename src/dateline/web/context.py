"""What every request handler shares: the store, the write token, caches, and the error
type that becomes the one error shape ``{"error": {"code", "message"}}``."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from fastapi import Request
from fastapi.responses import Response

from dateline.errors import http_code
from dateline.output import csv_cell
from dateline.store import Store
from dateline.web.views import StatsCache


@dataclass(slots=True)
class Context:
    store: Store
    token: str | None
    max_body: int
    allowed_hosts: tuple[str, ...] | None = None
    stats: StatsCache = field(default_factory=StatsCache)

    @property
    def read_only(self) -> bool:
        return not self.token

    @property
    def has_stories(self) -> bool:
        return callable(getattr(self.store, "stories", None))


def get_context(request: Request) -> Context:
    context: Context = request.app.state.dateline
    return context


class ApiError(Exception):
    """An error answered as ``{"error": {"code", "message"}}`` with an HTTP status."""

    def __init__(self, status: int, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code or http_code(status)  # E6xx unless a document's own code is given
        self.message = message


def csv_response(rows: Iterable[dict[str, Any]], name: str) -> Response:
    """Rows as a CSV download (columns: the keys of the first row)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    columns: list[str] | None = None
    for row in rows:
        if columns is None:
            columns = list(row)
            writer.writerow(columns)
        writer.writerow([csv_cell(row.get(c)) for c in columns])
    return Response(
        out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}.csv"'},
    )
