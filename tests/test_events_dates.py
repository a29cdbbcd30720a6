"""Event dates: relative expressions resolved against the publication date (our own examples)."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.events import dates

THURSDAY = date(2024, 2, 29)  # a leap day, a Thursday


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("on Wednesday", "2024-02-28", "day"),
        ("Thursday", "2024-02-29", "day"),  # the day of publication
        ("last Thursday", "2024-02-22", "day"),
        ("on Friday", "2024-02-23", "day"),  # the past Friday, not tomorrow
        ("yesterday", "2024-02-28", "day"),
        ("today", "2024-02-29", "day"),
        ("this morning", "2024-02-29", "day"),
        ("two days ago", "2024-02-27", "day"),
        ("last week", "2024-02-19", "week"),
        ("last month", "2024-01-01", "month"),
        ("earlier this month", "2024-02-01", "month"),
        ("last year", "2023-01-01", "year"),
        ("on March 30", "2023-03-30", "day"),  # more than a week ahead: last year's
        ("on March 3", "2024-03-03", "day"),  # within a week: an announced date
        ("Feb. 12", "2024-02-12", "day"),
        ("12 February", "2024-02-12", "day"),
        ("March 3, 2022", "2022-03-03", "day"),
        ("in February 2022", "2022-02-01", "month"),
        ("in 2009", "2009-01-01", "year"),
        ("in January last year", "2023-01-01", "month"),  # not this January
        ("in May next year", "2025-05-01", "month"),
    ],
)
def test_resolve_against_publication(text: str, expected: str, precision: str) -> None:
    ref = dates.resolve(text, THURSDAY)
    assert ref is not None
    assert (ref.iso(), ref.precision) == (expected, precision)


def test_future_clause_counts_weekdays_forward() -> None:
    ref = dates.resolve("on Monday", THURSDAY, future=True)
    assert ref is not None and ref.iso() == "2024-03-04"
    assert dates.is_future(ref, THURSDAY)


def test_past_clause_keeps_a_near_date_in_the_past() -> None:
    ref = dates.resolve("on March 1", THURSDAY, past=True)
    assert ref is not None and ref.iso() == "2023-03-01"


def test_since_is_background_not_the_day() -> None:
    since = dates.resolve("since 2009", THURSDAY)
    assert since is not None and since.relation == "since"
    assert dates.is_background(since, THURSDAY)
    recent = dates.resolve("since Monday", THURSDAY)
    assert recent is not None and not dates.is_background(recent, THURSDAY)


@pytest.mark.parametrize(
    ("text", "background"),
    [
        ("in 2018", True),
        ("last year", True),
        ("in the 1990s", True),
        ("on Wednesday", False),
        ("last month", False),
        ("in January 2024", False),  # the month before publication: the news of the day
        ("in November 2023", True),  # three months before: an earlier period's
        ("in March 2023", True),
    ],
)
def test_background(text: str, background: bool) -> None:
    ref = dates.resolve(text, THURSDAY)
    assert ref is not None
    assert dates.is_background(ref, THURSDAY) is background


def test_unplaceable_and_missing() -> None:
    assert dates.resolve("in four months", THURSDAY) is None
    assert dates.resolve("on Wednesday", None) is None
    assert dates.resolve("in 2009", None) is not None  # absolute dates need no anchor


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2024-02-29", date(2024, 2, 29)),
        ("2024-02-29T09:12:00", date(2024, 2, 29)),
        ("2024-02-29T23:30:00Z", date(2024, 2, 29)),
        ("2024-02-29T09:12:00+01:00", date(2024, 2, 29)),
        ("", None),
        (None, None),
        ("not a date", None),
    ],
)
def test_parse_published(published: str | None, expected: date | None) -> None:
    assert dates.parse_published(published) == expected
