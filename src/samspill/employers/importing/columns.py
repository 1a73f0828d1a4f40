"""The columns of each kind of import: the single source for the parser, the template
file and the documentation on the import page."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportKind(models.TextChoices):
    EMPLOYERS = "employers", _("Arbeidsgivere")
    WORKPLACES = "workplaces", _("Arbeidsplasser")
    OPENINGS = "openings", _("Stillinger og praksisplasser")


@dataclass(frozen=True)
class Column:
    name: str
    required: bool
    description: str
    example: str
    #: the service's field that this column fills (to put its errors on the column)
    field: str


_ORG = Column(
    "organisasjonsnummer", True, "Ni siffer fra Enhetsregisteret.", "974760673", "org_number"
)

COLUMNS: dict[str, list[Column]] = {
    ImportKind.EMPLOYERS: [
        _ORG,
        Column("navn", True, "Virksomhetens navn.", "Eksempel Lager AS", "name"),
        Column(
            "bransje",
            True,
            "En av bransjene i Samspill, skrevet som i listen (f.eks. «Lager og logistikk»).",
            "Lager og logistikk",
            "sector",
        ),
        Column("ia_avtale", False, "«ja» eller «nei» (tom betyr nei).", "ja", "ia_agreement"),
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
            "Hva arbeidsgiveren ønsker seg.",
            "Ønsker en ung person til lett lagerarbeid",
            "wishes",
        ),
        Column(
            "erfaring_med_inkludering",
            False,
            "Tidligere erfaring med praksisplasser, lønnstilskudd o.l.",
            "Har hatt to på arbeidstrening",
            "inclusion_notes",
        ),
    ],
    ImportKind.WORKPLACES: [
        _ORG,
        Column("navn", True, "Navnet på arbeidsplassen.", "Hovedlageret", "name"),
        Column("adresse", True, "Gateadresse.", "Lagerveien 1", "address"),
        Column("kommune", True, "Kommunen arbeidsplassen ligger i.", "Oslo", "municipality"),
        Column("breddegrad", True, "Desimaltall, komma eller punktum.", "59,92", "latitude"),
        Column("lengdegrad", True, "Desimaltall, komma eller punktum.", "10,80", "longitude"),
        Column("fadder_eller_mentor", False, "«ja» eller «nei».", "ja", "buddy_available"),
        Column(
            "introduksjonsrutine",
            False,
            "Hvordan nye tas imot.",
            "Første dag med leder",
            "introduction_routine",
        ),
        Column(
            "internopplæring", False, "Opplæring de gir selv.", "Truckkurs", "internal_training"
        ),
        Column(
            "fysisk_arbeidsmiljø",
            False,
            "Lokaler, støy, lys.",
            "Kaldt lager",
            "physical_environment",
        ),
        Column(
            "sosialt_arbeidsmiljø", False, "Kolleger, pauser.", "Felles lunsj", "social_environment"
        ),
        Column(
            "karrieremuligheter",
            False,
            "Muligheter for å utvikle seg.",
            "Kan bli skiftleder",
            "career_opportunities",
        ),
        Column(
            "rekrutteringsbehov",
            False,
            "Reelt behov for arbeidskraft.",
            "Trenger folk til høsten",
            "recruitment_need",
        ),
    ],
    ImportKind.OPENINGS: [
        _ORG,
        Column(
            "arbeidsplass",
            True,
            "Navnet på en arbeidsplass som allerede er registrert hos arbeidsgiveren.",
            "Hovedlageret",
            "workplace",
        ),
        Column(
            "type",
            True,
            "Stilling, Praksisplass, Læreplass eller Rekrutteringsoppdrag.",
            "Praksisplass",
            "kind",
        ),
        Column(
            "formål", True, "Utprøving, Arbeidstrening eller Ansettelse.", "Utprøving", "purpose"
        ),
        Column("tittel", True, "Kort tittel.", "Lagermedarbeider", "title"),
        Column("timer_per_uke", True, "Mellom 0,5 og 40.", "20", "hours_per_week"),
        Column("beskrivelse", False, "Fritekst.", "Plukk og pakking", "description"),
        Column(
            "oppgaver",
            False,
            "Navn på kartlagte oppgaver ved arbeidsplassen, skilt med |.",
            "Pakking og merking",
            "tasks",
        ),
        Column("oppstart", False, "Dato, f.eks. 01.09.2026.", "01.09.2026", "starts_on"),
        Column("sluttdato", False, "Dato, etter oppstart.", "30.11.2026", "ends_on"),
        Column(
            "søknadsfrist",
            False,
            "Dato, før eller samme dag som oppstart.",
            "15.08.2026",
            "application_deadline",
        ),
        Column("status", False, "«utkast» (standard) eller «åpen».", "utkast", "to_status"),
    ],
}


def template_csv(kind: str) -> str:
    """A template with the header and one example row, semicolon-separated (Norwegian Excel)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([column.name for column in COLUMNS[kind]])
    writer.writerow([column.example for column in COLUMNS[kind]])
    return out.getvalue()
