from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RetentionConfig(AppConfig):
    name = "samspill.retention"
    label = "retention"
    verbose_name = _("Sletting og anonymisering")
