from django.urls import path

from samspill.employers.views import employers, imports, openings, workplaces

app_name = "employers"

_WORKPLACE = "<uuid:employer_id>/arbeidsplasser/<uuid:workplace_id>/"
_OPENING = "<uuid:employer_id>/stillinger/<uuid:opening_id>/"

urlpatterns = [
    path("", employers.employer_list, name="list"),
    path("ny/", employers.employer_create, name="create"),
    path("import/", imports.employer_import, name="import"),
    path("import/mal/", imports.import_template, name="import_template"),
    path("<uuid:employer_id>/", employers.employer_detail, name="detail"),
    path("<uuid:employer_id>/endre/", employers.employer_edit, name="edit"),
    path(
        "<uuid:employer_id>/kontaktpersoner/ny/",
        employers.contact_person_create,
        name="contact_person_create",
    ),
    path(
        "<uuid:employer_id>/kontaktpersoner/<uuid:contact_person_id>/",
        employers.contact_person_edit,
        name="contact_person_edit",
    ),
    path("<uuid:employer_id>/kontakter/", employers.contact_log, name="contact_log"),
    path(
        "<uuid:employer_id>/kontakter/ny/",
        employers.contact_log_create,
        name="contact_log_create",
    ),
    path(
        "<uuid:employer_id>/arbeidsplasser/ny/",
        workplaces.workplace_create,
        name="workplace_create",
    ),
    path(_WORKPLACE, workplaces.workplace_detail, name="workplace"),
    path(_WORKPLACE + "endre/", workplaces.workplace_edit, name="workplace_edit"),
    path(_WORKPLACE + "oppgaver/ny/", workplaces.task_create, name="task_create"),
    path(_WORKPLACE + "oppgaver/<uuid:task_id>/endre/", workplaces.task_edit, name="task_edit"),
    path("<uuid:employer_id>/stillinger/ny/", openings.opening_create, name="opening_create"),
    path(_OPENING, openings.opening_detail, name="opening"),
    path(_OPENING + "endre/", openings.opening_edit, name="opening_edit"),
    path(_OPENING + "status/", openings.opening_status, name="opening_status"),
]
