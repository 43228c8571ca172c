"""What the guided player needs from the pages, and that without it nothing changes: Today
links to it, the session form carries each exercise's dose for the timers, and it is the
same form with the same fields (the player itself is tested in tests/browser/)."""

import re

import pytest

from tests.builders import session

pytestmark = pytest.mark.django_db


def test_today_offers_a_guided_session_and_the_plain_form(alice_client, alice_plan):
    html = alice_client.get("/today/").content.decode()
    guided = re.search(r'href="/sessions/new/\?key=([0-9a-f-]{36})&amp;guided=1"', html)
    plain = re.search(r'href="/sessions/new/\?key=([0-9a-f-]{36})"', html)
    assert guided and plain and guided.group(1) == plain.group(1)
    assert "Start today's session, guided" in html
    assert "Log today's session" in html


def test_the_session_form_carries_each_dose_for_the_player(alice_client, alice_plan):
    html = alice_client.get("/sessions/new/", follow=True).content.decode()
    assert '<script type="module" src="/static/js/guided/player.js"></script>' in html
    assert "data-guided-form" in html and 'data-after-save="/today/"' in html
    for item in alice_plan.items.select_related("rung", "exercise"):
        dose = item.dose
        section = re.search(rf'<section [^>]*data-prefix="e{item.pk}"[^>]*>', html).group(0)
        assert f'data-sets="{dose.sets}"' in section
        assert f'data-reps="{dose.reps or ""}"' in section
        assert f'data-hold="{dose.hold_seconds or ""}"' in section
        assert ("data-per-side" in section) == dose.per_side
        assert f'data-name="{item.exercise.name}"' in section
    # The steps and cues are there for everyone, folded away.
    assert html.count("<summary>How to do it</summary>") == alice_plan.items.count()
    # The player's controls are hidden until the script shows them.
    assert re.search(r"<div [^>]*data-guided-offer hidden>", html)


def test_editing_a_session_has_no_player(alice_client, alice, alice_plan):
    logged = session(alice, day=alice.local_today())
    html = alice_client.get(f"/sessions/{logged.pk}/edit/").content.decode()
    assert "guided/player.js" not in html and "data-guided-form" not in html
