"""The forms for sharing with a clinician. They convert and validate only."""

from django import forms

from backcare.accounts.models import ClinicianProfile

NOT_FOUND = (
    "We found no clinician with that address or code. Ask them for their BackCare code "
    "(they find it on their clinician page) or the address they registered with."
)


class InviteForm(forms.Form):
    clinician = forms.CharField(
        label="Your clinician's e-mail address or BackCare code",
        max_length=254,
        help_text="A code looks like ABCD-2345.",
    )
    may_adjust_plan = forms.BooleanField(
        label="They may also adjust my plan (move a rung, change a dose, pause or add an exercise)",
        required=False,
        help_text="Without it they can only read your report.",
    )

    def clean_clinician(self) -> ClinicianProfile:
        typed = self.cleaned_data["clinician"].strip()
        if "@" in typed:
            found = ClinicianProfile.objects.filter(user__email__iexact=typed).first()
        else:
            code = typed.upper().replace("-", "").replace(" ", "")
            found = ClinicianProfile.objects.filter(code=f"{code[:4]}-{code[4:]}").first()
        if found is None or not found.user.is_active:
            raise forms.ValidationError(NOT_FOUND)
        return found
