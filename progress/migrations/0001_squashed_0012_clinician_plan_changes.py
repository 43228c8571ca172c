# The app's migrations up to the one named, squashed into one (December 2026). A
# database that has applied all of them, or none, goes on from here; one part way
# through first migrates at an earlier commit (docs/DEPLOY.md, Upgrading).

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    replaces = [
        ('progress', '0001_initial'),
        ('progress', '0002_psfs'),
        ('progress', '0003_suggestion_decided_index'),
        ('progress', '0004_session_updated_at_stamped_by_services'),
        ('progress', '0005_clearance'),
        ('progress', '0006_plan_exercise_removed_at'),
        ('progress', '0007_entry_rung_as_logged'),
        ('progress', '0008_reminders'),
        ('progress', '0009_report_links_and_data_access'),
        ('progress', '0010_care_grants'),
        ('progress', '0011_rung_change_by_clinician'),
        ('progress', '0012_clinician_plan_changes'),
    ]

    dependencies = [
        ('accounts', '0001_squashed_0005_clinician_profile'),
        ('exercises', '0001_squashed_0007_catalog_version'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='PlanTemplate',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=80)),
                ('slug', models.SlugField(unique=True)),
                ('description', models.TextField(blank=True)),
                ('order', models.PositiveSmallIntegerField(default=0)),
            ],
            options={
                'ordering': ['order', 'name'],
            },
        ),
        migrations.CreateModel(
            name='CareGrant',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('may_adjust_plan', models.BooleanField(default=False)),
                ('invited_at', models.DateTimeField()),
                ('accepted_at', models.DateTimeField(blank=True, null=True)),
                ('revoked_at', models.DateTimeField(blank=True, null=True)),
                ('clinician', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='grants', to='accounts.clinicianprofile')),
                ('patient', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='care_grants', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'ordering': ['-invited_at', '-id'],
            },
        ),
        migrations.CreateModel(
            name='CheckIn',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('day', models.DateField(help_text="The morning's date in the user's time zone.")),
                ('morning_pain', models.PositiveSmallIntegerField()),
                ('red_flags', models.JSONField(blank=True, default=list, help_text='Keys of red flags reported.')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='checkins', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'ordering': ['-day'],
            },
        ),
        migrations.CreateModel(
            name='GrantEvent',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('what', models.CharField(choices=[('invited', 'Invited'), ('accepted', 'Accepted'), ('changed', 'Changed what is shared'), ('revoked', 'Revoked')], max_length=10)),
                ('may_adjust_plan', models.BooleanField(help_text='What the grant allowed after this event.')),
                ('at', models.DateTimeField()),
                ('grant', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='events', to='progress.caregrant')),
            ],
            options={
                'ordering': ['at', 'id'],
            },
        ),
        migrations.CreateModel(
            name='Plan',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('started_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('paused_for_safety_at', models.DateTimeField(blank=True, help_text='Set when a red flag is reported; cleared by a clear screen.', null=True)),
                ('user', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='plan', to=settings.AUTH_USER_MODEL)),
                ('template', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, to='progress.plantemplate')),
            ],
        ),
        migrations.CreateModel(
            name='PlanExercise',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('order', models.PositiveSmallIntegerField(default=0)),
                ('is_paused', models.BooleanField(default=False)),
                ('paused_by', models.CharField(blank=True, choices=[('person', 'By you'), ('seek-care', 'Stop and seek care'), ('clinician', 'By your clinician')], max_length=10)),
                ('pause_reason', models.CharField(blank=True, max_length=300)),
                ('added_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('custom_sets', models.PositiveSmallIntegerField(blank=True, null=True)),
                ('custom_amount', models.PositiveSmallIntegerField(blank=True, null=True)),
                ('removed_at', models.DateTimeField(blank=True, null=True)),
                ('exercise', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='plan_items', to='exercises.exercise')),
                ('plan', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='items', to='progress.plan')),
                ('rung', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='plan_items', to='exercises.rung')),
            ],
            options={
                'ordering': ['order', 'id'],
                'default_manager_name': 'objects',
            },
        ),
        migrations.CreateModel(
            name='PlanTemplateItem',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('order', models.PositiveSmallIntegerField(default=0)),
                ('exercise', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='exercises.exercise')),
                ('starting_rung', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='exercises.rung')),
                ('template', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='items', to='progress.plantemplate')),
            ],
            options={
                'ordering': ['order', 'id'],
            },
        ),
        migrations.CreateModel(
            name='PsfsActivity',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('position', models.PositiveSmallIntegerField(help_text="Slot 1–3 on the user's list.")),
                ('name', models.CharField(max_length=80)),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('retired_at', models.DateTimeField(blank=True, null=True)),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='psfs_activities', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'ordering': ['position', 'id'],
            },
        ),
        migrations.CreateModel(
            name='PsfsRating',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('day', models.DateField(help_text="The rating's date in the user's time zone.")),
                ('score', models.PositiveSmallIntegerField()),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('activity', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='ratings', to='progress.psfsactivity')),
            ],
            options={
                'ordering': ['day', 'id'],
            },
        ),
        migrations.CreateModel(
            name='ReminderSettings',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('days', models.JSONField(blank=True, default=list, help_text='Weekdays, 0 = Monday.')),
                ('at', models.TimeField(help_text='Local time of day to practise.')),
                ('practice', models.BooleanField(default=False, help_text='E-mail on practice days.')),
                ('checkin', models.BooleanField(default=True, help_text='E-mail the morning after a session.')),
                ('weekly_summary', models.BooleanField(default=False)),
                ('calendar_token', models.CharField(blank=True, max_length=64, null=True, unique=True)),
                ('saved_at', models.DateTimeField(default=django.utils.timezone.now, help_text='Nothing is sent for a moment before this.')),
                ('user', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='reminders', to=settings.AUTH_USER_MODEL)),
            ],
        ),
        migrations.CreateModel(
            name='ReportLink',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('token_hash', models.CharField(max_length=64, unique=True)),
                ('label', models.CharField(blank=True, help_text='Who it is for, as a reminder.', max_length=80)),
                ('start', models.DateField()),
                ('end', models.DateField()),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('expires_at', models.DateTimeField()),
                ('revoked_at', models.DateTimeField(blank=True, null=True)),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='report_links', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'ordering': ['-created_at', '-id'],
            },
        ),
        migrations.CreateModel(
            name='DataAccess',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('who', models.CharField(help_text='The viewer, as the person is told.', max_length=120)),
                ('what', models.CharField(max_length=120)),
                ('at', models.DateTimeField()),
                ('address', models.GenericIPAddressField(blank=True, null=True)),
                ('user', models.ForeignKey(help_text='Whose data was looked at (empty once that account is deleted).', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='data_accesses', to=settings.AUTH_USER_MODEL)),
                ('report_link', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='progress.reportlink')),
            ],
            options={
                'ordering': ['-at', '-id'],
            },
        ),
        migrations.CreateModel(
            name='RungChange',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('changed_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('source', models.CharField(choices=[('start', 'Plan started'), ('manual', 'Changed by hand'), ('suggestion', 'Accepted suggestion'), ('clinician', 'Changed by your clinician')], max_length=12)),
                ('change', models.CharField(choices=[('rung', 'Rung'), ('dose', 'Dose'), ('pause', 'Paused'), ('resume', 'Resumed')], default='rung', max_length=6)),
                ('sets', models.PositiveSmallIntegerField(blank=True, null=True)),
                ('amount', models.PositiveSmallIntegerField(blank=True, null=True)),
                ('reason', models.TextField()),
                ('changed_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='accounts.clinicianprofile')),
                ('from_rung', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='exercises.rung')),
                ('plan_exercise', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='rung_changes', to='progress.planexercise')),
                ('to_rung', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='exercises.rung')),
            ],
            options={
                'ordering': ['-changed_at', '-id'],
            },
        ),
        migrations.CreateModel(
            name='SafetyScreen',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('answered_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('answers', models.JSONField(help_text='Question key → yes (true) or no (false).')),
                ('clinician_checked', models.BooleanField()),
                ('outcome', models.CharField(choices=[('emergency', 'EMERGENCY'), ('see_doctor', 'SEE_DOCTOR'), ('not_checked', 'NOT_CHECKED'), ('clear', 'CLEAR')], max_length=12)),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='safety_screens', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'ordering': ['-id'],
            },
        ),
        migrations.CreateModel(
            name='Clearance',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('clinician', models.CharField(choices=[('physiotherapist', 'A physiotherapist'), ('doctor', 'A doctor'), ('chiropractor', 'A chiropractor'), ('athletic_therapist', 'An athletic therapist'), ('other', 'Another clinician')], max_length=20)),
                ('assessed_on', models.DateField()),
                ('note', models.TextField(blank=True, max_length=1000)),
                ('recorded_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('caution_dismissed_at', models.DateTimeField(blank=True, null=True)),
                ('cleared_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='accounts.clinicianprofile')),
                ('screen', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='clearances', to='progress.safetyscreen')),
            ],
            options={
                'ordering': ['-id'],
            },
        ),
        migrations.CreateModel(
            name='SentReminder',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(max_length=20)),
                ('day', models.DateField(help_text='The local day it was for.')),
                ('sent_at', models.DateTimeField()),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
        ),
        migrations.CreateModel(
            name='SessionLog',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('day', models.DateField(help_text="The session's date in the user's time zone.")),
                ('pain_before', models.PositiveSmallIntegerField()),
                ('note', models.TextField(blank=True)),
                ('submission_key', models.UUIDField()),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('updated_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='sessions', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'ordering': ['-day', '-created_at', '-id'],
            },
        ),
        migrations.CreateModel(
            name='ExerciseEntry',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('rung_name', models.CharField(max_length=160)),
                ('marker_name', models.CharField(blank=True, max_length=80)),
                ('marker_unit', models.CharField(blank=True, max_length=20)),
                ('skipped', models.BooleanField(default=False)),
                ('prescribed_sets', models.PositiveSmallIntegerField()),
                ('prescribed_amount', models.PositiveSmallIntegerField()),
                ('sets_done', models.PositiveSmallIntegerField(blank=True, null=True)),
                ('amount_done', models.PositiveSmallIntegerField(blank=True, help_text='Reps per set, or seconds held, as the rung counts.', null=True)),
                ('pain_during', models.PositiveSmallIntegerField(blank=True, null=True)),
                ('ease', models.PositiveSmallIntegerField(blank=True, null=True)),
                ('marker_value', models.DecimalField(blank=True, decimal_places=1, max_digits=7, null=True)),
                ('note', models.CharField(blank=True, max_length=500)),
                ('exercise', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='exercises.exercise')),
                ('rung', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='exercises.rung')),
                ('plan_exercise', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='entries', to='progress.planexercise')),
                ('session', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='entries', to='progress.sessionlog')),
            ],
            options={
                'ordering': ['id'],
            },
        ),
        migrations.CreateModel(
            name='Suggestion',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('action', models.CharField(choices=[('seek_care', 'SEEK_CARE'), ('regress', 'REGRESS'), ('progress', 'PROGRESS'), ('hold', 'HOLD')], max_length=12)),
                ('rule', models.CharField(max_length=40)),
                ('summary', models.CharField(max_length=200)),
                ('reasons', models.JSONField()),
                ('new_sets', models.PositiveSmallIntegerField(blank=True, null=True)),
                ('new_amount', models.PositiveSmallIntegerField(blank=True, null=True)),
                ('basis', models.CharField(max_length=80)),
                ('decision', models.CharField(choices=[('open', 'Waiting for you'), ('accepted', 'Accepted'), ('declined', 'Declined'), ('superseded', 'Replaced by a newer suggestion')], default='open', max_length=10)),
                ('decided_at', models.DateTimeField(blank=True, null=True)),
                ('from_rung', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='exercises.rung')),
                ('plan_exercise', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='suggestions', to='progress.planexercise')),
                ('target_rung', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='exercises.rung')),
            ],
            options={
                'ordering': ['-created_at', '-id'],
            },
        ),
        migrations.AddConstraint(
            model_name='caregrant',
            constraint=models.UniqueConstraint(condition=models.Q(('revoked_at__isnull', True)), fields=('patient', 'clinician'), name='one_standing_grant'),
        ),
        migrations.AddConstraint(
            model_name='checkin',
            constraint=models.UniqueConstraint(fields=('user', 'day'), name='checkin_once_a_day'),
        ),
        migrations.AddConstraint(
            model_name='checkin',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('morning_pain__gte', 0), ('morning_pain__lte', 10)), ('morning_pain__isnull', True), _connector='OR'), name='checkin_pain_0_10'),
        ),
        migrations.AddConstraint(
            model_name='planexercise',
            constraint=models.UniqueConstraint(fields=('plan', 'exercise'), name='plan_exercise_once'),
        ),
        migrations.AddConstraint(
            model_name='planexercise',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('custom_amount__isnull', True), ('custom_sets__isnull', True)), models.Q(('custom_amount__gte', 1), ('custom_sets__gte', 1)), _connector='OR'), name='plan_exercise_custom_dose_whole'),
        ),
        migrations.AddConstraint(
            model_name='plantemplateitem',
            constraint=models.UniqueConstraint(fields=('template', 'exercise'), name='template_exercise_once'),
        ),
        migrations.AddConstraint(
            model_name='psfsactivity',
            constraint=models.UniqueConstraint(condition=models.Q(('retired_at__isnull', True)), fields=('user', 'position'), name='psfs_one_current_activity_per_slot'),
        ),
        migrations.AddConstraint(
            model_name='psfsactivity',
            constraint=models.CheckConstraint(condition=models.Q(('position__gte', 1), ('position__lte', 3)), name='psfs_position_1_3'),
        ),
        migrations.AddConstraint(
            model_name='psfsactivity',
            constraint=models.CheckConstraint(condition=models.Q(('name', ''), _negated=True), name='psfs_activity_named'),
        ),
        migrations.AddConstraint(
            model_name='psfsrating',
            constraint=models.UniqueConstraint(fields=('activity', 'day'), name='psfs_rating_once_a_day'),
        ),
        migrations.AddConstraint(
            model_name='psfsrating',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('score__gte', 0), ('score__lte', 10)), ('score__isnull', True), _connector='OR'), name='psfs_score_0_10'),
        ),
        migrations.AddIndex(
            model_name='dataaccess',
            index=models.Index(fields=['user', '-at'], name='progress_da_user_id_b60850_idx'),
        ),
        migrations.AddIndex(
            model_name='rungchange',
            index=models.Index(fields=['plan_exercise', '-changed_at'], name='progress_ru_plan_ex_991828_idx'),
        ),
        migrations.AddIndex(
            model_name='safetyscreen',
            index=models.Index(fields=['user', '-id'], name='progress_sa_user_id_b29b54_idx'),
        ),
        migrations.AddConstraint(
            model_name='sentreminder',
            constraint=models.UniqueConstraint(fields=('user', 'kind', 'day'), name='reminder_sent_once'),
        ),
        migrations.AddIndex(
            model_name='sessionlog',
            index=models.Index(fields=['user', '-day'], name='progress_se_user_id_375442_idx'),
        ),
        migrations.AddConstraint(
            model_name='sessionlog',
            constraint=models.UniqueConstraint(fields=('user', 'submission_key'), name='session_submitted_once'),
        ),
        migrations.AddConstraint(
            model_name='sessionlog',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('pain_before__gte', 0), ('pain_before__lte', 10)), ('pain_before__isnull', True), _connector='OR'), name='session_pain_before_0_10'),
        ),
        migrations.AddConstraint(
            model_name='exerciseentry',
            constraint=models.UniqueConstraint(fields=('session', 'exercise'), name='entry_exercise_once'),
        ),
        migrations.AddConstraint(
            model_name='exerciseentry',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('pain_during__gte', 0), ('pain_during__lte', 10)), ('pain_during__isnull', True), _connector='OR'), name='entry_pain_during_0_10'),
        ),
        migrations.AddConstraint(
            model_name='exerciseentry',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('ease__gte', 1), ('ease__lte', 5)), ('ease__isnull', True), _connector='OR'), name='entry_ease_1_5'),
        ),
        migrations.AddConstraint(
            model_name='exerciseentry',
            constraint=models.CheckConstraint(condition=models.Q(('skipped', True), models.Q(('amount_done__gte', 1), ('ease__isnull', False), ('pain_during__isnull', False), ('sets_done__gte', 1)), _connector='OR'), name='entry_done_is_rated'),
        ),
        migrations.AddConstraint(
            model_name='exerciseentry',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('amount_done__lte', 600), ('sets_done__lte', 20)), models.Q(('amount_done__isnull', True), ('sets_done__isnull', True)), _connector='OR'), name='entry_dose_in_range'),
        ),
        migrations.AddIndex(
            model_name='suggestion',
            index=models.Index(fields=['plan_exercise', '-created_at'], name='progress_su_plan_ex_0af75f_idx'),
        ),
        migrations.AddIndex(
            model_name='suggestion',
            index=models.Index(condition=models.Q(('decision__in', ['accepted', 'declined'])), fields=['plan_exercise', 'decided_at'], name='suggestion_decided'),
        ),
        migrations.AddConstraint(
            model_name='suggestion',
            constraint=models.UniqueConstraint(condition=models.Q(('decision', 'open')), fields=('plan_exercise',), name='one_open_suggestion_per_exercise'),
        ),
    ]
