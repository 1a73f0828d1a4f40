"""Offices, teams, staff and the demo logins.

The demo logins (``advisor``, ``manager``, …) have the demo password and belong to the first
office; everyone else has no usable password.
"""

from __future__ import annotations

from dataclasses import dataclass

from samspill.accounts.models import Office, Role, Team, User
from samspill.candidates.models import ConsentRecord
from samspill.candidates.needs import need_consent_item
from samspill.demo import data
from samspill.demo.context import DemoContext
from samspill.identity.second_factor import demo_devices_create
from samspill.processes.models import MemberRole, Phase, ProcessMember

#: The demo logins in the order the command lists them.
LOGINS = ("advisor", "employer_contact", "manager", "partner", "employer", "jobseeker", "admin")


def offices_and_teams(ctx: DemoContext) -> tuple[list[Office], list[Team]]:
    offices = ctx.insert(
        "Kontorer",
        [
            Office(
                uuid=ctx.uuid(),
                name=n,
                unit_number=u,
                municipality=m,
                latitude=la,
                longitude=lo,
            )
            for n, u, m, la, lo in data.OFFICES
        ],
    )
    teams = ctx.insert(
        "Team",
        [
            Team(uuid=ctx.uuid(), office=office, name=name)
            for office in offices
            for name in data.TEAMS
        ],
    )
    return offices, teams


@dataclass(frozen=True)
class Staff:
    advisors: dict[int, list[User]]
    users: dict[str, User]


def staff(ctx: DemoContext) -> Staff:
    """Advisors, a manager and an employer contact per office, a partner and an admin."""
    per_office = max(1, ctx.size // len(ctx.offices))
    advisors_by_office: dict[int, list[User]] = {}
    users: list[User] = []
    for index, office in enumerate(ctx.offices):
        teams = [t for t in ctx.teams if t.office_id == office.pk]
        count = max(3, per_office // 30)
        advisors = [
            ctx.user(f"veileder{index}_{n}", Role.ADVISOR, office=office, team=teams[n % 2])
            for n in range(count)
        ]
        if index == 0:  # the demo login "advisor" owns processes at the first office
            advisors[0] = ctx.user(
                "advisor", Role.ADVISOR, login=True, office=office, team=teams[0]
            )
            users.append(ctx.user("manager", Role.MANAGER, login=True, office=office))
            users.append(
                ctx.user("employer_contact", Role.EMPLOYER_CONTACT, login=True, office=office)
            )
        else:
            users.append(ctx.user(f"leder{index}", Role.MANAGER, office=office))
            users.append(ctx.user(f"markedskontakt{index}", Role.EMPLOYER_CONTACT, office=office))
        advisors_by_office[office.pk] = advisors
        users.extend(advisors)
    users.append(
        ctx.user("partner", Role.PARTNER, login=True, organisation="Hjelpemiddelsentralen i Oslo")
    )
    users.append(ctx.user("admin", Role.ADMIN, login=True, is_staff=True, is_superuser=True))
    ctx.insert("Ansatte og samarbeidspartnere", users)
    # The staff logins' second factor: one known secret (README.md), demo only.
    demo_devices_create(users=[u for u in users if u.password == ctx.password])
    return Staff(advisors=advisors_by_office, users={u.username: u for u in users})


def demo_logins(ctx: DemoContext) -> dict[str, User]:
    """Tie the employer and jobseeker logins to data and invite partner and employer
    contact into some of the demo advisor's processes; returns the two new logins."""
    advisor = ctx.users["advisor"]
    placed_phases = (Phase.TRIAL, Phase.EMPLOYMENT, Phase.RETENTION)
    jobseeker_process = next(
        p for p in ctx.processes if p.office_id == advisor.office_id and p.phase in placed_phases
    )
    if jobseeker_process.advisor_id != advisor.pk:
        jobseeker_process.advisor, jobseeker_process.team_id = advisor, advisor.team_id
        jobseeker_process.save(update_fields=["advisor", "team"])
    own = [p for p in ctx.processes if p.advisor_id == advisor.pk]
    jobseeker = ctx.user("jobseeker", Role.JOBSEEKER, login=True)
    candidate = jobseeker_process.candidate
    jobseeker.first_name, jobseeker.last_name = candidate.first_name, candidate.last_name
    employer = jobseeker_process.employer
    assert employer is not None
    employer_user = ctx.user("employer", Role.EMPLOYER, login=True, employer=employer)
    ctx.insert("Demo-innlogginger", [jobseeker, employer_user])
    candidate.user = jobseeker
    candidate.save(update_fields=["user"])
    ConsentRecord.objects.create(
        candidate=candidate,
        items=["name", "age", "contact", "interests", "strengths"]
        + [need_consent_item(code) for code in candidate.needs.values_list("code", flat=True)],
    )
    members = [
        ProcessMember(
            process=p,
            user=ctx.users["partner"],
            role=MemberRole.PARTNER,
            purpose=ctx.rng.choice(data.PARTNER_PURPOSES),
            invited_by=advisor,
        )
        for p in own[1:4]
    ] + [
        ProcessMember(
            process=p,
            user=ctx.users["employer_contact"],
            role=MemberRole.EMPLOYER_CONTACT,
            purpose="Jobbutvikling mot arbeidsgivere",
            invited_by=advisor,
        )
        for p in own[4:9]
    ]
    ctx.insert("Invitasjoner", members)
    return {"jobseeker": jobseeker, "employer": employer_user}


def login_list(users: dict[str, User]) -> list[tuple[str, str]]:
    """(username, role) of every demo login, for the command to print."""
    return [(name, str(Role(users[name].role).label)) for name in LOGINS]
