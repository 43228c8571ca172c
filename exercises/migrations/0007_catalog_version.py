import uuid

from django.db import migrations, models


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
    ]
