"""URLs that sources pass on: one that ``urllib.parse`` cannot split (an unclosed IPv6
bracket, a bad port) would make later stages fail on a document that is otherwise fine."""

from __future__ import annotations

from urllib.parse import urlsplit


def usable_url(url: str) -> bool:
    """Whether ``url`` splits into parts (host and port included) without an error."""
    try:
        parts = urlsplit(url)
        _ = parts.hostname, parts.port
    except ValueError:
        return False
    return True
