"""Pages built from a user's data, cached until the user or a curator changes something.

Today and the dashboard are opened far more often than their data changes, and building
them (the reads, the charts, the templates) costs many times what serving them does. Their
content is cached under a key of the user, the user's data version and whatever else the
page depends on (the local date, the chosen range). Every POST by a signed-in user bumps
the version (backcare.middleware.DataVersionMiddleware), so a change shows on the very next
page; nothing has to remember which pages a change touches.

The catalog (exercise names, rungs and their instructions) is shared by every user, so it is
not in the key: each entry remembers the catalog version it was built from, and saving or
deleting an exercise or a rung sets a new one once committed (exercises/apps.py); both are
read in one round trip. Without REDIS_URL the cache, and so the catalog version, is each
worker's own: the other workers show a curator's edit when their entries expire
(settings.BACKCARE_PAGE_CACHE_SECONDS).

Only the page's content is cached, never the whole response: the layout around it carries
this request's messages, and CSRF tokens differ between a user's browsers, so the cached
content holds a placeholder that is swapped for this request's token when served.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

CSRF_PLACEHOLDER = "csrf-token-of-this-request"
CATALOG_VERSION = "page:catalog-version"


def catalog_changed(**_) -> None:
    """A signal receiver: every cached page built from the catalog before this is stale."""
    # After the commit: a page built in between would read the old catalog yet be stored
    # under the new version.
    transaction.on_commit(lambda: cache.set(CATALOG_VERSION, uuid.uuid4().hex, None))


class UserContent:
    """One page's cached content for the signed-in user: `get()` it, or `render()` it afresh."""

    def __init__(self, request: HttpRequest, page: str, *parts: object):
        user = request.user
        self.request = request
        # Parts must come from a small set (a date, a known range key), never raw input:
        # each distinct key is another cache entry.
        self.key = ":".join(str(p) for p in ("page", page, user.pk, user.data_version, *parts))
        self.catalog_version: str | None = None

    def get(self) -> SafeString | None:
        found = cache.get_many([self.key, CATALOG_VERSION])
        # Read before any rendering: a catalog edit made meanwhile marks the new entry stale.
        self.catalog_version = found.get(CATALOG_VERSION)
        entry = found.get(self.key)
        if entry is None or entry[0] != self.catalog_version:
            return None
        return self._served(entry[1])

    def render(self, template_name: str, context: dict) -> SafeString:
        html = render_to_string(
            template_name, context | {"csrf_token": CSRF_PLACEHOLDER}, self.request
        )
        cache.set(self.key, (self.catalog_version, html), settings.BACKCARE_PAGE_CACHE_SECONDS)
        return self._served(html)

    def _served(self, html: str) -> SafeString:
        # Everything in `html` was escaped when the template rendered it.
        return mark_safe(html.replace(CSRF_PLACEHOLDER, get_token(self.request)))  # noqa: S308
