"""The form a clinician registers with. It converts and validates only."""

from django import forms

from backcare.accounts.models import ClinicianProfile


class ClinicianForm(forms.ModelForm):
    class Meta:
        model = ClinicianProfile
        fields = ("profession", "registration_number", "practice")
        labels = {"registration_number": "Registration number", "practice": "Your practice"}

    def clean_registration_number(self):
        number = " ".join(self.cleaned_data["registration_number"].split())
        if not any(c.isalnum() for c in number):
            raise forms.ValidationError("Enter your registration number, e.g. PH12345.")
        return number
