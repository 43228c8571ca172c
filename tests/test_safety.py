import pytest

from progress.models import Plan, SafetyScreen
from progress.rules.red_flags import QUESTIONS, Outcome
from tests.builders import clear_screen_answers

pytestmark = pytest.mark.django_db


class TestSafetyScreen:
    def test_it_shows_every_question_grouped_and_says_it_is_not_a_diagnosis(self, alice_client):
        html = alice_client.get("/safety/").content.decode()
        assert "This is not a diagnosis." in html
        assert "Nerve compression (cauda equina)" in html
        for question in QUESTIONS.values():
            assert question.text in html

    def test_the_outcome_page_before_any_answers_asks_them(self, alice_client):
        r = alice_client.get("/safety/outcome/", follow=True)
        assert r.redirect_chain[-1][0] == "/safety/"
        assert "This is not a diagnosis." in r.content.decode()

    def test_a_clear_screen_leads_to_plan_start(self, alice_client, alice):
        r = alice_client.post("/safety/", clear_screen_answers())
        assert r.url == "/plan/start/"
        screen = SafetyScreen.objects.get(user=alice)
        assert screen.outcome == Outcome.CLEAR
        assert screen.answers["fever"] is False

    def test_an_emergency_answer_sends_to_the_emergency_department(self, alice_client, alice):
        r = alice_client.post(
            "/safety/", clear_screen_answers() | {"saddle_numbness": "yes"}, follow=True
        )
        html = r.content.decode()
        assert "Go to an emergency department now" in html
        assert "Numbness in the saddle area" in html
        assert SafetyScreen.objects.get(user=alice).outcome == Outcome.EMERGENCY
        assert "A clinician has assessed this" not in html  # an emergency is never cleared
        assert alice_client.get("/plan/start/").url == "/safety/outcome/"

    def test_another_flag_says_see_a_doctor(self, alice_client, alice):
        r = alice_client.post("/safety/", clear_screen_answers() | {"fever": "yes"}, follow=True)
        assert "See a doctor before starting" in r.content.decode()
        assert "A clinician has assessed this and cleared me" in r.content.decode()
        assert alice_client.get("/today/").url == "/safety/outcome/"
        assert not Plan.objects.exists()

    def test_without_a_clinician_check_no_plan_starts(self, alice_client):
        r = alice_client.post(
            "/safety/", clear_screen_answers() | {"clinician_checked": "no"}, follow=True
        )
        assert "Get your back checked first" in r.content.decode()
        assert alice_client.get("/plan/start/").url == "/safety/"

    def test_unanswered_questions_are_flagged_and_answers_kept(self, alice_client):
        answers = clear_screen_answers()
        del answers["fever"]
        answers["fall"] = "yes"
        r = alice_client.post("/safety/", answers)
        html = r.content.decode()
        assert r.status_code == 200
        assert "Please answer yes or no." in html
        assert 'id="id_fall_0" value="yes" checked' in html
        assert not SafetyScreen.objects.exists()

    def test_retaking_it_lets_the_latest_answers_decide(self, alice_client, alice):
        alice_client.post("/safety/", clear_screen_answers() | {"fever": "yes"})
        assert alice_client.get("/plan/start/").url == "/safety/outcome/"
        alice_client.post("/safety/", clear_screen_answers())
        assert alice_client.get("/plan/start/").status_code == 200
        assert SafetyScreen.objects.filter(user=alice).count() == 2

    def test_it_rejects_put(self, alice_client):
        r = alice_client.put("/safety/")
        assert r.status_code == 405
        assert r["Allow"] == "GET, HEAD, POST"
