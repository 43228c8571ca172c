"""The bench's URL conf (bench/settings.py): the site's URLs plus the bare page."""

from django.urls import path

from backcare.urls import handler500
from backcare.urls import urlpatterns as site_urlpatterns
from bench.views import bare

urlpatterns = [
    path("bench/bare/", bare, name="bench_bare"),
    *site_urlpatterns,
]

# Django reads the error handlers from the root URL conf only; keep the site's.
__all__ = ["handler500", "urlpatterns"]
