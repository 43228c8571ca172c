"""The safety screen's forms: the whole screen, symptoms that appeared, and a clearance."""

from datetime import date
from typing import Any

from django import forms
from django.conf import settings

from backcare.accounts.models import Profession
from progress.models import Clearance
from progress.rules import red_flags
from progress.rules.dates import months_later

YES_NO = [("yes", "Yes"), ("no", "No")]


def _yes_no_field(label: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=YES_NO,
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Please answer yes or no."},
    )


def appeared_field() -> forms.MultipleChoiceField:
    """Symptoms that can appear between sessions (never history such as "a history of
    cancer"), as the check-in and "my symptoms changed" ask them."""
    return forms.MultipleChoiceField(
        label="Since your last session, have any of these appeared? Tick any that apply.",
        required=False,
        choices=[(q.key, q.text) for q in red_flags.CAN_APPEAR],
        widget=forms.CheckboxSelectMultiple,
    )


class SafetyScreenForm(forms.Form):
    """One required yes/no question per red flag, and whether a clinician checked the back."""

    cleaned_data: dict[str, Any]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for question in red_flags.QUESTIONS.values():
            self.fields[question.key] = _yes_no_field(question.text)
        self.fields["clinician_checked"] = _yes_no_field(
            "A physiotherapist, chiropractor, athletic therapist or doctor has checked my back "
            "and I am cleared to exercise."
        )

    def grouped_fields(self):
        return [(group, [self[q.key] for q in group.questions]) for group in red_flags.GROUPS]

    def red_flag_answers(self) -> dict[str, bool]:
        return {key: self.cleaned_data[key] for key in red_flags.QUESTIONS}


class SymptomsChangedForm(forms.Form):
    appeared = appeared_field()


class ClearanceForm(forms.ModelForm):
    confirmed = forms.BooleanField(
        label="They assessed the answers above and told me I can exercise.",
        error_messages={"required": "Tick this only when a clinician has cleared you."},
    )

    class Meta:
        model = Clearance
        fields = ["clinician", "assessed_on", "note"]
        labels = {
            "clinician": "Who assessed you?",
            "assessed_on": "When?",
            "note": "What did they say? (optional)",
        }
        widgets = {
            "clinician": forms.RadioSelect,
            "assessed_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "note": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, today: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        if isinstance(clinician := self.fields.get("clinician"), forms.ChoiceField):
            clinician.choices = Profession.choices  # radios: no empty "------" choice
        self.fields["assessed_on"].widget.attrs["max"] = today.isoformat()

    def clean_assessed_on(self) -> date:
        day = self.cleaned_data["assessed_on"]
        months = settings.BACKCARE_CLEARANCE_MONTHS
        if day > self.today:
            raise forms.ValidationError("That day is still to come: give the day you were seen.")
        if months_later(day, months) <= self.today:
            raise forms.ValidationError(
                f"A clearance holds for {months} months: please see a clinician again."
            )
        return day


class ClinicianClearanceForm(ClearanceForm):
    """The clearance as the clinician records it: who they are is their account, and what
    they say is what their patient reads."""

    confirmed = None  # type: ignore[assignment]  # the clinician's own record: nothing to confirm

    class Meta(ClearanceForm.Meta):
        fields = ["assessed_on", "note"]
        labels = {
            "assessed_on": "When did you assess them?",
            "note": "What you found (your patient reads this on Today)",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["note"].required = True
        self.fields["note"].error_messages["required"] = (
            "Say what you found: your patient reads it on Today."
        )
