from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "samspill.core"
    label = "core"
    verbose_name = "Samspill"
