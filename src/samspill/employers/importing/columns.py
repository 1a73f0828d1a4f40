"""The columns of each kind of import: the single source for the parser, the template
file and the documentation on the import page."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise


class ImportKind(models.TextChoices):
    EMPLOYERS = "employers", _("Arbeidsgivere")
    WORKPLACES = "workplaces", _("Arbeidsplasser")
    OPENINGS = "openings", _("Stillinger og praksisplasser")


@dataclass(frozen=True)
class Column:
    name: str
    required: bool
    description: StrOrPromise
    example: StrOrPromise
    #: the service's field that this column fills (to put its errors on the column)
    field: str


_ORG = Column(
    "organisasjonsnummer", True, _("Ni siffer fra Enhetsregisteret."), "974760673", "org_number"
)

COLUMNS: dict[str, list[Column]] = {
    ImportKind.EMPLOYERS: [
        _ORG,
        Column("navn", True, _("Virksomhetens navn."), "Eksempel Lager AS", "name"),
        Column(
            "bransje",
            True,
            _("En av bransjene i Samspill, skrevet som i listen (f.eks. «Lager og logistikk»)."),
            _("Lager og logistikk"),
            "sector",
        ),
        Column("ia_avtale", False, _("«ja» eller «nei» (tom betyr nei)."), "ja", "ia_agreement"),
        Column(
            "antall_ansatte",
            False,
            "1-4, 5-19, 20-99, 100-249 eller 250+.",
            "20-99",
            "size",
        ),
        Column(
            "ønsker",
            False,
            _("Hva arbeidsgiveren ønsker seg."),
            _("Ønsker en ung person til lett lagerarbeid"),
            "wishes",
        ),
        Column(
            "erfaring_med_inkludering",
            False,
            _("Tidligere erfaring med praksisplasser, lønnstilskudd o.l."),
            _("Har hatt to på arbeidstrening"),
            "inclusion_notes",
        ),
    ],
    ImportKind.WORKPLACES: [
        _ORG,
        Column("navn", True, _("Navnet på arbeidsplassen."), _("Hovedlageret"), "name"),
        Column("adresse", True, "Gateadresse.", "Lagerveien 1", "address"),
        Column("kommune", True, _("Kommunen arbeidsplassen ligger i."), "Oslo", "municipality"),
        Column("breddegrad", True, _("Desimaltall, komma eller punktum."), "59,92", "latitude"),
        Column("lengdegrad", True, _("Desimaltall, komma eller punktum."), "10,80", "longitude"),
        Column("fadder_eller_mentor", False, _("«ja» eller «nei»."), "ja", "buddy_available"),
        Column(
            "introduksjonsrutine",
            False,
            _("Hvordan nye tas imot."),
            _("Første dag med leder"),
            "introduction_routine",
        ),
        Column(
            "internopplæring",
            False,
            _("Opplæring de gir selv."),
            _("Truckkurs"),
            "internal_training",
        ),
        Column(
            "fysisk_arbeidsmiljø",
            False,
            _("Lokaler, støy, lys."),
            _("Kaldt lager"),
            "physical_environment",
        ),
        Column(
            "sosialt_arbeidsmiljø",
            False,
            _("Kolleger, pauser."),
            _("Felles lunsj"),
            "social_environment",
        ),
        Column(
            "karrieremuligheter",
            False,
            _("Muligheter for å utvikle seg."),
            _("Kan bli skiftleder"),
            "career_opportunities",
        ),
        Column(
            "rekrutteringsbehov",
            False,
            _("Reelt behov for arbeidskraft."),
            _("Trenger folk til høsten"),
            "recruitment_need",
        ),
    ],
    ImportKind.OPENINGS: [
        _ORG,
        Column(
            "arbeidsplass",
            True,
            _("Navnet på en arbeidsplass som allerede er registrert hos arbeidsgiveren."),
            _("Hovedlageret"),
            "workplace",
        ),
        Column(
            "type",
            True,
            _("Stilling, Praksisplass, Læreplass eller Rekrutteringsoppdrag."),
            _("Praksisplass"),
            "kind",
        ),
        Column(
            "formål",
            True,
            _("Utprøving, Arbeidstrening eller Ansettelse."),
            _("Utprøving"),
            "purpose",
        ),
        Column("tittel", True, _("Kort tittel."), _("Lagermedarbeider"), "title"),
        Column("timer_per_uke", True, _("Mellom 0,5 og 40."), "20", "hours_per_week"),
        Column("beskrivelse", False, "Fritekst.", _("Plukk og pakking"), "description"),
        Column(
            "oppgaver",
            False,
            _("Navn på kartlagte oppgaver ved arbeidsplassen, skilt med |."),
            _("Pakking og merking"),
            "tasks",
        ),
        Column("oppstart", False, _("Dato, f.eks. 01.09.2026."), "01.09.2026", "starts_on"),
        Column("sluttdato", False, _("Dato, etter oppstart."), "30.11.2026", "ends_on"),
        Column(
            "søknadsfrist",
            False,
            _("Dato, før eller samme dag som oppstart."),
            "15.08.2026",
            "application_deadline",
        ),
        Column("status", False, _("«utkast» (standard) eller «åpen»."), "utkast", "to_status"),
    ],
}


def template_csv(kind: str) -> str:
    """A template with the header and one example row, semicolon-separated (Norwegian Excel)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([column.name for column in COLUMNS[kind]])
    writer.writerow([column.example for column in COLUMNS[kind]])
    return out.getvalue()
