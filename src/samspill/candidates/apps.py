from django.apps import AppConfig


class CandidatesConfig(AppConfig):
    name = "samspill.candidates"
    label = "candidates"
    verbose_name = "Kandidater"
