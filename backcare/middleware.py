import logging
import zoneinfo

from django.contrib.auth import get_user_model
from django.db import DatabaseError
from django.db.models import F
from django.utils import timezone

logger = logging.getLogger(__name__)


class UserTimezoneMiddleware:
    """Render dates in the signed-in user's own time zone: "today" is their today."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            try:
                timezone.activate(zoneinfo.ZoneInfo(user.time_zone))
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                timezone.deactivate()
        else:
            timezone.deactivate()
        return self.get_response(request)


class DataVersionMiddleware:
    """After any request that may change a signed-in user's data, bump their data version.

    Pages built from a user's data are cached under the version (backcare.page_cache), so
    this one rule, rather than a call in every service, keeps them fresh. Writes only come
    as POSTs; a POST that changed nothing (a form sent back with errors) just costs the
    next page a rebuild.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method not in ("GET", "HEAD", "OPTIONS", "TRACE"):
            # request.user may have changed in the view: logged in (bumped) or out (skipped).
            user = getattr(request, "user", None)
            if user is not None and user.is_authenticated:
                try:
                    get_user_model().objects.filter(pk=user.pk).update(
                        data_version=F("data_version") + 1
                    )
                except DatabaseError:
                    # The database went away after the view: the answer the user gets
                    # stands, and cached pages catch up when they expire.
                    logger.warning("data version of user %s not bumped", user.pk, exc_info=True)
        return response
