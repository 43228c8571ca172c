from django.contrib import admin
from django.urls import include, path

from backcare import views

urlpatterns = [
    path("", views.home, name="home"),
    path("today/", views.today_placeholder, name="today"),
    path("accounts/", include("backcare.accounts.urls")),
    path("admin/", admin.site.urls),
]
