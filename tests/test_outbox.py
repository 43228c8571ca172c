"""The outbox: every e-mail is queued, delivered by the worker once, retried with back-off
when the mail server is down, and shown to an operator with addresses masked."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.core.management import call_command
from django.test import override_settings

from backcare.mail import tasks
from backcare.mail.models import Email
from backcare.mail.services import DeliveryFailed, email_deliver, email_queue, mask

NOW = datetime(2026, 3, 2, 7, 30, tzinfo=UTC)
FAILING = "tests.test_outbox.SmtpDown"


class SmtpDown:
    """A mail backend whose server refuses every connection."""

    def __init__(self, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("Connection refused by smtp for bob@example.com")


def message(**kw):
    out = EmailMultiAlternatives("Hello", "Plain words", to=["bob@example.com"], **kw)
    out.attach_alternative("<p>Plain words</p>", "text/html")
    return out


@pytest.fixture
def queued(db):
    """An e-mail queued while the mail server is down: it waits, with the error."""
    with override_settings(EMAIL_BACKEND=FAILING):
        [email] = email_queue(message(headers={"List-Unsubscribe": "<https://x/u>"}), kind="test")
    email.refresh_from_db()
    return email


@pytest.mark.django_db
def test_a_queued_e_mail_is_sent_once_with_its_text_html_and_headers():
    [email] = email_queue(message(headers={"List-Unsubscribe": "<https://x/u>"}), kind="test")
    [sent] = mail.outbox
    assert sent.to == ["bob@example.com"]
    assert sent.alternatives[0].content == "<p>Plain words</p>"
    assert sent.extra_headers["List-Unsubscribe"] == "<https://x/u>"
    email.refresh_from_db()
    assert email.status == Email.Status.SENT
    # Delivered again (a retried task, a second worker): nothing more goes out.
    assert email_deliver(email.pk, now=NOW, last_try=False) is False
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_a_sent_e_mail_keeps_who_and_when_but_not_its_words():
    [email] = email_queue(message(), kind="test")
    email.refresh_from_db()
    assert (email.text, email.html, email.headers) == ("", "", {})
    assert email.to == "bob@example.com" and email.sent_at is not None


def test_smtp_down_keeps_the_e_mail_queued_with_the_error_and_nothing_sent(queued):
    assert queued.status == Email.Status.QUEUED
    assert queued.attempts == 1
    assert queued.last_error.startswith("ConnectionRefusedError")
    assert "bob@example.com" not in queued.last_error  # the address is masked there too
    assert queued.text == "Plain words"  # nothing is lost
    assert mail.outbox == []


def test_the_worker_s_log_of_a_failure_names_no_address(db, caplog):
    with override_settings(EMAIL_BACKEND=FAILING):
        email_queue(message(), kind="test")
    assert "was not delivered" in caplog.text
    assert "bob@example.com" not in caplog.text


def test_the_next_try_sends_it_once_the_server_is_back(queued):
    assert email_deliver(queued.pk, now=NOW, last_try=False) is True
    assert [m.subject for m in mail.outbox] == ["Hello"]
    queued.refresh_from_db()
    assert (queued.status, queued.attempts) == (Email.Status.SENT, 2)


def test_after_the_last_try_it_shows_as_failed(queued):
    with override_settings(EMAIL_BACKEND=FAILING), pytest.raises(DeliveryFailed):
        email_deliver(queued.pk, now=NOW, last_try=True)
    queued.refresh_from_db()
    assert (queued.status, queued.attempts) == (Email.Status.FAILED, 2)


def test_the_task_retries_with_back_off():
    task = tasks.deliver.s(1)
    assert task.retries == tasks.RETRIES == 8
    assert (task.retry_delay, task.retry_backoff) == (30, 2)


def test_an_e_mail_left_sending_by_a_stopped_worker_is_marked_failed_not_resent(queued):
    Email.objects.filter(pk=queued.pk).update(
        status=Email.Status.SENDING, claimed_at=NOW - timedelta(hours=2)
    )
    assert tasks.unstick.call_local() == 1
    queued.refresh_from_db()
    assert queued.status == Email.Status.FAILED
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("address", "masked"),
    [("bob@example.com", "b•••@e•••.com"), ("a@b.co.uk", "a•••@b•••.uk")],
)
def test_addresses_are_masked(address, masked):
    assert mask(address) == masked


@pytest.mark.django_db
def test_sign_up_s_verification_link_goes_through_the_outbox(client):
    client.post(
        "/accounts/signup/",
        {
            "email": "new@example.com",
            "password1": "a-long-pass-phrase",
            "password2": "a-long-pass-phrase",
        },
    )
    [email] = Email.objects.all()
    assert email.kind == "account: email_confirmation_signup"
    assert email.status == Email.Status.SENT
    assert "confirm" in mail.outbox[0].body.lower()


class TestAdmin:
    def test_the_list_masks_addresses_and_shows_status(self, admin_client, queued):
        Email.objects.filter(pk=queued.pk).update(status=Email.Status.FAILED)
        page = admin_client.get("/admin/mail/email/").content.decode()
        assert "b•••@e•••.com" in page
        assert "bob@example.com" not in page
        assert "Failed" in page

    def test_retry_sends_a_failed_e_mail_again(self, admin_client, queued):
        Email.objects.filter(pk=queued.pk).update(status=Email.Status.FAILED)
        response = admin_client.post(
            "/admin/mail/email/",
            {"action": "retry", "_selected_action": [queued.pk]},
            follow=True,
        )
        assert "1 e-mail(s) queued again" in response.content.decode()
        queued.refresh_from_db()
        assert queued.status == Email.Status.SENT
        assert [m.subject for m in mail.outbox] == ["Hello"]

    def test_the_detail_shows_no_e_mail_text(self, admin_client, queued):
        page = admin_client.get(f"/admin/mail/email/{queued.pk}/change/").content.decode()
        assert "Plain words" not in page
        assert "ConnectionRefusedError" in page


def test_the_nightly_purge_forgets_old_e_mails(queued):
    Email.objects.filter(pk=queued.pk).update(created_at=NOW - timedelta(days=400))
    fresh = Email.objects.create(to="c@example.com", kind="test", subject="s", from_email="f")
    call_command("purge_expired", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert list(Email.objects.values_list("pk", flat=True)) == [fresh.pk]
