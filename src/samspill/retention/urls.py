from django.urls import path

from samspill.retention import views

app_name = "retention"

urlpatterns = [
    path("sletting/", views.due_page, name="due"),
]
