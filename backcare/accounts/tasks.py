"""The daily retention purge, run by the worker (README, "Security")."""

from django.core.management import call_command
from huey import crontab
from huey.contrib.djhuey import db_periodic_task


@db_periodic_task(crontab(hour="3", minute="17"))
def purge_expired() -> None:
    call_command("purge_expired")
