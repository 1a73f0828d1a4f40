"""The person, their profile, needs, consents and correction requests."""

from __future__ import annotations

from django.utils.translation import gettext as _t

from samspill.audit.plain import items_in_words
from samspill.candidates.export.records import Section, item, items, record, section
from samspill.candidates.models import Candidate
from samspill.candidates.needs import CATEGORY_OF, NEED_TYPES
from samspill.candidates.profile import ADVISOR_FIELDS, OWN_FIELDS, display, field_label

PERSON_FIELDS: tuple[str, ...] = ("first_name", "last_name", "birth_date", "gender")
PERSON_FIELDS += ("municipality", "phone", "email", "need_level", "main_goal", "benefit")
PERSON_FIELDS += ("time_outside_work",)


def person(candidate: Candidate) -> Section:
    fields = items(candidate, PERSON_FIELDS)
    fields.append(item("created_at", _t("Registrert i Samspill"), candidate.created_at))
    return section("person", _t("Om deg"), [record(fields)])


def profile(candidate: Candidate) -> Section:
    fields = [
        item(name, field_label(name), display(name, getattr(candidate, name)))
        for name in ADVISOR_FIELDS
        if name not in PERSON_FIELDS
    ]
    return section("profile", _t("Kartleggingen"), [record(fields)])


def own_words(candidate: Candidate) -> Section:
    fields = [item(name, field_label(name), getattr(candidate, name)) for name in OWN_FIELDS]
    fields.append(item("own_updated_at", _t("Sist endret"), candidate.own_updated_at))
    return section("own_words", _t("Med dine egne ord"), [record(fields)])


def needs(candidate: Candidate) -> Section:
    records = [
        record(
            [
                item("need", _t("Behov"), NEED_TYPES[n.code].label if n.code in NEED_TYPES else ""),
                item(
                    "category",
                    _t("Område"),
                    CATEGORY_OF[n.code].label if n.code in NEED_TYPES else "",
                ),
                item("detail", _t("Beskrivelse"), n.detail),
                item("last_confirmed", _t("Sist bekreftet"), n.last_confirmed),
            ]
        )
        for n in candidate.needs.all()
    ]
    return section("needs", _t("Behov for tilrettelegging"), records)


def versions(candidate: Candidate) -> Section:
    records = [
        record(
            [
                item("number", _t("Versjon"), v.number),
                item("changed_at", _t("Tidspunkt"), v.changed_at),
                item(
                    "changed_by", _t("Endret av"), v.changed_by.display_name if v.changed_by else ""
                ),
                item("changed", _t("Dette ble endret"), [field_label(f) for f in v.changed_fields]),
            ]
        )
        for v in candidate.versions.filter(number__gt=0).select_related("changed_by")
    ]
    return section("profile_versions", _t("Endringer i profilen"), records)


def consents(candidate: Candidate) -> Section:
    records = [
        record(
            [
                item("recorded_at", _t("Tidspunkt"), c.recorded_at),
                item(
                    "recorded_by",
                    _t("Registrert av"),
                    c.recorded_by.display_name if c.recorded_by else "",
                ),
                item(
                    "items",
                    _t("Delt med arbeidsgivere"),
                    items_in_words(list(c.items)) or _t("ingenting"),
                ),
            ]
        )
        for c in candidate.consents.select_related("recorded_by").order_by("-recorded_at", "-id")
    ]
    return section("consents", _t("Hva du har delt med arbeidsgivere"), records)


def corrections(candidate: Candidate) -> Section:
    records = [
        record(
            [
                item("field", _t("Gjelder"), r.field_words),
                *items(r, ["text", "created_at", "resolved_at", "resolution_note"]),
                item(
                    "resolved_by",
                    _t("Behandlet av"),
                    r.resolved_by.display_name if r.resolved_by else "",
                ),
            ]
        )
        for r in candidate.correction_requests.select_related("resolved_by")
    ]
    return section("corrections", _t("Ønsker om retting"), records)
