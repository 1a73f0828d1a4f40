from django.urls import path

from samspill.notifications import views

app_name = "notifications"
urlpatterns = [
    path("varsler/", views.notification_list, name="list"),
]
