import zoneinfo

from django import forms
from django.contrib.auth.forms import AuthenticationForm, UserCreationForm
from django.core.validators import MaxLengthValidator

from backcare.accounts.models import User


def _time_zone_choices():
    return [(name, name.replace("_", " ")) for name in sorted(zoneinfo.available_timezones())]


class SignupForm(UserCreationForm):
    class Meta:
        model = User
        fields = ("email",)
        labels = {"email": "E-mail address"}

    def clean_email(self):
        email = User.objects.normalize_email(self.cleaned_data["email"]).lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(
                "An account with this e-mail address already exists. Log in or reset your password."
            )
        return email


class LoginForm(AuthenticationForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Django sets max_length here without its validator; without one an over-long
        # "e-mail" reaches authenticate() and django-axes' 255-character log column.
        self.fields["username"].validators.append(MaxLengthValidator(254))


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

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("That password is not right. Nothing was deleted.")
        return password
