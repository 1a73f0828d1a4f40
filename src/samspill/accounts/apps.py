from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "samspill.accounts"
    label = "accounts"
    verbose_name = "Brukere og kontorer"
