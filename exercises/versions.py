"""The catalog's version: a token that changes in the same transaction as any catalog change.

The catalog's pages are the same for every visitor, so their bodies are kept in the
"catalog" cache (one per process) under this token: a page costs one small query to learn the
token instead of the five that read the catalog and the drawing of every card. A person's own
data is never kept there.

Saves and deletes through the ORM (the admin, its inlines, the shell) change it by signals;
the bulk writes that bypass signals (loading the catalog, thumbnails) call catalog_changed()
themselves, and every migrate does, since data migrations send no signals either. A page
reads the token before anything it keeps: content read first could be older than the token.
"""

import uuid

from django.apps import apps as global_apps
from django.conf import settings
from django.db.models.signals import m2m_changed, post_delete, post_save


def catalog_changed(action: str = "post", **kwargs) -> None:
    from exercises.models import CatalogVersion

    if action.startswith("pre_"):  # m2m_changed says each change twice: before and after
        return
    _new_token(CatalogVersion)


def _new_token(version, using: str = "default") -> None:
    """A fresh token in the one row, which is made if it is missing."""
    if not version.objects.using(using).update(token=uuid.uuid4()):
        version.objects.using(using).create()


def catalog_migrated(using: str, apps=global_apps, **kwargs) -> None:
    """After every migrate: data migrations send no save signals, and a flushed test database
    has lost the row. Through the migrated state (flush sends none: the models as they are);
    migrated back far enough, there is no such model."""
    try:
        version = apps.get_model("exercises", "CatalogVersion")
    except LookupError:
        return
    _new_token(version, using)


def catalog_version() -> str:
    """The current token; a fresh one, matching nothing kept, if the row is missing."""
    from exercises.models import CatalogVersion

    token = CatalogVersion.objects.values_list("token", flat=True).first()
    return str(token or uuid.uuid4())


def catalog_keys() -> dict:
    """What a catalog page's {% cache %} tags need: the version, and how long to keep."""
    return {
        "catalog_version": catalog_version(),
        "catalog_seconds": settings.BACKCARE_CATALOG_PAGE_SECONDS,
    }


def connect_signals() -> None:
    from exercises.models import Equipment, Exercise, Media, Region, Rung

    for model in (Region, Equipment, Exercise, Rung, Media):
        uid = f"catalog-version-{model.__name__}"
        post_save.connect(catalog_changed, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(catalog_changed, sender=model, dispatch_uid=f"{uid}-delete")
    for through in (Exercise.equipment.through, Rung.equipment.through):
        m2m_changed.connect(catalog_changed, sender=through, dispatch_uid=f"catalog-m2m-{through}")
