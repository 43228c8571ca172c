"""The bench's bare page: signed in, through every middleware, and nothing else.

Its throughput is the ceiling of the stack that `make bench` compares each page with. Routed
by bench/urls.py, the URL conf of bench/settings.py only; production never has it.
"""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse


@login_required
def bare(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")
