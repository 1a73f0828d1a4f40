"""Employers (virksomheter) and their workplaces (arbeidsplasser)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from samspill.core.models import PublicModel
from samspill.lib.validation import InvalidValue, format_org_number, normalize_org_number


def validate_org_number(value: str) -> None:
    try:
        normalize_org_number(value)
    except InvalidValue as error:
        raise ValidationError(str(error), code="invalid_org_number") from None


class Sector(models.TextChoices):
    RETAIL = "retail", _("Butikk og handel")
    GROCERY = "grocery", _("Dagligvare")
    WAREHOUSE = "warehouse", _("Lager og logistikk")
    KINDERGARTEN = "kindergarten", _("Barnehage")
    CANTEEN = "canteen", _("Kantine og storkjøkken")
    OFFICE = "office", _("Kontor og administrasjon")
    CARETAKING = "caretaking", _("Vaktmester og drift")
    CLEANING = "cleaning", _("Renhold")
    CARE = "care", _("Helse og omsorg")
    INDUSTRY = "industry", _("Industri og produksjon")
    OTHER = "other", _("Annet")


class Employer(PublicModel):
    org_number = models.CharField(
        _("organisasjonsnummer"), max_length=9, unique=True, validators=[validate_org_number]
    )
    name = models.CharField(_("navn"), max_length=160)
    sector = models.CharField(_("bransje"), max_length=20, choices=Sector.choices)
    ia_agreement = models.BooleanField(_("IA-avtale"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("arbeidsgiver")
        verbose_name_plural = _("arbeidsgivere")

    def __str__(self) -> str:
        return self.name

    @property
    def org_number_display(self) -> str:
        return format_org_number(self.org_number)


class Workplace(PublicModel):
    """A site where people work: the unit that is mapped (arbeidsplasskartlegging)."""

    employer = models.ForeignKey(Employer, on_delete=models.CASCADE, related_name="workplaces")
    name = models.CharField(_("navn"), max_length=160)
    address = models.CharField(_("adresse"), max_length=200)
    municipality = models.CharField(_("kommune"), max_length=80)
    latitude = models.FloatField(_("breddegrad"))
    longitude = models.FloatField(_("lengdegrad"))

    class Meta:
        ordering = ["employer__name", "name"]
        verbose_name = _("arbeidsplass")
        verbose_name_plural = _("arbeidsplasser")

    def __str__(self) -> str:
        return f"{self.employer.name}, {self.name}"
