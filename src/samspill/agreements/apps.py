from django.apps import AppConfig


class AgreementsConfig(AppConfig):
    name = "samspill.agreements"
    label = "agreements"
    verbose_name = "Avtaler"
