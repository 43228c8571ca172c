"""Sharing with a clinician: the patient invites by address or code and may revoke at once;
the clinician accepts (with two-factor on) and reads the report, each look recorded; every
grant, change and revocation is on record; anyone else finds nothing."""

from datetime import timedelta

import pytest
from django.urls import get_resolver, reverse
from django.utils import timezone

from progress.models import CareGrant, DataAccess, GrantEvent, Plan, PlanExercise
from progress.selectors.patients import SORTS, patient_rows
from progress.services.grants import grant_accept, grant_invite, grant_revoke
from tests import builders
from tests.builders import client_for
from tests.mfa_helpers import with_totp
from tests.security_urls import PATIENT_DATA


def clinician(email, name, *, mfa=True):
    user = builders.user(email, display_name=name)
    return builders.clinician(with_totp(user) if mfa else user)


@pytest.fixture
def sam(db):
    return clinician("sam@example.com", "Sam Lee")


@pytest.fixture
def invited(alice_plan, alice_client, sam):
    alice_client.post("/clinicians/", {"clinician": sam.code.lower()})
    return CareGrant.objects.get()


@pytest.fixture
def granted(invited, sam):
    client_for(sam.user).post(f"/clinician/grants/{invited.pk}/accept/")
    invited.refresh_from_db()
    return invited


class TestInviting:
    def test_by_code_or_address_and_the_clinician_is_labelled_unverified(
        self, alice_client, sam, alice_plan
    ):
        response = alice_client.post(
            "/clinicians/", {"clinician": "SAM@example.com", "may_adjust_plan": "on"}, follow=True
        )
        page = response.content.decode()
        assert "Invited Sam Lee: they see your data once they accept." in page
        assert "Not verified by BackCare" in page
        grant = CareGrant.objects.get()
        assert (grant.clinician, grant.may_adjust_plan, grant.accepted_at) == (sam, True, None)
        assert [e.what for e in GrantEvent.objects.all()] == ["invited"]

    @pytest.mark.parametrize("typed", ["bob@example.com", "ZZZZ-ZZZZ", "nobody@example.com"])
    def test_an_address_or_code_that_is_no_clinicians_is_explained(self, alice_client, bob, typed):
        page = alice_client.post("/clinicians/", {"clinician": typed}).content.decode()
        assert "We found no clinician with that address or code." in page
        assert f'value="{typed}"' in page
        assert not CareGrant.objects.exists()

    def test_a_clinician_cannot_invite_themselves(self, alice_client, alice):
        own = builders.clinician(alice)
        page = alice_client.post("/clinicians/", {"clinician": own.code}).content.decode()
        assert "That is your own clinician code: invite someone else." in page
        assert not CareGrant.objects.exists()

    def test_inviting_twice_is_refused(self, invited, alice_client, sam):
        page = alice_client.post("/clinicians/", {"clinician": sam.code}).content.decode()
        assert "You have already invited this clinician" in page
        assert CareGrant.objects.count() == 1


class TestAccepting:
    def test_the_clinician_accepts_and_the_patient_is_on_their_list(self, granted, sam):
        page = client_for(sam.user).get("/clinician/").content.decode()
        assert f'href="/clinician/patients/{granted.patient_id}/">Alice</a>' in page
        assert [e.what for e in granted.events.all()] == ["invited", "accepted"]

    def test_another_account_cannot_accept_it(self, invited, bob):
        other = clinician("lee@example.com", "Lee")
        for user in (bob, other.user):
            assert (
                client_for(user).post(f"/clinician/grants/{invited.pk}/accept/").status_code == 404
            )
        invited.refresh_from_db()
        assert invited.accepted_at is None

    def test_a_clinician_without_two_factor_is_asked_for_it_first(self, alice_plan, alice_client):
        novice = clinician("new@example.com", "New", mfa=False)
        alice_client.post("/clinicians/", {"clinician": novice.code})
        grant = CareGrant.objects.get()
        response = client_for(novice.user).post(f"/clinician/grants/{grant.pk}/accept/")
        assert response.url.startswith("/accounts/2fa/totp/activate/")
        grant.refresh_from_db()
        assert grant.accepted_at is None

    def test_an_invitation_revoked_before_it_is_accepted_stays_closed(self, invited):
        grant_revoke(grant=invited, now=timezone.now())
        assert grant_accept(grant=invited, now=timezone.now()) is False


