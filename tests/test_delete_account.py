import pytest
from django.contrib.auth import get_user_model

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db
User = get_user_model()


class TestDeleteAccount:
    def test_it_requires_login(self, client):
        assert client.get("/accounts/delete/").url.startswith("/accounts/login/")

    def test_it_asks_for_the_password(self, alice_client):
        r = alice_client.get("/accounts/delete/")
        assert b'name="password"' in r.content

    def test_a_wrong_password_deletes_nothing(self, alice_client, alice):
        r = alice_client.post("/accounts/delete/", {"password": "wrong"})
        assert r.status_code == 200
        assert "That password is not right. Nothing was deleted." in r.content.decode()
        assert User.objects.filter(pk=alice.pk).exists()

    def test_it_deletes_the_account_and_logs_out(self, alice_client, alice, bob):
        r = alice_client.post("/accounts/delete/", {"password": PASSWORD})
        assert r.status_code == 302
        assert not User.objects.filter(pk=alice.pk).exists()
        assert User.objects.filter(pk=bob.pk).exists()
        assert "_auth_user_id" not in alice_client.session
