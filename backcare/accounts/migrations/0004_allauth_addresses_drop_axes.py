"""Move accounts to django-allauth.

Every existing user gets their address as an unverified, primary EmailAddress (they may keep
using the app and are asked to verify). django-axes is gone: its tables held log-in attempts
with addresses and client IPs, which the retention policy does not keep, so they are dropped.
"""

from django.db import migrations

AXES_TABLES = ("axes_accessattempt", "axes_accessfailurelog", "axes_accesslog")


def add_addresses(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    EmailAddress = apps.get_model("account", "EmailAddress")
    have = set(EmailAddress.objects.values_list("user_id", flat=True))
    EmailAddress.objects.bulk_create(
        EmailAddress(user_id=pk, email=email.lower(), primary=True, verified=False)
        for pk, email in User.objects.values_list("pk", "email")
        if pk not in have
    )


def drop_axes_tables(apps, schema_editor):
    existing = set(schema_editor.connection.introspection.table_names())
    for table in AXES_TABLES:
        if table in existing:
            schema_editor.execute(f"DROP TABLE {schema_editor.quote_name(table)}")


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_remove_user_data_version"),
        ("account", "0009_emailaddress_unique_primary_email"),
    ]

    operations = [
        migrations.RunPython(add_addresses, migrations.RunPython.noop),
        migrations.RunPython(drop_axes_tables, migrations.RunPython.noop),
    ]
