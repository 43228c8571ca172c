"""Forms for logging a session and the next-morning check-in. They convert and validate only.

Each field names the template that draws it with its label and error (`as_field_group`):
templates/progress/fields/.
"""

import uuid
from datetime import timedelta
from typing import cast

from django import forms
from django.forms import BoundField

from progress.forms.screens import appeared_field
from progress.models import MAX_AMOUNT, MAX_SETS, ExerciseEntry
from progress.rules.engine import EASE_WORDS

PAIN_CHOICES = [(str(n), str(n)) for n in range(11)]
EASE_CHOICES = [(str(n), f"{n} · {EASE_WORDS[n]}") for n in range(1, 6)]
# How far back a missed day may be logged.
BACKDATE_DAYS = 60
INPUT = "progress/fields/input.html"
CHOICES = "progress/fields/choices.html"
PAIN_SCALE = "progress/fields/pain_scale.html"
# The ignore[call-arg] on the fields below: django-stubs 6.1 has `template_name` (Django 5.0)
# on Field.__init__ only, not on its subclasses, which pass it on through **kwargs.


class RadioGroup(BoundField):
    """A radio group whose template draws its options from plain rows: Django's subwidgets
    build a whole widget context for each option, which made them the dearest part of the
    session form (173 options on a plan of five exercises)."""

    @property
    def options(self) -> list[tuple[str, str, str, bool]]:
        """(value, label, id, checked) of each option, ids as Django's RadioSelect gives them."""
        field = cast(forms.ChoiceField, self.field)
        chosen = field.widget.format_value(self.value())
        return [
            (str(value), label, f"{self.auto_id}_{index}", str(value) in chosen)
            for index, (value, label) in enumerate(field.choices)  # type: ignore[arg-type]  # flat
        ]


def _scale_field(
    label: str, choices: list, *, required: bool, template_name: str, error_messages: dict
) -> forms.TypedChoiceField:
    """A whole-number scale answered with one radio button a point; unanswered is None."""
    return forms.TypedChoiceField(  # type: ignore[call-arg]
        label=label,
        choices=choices,
        coerce=int,
        required=required,
        empty_value=None,
        widget=forms.RadioSelect,
        template_name=template_name,
        bound_field_class=RadioGroup,
        error_messages=error_messages,
    )


def pain_field(label: str, required: bool = True) -> forms.TypedChoiceField:
    return _scale_field(
        label,
        PAIN_CHOICES,
        required=required,
        template_name=PAIN_SCALE,
        error_messages={
            "required": "Choose a pain score from 0 (none) to 10 (worst imaginable).",
            "invalid_choice": "Pain is a whole number from 0 to 10.",
        },
    )


class SessionForm(forms.Form):
    day = forms.DateField(  # type: ignore[call-arg]
        label="Date of the session",
        widget=forms.DateInput(attrs={"type": "date", "class": "form-control"}, format="%Y-%m-%d"),
        template_name=INPUT,
        error_messages={"required": "Give the date of the session.", "invalid": "Enter a date."},
    )
    pain_before = pain_field("Pain before you started")
    note = forms.CharField(  # type: ignore[call-arg]
        label="Note on the whole session (optional)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"}),
        template_name=INPUT,
    )

    def __init__(self, *args, today, **kwargs):
        self.today = today
        super().__init__(*args, **kwargs)
        self.fields["day"].widget.attrs["max"] = today.isoformat()
        self.fields["day"].widget.attrs["min"] = (today - timedelta(days=BACKDATE_DAYS)).isoformat()
        if not self.is_bound:
            self.initial.setdefault("day", today)

    def clean_day(self):
        day = self.cleaned_data["day"]
        if day > self.today:
            raise forms.ValidationError(
                "A session cannot be logged for a day that has not come yet."
            )
        if day < self.today - timedelta(days=BACKDATE_DAYS):
            raise forms.ValidationError(f"Sessions can be logged up to {BACKDATE_DAYS} days back.")
        return day


MISSING_KEY = (
    "This page was sent without its save key, so nothing was saved. Your entries are kept "
    "below: check them and save again."
)


