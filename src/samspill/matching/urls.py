from django.urls import path

from samspill.matching import views

app_name = "matching"

_PROCESS = "forlop/<uuid:process_id>/"
_MEETING = "matchemoter/<uuid:meeting_id>/"

urlpatterns = [
    path("", views.pipeline, name="pipeline"),
    path("<uuid:match_id>/", views.match_detail, name="match"),
    path("<uuid:match_id>/avtale/", views.match_agreement, name="match_agreement"),
    path("stillinger/<uuid:opening_id>/", views.opening_candidates, name="opening_candidates"),
    path(
        "arbeidsplasser/<uuid:workplace_id>/",
        views.workplace_candidates,
        name="workplace_candidates",
    ),
    path(_PROCESS, views.process_openings, name="process_openings"),
    path(_PROCESS + "stillinger/<uuid:opening_id>/", views.pair, name="pair"),
    path(_PROCESS + "jobbsnekring/", views.carve_pick, name="carve_pick"),
    path(_PROCESS + "jobbsnekring/<uuid:workplace_id>/", views.carve, name="carve"),
    path("matchemoter/", views.meetings, name="meetings"),
    path(_MEETING, views.meeting_detail, name="meeting"),
    path(_MEETING + "forbered/", views.meeting_prepare, name="meeting_prepare"),
    path(_MEETING + "linjer/<uuid:line_id>/", views.line_outcome, name="line_outcome"),
    path(_MEETING + "linjer/<uuid:line_id>/del/", views.line_share, name="line_share"),
]
