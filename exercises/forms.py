from django import forms

from exercises.models import Equipment, Region, Rung

# The admin parks reordered rungs at position + REORDER_OFFSET (exercises/admin.py),
# and positions are small integers in the database: keep them well below that.
MAX_POSITION = 999
# The largest PositiveSmallIntegerField value every database accepts.
MAX_SMALL_INTEGER = 32_767


class CatalogFilterForm(forms.Form):
    """The catalog's region and equipment filters, read from the query string."""

    region = forms.ChoiceField(required=False, label="Region")
    equipment = forms.ChoiceField(required=False, label="Equipment")

    def __init__(self, data, *, regions, equipment):
        super().__init__(data)
        self.fields["region"].choices = [("", "All regions")] + [(r.slug, r.name) for r in regions]
        self.fields["equipment"].choices = [("", "Any equipment")] + [
            (e.slug, e.name) for e in equipment
        ]


def load_filter_choices():
    return list(Region.objects.all()), list(Equipment.objects.all())


class RungAdminForm(forms.ModelForm):
    """A rung in the admin: doses and positions start at 1, with a message per field."""

    position = forms.IntegerField(
        min_value=1, max_value=MAX_POSITION, help_text=Rung._meta.get_field("position").help_text
    )
    sets = forms.IntegerField(min_value=1, max_value=MAX_SMALL_INTEGER, initial=2)
    reps = forms.IntegerField(min_value=1, max_value=MAX_SMALL_INTEGER, required=False)
    hold_seconds = forms.IntegerField(
        min_value=1, max_value=MAX_SMALL_INTEGER, required=False, label="Hold (seconds)"
    )

    class Meta:
        model = Rung
        fields = ["exercise", *Rung.CONTENT_FIELDS, "equipment"]
        widgets = {"equipment": forms.CheckboxSelectMultiple}