class NewSessionForm(SessionForm):
    """A new session carries a one-time key: a second submit of the page stores nothing."""

    submission_key = forms.UUIDField(
        widget=forms.HiddenInput,
        error_messages={"required": MISSING_KEY, "invalid": MISSING_KEY},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("submission_key", uuid.uuid4())

    def clean(self):
        cleaned = super().clean()
        # Without a key every post would store one more session. The field is hidden, so
        # its error is said above the form, and the page comes back with a fresh key for
        # the next save.
        if errors := self._errors.pop("submission_key", None):
            self.add_error(None, errors)
            self.data = self.data.copy()
            self.data[self.add_prefix("submission_key")] = str(uuid.uuid4())
        return cleaned


class EntryForm(forms.Form):
    """One exercise of the session, pre-filled with its prescription."""

    status = forms.ChoiceField(  # type: ignore[call-arg]
        label="Did you do it?",
        choices=[("done", "Done"), ("skipped", "Skipped")],
        initial="done",
        widget=forms.RadioSelect,
        template_name=CHOICES,
        bound_field_class=RadioGroup,
    )
    sets_done = forms.IntegerField(  # type: ignore[call-arg]
        label="Sets",
        min_value=1,
        max_value=MAX_SETS,
        required=False,
        widget=forms.NumberInput(attrs={"class": "form-control", "inputmode": "numeric"}),
        template_name=INPUT,
    )
    amount_done = forms.IntegerField(  # type: ignore[call-arg]
        min_value=1,
        max_value=MAX_AMOUNT,
        required=False,
        widget=forms.NumberInput(attrs={"class": "form-control", "inputmode": "numeric"}),
        template_name=INPUT,
    )
    pain_during = pain_field("Pain during", required=False)
    ease = _scale_field(
        "How easy was it?",
        EASE_CHOICES,
        required=False,
        template_name=CHOICES,
        error_messages={"invalid_choice": "Ease is 1 to 5."},
    )
    marker_value = forms.DecimalField(  # type: ignore[call-arg]
        required=False,
        min_value=0,
        max_value=99999,
        decimal_places=1,
        widget=forms.NumberInput(attrs={"class": "form-control", "step": "0.1"}),
        template_name=INPUT,
    )
    note = forms.CharField(  # type: ignore[call-arg]
        label="Note (optional)",
        required=False,
        max_length=500,
        widget=forms.TextInput(attrs={"class": "form-control"}),
        template_name=INPUT,
    )

    def __init__(self, *args, item, rung, dose, **kwargs):
        self.item, self.rung, self.dose = item, rung, dose
        super().__init__(*args, **kwargs)
        unit = "reps per set" if dose.reps else "seconds held per set"
        self.fields["amount_done"].label = unit.capitalize()
        # A logged entry is edited as it was logged, whatever its rung is called now.
        logged = isinstance(item, ExerciseEntry)
        self.rung_name = item.rung_name if logged else rung.name
        marker = item.marker_label if logged else rung.marker_label
        if marker:
            # Not the dose: a measure of progress, in its own unit, and never required.
            self.fields["marker_value"].label = f"Measured: {marker} (optional)"
        else:  # nothing to measure on this rung: nothing asked
            del self.fields["marker_value"]
        if not self.is_bound:
            self.initial.setdefault("sets_done", dose.sets)
            self.initial.setdefault("amount_done", dose.amount)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") != "done":
            return cleaned
        required = {
            "sets_done": "How many sets did you do?",
            "amount_done": "How many did you do per set?",
            "pain_during": "Rate your pain during this exercise (0–10), or mark it skipped.",
            "ease": "Say how easy it felt (1–5), or mark it skipped.",
        }
        for name, message in required.items():
            if cleaned.get(name) is None and name not in self.errors:
                self.add_error(name, message)
        return cleaned

    @property
    def skipped(self) -> bool:
        return self.cleaned_data.get("status") == "skipped"


class CheckInForm(forms.Form):
    morning_pain = pain_field("Your pain this morning")
    red_flags = appeared_field()

    def __init__(self, *args, this_morning: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not this_morning:
            self.fields["morning_pain"].label = "Your pain that morning"
            self.fields[
                "red_flags"
            ].label = "Have any of these appeared since? Tick any that apply."
