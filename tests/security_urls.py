"""Every URL of the site, read from the URL configuration, sorted into what guards it.

A new URL fails test_every_url_is_classified until it is put in one of these tables, so
nobody has to remember to add it to the security tests.
"""

from django.urls import URLPattern, URLResolver, get_resolver

# Open to anyone, with why.
PUBLIC = {
    "home": "the landing page",
    "account_signup": "creating an account",
    "account_login": "logging in",
    "account_inactive": "says an account is switched off",
    "account_email_verification_sent": "'check your inbox' after sign-up",
    "account_confirm_email": "the link from the e-mail carries its own token",
    "account_reset_password": "asking for a reset link",
    "account_reset_password_done": "the reset confirmation",
    "account_reset_password_from_key": "the link from the e-mail carries its own token",
    "account_reset_password_from_key_done": "the reset confirmation",
    "account_confirm_login_code": "a step of a log-in in progress (codes are not offered)",
    "mfa_authenticate": "the second step of a log-in in progress",
    "legacy_password_change": "redirects to the page's new path",
    "legacy_password_reset": "redirects to the page's new path",
    "legacy_password_reset_link": "an old reset link: redirects to asking for a new one",
    "exercise_list": "the public catalog",
    "exercise_detail": "the public catalog (by slug, not an id)",
    "media": "the catalog's pictures and videos, public like the catalog (never user data)",
    "calendar_feed": "opened by calendar apps: carries its own random, revocable token",
    "unsubscribe": "opened from an e-mail, or posted by a mail client: carries a signed token",
    "shared_report": "a report the person shared: carries a random, expiring, revocable token",
}

# Signed-in pages that carry no id: the user's own data only.
SIGNED_IN = {
    "account_logout",
    "account_reauthenticate",
    "account_email",
    "account_change_password",
    "account_set_password",
    "mfa_index",
    "mfa_reauthenticate",
    "mfa_activate_totp",
    "mfa_deactivate_totp",
    "mfa_view_recovery_codes",
    "mfa_generate_recovery_codes",
    "mfa_download_recovery_codes",
    "usersessions_list",
    "profile",
    "delete_account",
    "safety",
    "safety_outcome",
    "safety_clearance",
    "symptoms_changed",
    "caution_dismiss",
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
    "reminder_settings",
    "calendar_link",
    "calendar_download",
    "report_share",
    "clinician_join",
    "clinician_home",
    "care_team",
}

# URLs that carry the id of a user's object: name → (owner kind, HTTP method).
OWNED = {
    "plan_item_rung": ("plan_item", "post"),
    "plan_item_pause": ("plan_item", "post"),
    "plan_item_resume": ("plan_item", "post"),
    "plan_item_remove": ("plan_item", "post"),
    "plan_item_restore": ("removed_plan_item", "post"),
    "plan_item_history": ("plan_item", "get"),
    "session_edit": ("session", "get"),
    "session_delete": ("session", "post"),
    "history_detail": ("session", "get"),
    "suggestion_accept": ("suggestion", "post"),
    "suggestion_decline": ("suggestion", "post"),
    "report_link_revoke": ("report_link", "post"),
    "grant_change": ("grant", "post"),
    "grant_revoke": ("grant", "post"),
    "grant_accept": ("grant_to_alice", "post"),
}

# Clinicians' URLs that carry a patient's id: name → HTTP method. Each is tried as the
# clinician the patient granted (the only one it answers), an unrelated clinician, one whose
# grant was revoked or not yet accepted, one without two-factor, and a non-clinician.
PATIENT_DATA = {
    "clinician_patient_report": "get",
    "clinician_patient_dashboard": "get",
    "clinician_patient_plan": "get",
    "clinician_item_adjust": "post",
    "clinician_plan_add": "post",
    "clinician_clearance": "post",
}

# Of those, the ones that change the plan: a read-only grant is refused them (403).
PLAN_CHANGES = {
    "clinician_patient_plan",
    "clinician_item_adjust",
    "clinician_plan_add",
    "clinician_clearance",
}


# What each of BackCare's own signed-in URLs answers to (its Allow header when refused):
# pages that only show are GET and HEAD, forms add POST, and actions are POST alone.
READS = "GET, HEAD"
FORMS = "GET, HEAD, POST"
ACTIONS = "POST"
ALLOWED_METHODS = {
    "calendar_download": READS,
    "calendar_link": ACTIONS,
    "care_team": FORMS,
    "caution_dismiss": ACTIONS,
    "checkin": FORMS,
    "clinician_home": READS,
    "clinician_join": FORMS,
    "dashboard": READS,
    "delete_account": FORMS,
    "export_csv": READS,
    "export_json": READS,
    "grant_accept": ACTIONS,
    "grant_change": ACTIONS,
    "grant_revoke": ACTIONS,
    "history": READS,
    "history_detail": READS,
    "plan": READS,
    "plan_add": ACTIONS,
    "plan_item_history": READS,
    "plan_item_pause": ACTIONS,
    "plan_item_remove": FORMS,  # GET asks "are you sure?" first
    "plan_item_restore": ACTIONS,
    "plan_item_resume": ACTIONS,
    "plan_item_rung": ACTIONS,
    "plan_start": FORMS,
    "profile": FORMS,
    "psfs": FORMS,
    "reminder_settings": FORMS,
    "report": READS,
    "report_link_revoke": ACTIONS,
    "report_share": FORMS,
    "safety": FORMS,
    "safety_clearance": FORMS,
    "safety_outcome": READS,
    "session_delete": FORMS,
    "session_edit": FORMS,
    "session_new": FORMS,
    "suggestion_accept": ACTIONS,
    "suggestion_decline": ACTIONS,
    "symptoms_changed": FORMS,
    "today": READS,
}
# Of those, the ones that first ask for the password again if it was not typed lately.
RECENT_LOG_IN = {"export_csv", "export_json"}


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
