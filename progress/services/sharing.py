"""Sharing one report through a time-limited link, and the record of every look (by link or
by a clinician).

A link's token is 32 random bytes, shown once when it is made; the database keeps its
SHA-256 only, so the link can be checked but not rebuilt. Every opening of a shared report
writes a DataAccess row the person sees on their profile.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import date, datetime, timedelta

from django.db import transaction

from backcare.accounts.models import User
from progress.models import DataAccess, ReportLink

DEFAULT_DAYS = 14
MAX_DAYS = 30


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def report_link_create(
    *, user: User, start: date, end: date, label: str, days: int, now: datetime
) -> tuple[ReportLink, str]:
    """A new link and its token (to show once)."""
    token = secrets.token_urlsafe(32)
    link = ReportLink.objects.create(
        user=user,
        token_hash=token_hash(token),
        label=label,
        start=start,
        end=end,
        created_at=now,
        expires_at=now + timedelta(days=days),
    )
    return link, token


@transaction.atomic
def report_link_revoke(*, link: ReportLink, now: datetime) -> None:
    ReportLink.objects.filter(pk=link.pk, revoked_at__isnull=True).update(revoked_at=now)


@transaction.atomic
def report_link_open(*, token: str, now: datetime, address: str | None) -> ReportLink | None:
    """The live link for `token`, with its look recorded; None when it is expired, revoked
    or was never made. The row is locked while it is read, so a revoke that commits first
    is always seen."""
    link = (
        ReportLink.objects.select_for_update(of=("self",))
        .select_related("user")
        .filter(token_hash=token_hash(token))
        .first()
    )
    if link is None or not link.is_live(now) or not link.user.is_active:
        return None
    record_look(
        patient=link.user,
        who=f"Someone with your shared link{f' ({link.label})' if link.label else ''}",
        what=f"your report of {link.start:%-d %b} – {link.end:%-d %b %Y}",
        now=now,
        address=address,
        report_link=link,
    )
    return link


def record_look(
    *,
    patient: User,
    who: str,
    what: str,
    now: datetime,
    address: str | None,
    report_link: ReportLink | None = None,
) -> DataAccess:
    """Write down one look at the patient's data by someone else (no figures from it)."""
    return DataAccess.objects.create(
        user=patient, who=who, what=what, at=now, address=address, report_link=report_link
    )
