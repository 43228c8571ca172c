"""Every URL of the site, read from the URL configuration, sorted into what guards it.

A new URL fails test_every_url_is_classified until it is put in one of these tables, so
nobody has to remember to add it to the security tests.
"""

from django.urls import URLPattern, URLResolver, get_resolver

# Open to anyone, with why.
PUBLIC = {
    "home": "the landing page",
    "signup": "creating an account",
    "login": "logging in",
    "password_reset": "asking for a reset link",
    "password_reset_done": "the reset confirmation",
    "password_reset_confirm": "the link from the e-mail carries its own token",
    "password_reset_complete": "the reset confirmation",
    "exercise_list": "the public catalog",
    "exercise_detail": "the public catalog (by slug, not an id)",
    "bench_bare": "only routed in benchmark settings",
}

# Signed-in pages that carry no id: the user's own data only.
SIGNED_IN = {
    "logout",
    "password_change",
    "password_change_done",
    "profile",
    "delete_account",
    "safety",
    "today",
    "plan",
    "plan_start",
    "plan_add",
    "session_new",
    "checkin",
    "dashboard",
    "psfs",
    "history",
    "export_csv",
    "export_json",
    "report",
}

# URLs that carry the id of a user's object: name → (owner kind, HTTP method).
OWNED = {
    "plan_item_rung": ("plan_item", "post"),
    "plan_item_pause": ("plan_item", "post"),
    "plan_item_resume": ("plan_item", "post"),
    "plan_item_remove": ("plan_item", "post"),
    "plan_item_history": ("plan_item", "get"),
    "session_edit": ("session", "get"),
    "session_delete": ("session", "post"),
    "history_detail": ("session", "get"),
    "suggestion_accept": ("suggestion", "post"),
    "suggestion_decline": ("suggestion", "post"),
}


def site_urls() -> list[tuple[str, URLPattern]]:
    """(route, pattern) for every URL outside the Django admin."""

    def walk(patterns, prefix=""):
        for p in patterns:
            if isinstance(p, URLResolver):
                yield from walk(p.url_patterns, prefix + str(p.pattern))
            else:
                yield prefix + str(p.pattern), p

    return [
        (route, p)
        for route, p in walk(get_resolver().url_patterns)
        if not route.startswith("admin/")
    ]
