from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ExercisesConfig(AppConfig):
    name = "exercises"
    verbose_name = "Exercise catalog"

    def ready(self):
        from exercises.editors import ensure_catalog_editors_group
        from exercises.versions import catalog_migrated, connect_signals

        post_migrate.connect(ensure_catalog_editors_group, sender=self)
        post_migrate.connect(catalog_migrated, sender=self)
        connect_signals()
