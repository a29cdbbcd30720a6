"""Tell HTML from a plain-text dump by content, not by file name."""

from __future__ import annotations

import re

_HTML_MARKERS = re.compile(
    r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<div[\s>]|<p[\s>]|<article[\s>]",
    re.IGNORECASE,
)
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>")


def detect_kind(content: str) -> str:
    """Return "html" when the content is markup, else "text".

    A page dump may quote a tag or two; markup has structural tags near the top or many tags
    overall relative to its length.
    """
    head = content[:4096]
    if _HTML_MARKERS.search(head):
        return "html"
    sample = content[:65536]
    tags = len(_TAG.findall(sample))
    if tags >= 5 and tags * 80 > len(sample):
        return "html"
    return "text"
