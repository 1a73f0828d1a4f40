from django.apps import AppConfig
from django.utils.translation import gettext, gettext_lazy


class MatchingConfig(AppConfig):
    name = "samspill.matching"
    label = "matching"
    verbose_name = gettext_lazy("Jobbmatch")

    def ready(self) -> None:
        # The engine is pure Python; its texts go through Django's gettext from here on.
        from samspill.matching.engine import i18n

        i18n.install(gettext)
