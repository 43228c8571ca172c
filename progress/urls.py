from django.urls import path

from progress import dashboard_views, history_views, log_views, views

urlpatterns = [
    path("safety/", views.safety, name="safety"),
    path("today/", views.today, name="today"),
    path("plan/", views.plan_detail, name="plan"),
    path("plan/start/", views.plan_start, name="plan_start"),
    path("plan/add/", views.plan_add, name="plan_add"),
    path("plan/items/<int:pk>/rung/", views.plan_item_rung, name="plan_item_rung"),
    path("plan/items/<int:pk>/pause/", views.plan_item_pause, name="plan_item_pause"),
    path("plan/items/<int:pk>/resume/", views.plan_item_resume, name="plan_item_resume"),
    path("plan/items/<int:pk>/remove/", views.plan_item_remove, name="plan_item_remove"),
    path("plan/items/<int:pk>/history/", views.plan_item_history, name="plan_item_history"),
    path("sessions/new/", log_views.session_new, name="session_new"),
    path("sessions/<int:pk>/edit/", log_views.session_edit, name="session_edit"),
    path("sessions/<int:pk>/delete/", history_views.session_delete, name="session_delete"),
    path("progress/history/", history_views.history, name="history"),
    path("progress/history/<int:pk>/", history_views.history_detail, name="history_detail"),
    path("progress/export.csv", history_views.export_csv, name="export_csv"),
    path("progress/export.json", history_views.export_json, name="export_json"),
    path("progress/report/", history_views.report, name="report"),
    path("checkin/", log_views.checkin, name="checkin"),
    path("progress/", dashboard_views.dashboard, name="dashboard"),
    path("progress/psfs/", dashboard_views.psfs_rate, name="psfs"),
    path(
        "suggestions/<int:pk>/accept/",
        log_views.suggestion_decide,
        {"decision": "accept"},
        name="suggestion_accept",
    ),
    path(
        "suggestions/<int:pk>/decline/",
        log_views.suggestion_decide,
        {"decision": "decline"},
        name="suggestion_decline",
    ),
]
