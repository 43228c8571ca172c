import uuid

from django.db import migrations, models


def create_version(apps, schema_editor):
    apps.get_model("exercises", "CatalogVersion").objects.create()


class Migration(migrations.Migration):
    dependencies = [("exercises", "0006_rung_figures_and_media")]

    operations = [
        migrations.CreateModel(
            name="CatalogVersion",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),  # fmt: skip
                ("token", models.UUIDField(default=uuid.uuid4)),
            ],
        ),
        migrations.RunPython(create_version, migrations.RunPython.noop),
    ]
