import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from exercises.models import Exercise, Region, Rung

pytestmark = pytest.mark.django_db


@pytest.fixture
def exercise():
    region = Region.objects.create(slug="around", name="Around", order=2)
    return Exercise.objects.create(name="Glute bridge", slug="glute-bridge", region=region)


def make_rung(exercise, **fields):
    values = {
        "position": 1,
        "name": "Short bridge",
        "stage": "bodyweight",
        "instructions": "1. Lie on your back.\n2. Lift your hips.",
        "sets": 2,
        "reps": 10,
        "hold_seconds": None,
        "marker_name": "Reps",
        "marker_unit": "reps",
    }
    values.update(fields)
    return Rung(exercise=exercise, **values)


class TestRungConstraints:
    def test_a_valid_rung_saves(self, exercise):
        make_rung(exercise).save()
        assert exercise.rungs.count() == 1

    @pytest.mark.parametrize(
        "fields",
        [
            {"sets": 0},
            {"reps": 0},
            {"reps": None, "hold_seconds": 0},
            {"position": 0},
        ],
        ids=["zero-sets", "zero-reps", "zero-hold", "zero-position"],
    )
    def test_the_database_rejects_a_zero_dose_or_position(self, exercise, fields):
        with pytest.raises(IntegrityError), transaction.atomic():
            make_rung(exercise, **fields).save()

    @pytest.mark.parametrize(
        "fields",
        [{"sets": -1}, {"reps": -5}, {"reps": None, "hold_seconds": -30}, {"position": -1}],
        ids=["negative-sets", "negative-reps", "negative-hold", "negative-position"],
    )
    def test_the_database_rejects_a_negative_dose_or_position(self, exercise, fields):
        with pytest.raises(IntegrityError), transaction.atomic():
            make_rung(exercise, **fields).save()

    def test_the_database_rejects_both_reps_and_a_hold(self, exercise):
        with pytest.raises(IntegrityError), transaction.atomic():
            make_rung(exercise, reps=10, hold_seconds=30).save()

    def test_the_database_rejects_neither_reps_nor_a_hold(self, exercise):
        with pytest.raises(IntegrityError), transaction.atomic():
            make_rung(exercise, reps=None, hold_seconds=None).save()

    def test_the_database_rejects_two_rungs_at_one_position(self, exercise):
        make_rung(exercise, position=1).save()
        with pytest.raises(IntegrityError), transaction.atomic():
            make_rung(exercise, position=1, name="Another").save()
        assert exercise.rungs.count() == 1

    def test_two_exercises_may_each_have_a_rung_one(self, exercise):
        other = Exercise.objects.create(name="Clamshell", slug="clamshell", region=exercise.region)
        make_rung(exercise, position=1).save()
        make_rung(other, position=1).save()
        assert Rung.objects.filter(position=1).count() == 2

    def test_validation_explains_a_duplicate_position(self, exercise):
        make_rung(exercise, position=1).save()
        with pytest.raises(ValidationError) as excinfo:
            make_rung(exercise, position=1).full_clean()
        assert "Each rung of an exercise needs its own position." in str(excinfo.value)

    def test_validation_explains_reps_and_hold_together(self, exercise):
        with pytest.raises(ValidationError) as excinfo:
            make_rung(exercise, reps=10, hold_seconds=30).full_clean()
        assert "Give either reps or a hold time (at least 1), not both." in str(excinfo.value)

    def test_validation_explains_a_missing_dose(self, exercise):
        with pytest.raises(ValidationError) as excinfo:
            make_rung(exercise, reps=None, hold_seconds=None).full_clean()
        assert "Give either reps or a hold time" in str(excinfo.value)


class TestExerciseConstraints:
    def test_the_database_rejects_a_second_exercise_with_the_same_slug(self, exercise):
        with pytest.raises(IntegrityError), transaction.atomic():
            Exercise.objects.create(name="Bridge", slug="glute-bridge", region=exercise.region)


class TestRungText:
    def test_dose_text_counts_reps_per_side(self, exercise):
        rung = make_rung(exercise, sets=3, reps=12, per_side=True)
        assert rung.dose_text == "3 × 12 reps per side"

    def test_dose_text_counts_a_hold(self, exercise):
        rung = make_rung(exercise, sets=2, reps=None, hold_seconds=30)
        assert rung.dose_text == "2 × 30 s hold"

    def test_marker_label_names_the_unit(self, exercise):
        assert make_rung(exercise, marker_name="Hold time", marker_unit="s").marker_label == (
            "Hold time (s)"
        )

    def test_marker_label_does_not_repeat_a_unit_that_is_a_word_of_the_name(self, exercise):
        assert make_rung(exercise, marker_name="Reps", marker_unit="reps").marker_label == "Reps"
        label = make_rung(exercise, marker_name="Band level", marker_unit="level").marker_label
        assert label == "Band level"
        # "s" is in "Squeeze hold" but not a word of it.
        label = make_rung(exercise, marker_name="Squeeze hold", marker_unit="s").marker_label
        assert label == "Squeeze hold (s)"

    def test_instruction_steps_drop_the_curators_numbers_and_blank_lines(self, exercise):
        rung = make_rung(exercise, instructions="1. Lie down.\n\n2) Lift your hips.\n  Breathe.")
        assert rung.instruction_steps() == ["Lie down.", "Lift your hips.", "Breathe."]

    def test_cue_list_skips_blank_lines(self, exercise):
        assert make_rung(exercise, cues="Ribs down\n\n Squeeze \n").cue_list() == [
            "Ribs down",
            "Squeeze",
        ]


class TestPublishedExercises:
    def test_published_leaves_out_unpublished_exercises(self, exercise):
        Exercise.objects.create(
            name="Draft", slug="draft", region=exercise.region, is_published=False
        )
        assert list(Exercise.objects.published()) == [exercise]
