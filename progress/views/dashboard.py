"""The progress dashboard and the Patient-Specific Functional Scale page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from backcare.accounts.http import SignedInRequest
from backcare.accounts.models import User
from progress import figures
from progress.forms.psfs import ActivityFormSet
from progress.models import PsfsActivity
from progress.rules.charts import number
from progress.rules.dates import short_date
from progress.rules.stats import mean
from progress.selectors.dashboard import RANGES, dashboard_data
from progress.services import psfs


@login_required
@require_safe
def dashboard(request: SignedInRequest) -> HttpResponse:
    context = dashboard_context(request.user, request.GET.get("range"))
    return render(request, "progress/dashboard.html", context)


def dashboard_context(user: User, range_key: str | None) -> dict:
    """What the dashboard draws for `user`: the person's own page and their clinician's view."""
    data = dashboard_data(user, range_key)
    latest = data.psfs.latest
    last_rated = latest.day if latest else None
    context = {
        "data": data,
        "ranges": [(key, label) for key, (label, _) in RANGES.items()],
        "rerate_due": psfs.rerate_due(last_rated, data.today),
        "psfs_change": psfs.change_message(data.psfs.ends),
        "psfs_figure": figures.psfs_figure(data),
        # Said instead of a chart when no rating falls in the range.
        "psfs_latest": (short_date(latest.day), number(float(latest.mean))) if latest else None,
    }
    if data.has_sessions:
        context |= {
            "pain_figure": figures.pain_figure(data),
            "adherence_figure": figures.adherence_figure(data),
            "exercises": [
                (
                    p.item,
                    figures.rung_figure(p, data.window),
                    figures.marker_figures(p, data.window),
                )
                for p in data.exercises
            ],
        }
    return context


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def psfs_rate(request: SignedInRequest) -> HttpResponse:
    activities = psfs.current_activities(request.user)
    slots = {a.position: a for a in activities}
    initial = [
        {"name": slots[n].name} if n in slots else {}
        for n in range(1, PsfsActivity.MAX_PER_USER + 1)
    ]
    formset = ActivityFormSet(request.POST or None, initial=initial, prefix="activity")
    if request.method == "POST" and formset.is_valid():
        ratings = formset.ratings()
        psfs.psfs_rate(
            user=request.user, day=request.user.local_today(), ratings=ratings, now=timezone.now()
        )
        score = mean([r.score for r in ratings])
        messages.success(request, f"Thank you. Your activities score today is {number(score)}.")
        return redirect("dashboard")
    latest = psfs.latest_ratings(activities)
    # One hint per form shown: a refused post may carry more forms than there are slots.
    last_time = [
        latest.get(slots[n].pk) if n in slots else None for n in range(1, len(formset.forms) + 1)
    ]
    return render(
        request,
        "progress/psfs.html",
        {"formset": formset, "rows": zip(formset.forms, last_time, strict=True)},
    )
