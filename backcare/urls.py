from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from backcare import views

urlpatterns = [
    path("", views.home, name="home"),
    path("accounts/", include("backcare.accounts.urls")),
    path("exercises/", include("exercises.urls")),
    path("admin/", admin.site.urls),
    path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", views.media, name="media"),
    path("", include("progress.urls")),
]

handler500 = "backcare.views.server_error"
