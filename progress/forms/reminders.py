"""The reminder settings form. It converts and validates only."""

from django import forms

from progress.rules.dates import WEEKDAYS

DAY_CHOICES = [(n, name) for n, name in enumerate(WEEKDAYS)]


class ReminderSettingsForm(forms.Form):
    days = forms.TypedMultipleChoiceField(
        label="Your practice days",
        choices=DAY_CHOICES,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Choose days of the week from the list."},
    )
    at = forms.TimeField(
        label="At what time",
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        input_formats=["%H:%M", "%H:%M:%S"],
        error_messages={
            "invalid": "Enter a time of day as hours and minutes, like 07:30 or 18:00.",
            "required": "Enter a time of day, like 07:30 or 18:00.",
        },
    )
    practice = forms.BooleanField(label="E-mail me a reminder on practice days", required=False)
    checkin = forms.BooleanField(
        label="And the morning after a session, a reminder to check in",
        required=False,
        help_text="Sent at 09:00. Only with practice reminders on.",
    )
    weekly_summary = forms.BooleanField(
        label="A weekly summary on Monday mornings",
        required=False,
        help_text="Your sessions, how your pain went and any next steps waiting for you.",
    )

    def clean(self):
        data = super().clean()
        if data.get("practice") and not data.get("days"):
            self.add_error("days", "Choose at least one day to be reminded on.")
        return data
