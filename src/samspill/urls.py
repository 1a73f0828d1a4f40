from django.contrib import admin
from django.urls import include, path

from samspill.api import api_urls

admin.site.site_header = "Samspill – administrasjon"
admin.site.site_title = "Samspill"

urlpatterns = [
    path("", include("samspill.core.urls")),
    path("", include("samspill.accounts.urls")),
    path("", include("samspill.candidates.urls")),
    path("", include("samspill.followup.urls")),
    path("", include("samspill.agreements.urls")),
    path("forlop/", include("samspill.processes.urls")),
    path("arbeidsgivere/", include("samspill.employers.urls")),
    path("jobbmatch/", include("samspill.matching.urls")),
    path("", include("samspill.insights.urls")),
    path("innsynslogg/", include("samspill.audit.urls")),
    path("", include("samspill.retention.urls")),
    path("admin/", admin.site.urls),
    path("api/", api_urls),
]
