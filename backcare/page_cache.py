"""Pages built from a user's data, cached until the user changes something.

Today and the dashboard are opened far more often than their data changes, and building
them (the reads, the charts, the templates) costs many times what serving them does. Their
content is cached under a key of the user, the user's data version and whatever else the
page depends on (the local date, the chosen range). Every POST by a signed-in user bumps
the version (backcare.middleware.DataVersionMiddleware), so a change shows on the very next
page; nothing has to remember which pages a change touches. A curator's catalog edit is not
in the key: it reaches cached pages when they expire (settings.BACKCARE_PAGE_CACHE_SECONDS).

Only the page's content is cached, never the whole response: the layout around it carries
this request's messages, and CSRF tokens differ between a user's browsers, so the cached
content holds a placeholder that is swapped for this request's token when served.
"""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

CSRF_PLACEHOLDER = "csrf-token-of-this-request"


class UserContent:
    """One page's cached content for the signed-in user: `get()` it, or `render()` it afresh."""

    def __init__(self, request: HttpRequest, page: str, *parts: object):
        user = request.user
        self.request = request
        # Parts must come from a small set (a date, a known range key), never raw input:
        # each distinct key is another cache entry.
        self.key = ":".join(str(p) for p in ("page", page, user.pk, user.data_version, *parts))

    def get(self) -> SafeString | None:
        html = cache.get(self.key)
        return None if html is None else self._served(html)

    def render(self, template_name: str, context: dict) -> SafeString:
        html = render_to_string(
            template_name, context | {"csrf_token": CSRF_PLACEHOLDER}, self.request
        )
        cache.set(self.key, html, settings.BACKCARE_PAGE_CACHE_SECONDS)
        return self._served(html)

    def _served(self, html: str) -> SafeString:
        # Everything in `html` was escaped when the template rendered it.
        return mark_safe(html.replace(CSRF_PLACEHOLDER, get_token(self.request)))  # noqa: S308
