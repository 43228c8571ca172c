"""Everything a user owns, as plain values: taken before and after a request that must
change nothing (another user's 404, a refused method), the two must be equal."""

from progress.models import (
    CheckIn,
    ExerciseEntry,
    Plan,
    PlanExercise,
    PsfsActivity,
    PsfsRating,
    RungChange,
    SafetyScreen,
    SessionLog,
    Suggestion,
)


def owned_rows(user) -> dict[str, list[tuple]]:
    """Each of the user's rows with the fields a write could change, in id order."""
    return {
        "plan": list(Plan.objects.filter(user=user).values_list("id", "paused_for_safety_at")),
        "plan_items": list(
            PlanExercise.objects.filter(plan__user=user)
            .order_by("id")
            .values_list("id", "rung_id", "order", "is_paused", "custom_sets", "custom_amount")
        ),
        "rung_changes": list(
            RungChange.objects.filter(plan_exercise__plan__user=user)
            .order_by("id")
            .values_list("id", "to_rung_id")
        ),
        "sessions": list(
            SessionLog.objects.filter(user=user)
            .order_by("id")
            .values_list("id", "day", "pain_before", "note", "updated_at")
        ),
        "entries": list(
            ExerciseEntry.objects.filter(session__user=user)
            .order_by("id")
            .values_list("id", "skipped", "sets_done", "amount_done", "pain_during", "ease")
        ),
        "checkins": list(
            CheckIn.objects.filter(user=user).order_by("id").values_list("id", "morning_pain")
        ),
        "suggestions": list(
            Suggestion.objects.filter(plan_exercise__plan__user=user)
            .order_by("id")
            .values_list("id", "decision", "decided_at")
        ),
        "screens": list(SafetyScreen.objects.filter(user=user).order_by("id").values_list("id")),
        "psfs": list(
            PsfsRating.objects.filter(activity__user=user).order_by("id").values_list("id")
        )
        + list(
            PsfsActivity.objects.filter(user=user).order_by("id").values_list("id", "retired_at")
        ),
    }
