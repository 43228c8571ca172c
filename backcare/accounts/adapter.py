from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    """allauth as BackCare speaks: messages that say what to do next."""

    error_messages = DefaultAccountAdapter.error_messages | {
        "too_many_login_attempts": (
            "Too many failed log-in attempts. Log-in is paused for a while; you can set a new "
            "password at any time with \u201cForgot your password?\u201d."
        ),
    }
