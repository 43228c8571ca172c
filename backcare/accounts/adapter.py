from allauth.account.adapter import DefaultAccountAdapter

from backcare.mail.services import email_queue


class AccountAdapter(DefaultAccountAdapter):
    """allauth as BackCare speaks: messages that say what to do next, and e-mail (the
    verification link, password reset, security notices) sent by the worker, not the request."""

    error_messages = DefaultAccountAdapter.error_messages | {
        "too_many_login_attempts": (
            "Too many failed log-in attempts. Log-in is paused for a while; you can set a new "
            "password at any time with \u201cForgot your password?\u201d."
        ),
    }

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        message = self.render_mail(template_prefix, email, context)
        email_queue(message, kind=f"account: {template_prefix.rsplit('/', 1)[-1]}")
