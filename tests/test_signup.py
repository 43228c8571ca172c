import pytest
from django.contrib.auth import get_user_model

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db
User = get_user_model()


def post_signup(client, email="new@example.com", password1=PASSWORD, password2=PASSWORD):
    return client.post(
        "/accounts/signup/", {"email": email, "password1": password1, "password2": password2}
    )


class TestSignup:
    def test_it_shows_the_form(self, client):
        r = client.get("/accounts/signup/")
        assert r.status_code == 200
        assert b'name="email"' in r.content

    def test_it_creates_the_account_and_logs_in(self, client):
        r = post_signup(client, email="New@Example.com")
        assert r.status_code == 302
        user = User.objects.get()
        assert user.email == "new@example.com"
        assert user.check_password(PASSWORD)
        assert client.session["_auth_user_id"] == str(user.pk)

    def test_it_rejects_a_duplicate_email_whatever_the_case(self, client, alice):
        r = post_signup(client, email="ALICE@example.com")
        assert r.status_code == 200
        assert "An account with this e-mail address already exists" in r.content.decode()
        assert User.objects.count() == 1

    def test_it_rejects_a_malformed_email_and_keeps_it(self, client):
        r = post_signup(client, email="not-an-email")
        assert "Enter a valid email address." in r.content.decode()
        assert b'value="not-an-email"' in r.content
        assert not User.objects.exists()

    def test_it_rejects_a_weak_password(self, client):
        r = post_signup(client, password1="password", password2="password")
        assert "This password is too common." in r.content.decode()
        assert b'value="new@example.com"' in r.content
        assert b'value="password"' not in r.content
        assert not User.objects.exists()

    def test_it_rejects_mismatched_passwords(self, client):
        r = post_signup(client, password2=PASSWORD + "x")
        assert "password fields didn" in r.content.decode()
        assert not User.objects.exists()

    def test_errors_are_tied_to_their_fields(self, client):
        r = post_signup(client, email="nope")
        html = r.content.decode()
        assert 'aria-invalid="true"' in html or "is-invalid" in html
        assert 'id="error_1_id_email"' in html

    def test_it_sends_signed_in_users_on(self, alice_client):
        assert alice_client.get("/accounts/signup/").status_code == 302

    def test_it_rejects_put(self, client):
        assert client.put("/accounts/signup/").status_code == 405
