"""Clinician accounts: registering, the code patients will find them by, two-factor before
any patient's data, and an admin's verification."""

import re

import pytest

from backcare.accounts.models import ClinicianProfile
from backcare.accounts.services import CODE_ALPHABET
from progress.permissions import may_see_patients
from tests import builders
from tests.mfa_helpers import with_totp

FORM = {
    "profession": "physiotherapist",
    "registration_number": "PH 12345",
    "practice": "Back Clinic",
}


@pytest.fixture
def sam(db):
    return builders.user("sam@example.com", display_name="Sam Lee")


def test_registering_makes_an_unverified_clinician_with_a_code(client, sam):
    client.force_login(sam)
    response = client.post("/clinician/join/", FORM)
    assert response.status_code == 302
    profile = ClinicianProfile.objects.get(user=sam)
    assert (profile.registration_number, profile.is_verified) == ("PH 12345", False)
    assert re.fullmatch(rf"[{CODE_ALPHABET}]{{4}}-[{CODE_ALPHABET}]{{4}}", profile.code)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("registration_number", "  ", "This field is required."),
        ("registration_number", "--", "Enter your registration number, e.g. PH12345."),
        ("profession", "wizard", "Select a valid choice."),
        ("practice", "", "This field is required."),
    ],
)
def test_bad_input_is_explained_and_nothing_made(client, sam, field, value, message):
    client.force_login(sam)
    page = client.post("/clinician/join/", FORM | {field: value}).content.decode()
    assert message in page
    assert 'value="Back Clinic"' in page or field == "practice"
    assert not ClinicianProfile.objects.exists()


def test_without_two_factor_the_clinician_page_asks_for_it_first(client, sam):
    builders.clinician(sam)
    client.force_login(sam)
    response = client.get("/clinician/")
    assert response.status_code == 302
    assert response.url == "/accounts/2fa/totp/activate/?next=%2Fclinician%2F"
    assert not may_see_patients(sam)


def test_with_two_factor_the_page_shows_the_code_and_that_it_is_unverified(client, sam):
    profile = builders.clinician(with_totp(sam))
    client.force_login(sam)
    page = client.get("/clinician/").content.decode()
    assert profile.code in page
    assert "Not verified yet" in page
    assert may_see_patients(sam)


def test_someone_who_is_not_a_clinician_is_sent_to_register(alice_client):
    response = alice_client.get("/clinician/")
    assert response.url == "/clinician/join/"
    assert "Register as a clinician" in alice_client.get("/accounts/profile/").content.decode()


def test_an_admin_marks_clinicians_verified(admin_client, sam):
    profile = builders.clinician(sam)
    response = admin_client.post(
        "/admin/accounts/clinicianprofile/",
        {"action": "verify", "_selected_action": [profile.pk]},
        follow=True,
    )
    assert "1 clinician(s) marked verified." in response.content.decode()
    profile.refresh_from_db()
    assert profile.is_verified


def test_a_clinician_cannot_register_twice(client, sam):
    builders.clinician(sam)
    client.force_login(sam)
    assert client.post("/clinician/join/", FORM).url == "/clinician/"
    assert ClinicianProfile.objects.count() == 1
