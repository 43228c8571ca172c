# The app's migrations up to the one named, squashed into one (December 2026). A
# database that has applied all of them, or none, goes on from here; one part way
# through first migrates at an earlier commit (docs/DEPLOY.md, Upgrading).

import django.db.models.deletion
import exercises.models
import uuid
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    replaces = [
        ('exercises', '0001_initial'),
        ('exercises', '0002_catalog_editors_group'),
        ('exercises', '0003_rung_reps_xor_hold_rejects_neither'),
        ('exercises', '0004_rung_marker_optional'),
        ('exercises', '0005_rung_equipment'),
        ('exercises', '0006_rung_figures_and_media'),
        ('exercises', '0007_catalog_version'),
    ]

    dependencies = [
    ]

    operations = [
        migrations.CreateModel(
            name='CatalogVersion',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('token', models.UUIDField(default=uuid.uuid4)),
            ],
        ),
        migrations.CreateModel(
            name='Equipment',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('slug', models.SlugField(unique=True)),
                ('name', models.CharField(max_length=80)),
            ],
            options={
                'verbose_name_plural': 'equipment',
                'ordering': ['name'],
            },
        ),
        migrations.CreateModel(
            name='Region',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('slug', models.SlugField(unique=True)),
                ('name', models.CharField(max_length=80)),
                ('order', models.PositiveSmallIntegerField(default=0)),
                ('why_it_matters', models.TextField(blank=True)),
            ],
            options={
                'ordering': ['order', 'name'],
            },
        ),
        migrations.CreateModel(
            name='Exercise',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=120)),
                ('slug', models.SlugField(unique=True)),
                ('summary', models.CharField(max_length=300)),
                ('why_it_helps', models.TextField(blank=True)),
                ('safety_notes', models.TextField(blank=True)),
                ('video_url', models.URLField(blank=True)),
                ('source', models.CharField(blank=True, help_text='Where this content comes from.', max_length=300)),
                ('is_published', models.BooleanField(default=True, verbose_name='published')),
                ('order', models.PositiveSmallIntegerField(default=0)),
                ('equipment', models.ManyToManyField(blank=True, related_name='exercises', to='exercises.equipment')),
                ('region', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='exercises', to='exercises.region')),
            ],
            options={
                'ordering': ['region__order', 'order', 'name'],
            },
        ),
        migrations.CreateModel(
            name='Rung',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('position', models.PositiveSmallIntegerField(help_text='1 is the easiest rung.')),
                ('name', models.CharField(max_length=160)),
                ('stage', models.CharField(choices=[('assisted', 'Assisted'), ('bodyweight', 'Bodyweight'), ('loaded', 'Loaded')], max_length=12)),
                ('instructions', models.TextField(help_text='Numbered steps, one per line.')),
                ('cues', models.TextField(blank=True, help_text='Short cues, one per line.')),
                ('sets', models.PositiveSmallIntegerField(default=2)),
                ('reps', models.PositiveSmallIntegerField(blank=True, null=True)),
                ('hold_seconds', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='hold (seconds)')),
                ('per_side', models.BooleanField(default=False)),
                ('marker_name', models.CharField(blank=True, help_text='What to measure, e.g. "Front-foot height". Leave it and the unit empty when there is nothing to measure.', max_length=80)),
                ('marker_unit', models.CharField(blank=True, help_text='e.g. "cm", "kg", "s".', max_length=20)),
                ('figure', models.JSONField(blank=True, default=dict, help_text="The drawn figure's description (start and end positions, props, where it is felt). Shipped rungs come with one; leave it empty for none.")),
                ('equipment', models.ManyToManyField(blank=True, help_text='What this rung needs. Leave out a mat or cushion: a towel or carpet will do.', related_name='rungs', to='exercises.equipment')),
                ('exercise', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='rungs', to='exercises.exercise')),
            ],
            options={
                'ordering': ['exercise', 'position'],
            },
        ),
        migrations.CreateModel(
            name='Media',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('image', 'Image'), ('video', 'Video')], editable=False, max_length=5)),
                ('file', models.FileField(help_text='A JPEG, PNG or WebP image, or an MP4 or WebM video.', max_length=200, upload_to=exercises.models.media_path)),
                ('poster', models.FileField(blank=True, help_text='For a video: the still image shown before it plays (JPEG, PNG or WebP).', max_length=200, upload_to=exercises.models.media_path)),
                ('width', models.PositiveIntegerField(editable=False, null=True)),
                ('height', models.PositiveIntegerField(editable=False, null=True)),
                ('thumbnails', models.JSONField(default=dict, editable=False)),
                ('caption', models.CharField(help_text='What it shows, for everyone: it is also the text read out instead of the picture.', max_length=200)),
                ('author', models.CharField(max_length=120)),
                ('source', models.CharField(help_text='Where it comes from: a URL or a description, e.g. “photographed for BackCare”.', max_length=300)),
                ('licence', models.CharField(choices=[('cc0-1.0', 'CC0 1.0 (public domain dedication)'), ('cc-by-4.0', 'CC BY 4.0'), ('cc-by-sa-4.0', 'CC BY-SA 4.0'), ('cc-by-3.0', 'CC BY 3.0'), ('cc-by-sa-3.0', 'CC BY-SA 3.0'), ('permission', "Used with the author's written permission")], max_length=12)),
                ('order', models.PositiveSmallIntegerField(default=0, help_text='Lower numbers show first.')),
                ('before_figure', models.BooleanField(default=False, help_text="Show this first, before the rung's drawn figure.", verbose_name='show before the drawn figure')),
                ('exercise', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='media', to='exercises.exercise')),
                ('rung', models.ForeignKey(blank=True, help_text='Leave empty to show it with every rung of the exercise.', null=True, on_delete=django.db.models.deletion.CASCADE, related_name='media', to='exercises.rung')),
            ],
            options={
                'verbose_name': 'picture or video',
                'verbose_name_plural': 'pictures and videos',
                'ordering': ['order', 'pk'],
            },
        ),
        migrations.AddConstraint(
            model_name='rung',
            constraint=models.UniqueConstraint(fields=('exercise', 'position'), name='rung_position_unique_per_exercise', violation_error_message='Each rung of an exercise needs its own position.'),
        ),
        migrations.AddConstraint(
            model_name='rung',
            constraint=models.CheckConstraint(condition=models.Q(('position__gte', 1)), name='rung_position_positive'),
        ),
        migrations.AddConstraint(
            model_name='rung',
            constraint=models.CheckConstraint(condition=models.Q(('sets__gte', 1)), name='rung_sets_positive'),
        ),
        migrations.AddConstraint(
            model_name='rung',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('hold_seconds__isnull', True), ('reps__gte', 1), ('reps__isnull', False)), models.Q(('hold_seconds__gte', 1), ('hold_seconds__isnull', False), ('reps__isnull', True)), _connector='OR'), name='rung_reps_xor_hold', violation_error_message='Give either reps or a hold time (at least 1), not both.'),
        ),
        migrations.AddConstraint(
            model_name='rung',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('marker_name', ''), ('marker_unit', '')), models.Q(models.Q(('marker_name', ''), _negated=True), models.Q(('marker_unit', ''), _negated=True)), _connector='OR'), name='rung_marker_name_and_unit_together', violation_error_message='A progress marker has both a name and a unit, or neither when there is nothing to measure.'),
        ),
    ]
