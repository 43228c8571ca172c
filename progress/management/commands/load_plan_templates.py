from django.core.management.base import BaseCommand

from progress.services.plan_templates import plan_templates_load


class Command(BaseCommand):
    help = "Create the shipped plan templates that are missing (run after load_catalog)."

    def handle(self, *args, **options):
        self.stdout.write(f"Created {plan_templates_load()} plan templates.")
