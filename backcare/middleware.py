import zoneinfo

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.db import DatabaseError
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import add_never_cache_headers


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


def accepts_uploads(max_bytes: int):
    """Let a view take files, in request bodies of up to `max_bytes`: the one line it needs.

    Without it RequestBodyLimitMiddleware caps the body at BACKCARE_MAX_REQUEST_BYTES and
    throws file parts away unread.
    """

    def mark(view):
        view.upload_max_bytes = max_bytes
        return view

    return mark


class RequestBodyLimitMiddleware:
    """Refuse an oversized request body with 413 before anything reads it.

    Listed before CsrfViewMiddleware, whose process_view is the first to read request.POST,
    so the limit holds before a byte of the body is parsed. For a view that takes no files a
    multipart file part is read past and dropped instead of being spooled to the server's
    temporary directory.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        upload_max_bytes = getattr(view_func, "upload_max_bytes", None)
        limit = upload_max_bytes or settings.BACKCARE_MAX_REQUEST_BYTES
        if _content_length(request) > limit:
            return render(request, "413.html", {"limit_kb": limit // 1024}, status=413)
        if upload_max_bytes is None:
            # Not an empty list: Django reads that as "use the default handlers".
            request.upload_handlers = [FileDroppingUploadHandler(request)]
        return None


class FileDroppingUploadHandler(FileUploadHandler):
    """For a view that takes no files: every file part is skipped, never stored."""

    def new_file(self, *args, **kwargs):
        raise SkipFile

    def receive_data_chunk(self, raw_data, start):
        return None

    def file_complete(self, file_size):
        return None


def _content_length(request) -> int:
    # Django reads no body at all when the header is missing or malformed.
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


class PrivateHeadersMiddleware:
    """No browser or proxy may store a page shown to a signed-in user; Permissions-Policy on all.

    Nearly every signed-in page shows health data (pain, notes, plan, reports), so the rule
    covers them all instead of a list of views that a new page could be missing from. Static
    files never get here: whitenoise answers them earlier, with their long cache lifetime.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.BACKCARE_PERMISSIONS_POLICY)
        if _signed_in(request):
            add_never_cache_headers(response)
        return response


def _signed_in(request) -> bool:
    user = getattr(request, "user", None)
    if user is None:
        return False
    try:
        return user.is_authenticated
    except DatabaseError:
        # The session could not be read (the database is down, and this is its 503 page):
        # it may be anyone's, so it is kept out of caches.
        return True
