from django.urls import path

from samspill.processes import views

app_name = "processes"
urlpatterns = [
    path("", views.process_list, name="list"),
    path("portefolje/", views.portfolio_view, name="portfolio"),
    path("<uuid:process_id>/", views.process_detail, name="detail"),
    path("<uuid:process_id>/fase/", views.process_change_phase, name="change_phase"),
    path("<uuid:process_id>/deltakere/", views.process_invite, name="invite"),
    path("ny/<uuid:candidate_id>/", views.process_open, name="open"),
    path("<uuid:process_id>/avslutt/", views.process_end, name="end"),
    path("<uuid:process_id>/gjenapne/", views.process_reopen, name="reopen"),
]
