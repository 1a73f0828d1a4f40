from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "samspill.insights"
    label = "insights"
    verbose_name = "Innsikt"
