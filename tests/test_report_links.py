"""A report shared by link for one appointment: shown once, stored as a hash, read-only,
expiring and revocable, and every opening recorded for the person to see."""

import re
from datetime import date, timedelta

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from progress.models import DataAccess, ReportLink
from progress.services.sharing import report_link_revoke
from tests import builders

MONDAY = date(2026, 3, 2)
LINK = re.compile(r"http://127\.0\.0\.1:8000(/shared/[\w-]+/)")


@pytest.fixture
def history(alice_plan, alice):
    for n in range(3):
        builders.session(alice, day=MONDAY + timedelta(days=n), pain_before=3)
    return alice


def make_link(client, **data):
    form = {"start": "2026-03-02", "end": "2026-03-08", "days": "14", "label": "Physio"} | data
    return client.post("/progress/report/share/", form)


@pytest.fixture
def shared_path(history, alice_client):
    page = make_link(alice_client).content.decode()
    return LINK.search(page).group(1)


class TestMaking:
    def test_the_link_is_shown_once_and_only_its_hash_is_kept(self, shared_path, alice_client):
        token = shared_path.split("/")[2]
        link = ReportLink.objects.get()
        assert token not in str(list(ReportLink.objects.values()))
        assert len(token) >= 40 and len(link.token_hash) == 64
        assert (link.label, link.start, link.end) == ("Physio", MONDAY, date(2026, 3, 8))
        assert abs(link.expires_at - (timezone.now() + timedelta(days=14))) < timedelta(minutes=1)
        page = alice_client.get("/progress/report/share/").content.decode()
        assert token not in page  # not shown again
        assert "Physio: report of 2 Mar – 8 Mar 2026" in page

    def test_the_report_page_offers_to_share_its_own_period(self, history, alice_client):
        page = alice_client.get("/progress/report/?start=2026-03-02&end=2026-03-08")
        assert (
            "/progress/report/share/?start=2026-03-02&amp;end=2026-03-08" in page.content.decode()
        )

    @pytest.mark.parametrize("days", ["0", "31", "soon", ""])
    def test_a_bad_number_of_days_is_explained_and_nothing_made(self, history, alice_client, days):
        page = make_link(alice_client, days=days, label="Dr Lee").content.decode()
        assert "Choose from 1 to 30 days." in page
        assert 'value="Dr Lee"' in page
        assert not ReportLink.objects.exists()

    def test_an_edited_period_longer_than_a_report_is_refused(self, history, alice_client):
        page = make_link(alice_client, start="2025-01-01", end="2026-03-08").content.decode()
        assert "A report covers one day to 13 weeks" in page
        assert not ReportLink.objects.exists()


class TestOpening:
    def test_anyone_with_the_link_reads_the_report_and_the_look_is_recorded(self, shared_path):
        response = Client(REMOTE_ADDR="203.0.113.7").get(shared_path)
        page = response.content.decode()
        assert response.status_code == 200
        assert "BackCare progress report" in page
        assert "Shared read-only by Alice" in page
        assert 'aria-label="Report period"' not in page  # the period is the one shared
        assert response["Cache-Control"] == "no-store"
        assert response["Referrer-Policy"] == "no-referrer"
        look = DataAccess.objects.get()
        assert look.who == "Someone with your shared link (Physio)"
        assert look.what == "your report of 2 Mar – 8 Mar 2026"
        assert str(look.address) == "203.0.113.7"

    def test_the_person_sees_who_looked_on_their_profile(self, shared_path, alice_client):
        Client().get(shared_path)
        page = alice_client.get("/accounts/profile/").content.decode()
        assert "Someone with your shared link (Physio) opened your report of 2 Mar" in page

    def test_an_expired_link_is_404_and_records_nothing(self, shared_path):
        with time_machine.travel(timezone.now() + timedelta(days=15)):
            assert Client().get(shared_path).status_code == 404
        assert not DataAccess.objects.exists()

    def test_a_withdrawn_link_is_404_at_once(self, shared_path, alice_client):
        link = ReportLink.objects.get()
        response = alice_client.post(f"/progress/report/links/{link.pk}/revoke/", follow=True)
        assert "The link is withdrawn" in response.content.decode()
        assert Client().get(shared_path).status_code == 404
        assert not DataAccess.objects.exists()

    def test_a_forged_or_altered_link_is_404(self, shared_path):
        for path in ("/shared/not-a-real-token/", shared_path[:-3] + "xx/"):
            response = Client().get(path)
            assert response.status_code == 404
            assert "We could not find that page" in response.content.decode()
        assert not DataAccess.objects.exists()  # no look is recorded

    def test_a_revoke_that_lands_first_wins(self, shared_path):
        report_link_revoke(link=ReportLink.objects.get(), now=timezone.now())
        response = Client().get(shared_path)
        assert response.status_code == 404
        assert "We could not find that page" in response.content.decode()
        assert not DataAccess.objects.exists()


class TestTheRecord:
    def test_a_record_of_a_look_is_never_changed(self, shared_path):
        Client().get(shared_path)
        look = DataAccess.objects.get()
        look.who = "someone else"
        with pytest.raises(ValueError, match="never changed"):
            look.save()

    def test_deleting_the_account_ends_its_links_and_keeps_looks_without_health_data(
        self, shared_path, alice_client
    ):
        Client().get(shared_path)
        alice_client.post("/accounts/delete/", {"password": builders.PASSWORD})
        assert not ReportLink.objects.exists()
        [look] = DataAccess.objects.values("user", "who", "what")
        assert look == {
            "user": None,
            "who": "Someone with your shared link (Physio)",
            "what": "your report of 2 Mar – 8 Mar 2026",
        }
        assert Client().get(shared_path).status_code == 404
