"""The form for naming up to three activities and rating them. It converts and validates only."""

from typing import cast

from django import forms

from progress.models import PsfsActivity
from progress.services.psfs import ActivityRating

SCORE_ERROR = "Rate from 0 (can't do it) to 10 (as well as before the problem)."


class ActivityForm(forms.Form):
    """One activity slot: leave both fields empty to leave the slot unused."""

    name = forms.CharField(
        label="Activity",
        required=False,
        max_length=80,
        widget=forms.TextInput(attrs={"class": "form-control", "autocomplete": "off"}),
    )
    score = forms.IntegerField(
        label="How well can you do it today? (0–10)",
        required=False,
        min_value=0,
        max_value=10,
        error_messages={"min_value": SCORE_ERROR, "max_value": SCORE_ERROR, "invalid": SCORE_ERROR},
        widget=forms.NumberInput(attrs={"class": "form-control", "inputmode": "numeric"}),
    )

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())

    def clean(self):
        cleaned = super().clean()
        name, score = cleaned.get("name"), cleaned.get("score")
        if score is not None and not name:
            self.add_error("name", "Name the activity you are rating.")
        if name and score is None and "score" not in self.errors:
            self.add_error("score", f"Rate “{name}”: {SCORE_ERROR[0].lower()}{SCORE_ERROR[1:]}")
        return cleaned


class BaseActivityFormSet(forms.BaseFormSet):
    required = True  # at least one activity; plan start asks for them as an option

    def ratings(self) -> list[ActivityRating]:
        """The named slots, by position: what the person rated."""
        return [
            ActivityRating(position=n, name=f.cleaned_data["name"], score=f.cleaned_data["score"])
            for n, f in enumerate(self.forms, start=1)
            if f.cleaned_data.get("name")
        ]

    default_error_messages = {
        "too_many_forms": f"You can name at most {PsfsActivity.MAX_PER_USER} activities.",
    }

    def clean(self):
        if any(self.errors):
            return
        named = [
            f.cleaned_data["name"].casefold() for f in self.forms if f.cleaned_data.get("name")
        ]
        if not named and self.required:
            raise forms.ValidationError("Name at least one activity and rate it.")
        if len(set(named)) < len(named):
            raise forms.ValidationError("Each activity needs a different name.")


class OptionalActivityFormSet(BaseActivityFormSet):
    """At plan start: the activities may be left for later."""

    required = False


def _activities(base: type[BaseActivityFormSet]) -> type[BaseActivityFormSet]:
    """Three activity slots at most, on `base`'s rules."""
    factory = forms.formset_factory(
        ActivityForm,
        formset=base,
        extra=PsfsActivity.MAX_PER_USER,
        max_num=PsfsActivity.MAX_PER_USER,
        validate_max=True,
    )
    return cast(type[BaseActivityFormSet], factory)


ActivityFormSet = _activities(BaseActivityFormSet)
# At plan start the activities are asked once, so the outcome has a baseline from day one.
FirstActivitiesFormSet = _activities(OptionalActivityFormSet)
