"""The form a clinician registers with. It converts and validates only."""

from django import forms

from backcare.accounts.models import ClinicianProfile
from exercises.models import Rung
from progress.forms.plans import AddExerciseForm
from progress.models import MAX_AMOUNT, MAX_SETS, PlanExercise


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


def _reason() -> forms.CharField:
    return forms.CharField(
        label="Why (your patient reads this on Today)",
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Say why: your patient reads it on Today."},
    )


class ClinicianAdjustForm(forms.Form):
    """A clinician's change to one exercise of a patient's plan: rung, dose, paused, and why.
    Empty dose fields mean the rung's own dose."""

    rung = forms.TypedChoiceField(label="Rung", coerce=int)
    sets = forms.IntegerField(label="Sets", min_value=1, max_value=MAX_SETS, required=False)
    amount = forms.IntegerField(
        label="Reps or seconds a set", min_value=1, max_value=MAX_AMOUNT, required=False
    )
    paused = forms.BooleanField(label="Paused", required=False)
    reason = _reason()

    def __init__(self, data=None, *, item: PlanExercise):
        rungs = list(item.exercise.rungs.all())
        initial: dict[str, object] = {"rung": item.rung.position, "paused": item.is_paused}
        if item.custom_sets:
            initial |= {"sets": item.custom_sets, "amount": item.custom_amount}
        super().__init__(data, initial=initial, prefix=f"i{item.pk}")
        self.item = item
        self.rungs = {r.position: r for r in rungs}
        field = self.fields["rung"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(r.position, f"{r.position}: {r.name}, {r.dose_text}") for r in rungs]

    def clean_rung(self) -> Rung:
        return self.rungs[self.cleaned_data["rung"]]

    def clean(self):
        cleaned = super().clean()
        sets, amount = cleaned.get("sets"), cleaned.get("amount")
        typed_badly = self.has_error("sets") or self.has_error("amount")
        if (sets is None) != (amount is None) and not typed_badly:
            raise forms.ValidationError(
                "Give both the sets and the reps or seconds, or leave both empty for the "
                "rung's own dose."
            )
        cleaned["dose"] = (sets, amount) if sets and amount else None
        return cleaned


class ClinicianAddForm(AddExerciseForm):
    """A clinician adds an exercise to a patient's plan, on its first rung, with why."""

    reason = _reason()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["exercise"].error_messages["invalid_choice"] = (
            "That exercise cannot be added: it is already in the plan or not available."
        )
