"""Publication dates stated by the caller (JSON Lines ``published``, ``--published``) as ISO.

The analysis record promises ISO 8601 dates, so what a caller states is normalised at the
boundary: ISO stays ISO, a human date ("5 March 2024", "Tue, 05 Mar 2024 09:30:00 GMT")
becomes ISO, and something without a full day, month and year is refused rather than
guessed.
"""

from __future__ import annotations

from datetime import date, datetime

from dateutil import parser


def iso_date(value: str) -> str | None:
    """``value`` as an ISO date or date-time, or None when it is not a whole date."""
    text = value.strip()
    if not text:
        return None
    for kind in (date, datetime):
        try:
            return kind.fromisoformat(text).isoformat()
        except ValueError:
            pass
    # Parse twice with different defaults: whatever the text does not say comes out
    # different, which tells a date-time from a date and a date from a partial one.
    try:
        first = parser.parse(text, default=datetime(2000, 1, 1, 0, 0, 0))
        second = parser.parse(text, default=datetime(2001, 2, 2, 12, 30, 30))
    except (ValueError, OverflowError):
        return None
    if first.date() != second.date():
        return None
    if first.time() != second.time():
        return first.date().isoformat()
    return first.isoformat()
