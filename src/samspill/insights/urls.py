from django.urls import path

from samspill.insights import views

app_name = "insights"

urlpatterns = [
    path("innsikt/", views.outcomes, name="outcomes"),
    path("innsikt/oppfolging/", views.caseload, name="caseload"),
    path("innsikt/likeverd/", views.equity, name="equity"),
    path("innsikt/fidelitet/", views.fidelity, name="fidelity"),
    path("innsikt/fidelitet/ny/<uuid:team_id>/", views.fidelity_new, name="fidelity_new"),
    path("innsikt/fidelitet/<uuid:review_id>/", views.fidelity_review, name="fidelity_review"),
    path("innsikt/evaluering/", views.evaluation, name="evaluation"),
    path("forlop/<uuid:process_id>/jobber/ny/", views.job_create, name="job_create"),
    path("jobber/<uuid:job_id>/avslutt/", views.job_end, name="job_end"),
]
