from django.apps import AppConfig


class RetentionConfig(AppConfig):
    name = "samspill.retention"
    label = "retention"
    verbose_name = "Sletting og anonymisering"
