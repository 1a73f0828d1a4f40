from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IdentityConfig(AppConfig):
    """Sign-in, the second factor, OIDC login, API keys and audited changes to who may do what."""

    name = "samspill.identity"
    label = "identity"
    verbose_name = _("Innlogging og tilganger")
