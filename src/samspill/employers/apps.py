from django.apps import AppConfig


class EmployersConfig(AppConfig):
    name = "samspill.employers"
    label = "employers"
    verbose_name = "Arbeidsgivere"
