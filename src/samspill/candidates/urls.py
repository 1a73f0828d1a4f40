from django.urls import path

from samspill.candidates import views, views_intake, views_rights

app_name = "candidates"
urlpatterns = [
    path("kandidater/ny/", views_intake.candidate_register, name="register"),
    path("kandidater/<uuid:candidate_id>/", views.candidate_detail, name="detail"),
    path(
        "kandidater/<uuid:candidate_id>/fodselsnummer/",
        views_intake.candidate_national_id,
        name="national_id",
    ),
    path("kandidater/<uuid:candidate_id>/kartlegging/", views.candidate_edit, name="edit"),
    path("kandidater/<uuid:candidate_id>/behov/", views.candidate_needs, name="needs"),
    path(
        "kandidater/<uuid:candidate_id>/behov/bekreft/",
        views.candidate_needs_confirm,
        name="needs_confirm",
    ),
    path("meg/profil/", views.own_profile, name="own_profile"),
    path("meg/deling/", views.own_consent, name="consent"),
    # What the person is owed (GDPR art. 15, 16 and 20): views_rights.py
    path("meg/mine-opplysninger/", views_rights.own_export, name="own_export"),
    path(
        "meg/mine-opplysninger/pdf/",
        views_rights.own_export,
        {"fmt": "pdf"},
        name="own_export_pdf",
    ),
    path(
        "meg/mine-opplysninger/json/",
        views_rights.own_export,
        {"fmt": "json"},
        name="own_export_json",
    ),
    path("meg/retting/", views_rights.own_corrections, name="corrections"),
    path(
        "kandidater/<uuid:candidate_id>/opplysninger/",
        views_rights.candidate_export,
        name="export",
    ),
    path(
        "kandidater/<uuid:candidate_id>/opplysninger/pdf/",
        views_rights.candidate_export,
        {"fmt": "pdf"},
        name="export_pdf",
    ),
    path(
        "kandidater/<uuid:candidate_id>/opplysninger/json/",
        views_rights.candidate_export,
        {"fmt": "json"},
        name="export_json",
    ),
    path(
        "kandidater/<uuid:candidate_id>/retting/<uuid:correction_id>/",
        views_rights.correction_resolve,
        name="correction_resolve",
    ),
]
