"""Sharing a report by link: making one (shown once), withdrawing it, and the shared,
read-only report that anyone with a live link may open, each opening recorded.

The token is in the shared page's path, as a link must carry it; the page sends no referrer
and is not cached, and docs/DEPLOY.md keeps `/shared/` out of the proxy's access log.
"""

from __future__ import annotations

from allauth.account.adapter import get_adapter
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from backcare.accounts.http import SignedInRequest
from progress.emails import site_url
from progress.forms.sharing import ReportShareForm
from progress.models import ReportLink
from progress.report import ReportRangeForm, build_report, pain_figure, report_range
from progress.services import sharing


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def report_share(request: SignedInRequest) -> HttpResponse:
    today = request.user.local_today()
    period = ReportRangeForm(request.GET, today=today)
    asked = period.cleaned_data if period.is_valid() else {}
    start, end = report_range(asked.get("start"), asked.get("end"), today=today)
    form = ReportShareForm(request.POST or None, initial={"start": start, "end": end})
    context: dict = {"form": form, "start": start, "end": end}
    if request.method == "POST" and form.is_valid():
        link, token = sharing.report_link_create(
            user=request.user, now=timezone.now(), **form.cleaned_data
        )
        # Shown in this answer only, never stored or redirected with: the database keeps
        # only its hash. Reloading asks the browser to post again, which makes another.
        context |= {"made": link, "url": site_url(reverse("shared_report", args=[token]))}
        form = ReportShareForm(initial={"start": link.start, "end": link.end})
        context["form"] = form
    now = timezone.now()
    context["links"] = [
        link for link in ReportLink.objects.filter(user=request.user) if link.is_live(now)
    ]
    return render(request, "progress/report_share.html", context)


@login_required
@require_POST
def report_link_revoke(request: SignedInRequest, pk: int) -> HttpResponse:
    link = get_object_or_404(ReportLink, pk=pk, user=request.user)
    sharing.report_link_revoke(link=link, now=timezone.now())
    messages.success(request, "The link is withdrawn: it no longer opens your report.")
    return redirect("report_share")


@require_safe
def shared_report(request: HttpRequest, token: str) -> HttpResponse:
    link = sharing.report_link_open(
        token=token, now=timezone.now(), address=get_adapter().get_client_ip(request)
    )
    if link is None:
        raise Http404("This link has expired, was withdrawn, or is not right.")
    patient = link.user
    summary = build_report(patient, link.start, link.end)
    response = render(
        request,
        "progress/report.html",
        {
            "report": summary,
            "pain_figure": pain_figure(patient, summary),
            "today": patient.local_today(),
            "patient": patient,
            "shared": link,
        },
    )
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex"
    return response
