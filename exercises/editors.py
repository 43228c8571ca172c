"""The "Catalog editors" group: staff who curate the catalog and see no user data."""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission

GROUP = "Catalog editors"
PERMISSIONS = {
    "exercise": ("add", "change", "view"),
    "rung": ("add", "change", "view"),
    "equipment": ("add", "change", "view"),
    "region": ("change", "view"),
}


def ensure_catalog_editors_group(**kwargs) -> Group:
    """Create the group if missing (after every migrate, and after a test flush)."""
    # This may run before auth's own post_migrate handler has made the permissions.
    create_permissions(apps.get_app_config("exercises"), verbosity=0)
    group, _ = Group.objects.get_or_create(name=GROUP)
    codenames = [
        f"{action}_{model}" for model, actions in PERMISSIONS.items() for action in actions
    ]
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="exercises", codename__in=codenames)
    )
    return group
