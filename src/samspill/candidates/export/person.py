"""The person, their profile, needs, consents and correction requests."""

from __future__ import annotations

from django.utils.translation import gettext as _t

from samspill.audit.plain import items_in_words
from samspill.candidates.export.records import Section, item, items, record, section
from samspill.candidates.models import Candidate
from samspill.candidates.presentation import CandidateView
from samspill.candidates.profile import field_label


def person(candidate: Candidate, view: CandidateView) -> Section:
    profile = view.profile
    assert profile is not None
    fields = [
        item("name", _t("Navn"), view.name),
        item("birth_date", _t("Fødselsdato"), view.birth_date),
        item("gender", _t("Kjønn"), view.gender),
        item("municipality", _t("Bostedskommune"), view.municipality),
        item("phone", _t("Telefon"), view.phone),
        item("email", _t("E-post"), view.email),
        item("need_level", _t("Innsatsbehov"), view.need_level),
        item("main_goal", _t("Hovedmål"), profile.main_goal),
        item("benefit", _t("Ytelse"), profile.benefit),
        item("time_outside_work", _t("Tid utenfor arbeidslivet"), profile.time_outside_work),
        item("created_at", _t("Registrert i Samspill"), candidate.created_at),
    ]
    return section("person", _t("Om deg"), [record(fields)])


def profile(view: CandidateView) -> Section:
    p = view.profile
    assert p is not None
    fields = [
        item("interests", _t("Interesser og hva du vil jobbe med"), p.interests),
        item("resources", _t("Ressurser og styrker"), p.resources),
        item("experience", _t("Arbeidserfaring"), p.experience),
        item("education", _t("Utdanning og kurs"), p.education),
        item("hours", _t("Arbeidstid"), p.hours),
        item("times_of_day", _t("Tid på døgnet"), p.times_of_day),
        item("sectors", _t("Ønskede bransjer"), p.sectors),
        item("places", _t("Ønskede kommuner"), p.places),
        item("max_commute_km", _t("Lengste reisevei (km)"), p.max_commute_km),
        item("avoid", _t("Vil helst unngå"), p.avoid),
    ]
    return section("profile", _t("Kartleggingen"), [record(fields)])


def own_words(view: CandidateView) -> Section:
    assert view.profile is not None
    own = view.profile.own
    fields = [
        item("own_interests", _t("Hva jeg liker å gjøre"), own.interests),
        item("own_strengths", _t("Hva jeg er god til"), own.strengths),
        item("own_motivation", _t("Hvorfor jeg vil jobbe"), own.motivation),
        item("own_wishes", _t("Hva slags jobb og arbeidsplass jeg ønsker meg"), own.wishes),
        item("own_updated_at", _t("Sist endret"), own.updated_at),
    ]
    return section("own_words", _t("Med dine egne ord"), [record(fields)])


def needs(view: CandidateView) -> Section:
    assert view.profile is not None
    records = [
        record(
            [
                item("need", _t("Behov"), need.label),
                item("category", _t("Område"), need.category),
                item("detail", _t("Beskrivelse"), need.detail),
                item("last_confirmed", _t("Sist bekreftet"), need.last_confirmed),
            ]
        )
        for need in view.profile.needs
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
