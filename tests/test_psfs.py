"""The Patient-Specific Functional Scale: naming activities, rating them, and the score."""

from datetime import date, timedelta
from fractions import Fraction

import pytest
from django.db import IntegrityError, transaction

from progress.models import PsfsActivity, PsfsRating
from progress.services import psfs
from tests.logging_helpers import at_morning, psfs_post

pytestmark = pytest.mark.django_db
DAY = date(2026, 3, 2)


def rate(client, *rows, day=DAY, **kwargs):
    with at_morning(day):
        return client.post("/progress/psfs/", psfs_post(*rows, **kwargs))


def current(user) -> list[tuple[int, str]]:
    return [(a.position, a.name) for a in psfs.current_activities(user)]


class TestPsfsPage:
    def test_it_offers_three_slots_with_the_current_names(self, alice_client, alice):
        rate(alice_client, ("Putting on socks", 4), ("", ""), ("Gardening", 2))
        html = alice_client.get("/progress/psfs/").content.decode()
        assert html.count('type="number"') == 3
        assert 'value="Putting on socks"' in html and 'value="Gardening"' in html
        assert "0</strong> means you can't do it" in html

    def test_naming_and_rating_stores_todays_ratings_and_shows_the_score(self, alice_client, alice):
        r = rate(alice_client, ("Putting on socks", 4), (" Sitting  through a film ", 5))
        assert r.url == "/progress/"
        assert current(alice) == [(1, "Putting on socks"), (2, "Sitting through a film")]
        ratings = PsfsRating.objects.filter(activity__user=alice)
        assert sorted((r.day, r.score) for r in ratings) == [(DAY, 4), (DAY, 5)]
        with at_morning(DAY):
            html = alice_client.get("/progress/").content.decode()
        assert "Your activities score today is 4.5." in html

    def test_the_day_is_the_users_local_day(self, alice_client, alice):
        alice.time_zone = "Pacific/Auckland"
        alice.save()
        # 09:00 on 2 March in Auckland is still 1 March in UTC.
        with at_morning(DAY, "Pacific/Auckland"):
            alice_client.post("/progress/psfs/", psfs_post(("Socks", 3)))
        assert PsfsRating.objects.get().day == DAY

    def test_rating_again_the_same_day_replaces_the_rating(self, alice_client, alice):
        rate(alice_client, ("Socks", 4))
        rate(alice_client, ("Socks", 6))
        assert list(PsfsRating.objects.values_list("score", flat=True)) == [6]

    def test_a_rated_activity_renamed_is_a_new_activity_and_keeps_its_history(
        self, alice_client, alice
    ):
        rate(alice_client, ("Socks", 4))
        rate(alice_client, ("socks ", 5), day=DAY + timedelta(14))  # same activity
        rate(alice_client, ("Tying shoelaces", 3), day=DAY + timedelta(28))
        assert current(alice) == [(1, "Tying shoelaces")]
        old = PsfsActivity.objects.get(name="socks")
        assert old.retired_at is not None
        assert list(old.ratings.values_list("score", flat=True)) == [4, 5]

    def test_a_rename_the_same_day_replaces_todays_rating_instead_of_adding_one(
        self, alice_client, alice
    ):
        rate(alice_client, ("Socks", 2))
        rate(alice_client, ("Shoes", 4), day=DAY + timedelta(14))
        rate(alice_client, ("Shoelaces", 6), day=DAY + timedelta(14))
        assert current(alice) == [(1, "Shoelaces")]
        assert list(PsfsActivity.objects.order_by("id").values_list("name", flat=True)) == [
            "Socks",
            "Shoelaces",
        ]
        scores = psfs.scores(PsfsRating.objects.values_list("day", "score"))
        assert [s.mean for s in scores] == [2, 6]

    def test_an_emptied_slot_retires_its_activity(self, alice_client, alice):
        rate(alice_client, ("Socks", 4), ("Gardening", 2))
        rate(alice_client, ("Socks", 5), ("", ""), day=DAY + timedelta(14))
        assert current(alice) == [(1, "Socks")]
        assert PsfsActivity.objects.filter(name="Gardening", retired_at__isnull=False).exists()


