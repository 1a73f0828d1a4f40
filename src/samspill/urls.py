from django.conf import settings
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path
from django.utils.translation import gettext_lazy as _

from samspill.api import api_urls

admin.site.site_header = _("Samspill – administrasjon")
admin.site.site_title = "Samspill"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", include("samspill.core.urls")),
    path("", include("samspill.identity.urls")),
    path("", include("samspill.candidates.urls")),
    path("", include("samspill.notifications.urls")),
    path("", include("samspill.followup.urls")),
    path("", include("samspill.agreements.urls")),
    path("forlop/", include("samspill.processes.urls")),
    path("arbeidsgivere/", include("samspill.employers.urls")),
    path("jobbmatch/", include("samspill.matching.urls")),
    path("", include("samspill.insights.urls")),
    path("innsynslogg/", include("samspill.audit.urls")),
    path("", include("samspill.retention.urls")),
    path("api/", api_urls),
]
# The admin site is not public in production: mounted only when switched on, at the
# configured path (docs/production.md).
if settings.SAMSPILL_ADMIN_ENABLED:
    urlpatterns.append(path(settings.SAMSPILL_ADMIN_PATH, admin.site.urls))

# Norwegian error pages (JSON under /api/); core.middleware.DebugNotFoundMiddleware uses
# handler404 in the demo too, instead of Django's debug page that lists every pattern.
handler400 = "samspill.core.error_pages.bad_request"
handler403 = "samspill.core.error_pages.permission_denied"
handler404 = "samspill.core.error_pages.page_not_found"
handler500 = "samspill.core.error_pages.server_error"
