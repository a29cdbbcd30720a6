"""The web UI and HTTP API (``dateline serve``): ``create_app(db)`` is a FastAPI app.

Needs the ``web`` extra: ``pip install 'dateline[web]'``.
"""

from __future__ import annotations

from dateline.web.app import MAX_BODY, create_app

__all__ = ["MAX_BODY", "create_app"]
