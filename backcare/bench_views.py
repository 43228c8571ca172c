"""The bench's bare page: signed in, through every middleware, and nothing else.

Its throughput is the ceiling of the stack that `make bench` compares each page with.
Included from backcare/urls.py, it is routed only under bench/settings.py.
"""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.urls import path


@login_required
def bare(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = []
if getattr(settings, "BACKCARE_BENCH", False):
    urlpatterns.append(path("", bare, name="bench_bare"))
