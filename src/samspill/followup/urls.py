from django.urls import path

from samspill.followup.views import concerns, contacts, plans, today

app_name = "followup"
P = "forlop/<uuid:process_id>/"
urlpatterns = [
    path("i-dag/", today.today, name="today"),
    path(f"{P}kontakt/", contacts.log_contact, name="log_contact"),
    path(f"{P}oppfolging/", plans.plan, name="plan"),
    path(f"{P}oppfolging/ny/", plans.plan_new, name="plan_new"),
    path(f"{P}oppfolging/avslutt/", plans.plan_end, name="plan_end"),
    path(f"{P}oppfolging/kontakter/ny/", plans.item_new, name="item_new"),
    path(f"{P}oppfolging/kontakter/<uuid:item_id>/", plans.item_edit, name="item_edit"),
    path(f"{P}forpliktelser/ny/", plans.commitment_new, name="commitment_new"),
    path(
        f"{P}forpliktelser/<uuid:commitment_id>/utfort/",
        plans.commitment_done,
        name="commitment_done",
    ),
    path(f"{P}meld-fra/", concerns.concern_new, name="concern_new"),
    path(f"{P}henvendelser/<uuid:concern_id>/", concerns.concern_answer, name="concern_answer"),
]
