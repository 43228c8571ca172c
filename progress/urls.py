from django.urls import path

from progress import views

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
]
