# A clearance names the clinician with the kinds a clinician registers as (osteopath added).

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("progress", "0001_squashed_0012_clinician_plan_changes"),
    ]

    operations = [
        migrations.AlterField(
            model_name="clearance",
            name="clinician",
            field=models.CharField(
                choices=[
                    ("physiotherapist", "Physiotherapist"),
                    ("chiropractor", "Chiropractor"),
                    ("osteopath", "Osteopath"),
                    ("doctor", "Doctor"),
                    ("athletic_therapist", "Athletic therapist or trainer"),
                    ("other", "Other health professional"),
                ],
                max_length=20,
            ),
        ),
    ]
