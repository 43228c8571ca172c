from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "backcare.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        # Registers the check that runs before every migrate.
        from backcare import squashed_migrations  # noqa: F401
        from backcare.accounts.middleware import session_started

        user_logged_in.connect(session_started, dispatch_uid="backcare-session-started")
