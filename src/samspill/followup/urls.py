from django.urls import path

from samspill.followup import views

app_name = "followup"
urlpatterns = [
    path("forlop/<uuid:process_id>/kontakt/", views.log_contact, name="log_contact"),
]
