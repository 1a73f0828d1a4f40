from django.urls import path

from samspill.audit import views

app_name = "audit"
urlpatterns = [
    path("", views.audit_search, name="search"),
    path("min/", views.audit_own, name="own"),
    path("<uuid:candidate_id>/", views.audit_log, name="log"),
]
