"""Catalog editors curate exercises and see nothing of anyone's health data."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import Group

from exercises.catalog import catalog_load
from exercises.models import Exercise
from progress.models import Plan, PlanExercise

pytestmark = pytest.mark.django_db

PROGRESS_MODELS = [m._meta.model_name for m in apps.get_app_config("progress").get_models()]


@pytest.fixture
def alice_plan(alice):
    catalog_load()
    bridge = Exercise.objects.get(slug="glute-bridge")
    plan = Plan.objects.create(user=alice)
    return PlanExercise.objects.create(plan=plan, exercise=bridge, rung=bridge.rungs.first())


class TestCatalogEditorsGroup:
    def test_it_grants_add_and_change_on_the_catalog_only(self):
        group = Group.objects.get(name="Catalog editors")
        perms = set(group.permissions.values_list("content_type__app_label", "codename"))
        assert {
            ("exercises", "add_exercise"),
            ("exercises", "change_exercise"),
            ("exercises", "add_rung"),
            ("exercises", "change_rung"),
        } <= perms
        assert {app for app, _ in perms} == {"exercises"}
        assert not any(codename.startswith("delete_") for _, codename in perms)


class TestAdminIndexForEditors:
    def test_it_lists_the_catalog(self, editor_client):
        response = editor_client.get("/admin/")
        assert response.status_code == 200
        apps_listed = {app["app_label"] for app in response.context["app_list"]}
        assert apps_listed == {"exercises"}

    def test_it_does_not_list_progress_accounts_or_auth(self, editor_client):
        response = editor_client.get("/admin/")
        html = response.content.decode()
        assert 'href="/admin/progress/' not in html
        assert 'href="/admin/accounts/' not in html
        assert 'href="/admin/auth/' not in html

    def test_a_group_member_who_is_not_staff_cannot_open_the_admin(self, client, editor):
        editor.is_staff = False
        editor.save()
        client.force_login(editor)
        response = client.get("/admin/exercises/exercise/")
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")


class TestHealthDataIsHiddenFromEditors:
    def test_the_user_list_is_forbidden(self, editor_client, alice):
        response = editor_client.get("/admin/accounts/user/")
        assert response.status_code == 403
        assert "alice@example.com" not in response.content.decode()

    def test_a_users_page_is_forbidden(self, editor_client, alice):
        r = editor_client.get(f"/admin/accounts/user/{alice.pk}/change/")
        assert r.status_code == 403
        assert "This page is not open to you" in r.content.decode()
        assert "alice@example.com" not in r.content.decode()

    def test_groups_are_forbidden(self, editor_client):
        r = editor_client.get("/admin/auth/group/")
        assert r.status_code == 403
        assert "This page is not open to you" in r.content.decode()
        assert "Catalog editors" not in r.content.decode()

    @pytest.mark.parametrize("model_name", PROGRESS_MODELS)
    def test_every_progress_changelist_is_closed(self, editor_client, alice_plan, model_name):
        model = apps.get_model("progress", model_name)
        response = editor_client.get(f"/admin/progress/{model_name}/")
        # Forbidden once the progress app has an admin; not found while it has none.
        assert response.status_code == (403 if admin.site.is_registered(model) else 404)
        assert "alice@example.com" not in response.content.decode()

    def test_the_progress_app_page_is_closed(self, editor_client):
        r = editor_client.get("/admin/progress/")
        assert r.status_code in (403, 404)
        heading = (
            "This page is not open to you"
            if r.status_code == 403
            else "We could not find that page"
        )
        assert heading in r.content.decode()

    def test_the_plan_exercise_page_is_closed(self, editor_client, alice_plan):
        response = editor_client.get(f"/admin/progress/planexercise/{alice_plan.pk}/change/")
        assert response.status_code in (302, 403, 404)
        assert "alice@example.com" not in response.content.decode()

    def test_a_users_plan_does_not_show_on_the_exercise_pages(self, editor_client, alice_plan):
        pk = alice_plan.exercise_id
        for path in (
            "/admin/exercises/exercise/",
            f"/admin/exercises/exercise/{pk}/change/",
            f"/admin/exercises/exercise/{pk}/history/",
            "/admin/exercises/rung/",
        ):
            response = editor_client.get(path)
            assert response.status_code == 200, path
            assert "alice@example.com" not in response.content.decode(), path
