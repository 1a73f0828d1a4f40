from django.urls import path

from samspill.candidates import views

app_name = "candidates"
urlpatterns = [
    path("kandidater/<uuid:candidate_id>/", views.candidate_detail, name="detail"),
    path("kandidater/<uuid:candidate_id>/kartlegging/", views.candidate_edit, name="edit"),
    path("kandidater/<uuid:candidate_id>/behov/", views.candidate_needs, name="needs"),
    path(
        "kandidater/<uuid:candidate_id>/behov/bekreft/",
        views.candidate_needs_confirm,
        name="needs_confirm",
    ),
    path("meg/profil/", views.own_profile, name="own_profile"),
    path("meg/deling/", views.own_consent, name="consent"),
]
