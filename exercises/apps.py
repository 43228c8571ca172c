from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save


class ExercisesConfig(AppConfig):
    name = "exercises"
    verbose_name = "Exercise catalog"

    def ready(self):
        from backcare.page_cache import catalog_changed
        from exercises.editors import ensure_catalog_editors_group

        post_migrate.connect(ensure_catalog_editors_group, sender=self)
        # Cached Today and dashboard pages show exercise names and rungs.
        for model in (self.get_model("Exercise"), self.get_model("Rung")):
            post_save.connect(catalog_changed, sender=model, dispatch_uid=f"catalog-{model}")
            post_delete.connect(catalog_changed, sender=model, dispatch_uid=f"catalog-{model}")
