"""Reminders as a person gets them: sent by the worker's job at their local time, once, only
to a confirmed address and only when they would help; one-click unsubscribe; the settings
page with its bad input; the private calendar feed."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import icalendar
import ics
import pytest
import time_machine
from django.core import mail
from django.test import Client

from backcare.mail.models import Email
from progress.emails import unsubscribe_token
from progress.models import PlanExercise, ReminderSettings, SentReminder
from progress.selectors.reminders import suggested_schedule
from progress.services.plans import plan_exercise_set_paused
from progress.services.reminders import reminders_send
from tests import builders

MONDAY = date(2026, 3, 2)
# 07:30 in London in March (GMT), the time alice chose.
MONDAY_0730 = datetime(2026, 3, 2, 7, 30, tzinfo=UTC)


@pytest.fixture
def alice_reminded(alice_plan, alice):
    builders.verified(alice)
    builders.reminders(alice)  # every day at 07:30
    return alice


class TestSending:
    def test_a_practice_reminder_comes_at_the_chosen_local_time_once(self, alice_reminded):
        assert reminders_send(now=MONDAY_0730 - timedelta(minutes=1)) == 0
        assert reminders_send(now=MONDAY_0730) == 1
        [sent] = mail.outbox
        assert sent.to == ["alice@example.com"]
        assert sent.subject == "Time for your back-care practice"
        assert "http://127.0.0.1:8000/today/" in sent.body
        assert 'href="http://127.0.0.1:8000/today/"' in sent.alternatives[0].content
        # The job runs every minute, and may run twice at once: still one e-mail.
        assert reminders_send(now=MONDAY_0730 + timedelta(minutes=1)) == 0
        assert reminders_send(now=MONDAY_0730 + timedelta(minutes=1)) == 0
        assert len(mail.outbox) == 1
        assert SentReminder.objects.get().day == MONDAY

    def test_it_keeps_to_local_time_across_the_change_of_clocks(self, alice_reminded):
        # Sunday 29 March 2026: London moves to BST, so 07:30 local is 06:30 UTC.
        assert reminders_send(now=datetime(2026, 3, 29, 6, 29, tzinfo=UTC)) == 0
        assert reminders_send(now=datetime(2026, 3, 29, 6, 30, tzinfo=UTC)) == 1

    def test_each_e_mail_has_a_one_click_unsubscribe(self, alice_reminded):
        reminders_send(now=MONDAY_0730)
        [sent] = mail.outbox
        url = sent.extra_headers["List-Unsubscribe"].strip("<>")
        assert url.startswith("http://127.0.0.1:8000/unsubscribe/")
        assert sent.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert url in sent.body
        assert "http://127.0.0.1:8000/reminders/" in sent.body  # and the settings

    def test_an_unconfirmed_address_gets_nothing(self, catalog, bob):
        builders.screen_clear(bob)
        builders.plan(bob)
        builders.reminders(bob)
        assert reminders_send(now=MONDAY_0730) == 0
        assert mail.outbox == []

    def test_no_reminder_on_a_day_already_logged(self, alice_reminded):
        builders.session(alice_reminded, day=MONDAY, hour=7)
        assert reminders_send(now=MONDAY_0730) == 0

    def test_no_reminder_while_an_exercise_is_paused_to_seek_care(self, alice_reminded):
        item = PlanExercise.objects.filter(plan__user=alice_reminded).first()
        plan_exercise_set_paused(
            item=item,
            paused=True,
            reason="Pain reached 8 during this exercise.",
            paused_by=PlanExercise.PausedBy.SEEK_CARE,
        )
        assert reminders_send(now=MONDAY_0730) == 0

    @pytest.mark.parametrize("by", ["person", "clinician"])
    def test_a_pause_of_ones_own_or_a_clinicians_does_not_stop_reminders(self, alice_reminded, by):
        # Paused with a reason, as every pause now is: who paused it decides.
        for item in PlanExercise.objects.filter(plan__user=alice_reminded):
            plan_exercise_set_paused(item=item, paused=True, reason="Paused by you.", paused_by=by)
        assert reminders_send(now=MONDAY_0730) == 1

    def test_no_reminder_while_a_step_down_waits_for_an_answer(self, alice_reminded):
        item = PlanExercise.objects.filter(plan__user=alice_reminded).first()
        builders.suggestion(item, action="regress")
        assert reminders_send(now=MONDAY_0730) == 0

    def test_the_check_in_reminder_links_to_that_sessions_morning(self, alice_reminded, client):
        builders.session(alice_reminded, day=MONDAY, hour=18)
        tuesday_0900 = datetime(2026, 3, 3, 9, 0, tzinfo=UTC)
        reminders_send(now=tuesday_0900)  # the practice one at 07:30 is long gone by now
        subjects = [m.subject for m in mail.outbox]
        assert "A quick check-in this morning" in subjects
        checkin = mail.outbox[subjects.index("A quick check-in this morning")]
        assert "http://127.0.0.1:8000/checkin/?after=2026-03-02" in checkin.body
        client.force_login(alice_reminded)
        with time_machine.travel(tuesday_0900):
            response = client.get("/checkin/?after=2026-03-02")
        assert response.status_code == 200
        assert "the morning after Monday's session" in response.content.decode()

    def test_after_a_week_away_one_welcome_back_then_quiet(self, alice_reminded):
        builders.session(alice_reminded, day=MONDAY - timedelta(days=1), hour=18)
        later = MONDAY_0730 + timedelta(days=9)
        assert reminders_send(now=later) == 1
        assert mail.outbox[0].subject == "Your plan is here when you are ready"
        for n in range(1, 4):
            assert reminders_send(now=later + timedelta(days=n)) == 0

    def test_the_weekly_summary_tells_the_week_without_a_health_detail_in_the_subject(
        self, alice_plan, alice
    ):
        builders.verified(alice)
        builders.reminders(alice, practice=False, weekly_summary=True)
        for n, pain in enumerate((2, 4, 3)):
            builders.session(alice, day=MONDAY + timedelta(days=n), pain_before=pain)
        next_monday_0800 = datetime(2026, 3, 9, 8, 0, tzinfo=UTC)
        assert reminders_send(now=next_monday_0800) == 1
        [sent] = mail.outbox
        assert sent.subject == "Your BackCare week"
        assert "3 sessions" in sent.body
        assert "averaged 3.0 out of 10" in sent.body
        assert "Stop the weekly summary" in sent.body
        assert "/progress/" in sent.body

    def test_nothing_is_sent_for_a_moment_before_the_reminder_was_set(self, alice_plan, alice):
        builders.verified(alice)
        builders.reminders(alice, when=MONDAY_0730 + timedelta(minutes=5))
        assert reminders_send(now=MONDAY_0730 + timedelta(minutes=6)) == 0

    def test_the_reminder_and_its_record_are_written_together(self, alice_reminded):
        reminders_send(now=MONDAY_0730)
        assert Email.objects.get().kind == "reminder: practice"
        assert SentReminder.objects.count() == 1

    def test_the_job_reads_a_fixed_number_of_queries_for_people_with_nothing_due(
        self, alice_reminded, catalog, django_assert_num_queries
    ):
        for n in range(5):
            other = builders.verified(builders.user(f"p{n}@example.com"))
            builders.reminders(other, at=time(20, 0))
        with django_assert_num_queries(2):
            assert reminders_send(now=MONDAY_0730 - timedelta(hours=1)) == 0


class TestUnsubscribe:
    def url(self, user, topic="reminders"):
        return f"/unsubscribe/{unsubscribe_token(user, topic)}/"

    def test_opening_the_link_asks_and_changes_nothing(self, alice_reminded, client):
        page = client.get(self.url(alice_reminded)).content.decode()
        assert "Stop reminders?" in page
        assert ReminderSettings.objects.get(user=alice_reminded).practice is True

    def test_one_click_from_the_mail_client_works_without_logging_in(self, alice_reminded):
        client = Client(enforce_csrf_checks=True)  # a mail client: no cookie, no CSRF token
        response = client.post(self.url(alice_reminded), {"List-Unsubscribe": "One-Click"})
        assert response.status_code == 200
        assert "Done: no more reminders" in response.content.decode()
        assert ReminderSettings.objects.get(user=alice_reminded).practice is False
        assert reminders_send(now=MONDAY_0730) == 0

    def test_the_summary_link_stops_only_the_summary(self, alice_reminded, client):
        ReminderSettings.objects.filter(user=alice_reminded).update(weekly_summary=True)
        client.post(self.url(alice_reminded, "summary"))
        row = ReminderSettings.objects.get(user=alice_reminded)
        assert (row.practice, row.weekly_summary) == (True, False)

    def test_a_link_of_a_deleted_account_is_refused(self, alice_reminded, client):
        url = self.url(alice_reminded)
        alice_reminded.delete()
        response = client.get(url)
        assert response.status_code == 404
        assert "We could not find that page" in response.content.decode()

    @pytest.mark.parametrize("tamper", ["forged", "altered"])
    def test_a_forged_link_is_refused_and_changes_nothing(self, alice_reminded, client, tamper):
        token = unsubscribe_token(alice_reminded, "reminders")
        bad = "not-a-signed-token" if tamper == "forged" else token[:-2] + "xx"
        response = client.post(f"/unsubscribe/{bad}/")
        assert response.status_code == 404
        assert ReminderSettings.objects.get(user=alice_reminded).practice is True


class TestSettingsPage:
    def test_it_suggests_days_and_a_time_and_sends_nothing_until_saved(self, alice_client):
        page = alice_client.get("/reminders/").content.decode()
        assert "The days below are a suggestion" in page
        assert 'value="18:00"' in page
        assert page.count("checked") >= 3  # Monday, Wednesday, Friday (and the check-in)
        assert not ReminderSettings.objects.exists()

    def test_it_suggests_the_days_the_person_usually_logs(self, alice_client, alice_plan, alice):
        for week in range(3):  # Tuesdays and Saturdays
            for offset in (1, 5):
                builders.session(alice, day=MONDAY + timedelta(days=7 * week + offset))
        assert suggested_schedule(alice, MONDAY + timedelta(days=21)) == ([1, 5], time(18, 0))

    def test_saving_turns_reminders_on_in_the_persons_time_zone(self, alice_client, alice):
        response = alice_client.post(
            "/reminders/",
            {"days": ["0", "3"], "at": "07:30", "practice": "on", "checkin": "on"},
            follow=True,
        )
        assert "Saved: reminders on Monday, Thursday at 07:30, in your time zone." in (
            response.content.decode()
        )
        row = ReminderSettings.objects.get(user=alice)
        assert (row.days, row.at, row.practice, row.checkin) == ([0, 3], time(7, 30), True, True)
        assert "Europe/London" in response.content.decode()

    @pytest.mark.parametrize(
        ("data", "message"),
        [
            ({"days": ["0"], "at": "07:30"}, "Saved. BackCare will not e-mail you reminders."),
            (
                {"days": ["0"], "at": "07:30", "weekly_summary": "on"},
                "Saved: a summary on Monday mornings, in your time zone.",
            ),
            (
                {"days": ["2"], "at": "18:00", "practice": "on", "weekly_summary": "on"},
                "Saved: reminders on Wednesday at 18:00 and a summary on Monday mornings",
            ),
        ],
    )
    def test_the_saved_message_says_what_will_come(self, alice_client, data, message):
        response = alice_client.post("/reminders/", data, follow=True)
        assert message in response.content.decode()

    @pytest.mark.parametrize(
        ("data", "message"),
        [
            ({"days": ["0"], "at": "25:00"}, "Enter a time of day as hours and minutes"),
            ({"days": ["0"], "at": "half past seven"}, "Enter a time of day as hours and minutes"),
            ({"days": ["0"], "at": ""}, "Enter a time of day, like 07:30"),
            ({"at": "07:30", "practice": "on"}, "Choose at least one day to be reminded on."),
            ({"days": ["9"], "at": "07:30"}, "Choose days of the week from the list."),
            ({"days": ["Monday"], "at": "07:30"}, "Choose days of the week from the list."),
        ],
    )
    def test_bad_input_is_explained_and_nothing_saved(self, alice_client, data, message):
        response = alice_client.post("/reminders/", data)
        page = response.content.decode()
        assert response.status_code == 200
        assert message in page
        if data.get("at"):
            assert f'value="{data["at"]}"' in page  # what was typed comes back
        assert not ReminderSettings.objects.exists()

    def test_the_profile_says_what_is_on(self, alice_client, alice):
        assert "Off." in alice_client.get("/accounts/profile/").content.decode()
        builders.reminders(alice, days=[0, 2], at=time(7, 5))
        page = alice_client.get("/accounts/profile/").content.decode()
        assert "Practice reminders on Monday, Wednesday at 07:05" in page


class TestCalendar:
    @pytest.fixture
    def feed_url(self, alice_client, alice):
        builders.reminders(alice, days=[0, 3], at=time(7, 30))
        alice_client.post("/reminders/calendar-link/", {"action": "renew"})
        token = ReminderSettings.objects.get(user=alice).calendar_token
        return f"/calendar/{token}.ics"

    def test_the_feed_has_an_event_with_an_alarm_for_each_practice_day(self, feed_url, client):
        response = client.get(feed_url)  # a calendar app: not logged in
        assert response["Content-Type"] == "text/calendar; charset=utf-8"
        calendar = icalendar.Calendar.from_ical(response.content)
        events = list(calendar.walk("VEVENT"))
        assert len(events) == 8  # Mondays and Thursdays, four weeks
        for event in events:
            assert str(event["SUMMARY"]) == "BackCare practice"
            assert event.walk("VALARM")
            start = event.decoded("DTSTART").astimezone(ZoneInfo("Europe/London"))
            assert (start.weekday() in (0, 3), start.time()) == (True, time(7, 30))

    def test_a_second_parser_reads_it_too(self, feed_url, client):
        calendar = ics.Calendar(client.get(feed_url).content.decode())
        assert len(calendar.events) == 8
        assert {e.name for e in calendar.events} == {"BackCare practice"}

    def test_the_feed_names_no_exercise_and_no_pain(self, feed_url, client, alice_plan):
        body = client.get(feed_url).content.decode()
        names = PlanExercise.objects.values_list("exercise__name", flat=True)
        assert not [name for name in names if name in body]
        assert "pain" not in body.lower()

    def test_the_settings_page_shows_the_link(self, feed_url, alice_client):
        page = alice_client.get("/reminders/").content.decode()
        assert f"http://127.0.0.1:8000{feed_url}" in page

    def test_a_new_link_ends_the_old_one(self, feed_url, alice_client, client):
        alice_client.post("/reminders/calendar-link/", {"action": "renew"})
        old = client.get(feed_url)
        assert old.status_code == 404
        assert "BEGIN:VCALENDAR" not in old.content.decode()
        token = ReminderSettings.objects.get().calendar_token
        assert token and token not in feed_url  # a new link, to hand out again

    def test_turning_the_link_off_ends_it(self, feed_url, alice_client, client):
        alice_client.post("/reminders/calendar-link/", {"action": "remove"})
        assert client.get(feed_url).status_code == 404
        assert ReminderSettings.objects.get().calendar_token is None

    def test_a_wrong_token_is_404(self, feed_url, client):
        response = client.get("/calendar/not-the-token.ics")
        assert response.status_code == 404
        assert "BEGIN:VCALENDAR" not in response.content.decode()
        assert client.get(feed_url).status_code == 200  # the real one still answers

    def test_the_download_is_the_same_calendar_as_a_file(self, feed_url, alice_client):
        response = alice_client.get("/reminders/calendar.ics")
        assert response["Content-Disposition"] == 'attachment; filename="backcare-practice.ics"'
        assert len(icalendar.Calendar.from_ical(response.content).walk("VEVENT")) == 8
