"""One list of clinician kinds for registrations and clearances: a registered
"athletic-trainer" takes the value clearances (and the export format) already use."""

from django.db import migrations, models


def rename(apps, schema_editor, old="athletic-trainer", new="athletic_therapist"):
    ClinicianProfile = apps.get_model("accounts", "ClinicianProfile")
    ClinicianProfile.objects.filter(profession=old).update(profession=new)


def rename_back(apps, schema_editor):
    rename(apps, schema_editor, old="athletic_therapist", new="athletic-trainer")


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_squashed_0005_clinician_profile"),
    ]

    operations = [
        migrations.AlterField(
            model_name="clinicianprofile",
            name="profession",
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
        migrations.RunPython(rename, rename_back),
    ]