class TestLooking:
    def url(self, patient):
        return f"/clinician/patients/{patient.pk}/report/"

    def test_the_granted_clinician_reads_the_report_and_the_patient_sees_the_look(
        self, granted, sam, alice, alice_client
    ):
        response = client_for(sam.user).get(self.url(alice), REMOTE_ADDR="198.51.100.4")
        page = response.content.decode()
        assert response.status_code == 200
        assert "Shared with you by Alice, who sees that you opened it." in page
        assert "Share this report with a link" not in page
        look = DataAccess.objects.get()
        assert (look.who, str(look.address)) == ("Sam Lee, physiotherapist", "198.51.100.4")
        profile = alice_client.get("/accounts/profile/").content.decode()
        assert "Sam Lee, physiotherapist opened your report of" in profile

    def test_the_granted_clinician_sees_the_progress_page_without_the_patient_s_buttons(
        self, granted, sam, alice
    ):
        builders.session(alice, day=alice.local_today())
        page = client_for(sam.user).get(f"/clinician/patients/{alice.pk}/").content.decode()
        assert "Alice's progress page, as they see it." in page
        assert "Your exercises" in page
        assert "Rate or change your activities" not in page
        assert 'href="/sessions/new/"' not in page
        assert DataAccess.objects.get().what == "your progress page"

    def test_revoking_ends_access_on_the_next_request(self, granted, sam, alice, alice_client):
        sams = client_for(sam.user)
        assert sams.get(self.url(alice)).status_code == 200
        response = alice_client.post(f"/clinicians/grants/{granted.pk}/revoke/", follow=True)
        assert "Sharing ended" in response.content.decode()
        assert sams.get(self.url(alice)).status_code == 404
        assert [e.what for e in granted.events.all()] == ["invited", "accepted", "revoked"]

    def test_changing_what_is_shared_is_recorded(self, granted, alice_client):
        alice_client.post(f"/clinicians/grants/{granted.pk}/change/", {"may_adjust_plan": "yes"})
        granted.refresh_from_db()
        assert granted.may_adjust_plan is True
        assert [(e.what, e.may_adjust_plan) for e in granted.events.all()][-1] == ("changed", True)

    @pytest.mark.parametrize("name", sorted(PATIENT_DATA))
    @pytest.mark.parametrize(
        "who",
        ["unrelated clinician", "revoked", "not accepted", "no two-factor", "not a clinician"],
    )
    def test_anyone_but_the_granted_clinician_gets_404_and_nothing_is_recorded(
        self, name, who, invited, sam, alice, bob
    ):
        if who == "unrelated clinician":
            grant_accept(grant=invited, now=timezone.now())
            viewer = clinician("lee@example.com", "Lee").user
        elif who == "revoked":
            grant_accept(grant=invited, now=timezone.now())
            grant_revoke(grant=invited, now=timezone.now())
            viewer = sam.user
        elif who == "not accepted":
            viewer = sam.user
        elif who == "no two-factor":
            grant_accept(grant=invited, now=timezone.now())
            sam.user.authenticator_set.all().delete()
            viewer = sam.user
        else:
            viewer = bob
        rungs_before = list(PlanExercise.objects.values_list("pk", "rung_id"))
        response = getattr(client_for(viewer), PATIENT_DATA[name])(patient_url(name, alice))
        assert response.status_code == 404
        assert "Alice" not in response.content.decode()
        assert not DataAccess.objects.exists()
        assert list(PlanExercise.objects.values_list("pk", "rung_id")) == rungs_before

    def test_deleting_the_patients_account_ends_every_grant(self, granted, alice_client):
        alice_client.post("/accounts/delete/", {"password": builders.PASSWORD})
        assert not CareGrant.objects.exists()


def patient_url(name, patient):
    kwargs = {"patient_id": patient.pk}
    if "item_id" in PATIENT_DATA_ROUTES[name]:
        kwargs["item_id"] = PlanExercise.objects.filter(plan__user=patient).first().pk
    return reverse(name, kwargs=kwargs)


PATIENT_DATA_ROUTES = {name: str(get_resolver().reverse_dict[name][1]) for name in PATIENT_DATA}


class TestPatientList:
    """The clinician's list at a glance (progress/selectors/patients.py)."""

    @pytest.fixture
    def two_patients(self, granted, sam, catalog, bob):
        builders.screen_clear(bob)
        builders.plan(bob)
        grant_accept(
            grant=grant_invite(
                patient=bob, clinician=sam, may_adjust_plan=False, now=timezone.now()
            ),
            now=timezone.now(),
        )
        return granted.patient, bob

    def test_each_patient_s_last_four_weeks(self, two_patients, sam):
        alice, _ = two_patients
        today = sam.user.local_today()
        for n, pain in ((1, 4), (2, 2)):
            builders.session(alice, day=today - timedelta(days=n), pain_before=pain, pain=3)
        builders.checkin(alice, day=today - timedelta(days=1), pain=1)
        rows = {r.patient.email: r for r in patient_rows(sam, today)}
        row = rows["alice@example.com"]
        assert row.last_session == today - timedelta(days=1)
        assert row.sessions == [0, 0, 0, 2]
        assert row.pain_before == [None, None, None, 3.0]
        assert row.pain_during[-1] == 3.0
        assert row.next_morning[-1] == 1.0
        assert rows["bob@example.com"].sessions == [0, 0, 0, 0]

    def test_a_red_flag_comes_first_whatever_the_order(self, two_patients, sam):
        _, bob = two_patients
        Plan.objects.filter(user=bob).update(paused_for_safety_at=timezone.now())
        for sort in SORTS:
            first = patient_rows(sam, sam.user.local_today(), sort)[0]
            assert (first.patient, first.red_flag) == (bob, True)
        page = client_for(sam.user).get("/clinician/?sort=name").content.decode()
        assert "Red flag: plan paused" in page

    def test_the_list_reads_a_fixed_number_of_queries(
        self, two_patients, sam, django_assert_num_queries
    ):
        alice, bob = two_patients
        today = sam.user.local_today()
        with django_assert_num_queries(9):
            patient_rows(sam, today)
        for n in range(1, 15):
            builders.session(alice, day=today - timedelta(days=n))
            builders.session(bob, day=today - timedelta(days=n))
        with django_assert_num_queries(9):
            patient_rows(sam, today)