class TestPsfsValidation:
    @pytest.mark.parametrize(
        ("rows", "message"),
        [
            ((("Socks", 11),), "Rate from 0 (can"),
            ((("Socks", -1),), "Rate from 0 (can"),
            ((("Socks", "lots"),), "Rate from 0 (can"),
            ((("Socks", ""),), "Rate “Socks”"),
            ((("", 5),), "Name the activity you are rating."),
            ((("   ", 5),), "Name the activity you are rating."),
            ((), "Name at least one activity and rate it."),
            ((("Socks", 3), ("socks", 4)), "Each activity needs a different name."),
        ],
    )
    def test_bad_input_is_explained_keeps_what_was_typed_and_stores_nothing(
        self, alice_client, alice, rows, message
    ):
        r = rate(alice_client, *rows)
        assert r.status_code == 200
        html = r.content.decode()
        assert message in html
        for name, score in rows:
            if name.strip():
                assert f'value="{name}"' in html
            if score != "":
                assert f'value="{score}"' in html
        assert not PsfsActivity.objects.exists() and not PsfsRating.objects.exists()

    def test_more_than_three_activities_are_refused(self, alice_client, alice):
        r = rate(alice_client, ("A", 1), ("B", 2), ("C", 3), ("D", 4), total=4)
        html = r.content.decode()
        assert "You can name at most 3 activities." in html
        assert 'value="A"' in html
        assert not PsfsActivity.objects.exists() and not PsfsRating.objects.exists()

    def test_the_database_refuses_an_out_of_range_score_or_a_fourth_slot(self, alice):
        activity = PsfsActivity.objects.create(user=alice, position=1, name="Socks")
        with pytest.raises(IntegrityError), transaction.atomic():
            PsfsRating.objects.create(activity=activity, day=DAY, score=11)
        with pytest.raises(IntegrityError), transaction.atomic():
            PsfsActivity.objects.create(user=alice, position=4, name="More")
        with pytest.raises(IntegrityError), transaction.atomic():
            PsfsActivity.objects.create(user=alice, position=1, name="Same slot")


class TestScore:
    def test_the_score_is_the_mean_of_a_days_ratings(self):
        scores = psfs.scores([(DAY, 3), (DAY, 4), (DAY + timedelta(14), 6)])
        assert [(s.day, s.mean, s.ratings) for s in scores] == [
            (DAY, Fraction(7, 2), 2),
            (DAY + timedelta(14), 6, 1),
        ]

    def test_a_rise_of_two_points_or_more_is_called_meaningful(self):
        history = psfs.scores([(DAY, 3), (DAY, 3), (DAY, 4), (DAY + timedelta(14), 6)])
        text, meaningful = psfs.change_message(history)
        assert meaningful
        assert text == (
            "Your activities score rose by 2.7 points since your first rating, "
            "on 2 March 2026 — a meaningful change."
        )

    def test_a_fall_of_two_points_suggests_telling_the_clinician(self):
        history = psfs.scores([(DAY, 6), (DAY + timedelta(14), 4)])
        text, meaningful = psfs.change_message(history)
        assert meaningful and "fell by 2.0 points" in text and "clinician" in text

    def test_a_smaller_change_is_reported_as_not_yet_meaningful(self):
        history = psfs.scores([(DAY, 3), (DAY + timedelta(14), 4)])
        text, meaningful = psfs.change_message(history)
        assert not meaningful
        assert text.startswith(
            "Your activities score rose by 1.0 point since your first rating, on 2 March"
        )
        assert psfs.change_message(history[:1]) is None

    def test_re_rating_is_due_after_two_weeks(self):
        assert not psfs.rerate_due(None, DAY)
        assert not psfs.rerate_due(DAY, DAY + timedelta(13))
        assert psfs.rerate_due(DAY, DAY + timedelta(14))


