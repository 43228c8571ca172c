import zoneinfo

from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms

from backcare.accounts.models import User

ZONES = sorted(zoneinfo.available_timezones())


class TimeZoneInput(forms.TextInput):
    """A text box with the zone database as its suggestions: searchable by typing, where a
    select of some 600 zones is not."""

    template_name = "accounts/widgets/time_zone.html"

    def __init__(self, attrs=None):
        super().__init__({"list": "time-zones", "data-time-zone": "", **(attrs or {})})

    def get_context(self, name, value, attrs):
        return super().get_context(name, value, attrs) | {"zones": ZONES}


class TimeZoneField(forms.CharField):
    widget = TimeZoneInput

    def to_python(self, value):
        # "America/New York" as typed is the zone database's "America/New_York".
        return super().to_python(value).strip().replace(" ", "_")

    def validate(self, value):
        super().validate(value)
        if value and value not in zoneinfo.available_timezones():
            raise forms.ValidationError(
                f"“{value}” is not a time zone we know: start typing your region or city, "
                "e.g. Europe/London, and pick one of the suggestions."
            )


class SignupForm(AllauthSignupForm):
    """Sign-up that never says whether an address already has an account.

    allauth only hides that when verification is mandatory for every log-in; here people may
    use the app before they verify, so the form just notes the conflict and the sign-up view
    answers both cases alike (backcare.accounts.views.SignupView).
    """

    # Filled from the browser by static/js/timezone.js; asked when the browser cannot say.
    time_zone = TimeZoneField(
        label="Your time zone",
        required=False,
        help_text="Days in your plan follow it. Leave it empty for UTC; change it any time.",
    )

    def custom_signup(self, request, user) -> None:
        user.time_zone = self.cleaned_data["time_zone"] or "UTC"
        user.save(update_fields=["time_zone"])

    def validate_unique_email(self, value: str) -> str:
        self.account_already_exists = User.objects.filter(email__iexact=value).exists()
        return value


class ProfileForm(forms.ModelForm):
    time_zone = TimeZoneField(help_text="Days in your plan and logs follow this time zone.")

    class Meta:
        model = User
        fields = ("display_name", "time_zone")
        labels = {"display_name": "Display name"}
        help_texts = {"display_name": "How BackCare greets you. Optional."}


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label="Your password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text="Deleting your account removes your plan, logs and answers for good.",
    )

    def __init__(self, user: User, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("That password is not right. Nothing was deleted.")
        return password
