"""Everything a user owns, as plain values: taken before and after a request that must
change nothing (another user's 404, a refused method), the two must be equal."""

from datetime import UTC, datetime

from django.db.models import Q

from progress.exports import export_document
from progress.models import CareGrant, ReportLink

# The export stamps the moment it was made; one fixed moment makes two reads comparable.
_TAKEN_AT = datetime(2000, 1, 1, tzinfo=UTC)


def owned_rows(user) -> dict:
    """The user's account and each of their rows with every field, as their export holds
    them, their shared report links and their grants, given or received."""
    links = ReportLink.objects.filter(user=user).order_by("pk").values()
    grants = CareGrant.objects.filter(Q(patient=user) | Q(clinician__user=user)).order_by("pk")
    return export_document(user, now=_TAKEN_AT) | {
        "report_links": list(links),
        "care_grants": list(grants.values()),
    }
