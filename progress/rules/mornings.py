"""Which sessions still wait for their next-morning pain: a pure rule, no Django imports.

The progression rules need the pain of the morning after each session. A missed morning is
not a lost session: the person may give it later, within LATE_DAYS, and it is stored on that
session's next morning so the rules read it as if given on time.
"""

from collections.abc import Iterable
from datetime import date, timedelta

LATE_DAYS = 3


def mornings_missing(
    session_days: Iterable[date], checked_in: Iterable[date], today: date
) -> list[date]:
    """Days of recent sessions whose next morning (today at the latest) has no check-in,
    most recent first."""
    answered = set(checked_in)
    return sorted(
        {
            day
            for day in session_days
            if today - timedelta(days=LATE_DAYS) <= day < today
            and day + timedelta(days=1) not in answered
        },
        reverse=True,
    )
