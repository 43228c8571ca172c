"""The catalog's version: a token that changes in the same transaction as any catalog change.

The catalog's pages are the same for every visitor, so their bodies are kept in the
"catalog" cache (one per process) under this token: a page costs one small query to learn the
token instead of the five that read the catalog and the drawing of every card. A person's own
data is never kept there.

Saves and deletes through the ORM (the admin, its inlines, the shell) change it by signals;
the few bulk writes that bypass signals (loading the catalog, reordering rungs, thumbnails)
call catalog_changed() themselves.
"""

import uuid

from django.db.models.signals import m2m_changed, post_delete, post_save


def catalog_changed(action: str = "post", **kwargs) -> None:
    from exercises.models import CatalogVersion

    if action.startswith("pre_"):  # m2m_changed says each change twice: before and after
        return

    if not CatalogVersion.objects.update(token=uuid.uuid4()):
        CatalogVersion.objects.create()


def catalog_version() -> str:
    """The current token; a fresh one, matching nothing kept, if the row is missing (a
    database flushed by a test)."""
    from exercises.models import CatalogVersion

    token = CatalogVersion.objects.values_list("token", flat=True).first()
    return str(token or uuid.uuid4())


def connect_signals() -> None:
    from exercises.models import Equipment, Exercise, Media, Region, Rung

    for model in (Region, Equipment, Exercise, Rung, Media):
        uid = f"catalog-version-{model.__name__}"
        post_save.connect(catalog_changed, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(catalog_changed, sender=model, dispatch_uid=f"{uid}-delete")
    for through in (Exercise.equipment.through, Rung.equipment.through):
        m2m_changed.connect(catalog_changed, sender=through, dispatch_uid=f"catalog-m2m-{through}")
