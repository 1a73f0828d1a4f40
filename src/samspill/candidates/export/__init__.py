"""Everything Samspill holds about one person, as one plain structure (GDPR art. 15, 20).

``collect`` returns a dict of sections; the HTML page, the PDF and the JSON file are all
rendered from it (``for_display`` only turns its dates and numbers into text), so the
three cannot disagree. A section has records; a record has items (key, Norwegian label,
value) and may have parts (sub-sections, one level deep), e.g. the steps of a match.

Only called through ``candidates.access.export_for_user``, which checks access and logs
the export. It reads across apps (follow-up, Jobbmatch, agreements, jobs), like the
access functions do: it sits above them.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.utils import formats, timezone
from django.utils.translation import gettext as _t

from samspill.candidates.export import person, work
from samspill.candidates.export.records import Record, Section, section
from samspill.candidates.models import Candidate
from samspill.candidates.presentation import CandidateView

FORMAT = "samspill-mine-opplysninger/1"


def collect(*, candidate: Candidate, view: CandidateView) -> dict[str, Any]:
    """Everything about ``candidate``, as sections of records of labelled items. The
    person and their profile come from ``view``, the one consent-filtered view (for the
    person and the staff who may export it, that is all of it)."""
    processes = list(
        candidate.processes.select_related("office", "advisor", "employer", "workplace__employer")
    )
    ids = [process.pk for process in processes]
    sections = [
        person.person(candidate, view),
        person.profile(view),
        person.own_words(view),
        person.needs(view),
        person.versions(candidate),
        person.consents(candidate),
        person.corrections(candidate),
        section("processes", _t("Forløp"), [work.process_record(process) for process in processes]),
        *work.followup(ids),
        *work.matches(ids),
        work.agreements(ids),
        work.jobs(ids),
        work.notifications(candidate),
        work.access_log(candidate),
    ]
    return {
        "format": FORMAT,
        "generated_at": timezone.now(),
        "name": view.display_name,
        "sections": sections,
    }


# -- For reading -------------------------------------------------------------------------------


def display_value(value: Any) -> str:
    """A value as text for the page and the PDF (the JSON keeps the value itself)."""
    if value is None or value == "" or value == []:
        return "–"
    if isinstance(value, bool):
        return _t("Ja") if value else _t("Nei")
    if isinstance(value, datetime):
        return formats.date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")
    if isinstance(value, date):
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    if isinstance(value, int | float | Decimal):
        return formats.number_format(value)
    if isinstance(value, list | tuple):
        return ", ".join(display_value(v) for v in value)
    return str(value)


def for_display(data: dict[str, Any]) -> dict[str, Any]:
    """The same structure, every value turned into text."""

    def records(section: Section) -> list[Record]:
        return [
            {
                "items": [{**i, "value": display_value(i["value"])} for i in r["items"]],
                "parts": [{**p, "records": records(p)} for p in r["parts"]],
            }
            for r in section["records"]
        ]

    return {**data, "sections": [{**s, "records": records(s)} for s in data["sections"]]}
