import zoneinfo

from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms

from backcare.accounts.models import User


def _time_zone_choices():
    return [(name, name.replace("_", " ")) for name in sorted(zoneinfo.available_timezones())]


class SignupForm(AllauthSignupForm):
    """Sign-up that never says whether an address already has an account.

    allauth only hides that when verification is mandatory for every log-in; here people may
    use the app before they verify, so the form just notes the conflict and the sign-up view
    answers both cases alike (backcare.accounts.views.SignupView).
    """

    def validate_unique_email(self, value: str) -> str:
        self.account_already_exists = User.objects.filter(email__iexact=value).exists()
        return value


class ProfileForm(forms.ModelForm):
    time_zone = forms.TypedChoiceField(
        choices=_time_zone_choices,
        help_text="Days in your plan and logs follow this time zone.",
    )

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
