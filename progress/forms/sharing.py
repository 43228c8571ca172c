"""The form for a shared report link. It converts and validates only."""

from django import forms

from progress.report import MAX_DAYS as REPORT_MAX_DAYS
from progress.services.sharing import DEFAULT_DAYS, MAX_DAYS

DAYS_ERROR = f"Choose from 1 to {MAX_DAYS} days."


class ReportShareForm(forms.Form):
    label = forms.CharField(
        label="Who it is for (optional)",
        max_length=80,
        required=False,
        help_text="Only you see this, to tell your links apart: e.g. “Physio, 3 March”.",
    )
    days = forms.IntegerField(
        label="Days the link works",
        initial=DEFAULT_DAYS,
        min_value=1,
        max_value=MAX_DAYS,
        error_messages={
            "min_value": DAYS_ERROR,
            "max_value": DAYS_ERROR,
            "invalid": DAYS_ERROR,
            "required": DAYS_ERROR,
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    start = forms.DateField(widget=forms.HiddenInput, input_formats=["%Y-%m-%d"])
    end = forms.DateField(widget=forms.HiddenInput, input_formats=["%Y-%m-%d"])

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        # The period comes from the report page; an edited one is refused as the report is.
        if start and end and not 0 <= (end - start).days < REPORT_MAX_DAYS:
            raise forms.ValidationError(
                f"A report covers one day to {REPORT_MAX_DAYS // 7} weeks: open it again."
            )
        return data
