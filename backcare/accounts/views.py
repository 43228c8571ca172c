from allauth.account import signals
from allauth.account.app_settings import EmailVerificationMethod
from allauth.account.internal.flows.login import perform_login
from allauth.account.models import Login
from allauth.account.utils import has_verified_email
from allauth.account.views import ConfirmEmailView as AllauthConfirmEmailView
from allauth.account.views import SignupView as AllauthSignupView
from allauth.core import ratelimit
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_safe

from backcare.accounts.forms import DeleteAccountForm, ProfileForm
from backcare.accounts.http import SignedInRequest
from backcare.accounts.services import address_lock, user_delete
from progress.models import DataAccess, ReminderSettings
from progress.rules.dates import WEEKDAYS

LOOKS_SHOWN = 20


class SignupView(AllauthSignupView):
    """Sign-up answers alike whether or not the address is taken: "check your inbox".

    A new account gets the verification link; the owner of an existing one gets an e-mail
    saying so, with links to log in or reset the password. Neither is logged in by this
    answer: the link logs the new user in, or they log in with their password and may use
    the app unverified (they are reminded).
    """

    def form_valid(self, form) -> HttpResponse:
        email = form.cleaned_data["email"]
        user = None
        with transaction.atomic():
            # Two sign-ups for one address at once: the second waits, then finds the first,
            # so no INSERT ever fails on the unique key (its text would reach the server log).
            address_lock(email)
            form.validate_unique_email(email)  # again, now that no other sign-up can insert it
            if not form.account_already_exists:
                user = form.save(self.request)
        if user is not None:
            signals.user_signed_up.send(sender=user.__class__, request=self.request, user=user)
        login = Login(
            user=user,
            email=email,
            signup=True,
            email_verification=EmailVerificationMethod.MANDATORY,
            redirect_url=self.get_success_url(),
        )
        return perform_login(self.request, login)


signup = SignupView.as_view()


class ConfirmEmailView(AllauthConfirmEmailView):
    """The verification link, which changes nothing unless it is valid and for this browser.

    A link for another account no longer logs the signed-in person out and verifies the
    other address: it says so and leaves both alone. An expired, used or altered link says
    so (instead of a bare "not found"); each such attempt counts toward a per-client limit.
    """

    def logout_other_user(self, confirmation) -> None:
        pass

    def _for_someone_else(self) -> bool:
        user = self.request.user
        return bool(
            self.object and user.is_authenticated and user.pk != self.object.email_address.user_id
        )

    def get_context_data(self, **kwargs) -> dict:
        return super().get_context_data(**kwargs) | {"for_someone_else": self._for_someone_else()}

    def post(self, *args, **kwargs) -> HttpResponse:
        try:
            self.object = self.get_object()
        except Http404:
            self.object = None
        if self.object is None or self._for_someone_else():
            if not ratelimit.consume(self.request, action="verify_email_failed"):
                return ratelimit.respond_429(self.request)
            return self.render_to_response(self.get_context_data(), status=400)
        return super().post(*args, **kwargs)


confirm_email = ConfirmEmailView.as_view()


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def profile(request: SignedInRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your profile was saved.")
        return redirect("profile")
    reminders = ReminderSettings.objects.filter(user=request.user).first()
    context = {
        "form": form,
        "email_verified": has_verified_email(request.user),
        "reminders": reminders,
        # Every look by anyone but the person: the newest first.
        "looks": DataAccess.objects.filter(user=request.user)[:LOOKS_SHOWN],
        "reminder_days": ", ".join(WEEKDAYS[d] for d in reminders.days) if reminders else "",
    }
    return render(request, "accounts/profile.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def delete_account(request: SignedInRequest) -> HttpResponse:
    form = DeleteAccountForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user_delete(request=request, user=request.user)
        logout(request)
        messages.success(request, "Your account and everything in it were deleted.")
        return redirect("home")
    return render(request, "accounts/delete.html", {"form": form})


@require_safe
def expired_reset_link(request: HttpRequest, **_) -> HttpResponse:
    """A password-reset link from before the account pages moved: its token is no longer valid."""
    messages.info(request, "That reset link has expired. Ask for a new one below.")
    return redirect("account_reset_password")
