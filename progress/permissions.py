"""Who may see whose data: the one place that says so, for every view a clinician can reach.

A clinician sees nothing of any patient until they have two-factor authentication on, and
then only what a patient's standing, accepted grant allows: reading always, adjusting the
plan only where the patient said so.
"""

from allauth.mfa.utils import is_mfa_enabled

from backcare.accounts.models import ClinicianProfile, User
from progress.models import CareGrant


def clinician_of(user: User) -> ClinicianProfile | None:
    """The user's clinician profile, or None for someone who is not a clinician."""
    try:
        return user.clinician
    except ClinicianProfile.DoesNotExist:
        return None


def may_see_patients(user: User) -> bool:
    """A clinician with a second factor: the precondition of seeing any patient's data."""
    return clinician_of(user) is not None and is_mfa_enabled(user)


def grant_to(user: User, patient_id: int) -> CareGrant | None:
    """The accepted, unrevoked grant `patient_id` gave `user`, if they may see patients.
    Read as each request begins, so a revocation takes effect on the very next one."""
    if not may_see_patients(user):
        return None
    return (
        CareGrant.objects.select_related("patient")
        .filter(
            clinician__user=user,
            patient_id=patient_id,
            accepted_at__isnull=False,
            revoked_at__isnull=True,
        )
        .first()
    )


def may_adjust_plan(grant: CareGrant | None) -> bool:
    return grant is not None and grant.is_active and grant.may_adjust_plan
