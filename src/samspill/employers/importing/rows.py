"""Importing a table row by row: each row is saved whole or not at all, and every refused
row is reported with its row number and the reason in Norwegian."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from samspill.accounts.models import User
from samspill.audit.models import Action, Purpose
from samspill.audit.services import Subject, audit_record
from samspill.employers import services
from samspill.employers.importing.columns import COLUMNS, Column, ImportKind
from samspill.employers.importing.files import ImportFileError, Table
from samspill.employers.models import (
    Employer,
    EmployerSize,
    OpeningKind,
    OpeningPurpose,
    OpeningStatus,
    Sector,
    Workplace,
)
from samspill.lib.validation import InvalidValue, normalize_org_number


class CellError(Exception):
    """One cell cannot be understood: ``str(error)`` is the message, ``field`` the column."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass
class RowResult:
    row: int
    label: str
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class ImportReport:
    kind: str
    results: list[RowResult] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)

    @property
    def saved(self) -> list[RowResult]:
        return [r for r in self.results if r.ok]

    @property
    def failed(self) -> list[RowResult]:
        return [r for r in self.results if not r.ok]


# -- cells ---------------------------------------------------------------------------------

_YES = {"ja", "j", "yes", "y", "true", "1", "x"}
_NO = {"nei", "n", "no", "false", "0", ""}


def _bool(cells: dict[str, str], column: str, field: str) -> bool:
    value = cells.get(column, "").strip().lower()
    if value in _YES:
        return True
    if value in _NO:
        return False
    raise CellError(field, _("«%(cells)s» er ikke «ja» eller «nei».") % {"cells": cells[column]})


def _choice(cells: dict[str, str], column: str, field: str, choices: Any, required: bool) -> str:
    value = cells.get(column, "").strip()
    if not value and not required:
        return ""
    wanted = value.lower().replace("–", "-")
    for choice in choices:
        if wanted in (str(choice.value).lower(), str(choice.label).lower().replace("–", "-")):
            return str(choice.value)
    options = ", ".join(str(choice.label) for choice in choices)
    raise CellError(
        field,
        _("«%(value)s» er ikke et gyldig valg. Velg blant: %(options)s.")
        % {"value": value, "options": options},
    )


def _number(cells: dict[str, str], column: str, field: str) -> Decimal | None:
    value = cells.get(column, "").strip().replace(" ", "").replace(",", ".")
    if not value:
        return None
    try:
        return Decimal(value)
    except InvalidOperation:
        raise CellError(
            field, _("«%(cells)s» er ikke et tall.") % {"cells": cells[column]}
        ) from None


_DATE_FORMATS = ("%d.%m.%Y", "%Y-%m-%d", "%d.%m.%y")


def _date(cells: dict[str, str], column: str, field: str) -> date | None:
    value = cells.get(column, "").strip()
    if not value:
        return None
    for pattern in _DATE_FORMATS:
        try:
            return datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise CellError(
        field, _("«%(value)s» er ikke en dato. Skriv f.eks. 01.09.2026.") % {"value": value}
    )


def _employer(cells: dict[str, str]) -> Employer:
    try:
        org_number = normalize_org_number(cells.get("organisasjonsnummer", ""))
    except InvalidValue as error:
        raise CellError("org_number", str(error)) from None
    employer = Employer.objects.filter(org_number=org_number).first()
    if employer is None:
        raise CellError(
            "org_number",
            _(
                "Ingen arbeidsgiver med organisasjonsnummer %(org_number)s er registrert. "
                "Importer arbeidsgiveren først."
            )
            % {"org_number": org_number},
        )
    return employer


# -- rows ----------------------------------------------------------------------------------


def _employer_row(actor: User, cells: dict[str, str]) -> str:
    employer = services.employer_create(
        actor=actor,
        org_number=cells.get("organisasjonsnummer", ""),
        name=cells.get("navn", ""),
        sector=_choice(cells, "bransje", "sector", Sector, required=True),
        ia_agreement=_bool(cells, "ia_avtale", "ia_agreement"),
        size=_choice(cells, "antall_ansatte", "size", EmployerSize, required=False),
        wishes=cells.get("ønsker", ""),
        inclusion_notes=cells.get("erfaring_med_inkludering", ""),
    )
    return employer.name


