"""The admin: reached only through the app's own log-in, and only with two-factor turned on.

The admin's own log-in form would skip the log-in rate limits and the second factor, so it
sends people to the app's log-in instead. Staff who have not set up an authenticator app are
sent to do so first: the admin shows other people's accounts.
"""

from allauth.account.decorators import secure_admin_login
from allauth.mfa.utils import is_mfa_enabled
from django.contrib import admin, messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode


class AdminSite(admin.AdminSite):
    def has_permission(self, request: HttpRequest) -> bool:
        return super().has_permission(request) and is_mfa_enabled(request.user)

    def login(self, request: HttpRequest, extra_context=None) -> HttpResponse:
        user = request.user
        if user.is_authenticated and user.is_staff and not is_mfa_enabled(user):
            messages.info(request, "Turn on two-factor authentication to use the admin.")
            next_url = request.GET.get("next", reverse("admin:index"))
            query = urlencode({"next": next_url})
            return redirect(f"{reverse('mfa_activate_totp')}?{query}")
        return secure_admin_login(super().login)(request, extra_context)
