import sys
from pathlib import PurePosixPath

from django.conf import settings
from django.db import InterfaceError, InternalError, OperationalError
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.views import static
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


# What the media folder may hold (exercises.forms.MediaForm writes nothing else) and the
# type each is served as: never guessed from the bytes (nosniff), never anything a browser runs.
MEDIA_TYPES = {
    ".jpg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
    ".mp4": "video/mp4",
    ".webm": "video/webm",
}


@require_safe
def media(request: HttpRequest, path: str) -> HttpResponseBase:
    """Curators' uploads from MEDIA_ROOT, when the app serves them itself (development, or
    BACKCARE_SERVE_MEDIA=true); in production the proxy does, with the same headers."""
    suffix = PurePosixPath(path).suffix.lower()
    if not settings.BACKCARE_SERVE_MEDIA or suffix not in MEDIA_TYPES:
        raise Http404("No such file.")
    response = static.serve(request, path, document_root=str(settings.MEDIA_ROOT))
    response["Content-Type"] = MEDIA_TYPES[suffix]
    response["X-Content-Type-Options"] = "nosniff"
    # Our own names ("catalog/<uuid>.jpg"): shown in the page, never saved as something else.
    response["Content-Disposition"] = f'inline; filename="{PurePosixPath(path).name}"'
    return response
