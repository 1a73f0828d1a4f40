from django.urls import path

from samspill.employers import views

app_name = "employers"
urlpatterns = [
    path("", views.employer_list, name="list"),
    path("<uuid:employer_id>/", views.employer_detail, name="detail"),
]
