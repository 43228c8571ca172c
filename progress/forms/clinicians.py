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


class ClinicianMoveForm(forms.Form):
    """A clinician's move of one exercise to another rung, with the reason the patient reads."""

    rung = forms.TypedChoiceField(label="Move to rung", coerce=int)
    reason = forms.CharField(
        label="Why (your patient reads this on Today)",
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Say why: your patient reads it on Today."},
    )

    def __init__(self, *args, rungs, **kwargs):
        super().__init__(*args, **kwargs)
        self.rungs = {r.position: r for r in rungs}
        self.fields["rung"].choices = [(r.position, f"{r.position}: {r.name}") for r in rungs]

    def clean_rung(self):
        return self.rungs[self.cleaned_data["rung"]]
