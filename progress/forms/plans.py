from django import forms

from exercises.models import Rung


def rung_label(rung: Rung) -> str:
    return f"Rung {rung.position}: {rung.name} ({rung.get_stage_display().lower()})"


class RungChoiceField(forms.TypedChoiceField):
    """A choice among rungs already loaded (no query per field); anything else is refused."""

    def __init__(self, rungs, **kwargs):
        self.rungs = {str(r.pk): r for r in rungs}
        kwargs.setdefault("label", "Rung")
        super().__init__(
            choices=[(pk, rung_label(r)) for pk, r in self.rungs.items()],
            coerce=self.rungs.__getitem__,
            error_messages={"invalid_choice": "Choose one of this exercise's rungs."},
            widget=forms.Select(attrs={"class": "form-select"}),
            **kwargs,
        )


class RungMoveForm(forms.Form):
    def __init__(self, *args, rungs, initial_rung=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rung"] = RungChoiceField(
            rungs, initial=initial_rung.pk if initial_rung else None, label="Move to"
        )


class PlanStartForm(forms.Form):
    """Pick a template, with a starting rung for each of its exercises."""

    def __init__(self, *args, templates, **kwargs):
        super().__init__(*args, **kwargs)
        self.templates = {t.slug: t for t in templates}
        self.fields["template"] = forms.ChoiceField(
            choices=[(t.slug, t.name) for t in templates],
            widget=forms.RadioSelect,
            error_messages={"required": "Choose a plan to start with."},
        )
        for template in templates:
            for item in template.items.all():
                self.fields[self.rung_field_name(template, item)] = RungChoiceField(
                    item.exercise.rungs.all(),
                    initial=item.starting_rung_id,
                    required=False,
                    label=f"Starting rung for {item.exercise.name}",
                )

    @staticmethod
    def rung_field_name(template, item) -> str:
        return f"{template.slug}__{item.exercise.slug}"

    def template_sections(self):
        return [
            (t, [(item, self[self.rung_field_name(t, item)]) for item in t.items.all()])
            for t in self.templates.values()
        ]

    def clean(self):
        cleaned = super().clean()
        template = self.templates.get(cleaned.get("template"))
        if template is None:
            return cleaned
        cleaned["template"] = template
        cleaned["starting_rungs"] = {
            item.exercise_id: cleaned.get(self.rung_field_name(template, item))
            or item.starting_rung
            for item in template.items.all()
        }
        return cleaned


class AddExerciseForm(forms.Form):
    exercise = forms.ChoiceField(
        label="Exercise", widget=forms.Select(attrs={"class": "form-select"})
    )

    def __init__(self, *args, exercises, **kwargs):
        super().__init__(*args, **kwargs)
        self.exercises = {str(e.pk): e for e in exercises}
        self.fields["exercise"].choices = [("", "Choose an exercise")] + [
            (pk, f"{e.name} ({e.region.name})") for pk, e in self.exercises.items()
        ]
        self.fields["exercise"].error_messages["invalid_choice"] = (
            "That exercise cannot be added: it is already in your plan or not available."
        )

    def clean_exercise(self):
        return self.exercises[self.cleaned_data["exercise"]]
