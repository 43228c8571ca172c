"""What people read names things as they know them: no team documents, names keep capitals."""

import re
from html import unescape

import pytest

from exercises import catalog_data
from exercises.catalog import catalog_load
from exercises.models import Exercise
from progress.models import PlanTemplate
from progress.services.plan_templates import plan_templates_load
from progress.services.plans import plan_exercise_set_paused
from tests import builders

pytestmark = pytest.mark.django_db

# The team's own documents, which mean nothing to someone reading about their back.
INTERNAL = ("seed 0", "DOMAIN.md", "DESIGN.md", "STYLE.md")
# Catalog names with a capitalised abbreviation ("ATG split squat", "QL stretch ...").
ABBREVIATED = [e["name"] for e in catalog_data.EXERCISES if re.match(r"[A-Z]{2,}\b", e["name"])]


def page(client, url: str) -> str:
    r = client.get(url)
    assert r.status_code == 200, url
    return unescape(r.content.decode())


def assert_no_internal_words(html: str, url: str) -> None:
    for word in INTERNAL:
        assert word.lower() not in html.lower(), f"{word!r} on {url}"


def control_texts(html: str) -> list[str]:
    """The accessible text of each link and button, hidden spans included."""
    found = re.findall(r"<(a|button)\b[^>]*>(.*?)</\1>", html, re.S)
    return [" ".join(re.sub(r"<[^>]+>", " ", inner).split()) for _, inner in found]


@pytest.fixture
def whole_chain(catalog, alice_cleared):
    """Alice on the whole-chain plan, with a suggestion open and one exercise paused."""
    plan = builders.plan(alice_cleared, "whole-chain")
    items = {i.exercise.slug: i for i in plan.items.select_related("exercise", "rung")}
    builders.suggestion(items["atg-split-squat"])
    plan_exercise_set_paused(item=items["ql-stretch-and-strengthen"], paused=True)
    return plan


def test_abbreviated_names_exist_to_check():
    assert ABBREVIATED == ["ATG split squat", "QL stretch and strengthen"]


def test_the_catalog_pages_name_no_team_document(client, catalog):
    urls = ["/exercises/"] + [e.get_absolute_url() for e in Exercise.objects.all()]
    assert len(urls) == 1 + len(catalog_data.EXERCISES)
    for url in urls:
        assert_no_internal_words(page(client, url), url)


def test_an_exercise_page_names_its_real_source(client, catalog):
    html = page(client, "/exercises/glute-bridge/")
    assert "Source: Ashleigh Gass, strength and conditioning specialist" in html
    assert "Freckleton et al., British Journal of Sports Medicine, 2014" in html
    html = page(client, "/exercises/atg-split-squat/")
    assert "Source: YouTube video “Lower Back Exercises”" in html


def test_every_source_fits_its_field():
    limit = Exercise._meta.get_field("source").max_length
    assert all(len(text) <= limit for text in catalog_data.SOURCES.values())


def test_plan_start_names_no_team_document_and_keeps_capitals(client, catalog, alice_cleared):
    client.force_login(alice_cleared)
    html = page(client, "/plan/start/")
    assert_no_internal_words(html, "/plan/start/")
    assert "Three gentle exercises to begin with" in html
    links = control_texts(html)
    for name in ABBREVIATED:
        assert f"See the ladder for {name}" in links


def test_today_plan_and_progress_keep_names_capitalised(client, alice_cleared, whole_chain):
    client.force_login(alice_cleared)
    today = page(client, "/today/")
    plan = page(client, "/plan/")
    for url, html in (("/today/", today), ("/plan/", plan)):
        assert_no_internal_words(html, url)
    assert_no_internal_words(page(client, "/progress/"), "/progress/")
    assert {"Accept for ATG split squat", "Decline for ATG split squat"} <= set(
        control_texts(today)
    )
    assert "Resume QL stretch and strengthen" in control_texts(today)
    assert "Move ATG split squat" in control_texts(plan)
    assert "Move ATG split squat to" in plan  # the rung picker's label
    for html in (today, plan):
        text = re.sub(r"<[^>]+>", " ", html)  # slugs in URLs are lower case, and rightly so
        assert not re.search(r"\b(atg|ql)\b", text), "an abbreviation lost its capitals"


def test_loading_again_replaces_old_notes_that_named_team_documents(catalog):
    Exercise.objects.filter(slug="clamshell").update(source="seed 004 (clam); rungs: DOMAIN.md")
    Exercise.objects.filter(slug="pullover").update(source="A curator's own note.")
    PlanTemplate.objects.filter(slug="starter").update(description="Gentle (seed 004).")
    report = catalog_load()
    plan_templates_load()
    assert report.sources == 1
    assert "Updated 1 source." in str(report)
    assert Exercise.objects.get(slug="clamshell").source == catalog_data.SOURCES["clamshell"]
    assert Exercise.objects.get(slug="pullover").source == "A curator's own note."
    starter = PlanTemplate.objects.get(slug="starter").description
    assert starter.startswith("Three gentle exercises to begin with")
