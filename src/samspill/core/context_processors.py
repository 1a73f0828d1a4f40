"""Template context shared by every page: the menu for the user's role."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from samspill.accounts.models import Role


@dataclass(frozen=True)
class MenuItem:
    label: str | Promise
    url_name: str

    @property
    def url(self) -> str:
        return reverse(self.url_name)


_START = MenuItem(_("Start"), "core:start")
MENUS: dict[str, list[MenuItem]] = {
    Role.ADVISOR: [
        _START,
        MenuItem(_("I dag"), "followup:today"),
        MenuItem(_("Min portefølje"), "processes:portfolio"),
        MenuItem(_("Forløp"), "processes:list"),
        MenuItem(_("Matcher"), "matching:pipeline"),
        MenuItem(_("Arbeidsgivere"), "employers:list"),
        MenuItem(_("Matchemøter"), "matching:meetings"),
    ],
    Role.EMPLOYER_CONTACT: [
        _START,
        MenuItem(_("Arbeidsgivere"), "employers:list"),
        MenuItem(_("Matchemøter"), "matching:meetings"),
    ],
    Role.MANAGER: [
        _START,
        MenuItem(_("I dag for teamet"), "followup:today"),
        MenuItem(_("Portefølje"), "processes:portfolio"),
        MenuItem(_("Forløp"), "processes:list"),
        MenuItem(_("Arbeidsgivere"), "employers:list"),
        MenuItem(_("Innsikt"), "insights:outcomes"),
        MenuItem(_("Innsynslogg"), "audit:search"),
    ],
    Role.PARTNER: [_START],
    Role.EMPLOYER: [_START, MenuItem(_("Kandidater presentert for oss"), "matching:pipeline")],
    Role.JOBSEEKER: [
        _START,
        MenuItem(_("Min profil"), "candidates:own_profile"),
        MenuItem(_("Jobbforslag"), "matching:pipeline"),
        MenuItem(_("Hva jeg deler"), "candidates:consent"),
        MenuItem(_("Hvem har sett mine opplysninger"), "audit:own"),
    ],
    Role.ADMIN: [_START],
}


def navigation(request: HttpRequest) -> dict[str, object]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"menu": []}
    current = request.resolver_match.view_name if request.resolver_match else ""
    items = [(item, item.url_name == current) for item in MENUS.get(user.role, [_START])]
    return {"menu": items, "role_label": Role(user.role).label if user.role else ""}