def _float(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _workplace_row(actor: User, cells: dict[str, str]) -> str:
    employer = _employer(cells)
    name = cells.get("navn", "").strip()
    if name and employer.workplaces.filter(name__iexact=name).exists():
        raise CellError(
            "name",
            _("%(employer)s har allerede en arbeidsplass som heter «%(name)s».")
            % {"employer": employer.name, "name": name},
        )
    environment = {
        column.field: cells.get(column.name, "")
        for column in COLUMNS[ImportKind.WORKPLACES]
        if column.field in services.ENVIRONMENT_TEXT_FIELDS
    }
    workplace = services.workplace_create(
        actor=actor,
        employer=employer,
        name=name,
        address=cells.get("adresse", ""),
        municipality=cells.get("kommune", ""),
        latitude=_float(_number(cells, "breddegrad", "latitude")),
        longitude=_float(_number(cells, "lengdegrad", "longitude")),
        buddy_available=_bool(cells, "fadder_eller_mentor", "buddy_available"),
        **environment,
    )
    return f"{employer.name}, {workplace.name}"


def _workplace_of(employer: Employer, cells: dict[str, str]) -> Workplace:
    name = cells.get("arbeidsplass", "").strip()
    found = list(employer.workplaces.filter(name__iexact=name)[:2]) if name else []
    if len(found) != 1:
        problem = (
            _("%(employer)s har flere arbeidsplasser som heter «%(name)s».")
            if found
            else _("%(employer)s har ingen arbeidsplass som heter «%(name)s».")
        )
        raise CellError(
            "workplace",
            problem % {"employer": employer.name, "name": name}
            + " "
            + _("Skriv navnet slik det er registrert i Samspill."),
        )
    return found[0]


def _tasks_of(workplace: Workplace, cells: dict[str, str]) -> list[Any]:
    names = [n.strip() for n in re.split(r"\|", cells.get("oppgaver", "")) if n.strip()]
    tasks = []
    for name in names:
        task = workplace.tasks.filter(name__iexact=name).first()
        if task is None:
            raise CellError(
                "tasks",
                _("«%(name)s» er ikke kartlagt ved %(workplace)s.")
                % {"name": name, "workplace": workplace.name},
            )
        tasks.append(task)
    return tasks


def _opening_row(actor: User, cells: dict[str, str]) -> str:
    employer = _employer(cells)
    workplace = _workplace_of(employer, cells)
    status = _choice(cells, "status", "to_status", OpeningStatus, required=False)
    if status not in ("", OpeningStatus.DRAFT, OpeningStatus.OPEN):
        raise CellError("to_status", _("Status kan bare være «utkast» eller «åpen» ved import."))
    data = services.OpeningInput(
        kind=_choice(cells, "type", "kind", OpeningKind, required=True),
        purpose=_choice(cells, "formål", "purpose", OpeningPurpose, required=True),
        title=cells.get("tittel", ""),
        description=cells.get("beskrivelse", ""),
        hours_per_week=_number(cells, "timer_per_uke", "hours_per_week"),
        tasks=_tasks_of(workplace, cells),
        starts_on=_date(cells, "oppstart", "starts_on"),
        ends_on=_date(cells, "sluttdato", "ends_on"),
        application_deadline=_date(cells, "søknadsfrist", "application_deadline"),
    )
    opening = services.opening_create(actor=actor, workplace=workplace, data=data)
    if status == OpeningStatus.OPEN:
        services.opening_change_status(actor=actor, opening=opening, to_status=status)
    return f"{employer.name}: {opening.title}"


_ROW_HANDLERS: dict[str, Callable[[User, dict[str, str]], str]] = {
    ImportKind.EMPLOYERS: _employer_row,
    ImportKind.WORKPLACES: _workplace_row,
    ImportKind.OPENINGS: _opening_row,
}


# -- the import ----------------------------------------------------------------------------


def _column_of(kind: str, field: str) -> Column | None:
    return next((c for c in COLUMNS[kind] if c.field == field), None)


def _messages(kind: str, error: ValidationError | CellError) -> list[str]:
    """Each message prefixed with the column it concerns, so the user knows where to look."""
    if isinstance(error, CellError):
        pairs = [(error.field, str(error))]
    elif hasattr(error, "error_dict"):
        pairs = [(f, m) for f, messages in error.message_dict.items() for m in messages]
    else:
        pairs = [("", m) for m in error.messages]
    out = []
    for field_name, message in pairs:
        column = _column_of(kind, field_name)
        out.append(f"{column.name}: {message}" if column else message)
    return out


def check_columns(kind: str, table: Table) -> list[str]:
    """Raise if required columns are missing; return the columns that will be ignored."""
    known = {column.name for column in COLUMNS[kind]}
    missing = [c.name for c in COLUMNS[kind] if c.required and c.name not in table.headers]
    if missing:
        raise ImportFileError(
            _("Filen mangler disse kolonnene: ")
            + ", ".join(missing)
            + _(". Første rad må være overskriftene. Last ned malen for å se riktige kolonner.")
        )
    return [h for h in table.headers if h and h not in known]


def _label(cells: dict[str, str]) -> str:
    return cells.get("navn") or cells.get("tittel") or cells.get("organisasjonsnummer") or "–"


def import_table(*, actor: User, kind: str, table: Table) -> ImportReport:
    """Save every good row, each in its own savepoint, and report the rest."""
    report = ImportReport(kind=kind, ignored_columns=check_columns(kind, table))
    handler = _ROW_HANDLERS[kind]
    for number, cells in table.rows:
        result = RowResult(row=number, label=_label(cells))
        try:
            with transaction.atomic():
                result.label = handler(actor, cells)
        except (ValidationError, CellError) as error:
            result.errors = _messages(kind, error)
        report.results.append(result)
    audit_record(
        actor=actor,
        subject=Subject("employer_import", None),
        action=Action.CREATE,
        purpose=Purpose.CASE_WORK,
        detail=_("%(kind)s: %(saved)s lagret, %(failed)s avvist")
        % {"kind": kind, "saved": len(report.saved), "failed": len(report.failed)},
    )
    return report
