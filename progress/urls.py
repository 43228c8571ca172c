from django.urls import path

from progress.views import dashboard, history, plan, reminders, safety, sessions, sharing

# Pausing and resuming are one view, as they are one service.
set_paused = plan.plan_item_set_paused

urlpatterns = [
    path("safety/", safety.safety, name="safety"),
    path("safety/outcome/", safety.safety_outcome, name="safety_outcome"),
    path("safety/clearance/", safety.safety_clearance, name="safety_clearance"),
    path("safety/changes/", safety.symptoms_changed, name="symptoms_changed"),
    path("safety/caution/dismiss/", safety.caution_dismiss, name="caution_dismiss"),
    path("today/", plan.today, name="today"),
    path("plan/", plan.plan_detail, name="plan"),
    path("plan/start/", plan.plan_start, name="plan_start"),
    path("plan/add/", plan.plan_add, name="plan_add"),
    path("plan/items/<int:pk>/pause/", set_paused, {"paused": True}, name="plan_item_pause"),
    path("plan/items/<int:pk>/resume/", set_paused, {"paused": False}, name="plan_item_resume"),
    path("plan/items/<int:pk>/rung/", plan.plan_item_rung, name="plan_item_rung"),
    path("plan/items/<int:pk>/remove/", plan.plan_item_remove, name="plan_item_remove"),
    path("plan/items/<int:pk>/restore/", plan.plan_item_restore, name="plan_item_restore"),
    path("plan/items/<int:pk>/history/", plan.plan_item_history, name="plan_item_history"),
    path("sessions/new/", sessions.session_new, name="session_new"),
    path("sessions/<int:pk>/edit/", sessions.session_edit, name="session_edit"),
    path("sessions/<int:pk>/delete/", history.session_delete, name="session_delete"),
    path("progress/history/", history.history, name="history"),
    path("progress/history/<int:pk>/", history.history_detail, name="history_detail"),
    path("progress/export.csv", history.export, {"extension": "csv"}, name="export_csv"),
    path("progress/export.json", history.export, {"extension": "json"}, name="export_json"),
    path("progress/report/", history.report, name="report"),
    path("checkin/", sessions.checkin, name="checkin"),
    path("progress/", dashboard.dashboard, name="dashboard"),
    path("progress/psfs/", dashboard.psfs_rate, name="psfs"),
    path(
        "suggestions/<int:pk>/accept/",
        sessions.suggestion_decide,
        {"decision": "accept"},
        name="suggestion_accept",
    ),
    path(
        "suggestions/<int:pk>/decline/",
        sessions.suggestion_decide,
        {"decision": "decline"},
        name="suggestion_decline",
    ),
    path("reminders/", reminders.reminder_settings, name="reminder_settings"),
    path("reminders/calendar-link/", reminders.calendar_link, name="calendar_link"),
    path("reminders/calendar.ics", reminders.calendar_download, name="calendar_download"),
    path("calendar/<str:token>.ics", reminders.calendar_feed, name="calendar_feed"),
    path("unsubscribe/<str:token>/", reminders.unsubscribe, name="unsubscribe"),
    path("progress/report/share/", sharing.report_share, name="report_share"),
    path(
        "progress/report/links/<int:pk>/revoke/",
        sharing.report_link_revoke,
        name="report_link_revoke",
    ),
    path("shared/<str:token>/", sharing.shared_report, name="shared_report"),
]
