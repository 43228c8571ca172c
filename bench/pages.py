"""The pages the bench visits, and the session form filled in from its HTML.

Shared by the load test (locustfile.py) and the query count (queries.py).
"""

import re
import uuid

PATHS = {
    "bare": "/bench/bare/",
    "today": "/today/",
    "log": "/sessions/new/",
    "dashboard": "/progress/",
    "history": "/progress/history/",
    "catalog": "/exercises/",
    # An exercise's ladder, every rung with its figure (the longest ladder, five rungs).
    "exercise": "/exercises/hip-flexor-stretch/",
}


def visit_path(page: str) -> str:
    """The address a visit fetches: the session form as Today links to it, with a fresh
    one-time key (without one the form redirects to get one)."""
    return f"{PATHS['log']}?key={uuid.uuid4()}" if page.startswith("log") else PATHS[page]


INPUT = re.compile(r"<input\b[^>]*>")
ATTR = re.compile(r'\b(name|value)="([^"]*)"')
ENTRY_FIELD = re.compile(r"^(e\d+)-(sets_done|amount_done)$")


def session_form_data(html: str) -> dict[str, str]:
    """The session form as a user would send it: every exercise done, pain 1, ease 4."""
    fields: dict[str, str] = {}
    for tag in INPUT.findall(html):
        attrs = dict(ATTR.findall(tag))
        if "name" in attrs:
            fields.setdefault(attrs["name"], attrs.get("value", ""))
    data = {
        "csrfmiddlewaretoken": fields["csrfmiddlewaretoken"],
        "day": fields["day"],
        "submission_key": fields["submission_key"],
        "pain_before": "2",
        "note": "",
    }
    for name, value in fields.items():
        if match := ENTRY_FIELD.match(name):
            prefix = match.group(1)
            data[name] = value
            data |= {
                f"{prefix}-status": "done",
                f"{prefix}-pain_during": "1",
                f"{prefix}-ease": "4",
                f"{prefix}-marker_value": "",
                f"{prefix}-note": "",
            }
    return data
