"""What hangs on the person's processes: follow-up, Jobbmatch, agreements, jobs; and
notices to them and the access log."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _t_lazy

from samspill.agreements.chain import CONTENT_FIELDS
from samspill.agreements.models import Agreement
from samspill.audit.models import AuditEvent
from samspill.audit.plain import describe
from samspill.candidates.export.records import (
    Record,
    Section,
    Spec,
    item,
    items,
    label_of,
    record,
    rows,
    section,
)
from samspill.candidates.models import Candidate
from samspill.followup.models import Commitment, Concern, Contact, FollowupPlan
from samspill.insights.models import Job
from samspill.matching.models import Match, MeetingLine
from samspill.notifications.models import Notification
from samspill.processes.models import InclusionProcess


def process_record(process: InclusionProcess) -> Record:
    fields = items(
        process,
        [
            ("office", _t("NAV-kontor")),
            "advisor",
            "phase",
            "phase_since",
            "started_on",
            "ended_on",
            "end_reason",
            "referral",
            "wish",
            "employer",
            ("workplace", _t("Arbeidsplass")),
        ],
    )
    changes = rows(
        "phase_changes",
        _t("Faseendringer"),
        process.phase_changes.select_related("recorded_by"),
        [
            ("from_phase", _t("Fra fase")),
            ("to_phase", _t("Til fase")),
            "effective_on",
            "reason",
            ("recorded_by", _t("Registrert av")),
        ],
    )
    members = rows(
        "members",
        _t("Invitert inn i forløpet"),
        process.members.select_related("user"),
        [
            ("user", _t("Hvem")),
            "role",
            "purpose",
            ("invited_at", _t("Invitert")),
            ("revoked_at", _t("Tilgang fjernet")),
        ],
    )
    return record(fields, [changes, members])


def _plans(process_ids: list[int]) -> Section:
    records = []
    plans = FollowupPlan.objects.filter(process_id__in=process_ids).prefetch_related("items")
    for plan in plans:
        planned = rows(
            "plan_items",
            _t("Planlagte kontakter"),
            plan.items.all(),
            ["label", "party", "form", "first_due_on", "interval_days", "ends_on"],
        )
        history = rows(
            "plan_changes",
            _t("Endringer i planen"),
            plan.changes.select_related("by"),
            [("at", _t("Tidspunkt")), ("by", _t("Av")), "description"],
        )
        fields = items(plan, ["title", "starts_on", "minimum_until", "ended_on", "end_reason"])
        records.append(record([*fields, *items(plan, ["end_note"])], [planned, history]))
    return section("plans", _t("Oppfølgingsplaner"), records)


def followup(process_ids: list[int]) -> list[Section]:
    in_processes = {"process_id__in": process_ids}
    contact_specs: list[Spec] = ["on", "party", "form", "place", "employer", "note"]
    contact_specs += ["outside_work", "outside_work_owner", ("logged_by", _t("Logget av"))]
    return [
        rows(
            "contacts",
            _t("Kontakter i oppfølgingen"),
            Contact.objects.filter(**in_processes).select_related("employer", "logged_by"),
            contact_specs,
        ),
        _plans(process_ids),
        rows(
            "commitments",
            _t("Dette har NAV lovet"),
            Commitment.objects.filter(**in_processes).select_related("owner"),
            ["title", "deadline", "owner", "done_on"],
        ),
        rows(
            "concerns",
            _t("Meldinger fra arbeidsgiveren"),
            Concern.objects.filter(**in_processes).select_related("employer"),
            [
                ("employer", _t("Arbeidsgiver")),
                "kind",
                "text",
                "reported_at",
                "respond_by",
                "responded_at",
                "response",
            ],
        ),
    ]


def matches(process_ids: list[int]) -> list[Section]:
    matches = Match.objects.filter(process_id__in=process_ids).select_related(
        "opening__workplace__employer"
    )
    records = [
        record(
            [
                item("opening", _t("Stilling eller praksisplass"), m.opening.title),
                item("workplace", _t("Arbeidsplass"), str(m.opening.workplace)),
                *items(m, ["status", "status_since", "decline_reason", "score", "summary"]),
                *items(m, ["override_reason", ("created_at", _t("Foreslått"))]),
            ],
            [
                rows(
                    "match_steps",
                    _t("Steg"),
                    m.steps.select_related("recorded_by"),
                    [
                        ("to_status", _t("Ny status")),
                        "on",
                        ("reason", _t("Årsak")),
                        "note",
                        ("recorded_by", _t("Registrert av")),
                    ],
                )
            ],
        )
        for m in matches
    ]
    lines = MeetingLine.objects.filter(process_id__in=process_ids).select_related(
        "meeting", "opening"
    )
    meeting_records = [
        record(
            [
                item("meeting", _t("Matchemøte"), line.meeting.title),
                item("held_on", _t("Dato"), line.meeting.held_on),
                item("opening", _t("Stilling eller praksisplass"), line.opening.title),
                item("rank", _t("Plass på listen"), line.rank),
                item("shared_at", _t("Delt med møtet"), line.shared_at),
                *items(line, ["outcome", "note"]),
            ]
        )
        for line in lines
    ]
    return [
        section("matches", _t("Jobbforslag"), records),
        section("meetings", _t("Matchemøter"), meeting_records),
    ]


# -- Agreements --------------------------------------------------------------------------------

_SNAPSHOT_LABELS = {
    "employer": _t_lazy("Arbeidsgiver"),
    "workplace": _t_lazy("Arbeidsplass"),
    "employer_contact": _t_lazy("Kontaktperson hos arbeidsgiver"),
    "employer_contact_phone": _t_lazy("Telefon til kontaktpersonen"),
    "nav_contact": _t_lazy("Fast kontaktperson i NAV"),
    "commitments": _t_lazy("NAVs forpliktelser"),
    "overridden_rules": _t_lazy("Regler det ble brukt skjønn for"),
}
_AGREEMENT_TEXT: list[Spec] = [
    ("stage", _t_lazy("Status")),
    ("workplace", _t_lazy("Arbeidsplass")),
    "employer_contact",
    "nav_contact",
    *(
        (name, _SNAPSHOT_LABELS[name]) if name in _SNAPSHOT_LABELS else name
        for name in CONTENT_FIELDS
    ),
    ("cancel_reason", _t_lazy("Hvorfor avbrutt")),
    ("cancel_note", _t_lazy("Merknad til avbrytelsen")),
    ("created_at", _t_lazy("Opprettet")),
    ("updated_at", _t_lazy("Sist endret")),
]


def _snapshot_value(name: str, value: Any) -> Any:
    if name == "commitments":
        return [
            f"{c.get('text', '')} ({c.get('deadline', '')}, {c.get('owner', '')})" for c in value
        ]
    try:
        field = Agreement._meta.get_field(name)
    except FieldDoesNotExist:  # a key that is not a model field (the parties)
        return value
    choices = dict(getattr(field, "flatchoices", None) or ())
    return str(choices.get(value, value)) if choices and value not in (None, "") else value


def _snapshot_label(name: str) -> str:
    if name in _SNAPSHOT_LABELS:
        return str(_SNAPSHOT_LABELS[name])
    return label_of(Agreement, name)


def _agreement(agreement: Agreement) -> Record:
    versions = [
        record(
            [
                item("number", _t("Versjon"), v.number),
                item("created_at", _t("Inngått"), v.created_at),
                item("change_reason", _t("Hvorfor endret"), v.change_reason),
                item("hash", _t("Kontrollsum"), v.hash),
                *(
                    item(k, _snapshot_label(k), _snapshot_value(k, x))
                    for k, x in v.snapshot.items()
                ),
            ]
        )
        for v in agreement.versions.all()
    ]
    parts = [
        rows(
            "agreement_commitments",
            _t("NAVs forpliktelser i avtalen"),
            agreement.commitments.all(),
            ["text", "deadline", "owner"],
        ),
        rows(
            "approvals",
            _t("Godkjenninger"),
            agreement.approvals.select_related("user"),
            [
                ("party", _t("Part")),
                ("user", _t("Hvem")),
                ("approved_at", _t("Godkjent")),
                ("withdrawn_at", _t("Trukket tilbake")),
                ("withdrawn_reason", _t("Hvorfor trukket tilbake")),
            ],
        ),
        rows(
            "agreement_events",
            _t("Historikk"),
            agreement.events.select_related("by"),
            [
                ("to_stage", _t("Ny status")),
                ("at", _t("Tidspunkt")),
                ("by", _t("Av")),
                ("note", _t("Merknad")),
            ],
        ),
        section("agreement_versions", _t("Inngåtte versjoner"), versions),
    ]
    return record(items(agreement, _AGREEMENT_TEXT), parts)


def agreements(process_ids: list[int]) -> Section:
    agreements = Agreement.objects.filter(process_id__in=process_ids).select_related(
        "workplace__employer", "employer_contact", "nav_contact"
    )
    return section("agreements", _t("Avtaler"), [_agreement(a) for a in agreements])


# -- Jobs, notifications, the access log -------------------------------------------------------


def jobs(process_ids: list[int]) -> Section:
    specs: list[Spec] = ["employer", "kind_of_work", "hours_per_week", "hourly_wage", "permanent"]
    specs += ["competitive", "subsidised", "started_on", "ended_on", "end_reason"]
    jobs = Job.objects.filter(process_id__in=process_ids).select_related("employer")
    return rows("jobs", _t("Jobber"), jobs, specs)


def notifications(candidate: Candidate) -> Section:
    notices = Notification.objects.filter(recipient_id=candidate.user_id or 0)
    specs: list[Spec] = ["title", ("body", _t("Tekst")), ("created_at", _t("Sendt"))]
    specs.append(("read_at", _t("Lest")))
    return rows("notifications", _t("Varsler til deg"), notices, specs)


def access_log(candidate: Candidate) -> Section:
    events = AuditEvent.objects.filter(subject_uuid=candidate.uuid).select_related(
        "actor__employer"
    )
    records = []
    for event in events.order_by("-at", "-id"):
        plain = describe(event, viewer=candidate.user)
        records.append(
            record(
                [
                    item("at", _t("Når"), plain.at),
                    item("who", _t("Hvem"), plain.who),
                    item("what", _t("Hva"), plain.what),
                    item("why", _t("Hvorfor"), plain.why),
                    item("which", _t("Hvilke opplysninger"), plain.which),
                ]
            )
        )
    return section("access_log", _t("Hvem som har sett opplysningene dine"), records)
