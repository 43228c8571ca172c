from django.urls import path

from exercises import views

urlpatterns = [
    path("", views.exercise_list, name="exercise_list"),
    path("<slug:slug>/", views.exercise_detail, name="exercise_detail"),
]
