"""Account pages: django-allauth's, with our sign-up, profile and delete.

The paths of the pages before allauth (password_change/, password_reset/, reset/...) redirect
to their new places, so bookmarks and old e-mails still lead somewhere useful.
"""

from django.urls import include, path
from django.views.generic import RedirectView

from backcare.accounts import views

urlpatterns = [
    path("signup/", views.signup, name="account_signup"),
    path("confirm-email/<str:key>/", views.confirm_email, name="account_confirm_email"),
    path("profile/", views.profile, name="profile"),
    path("delete/", views.delete_account, name="delete_account"),
    path(
        "password_change/",
        RedirectView.as_view(pattern_name="account_change_password", permanent=True),
        name="legacy_password_change",
    ),
    path(
        "password_reset/",
        RedirectView.as_view(pattern_name="account_reset_password", permanent=True),
        name="legacy_password_reset",
    ),
    path("reset/<uidb64>/<token>/", views.expired_reset_link, name="legacy_password_reset_link"),
    path("", include("allauth.urls")),
]
