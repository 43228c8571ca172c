from django import forms

from exercises.models import Equipment, Rung, in_sentence
from progress.rules.equipment import proposal_note, propose_rung, with_article


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


def equipment_in_sentence(equipment: Equipment) -> str:
    """ "Chair (sturdy, without wheels)" → "a chair": the name without its details."""
    return with_article(in_sentence(equipment.name.split(" (")[0]))


class PlanStartForm(forms.Form):
    """Pick a template, with a starting rung for each of its exercises, and tick the
    equipment at hand so the starting rungs can be fitted to it.

    The templates come with their exercises' rungs and each rung's equipment prefetched.
    """

    def __init__(self, *args, templates, notes: dict[str, str] | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.templates = {t.slug: t for t in templates}
        # What the equipment ticked did to a starting rung, by rung field name.
        self.notes: dict[str, str] = notes or {}
        self.fields["template"] = forms.ChoiceField(
            choices=[(t.slug, t.name) for t in templates],
            widget=forms.RadioSelect,
            error_messages={"required": "Choose a plan to start with."},
        )
        self.offered: dict[str, Equipment] = {}
        for template in templates:
            for item in template.items.all():
                name = self.rung_field_name(template, item)
                self.fields[name] = RungChoiceField(
                    item.exercise.rungs.all(),
                    initial=item.starting_rung_id,
                    required=False,
                    label=f"Starting rung for {item.exercise.name}",
                )
                if name in self.notes:
                    self.fields[name].widget.attrs["aria-describedby"] = self.note_id(name)
                for rung in item.exercise.rungs.all():
                    self.offered |= {e.slug: e for e in rung.equipment.all()}
        # Only what some rung on offer needs: ticking anything else would change nothing.
        self.fields["equipment"] = forms.MultipleChoiceField(
            choices=[(e.slug, e.name) for e in sorted(self.offered.values(), key=str)],
            widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
            required=False,
            label="Which of these do you have?",
        )

    @staticmethod
    def rung_field_name(template, item) -> str:
        return f"{template.slug}__{item.exercise.slug}"

    def note_id(self, name: str) -> str:
        return f"{self[name].auto_id}_note"

    def template_sections(self):
        """Each template with its rows: (item, its rung field, the field's note, the note's id)."""
        return [
            (t, [self._row(t, item) for item in t.items.all()]) for t in self.templates.values()
        ]

    def _row(self, template, item):
        name = self.rung_field_name(template, item)
        return item, self[name], self.notes.get(name, ""), self.note_id(name)

    def proposed(self) -> "PlanStartForm":
        """The answers given, unbound so nothing is reported missing yet, with each starting
        rung fitted to the equipment ticked and a note wherever that changed the suggestion."""
        have = set(self["equipment"].value() or ()) & set(self.offered)
        names = {slug: equipment_in_sentence(e) for slug, e in self.offered.items()}
        initial = {"template": self["template"].value(), "equipment": sorted(have)}
        notes = {}
        for template in self.templates.values():
            for item in template.items.all():
                rungs = list(item.exercise.rungs.all())
                suggested = item.starting_rung.position
                proposal = propose_rung(
                    [(r.position, {e.slug for e in r.equipment.all()}) for r in rungs],
                    suggested,
                    have,
                )
                name = self.rung_field_name(template, item)
                initial[name] = next(r.pk for r in rungs if r.position == proposal.position)
                if note := proposal_note(suggested, proposal, names):
                    notes[name] = note
        return PlanStartForm(initial=initial, templates=list(self.templates.values()), notes=notes)

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
