from django.apps import AppConfig


class ProcessesConfig(AppConfig):
    name = "samspill.processes"
    label = "processes"
    verbose_name = "Inkluderingsforløp"
