from django.urls import path

from samspill.agreements import views

app_name = "agreements"
urlpatterns = [
    path("forlop/<uuid:process_id>/avtale/ny/", views.agreement_create, name="create"),
    path("avtaler/<uuid:agreement_id>/", views.agreement_detail, name="detail"),
    path("avtaler/<uuid:agreement_id>/rediger/", views.agreement_edit, name="edit"),
    path("avtaler/<uuid:agreement_id>/send/", views.agreement_send, name="send"),
    path("avtaler/<uuid:agreement_id>/godkjenn/", views.agreement_approve, name="approve"),
    path("avtaler/<uuid:agreement_id>/inngaa/", views.agreement_conclude, name="conclude"),
    path(
        "avtaler/<uuid:agreement_id>/forpliktelser/",
        views.agreement_commitment,
        name="commitment",
    ),
    path("avtaler/<uuid:agreement_id>/endre/", views.agreement_change, name="change"),
    path("avtaler/<uuid:agreement_id>/avbryt/", views.agreement_cancel, name="cancel"),
    path("avtaler/<uuid:agreement_id>/avtale.pdf", views.agreement_pdf, name="pdf"),
    path(
        "avtaler/<uuid:agreement_id>/arbeidsgiver.pdf",
        views.agreement_employer_pdf,
        name="employer_pdf",
    ),
]
