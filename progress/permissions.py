"""Who may see whose data: the one place that says so, for every view a clinician can reach.

A clinician sees nothing of any patient until they have two-factor authentication on; what
each patient has granted them comes with consented sharing (still to come), and is to be
asked here too.
"""

from allauth.mfa.utils import is_mfa_enabled

from backcare.accounts.models import ClinicianProfile, User


def clinician_of(user: User) -> ClinicianProfile | None:
    """The user's clinician profile, or None for someone who is not a clinician."""
    try:
        return user.clinician
    except ClinicianProfile.DoesNotExist:
        return None


def may_see_patients(user: User) -> bool:
    """A clinician with a second factor: the precondition of seeing any patient's data."""
    return clinician_of(user) is not None and is_mfa_enabled(user)
