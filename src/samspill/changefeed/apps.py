from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChangefeedConfig(AppConfig):
    name = "samspill.changefeed"
    label = "changefeed"
    verbose_name = _("Endringsstrøm")
