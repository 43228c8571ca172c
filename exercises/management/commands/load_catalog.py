from django.core.management.base import BaseCommand

from exercises.catalog import catalog_load


class Command(BaseCommand):
    help = "Load the exercise catalog. Safe to run again: creates only what is missing."

    def handle(self, *args, **options):
        self.stdout.write(str(catalog_load()))
