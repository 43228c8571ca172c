import sys

from django.db import InterfaceError, InternalError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

# The database is unreachable (OperationalError, InterfaceError) or refuses writes: a
# read-only database answers InternalError on PostgreSQL ("cannot execute INSERT in a
# read-only transaction") and OperationalError on SQLite ("attempt to write a readonly
# database"). Each is worth a retry, not a "something went wrong".
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError, InternalError)
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "home.html")


def server_error(request: HttpRequest) -> HttpResponse:
    """A 500 page, or a 503 "back in a moment" while the database is unavailable.

    Every write is one transaction, so a request cut off by a database outage leaves
    nothing half-written, and the 503 page of a form can say that sending it again is safe;
    health-checked connections reconnect once the database is back.
    """
    if isinstance(sys.exc_info()[1], DATABASE_UNAVAILABLE):
        context = {"was_write": request.method not in SAFE_METHODS}
        response = render(request, "503.html", context, status=503)
        response["Retry-After"] = "30"
        return response
    return render(request, "500.html", status=500)