def psfs_block(html: str) -> str:
    """The activities score chart of a dashboard page, with its table of numbers."""
    start = html.index('id="psfs-chart-heading"')
    return html[start : html.index("</section>", start)]


class TestOnTheDashboard:
    def test_it_invites_a_user_without_activities(self, alice_client):
        with at_morning(DAY):
            html = alice_client.get("/progress/").content.decode()
        assert "Name your activities" in html and "Time to re-rate" not in html

    def test_it_offers_re_rating_two_weeks_after_the_last_rating(self, alice_client):
        rate(alice_client, ("Socks", 4))
        with at_morning(DAY + timedelta(13)):
            assert (
                "Time to re-rate your activities"
                not in alice_client.get("/progress/").content.decode()
            )
        with at_morning(DAY + timedelta(14)):
            html = alice_client.get("/progress/").content.decode()
        assert "Time to re-rate your activities" in html

    def test_it_charts_the_mean_and_calls_out_a_meaningful_change(self, alice_client):
        rate(alice_client, ("Socks", 2), ("Film", 4))
        rate(alice_client, ("Socks", 5), ("Film", 6), day=DAY + timedelta(14))
        with at_morning(DAY + timedelta(15)):
            html = alice_client.get("/progress/").content.decode()
        assert (
            "Your activities score rose by 2.5 points since your first rating, "
            "on 2 March 2026 — a meaningful change."
        ) in html
        assert 'id="psfs-chart-title"' in html
        assert '<th scope="row">16 Mar 2026</th><td>5.5</td><td>2</td>' in html

    def test_a_range_shows_its_own_ratings_and_the_change_since_the_very_first(self, alice_client):
        # Rated every two weeks for a year: three months show about seven of them.
        for n in range(27):
            rate(alice_client, ("Socks", 2 + n // 4), day=DAY + timedelta(14 * n))
        last = DAY + timedelta(14 * 26)
        with at_morning(last + timedelta(1)):
            html = alice_client.get("/progress/?range=3m").content.decode()
            everything = alice_client.get("/progress/?range=all").content.decode()
        assert (
            "Your activities score rose by 6.0 points since your first rating, "
            "on 2 March 2026 — a meaningful change."
        ) in html
        table = psfs_block(html)
        assert table.count('<th scope="row">') == 7
        assert "2 Mar 2026" not in table  # the first rating: out of the range, in the change
        assert f'<th scope="row">{last:%-d %b %Y}</th><td>8</td><td>1</td>' in table
        assert psfs_block(everything).count('<th scope="row">') == 27

    def test_a_rating_older_than_the_range_still_brings_the_invitation_to_re_rate(
        self, alice_client
    ):
        rate(alice_client, ("Socks", 3))
        rate(alice_client, ("Socks", 6), day=DAY + timedelta(14))
        with at_morning(DAY + timedelta(60)):
            html = alice_client.get("/progress/?range=4w").content.decode()
        assert "Time to re-rate your activities" in html
        assert (
            "Your activities score rose by 3.0 points since your first rating, "
            "on 2 March 2026 — a meaningful change."
        ) in html
        assert "No ratings in these 4 weeks. The latest, on 16 Mar 2026, scored 6." in html
        assert 'id="psfs-chart-heading"' not in html  # no empty chart


class TestReRating:
    def test_each_activity_shows_its_last_rating(self, alice_client, alice):
        rate(alice_client, ("Socks", 4), ("Film", 6))
        with at_morning(DAY + timedelta(14)):
            html = alice_client.get("/progress/psfs/").content.decode()
        assert "Last time (2 Mar): 4" in html and "Last time (2 Mar): 6" in html
        assert 'aria-describedby="id_activity-0-score_last"' in html
