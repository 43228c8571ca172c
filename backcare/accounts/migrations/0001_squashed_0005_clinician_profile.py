# The app's migrations up to the one named, squashed into one (December 2026). A
# database that has applied all of them, or none, goes on from here; one part way
# through first migrates at an earlier commit (docs/DEPLOY.md, Upgrading).

import backcare.accounts.models
import django.db.models.deletion
import django.db.models.functions.text
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    replaces = [
        ('accounts', '0001_initial'),
        ('accounts', '0002_user_data_version'),
        ('accounts', '0003_remove_user_data_version'),
        ('accounts', '0004_allauth_addresses_drop_axes'),
        ('accounts', '0005_clinician_profile'),
    ]

    dependencies = [
        ('auth', '0012_alter_user_first_name_max_length'),
    ]

    operations = [
        migrations.CreateModel(
            name='User',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('password', models.CharField(max_length=128, verbose_name='password')),
                ('last_login', models.DateTimeField(blank=True, null=True, verbose_name='last login')),
                ('is_superuser', models.BooleanField(default=False, help_text='Designates that this user has all permissions without explicitly assigning them.', verbose_name='superuser status')),
                ('email', models.EmailField(max_length=254, unique=True, verbose_name='e-mail address')),
                ('display_name', models.CharField(blank=True, max_length=80)),
                ('time_zone', models.CharField(default='UTC', max_length=64, validators=[backcare.accounts.models.validate_time_zone])),
                ('is_staff', models.BooleanField(default=False)),
                ('is_active', models.BooleanField(default=True)),
                ('date_joined', models.DateTimeField(default=django.utils.timezone.now)),
                ('groups', models.ManyToManyField(blank=True, help_text='The groups this user belongs to. A user will get all permissions granted to each of their groups.', related_name='user_set', related_query_name='user', to='auth.group', verbose_name='groups')),
                ('user_permissions', models.ManyToManyField(blank=True, help_text='Specific permissions for this user.', related_name='user_set', related_query_name='user', to='auth.permission', verbose_name='user permissions')),
            ],
            managers=[
                ('objects', backcare.accounts.models.UserManager()),
            ],
        ),
        migrations.CreateModel(
            name='ClinicianProfile',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('profession', models.CharField(choices=[('physiotherapist', 'Physiotherapist'), ('chiropractor', 'Chiropractor'), ('osteopath', 'Osteopath'), ('doctor', 'Doctor'), ('athletic-trainer', 'Athletic therapist or trainer'), ('other', 'Other health professional')], max_length=20)),
                ('registration_number', models.CharField(help_text='With the body that registers your profession, e.g. HCPC PH12345.', max_length=40)),
                ('practice', models.CharField(help_text='Where you see patients.', max_length=120)),
                ('code', models.CharField(max_length=9, unique=True)),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('verified_at', models.DateTimeField(blank=True, null=True)),
                ('user', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='clinician', to=settings.AUTH_USER_MODEL)),
            ],
        ),
        migrations.AddConstraint(
            model_name='user',
            constraint=models.UniqueConstraint(django.db.models.functions.text.Lower('email'), name='user_email_ci_unique'),
        ),
    ]
