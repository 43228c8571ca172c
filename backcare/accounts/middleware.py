import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login

STARTED = "backcare_session_started"
SEEN = "backcare_session_seen"
# Last-seen is written back at most this often, so a busy user's session is not saved on
# every request.
SEEN_RESOLUTION = 60


def session_started(sender, request, user, **kwargs) -> None:
    """A receiver of user_logged_in: the session's clocks start at log-in, in the same save."""
    now = int(time.time())
    request.session[STARTED] = request.session[SEEN] = now


class SessionLifetimeMiddleware:
    """End a signed-in session after a spell without requests, and after a fixed lifetime.

    Health data sits behind these sessions; a phone left unlocked or a shared computer should
    not keep them open (OWASP ASVS 3.3). The limits are settings.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = int(time.time())
            session = request.session
            started = session.setdefault(STARTED, now)
            seen = session.setdefault(SEEN, now)
            idle = settings.BACKCARE_SESSION_IDLE_MINUTES * 60
            lifetime = settings.BACKCARE_SESSION_MAX_HOURS * 3600
            if now - seen > idle or now - started > lifetime:
                logout(request)
                messages.info(
                    request,
                    "For your privacy you were logged out after a while without activity. "
                    "Log in again to carry on.",
                )
                return redirect_to_login(request.get_full_path())
            if now - seen >= SEEN_RESOLUTION:
                session[SEEN] = now
        return self.get_response(request)
