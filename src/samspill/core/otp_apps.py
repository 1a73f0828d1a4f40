"""django-otp's two device apps under bokmål names in the admin.

django-otp has no bokmål catalogue and does not mark these names for translation, so the
admin index showed «Otp_Totp», «TOTP devices». The app labels (and so the tables and
migrations) stay django-otp's own; only the names shown change.
"""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TotpConfig(AppConfig):
    """django-otp's own ``DefaultConfig`` for the app, with names."""

    name = "django_otp.plugins.otp_totp"
    default_auto_field = "django.db.models.AutoField"
    verbose_name = _("Andre faktor: kodeapp")

    def ready(self) -> None:
        super().ready()
        meta = self.get_model("TOTPDevice")._meta
        meta.verbose_name = _("kodeapp (TOTP)")
        meta.verbose_name_plural = _("kodeapper (TOTP)")


class StaticConfig(AppConfig):
    name = "django_otp.plugins.otp_static"
    default_auto_field = "django.db.models.AutoField"
    verbose_name = _("Andre faktor: reservekoder")

    def ready(self) -> None:
        super().ready()
        meta = self.get_model("StaticDevice")._meta
        meta.verbose_name = _("sett med reservekoder")
        meta.verbose_name_plural = _("sett med reservekoder")
