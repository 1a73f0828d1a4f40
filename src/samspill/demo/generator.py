"""The demo-data generator behind ``manage.py seed_demo``.

Deterministic for a given seed and day; bulk inserts so that 100 000 candidates with their
processes take a few minutes. Names and places come from Faker's Norwegian locale
(``no_NO``; Faker has no separate ``nb_NO``), phone numbers and e-mail addresses are fake.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, TypeVar

from django.contrib.auth.hashers import make_password
from django.db import models, transaction
from faker import Faker

from samspill.accounts.models import Office, Role, Team, User
from samspill.accounts.second_factor import demo_devices_create
from samspill.candidates.models import (
    AccommodationNeed,
    Candidate,
    ConsentRecord,
    Gender,
    NeedLevel,
    search_key,
)
from samspill.candidates.needs import need_consent_item
from samspill.demo import data, followup, profiles
from samspill.employers.models import Employer, Sector, Workplace
from samspill.lib.emails import email_local_part
from samspill.lib.validation import org_number_from_base
from samspill.processes.models import (
    InclusionProcess,
    MemberRole,
    Phase,
    PhaseChange,
    ProcessMember,
)

M = TypeVar("M", bound=models.Model)
Progress = Callable[[str, int, int], None]
BATCH = 5000
DEMO_PASSWORD = "demo"  # noqa: S105 (demo only: seed_demo refuses production settings)

# Weighted choices that make the demo look like an ordinary office's caseload.
NEED_LEVELS = [
    (NeedLevel.STANDARD, 10),
    (NeedLevel.SITUATIONAL, 45),
    (NeedLevel.SPECIAL, 35),
    (NeedLevel.PERMANENT, 10),
]
GENDERS = [(Gender.FEMALE, 48), (Gender.MALE, 50), (Gender.OTHER, 2)]
#: (phase, typical weeks in it (min, max)) and where a process may go next, with weights.
DWELL_WEEKS = {
    Phase.MAPPING: (2, 8),
    Phase.JOB_SEARCH: (4, 30),
    Phase.TRIAL: (6, 26),
    Phase.EMPLOYMENT: (6, 16),
    Phase.RETENTION: (20, 70),
}
NEXT_PHASE: dict[Phase, list[tuple[Phase, float]]] = {
    Phase.MAPPING: [(Phase.JOB_SEARCH, 90), (Phase.CLOSED, 10)],
    Phase.JOB_SEARCH: [(Phase.TRIAL, 45), (Phase.EMPLOYMENT, 25), (Phase.CLOSED, 30)],
    Phase.TRIAL: [(Phase.EMPLOYMENT, 45), (Phase.JOB_SEARCH, 35), (Phase.CLOSED, 20)],
    Phase.EMPLOYMENT: [(Phase.RETENTION, 85), (Phase.JOB_SEARCH, 15)],
    Phase.RETENTION: [(Phase.CLOSED, 70), (Phase.JOB_SEARCH, 30)],
}


def _headwind(candidate: Candidate, today: date) -> float:
    """The demo's deprioritised groups: people over 50, with a permanent need for adapted
    work, or long outside working life get fewer trials and jobs (seed 002 on creaming)."""
    factor = 1.0
    if candidate.age_on(today) >= 50:
        factor *= 0.2
    if candidate.need_level == NeedLevel.PERMANENT:
        factor *= 0.35
    if candidate.time_outside_work == "never":
        factor *= 0.4
    return factor


@dataclass
class Summary:
    counts: dict[str, int] = field(default_factory=dict)
    logins: list[tuple[str, str]] = field(default_factory=list)


def _weighted(rng: random.Random, options: Sequence[tuple[Any, float]]) -> Any:
    return rng.choices([o for o, _ in options], weights=[w for _, w in options])[0]


def _chunks(items: Sequence[M], size: int = BATCH) -> Iterator[Sequence[M]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class DemoBuilder:
    def __init__(self, *, seed: int, size: int, today: date, progress: Progress) -> None:
        self.rng = random.Random(seed)
        self.fake = Faker("no_NO")
        self.fake.seed_instance(seed)
        self.size, self.today, self.progress = size, today, progress
        self.summary = Summary()
        self.password = make_password(DEMO_PASSWORD)

    # -- helpers ---------------------------------------------------------------------------
    def _uuid(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def _insert(self, label: str, objects: Sequence[M]) -> list[M]:
        if not objects:
            return []
        model = type(objects[0])
        for done, chunk in enumerate(_chunks(objects), start=1):
            model._default_manager.bulk_create(chunk)
            self.progress(label, min(done * BATCH, len(objects)), len(objects))
        self.summary.counts[label] = self.summary.counts.get(label, 0) + len(objects)
        return list(objects)

    def _phone(self) -> str:
        return f"{self.rng.choice('49')}{self.rng.randrange(10**7):07d}"

    # -- steps -----------------------------------------------------------------------------
    def offices(self) -> None:
        self.office_list = self._insert(
            "Kontorer",
            [
                Office(
                    uuid=self._uuid(),
                    name=n,
                    unit_number=u,
                    municipality=m,
                    latitude=la,
                    longitude=lo,
                )
                for n, u, m, la, lo in data.OFFICES
            ],
        )
        self.teams = self._insert(
            "Team",
            [
                Team(uuid=self._uuid(), office=office, name=name)
                for office in self.office_list
                for name in data.TEAMS
            ],
        )

    def _user(self, username: str, role: str, *, login: bool = False, **extra: Any) -> User:
        first, last = self.fake.first_name(), self.fake.last_name()
        return User(
            uuid=self._uuid(),
            username=username,
            role=role,
            first_name=first,
            last_name=last,
            email=f"{username}@example.com",
            phone=self._phone(),
            password=self.password if login else "!",
            **extra,
        )

    def staff(self) -> None:
        per_office = max(1, self.size // len(self.office_list))
        self.advisors: dict[int, list[User]] = {}
        users: list[User] = []
        for index, office in enumerate(self.office_list):
            teams = [t for t in self.teams if t.office_id == office.pk]
            count = max(3, per_office // 30)
            advisors = [
                self._user(f"veileder{index}_{n}", Role.ADVISOR, office=office, team=teams[n % 2])
                for n in range(count)
            ]
            if index == 0:  # the demo login "advisor" owns processes at the first office
                advisors[0] = self._user(
                    "advisor", Role.ADVISOR, login=True, office=office, team=teams[0]
                )
                users.append(self._user("manager", Role.MANAGER, login=True, office=office))
                users.append(
                    self._user("employer_contact", Role.EMPLOYER_CONTACT, login=True, office=office)
                )
            else:
                users.append(self._user(f"leder{index}", Role.MANAGER, office=office))
                users.append(
                    self._user(f"markedskontakt{index}", Role.EMPLOYER_CONTACT, office=office)
                )
            self.advisors[office.pk] = advisors
            users.extend(advisors)
        users.append(
            self._user(
                "partner", Role.PARTNER, login=True, organisation="Hjelpemiddelsentralen i Oslo"
            )
        )
        users.append(self._user("admin", Role.ADMIN, login=True, is_staff=True, is_superuser=True))
        self._insert("Ansatte og samarbeidspartnere", users)
        # The staff logins' second factor: one known secret (README.md), demo only.
        demo_devices_create(users=[u for u in users if u.password == self.password])
        self.by_username = {u.username: u for u in users}

    def employers(self) -> None:
        count = max(len(data.OFFICES) * 6, self.size // 15)
        sectors = list(Sector)[:-1]  # every sector but "other"
        employers, base = [], 920_000_000 // 10
        for n in range(count):
            sector = sectors[n % len(sectors)]
            pattern = self.rng.choice(data.EMPLOYER_NAMES[sector])
            name = pattern.format(name=self.fake.last_name(), place=self.fake.city())
            while (org := org_number_from_base(str(base))) is None:
                base += 1
            base += self.rng.randrange(1, 97)
            employers.append(
                Employer(
                    uuid=self._uuid(),
                    org_number=org,
                    name=name,
                    sector=sector,
                    ia_agreement=self.rng.random() < 0.55,
                )
            )
        self.employer_list = self._insert("Arbeidsgivere", employers)
        workplaces: list[Workplace] = []
        self.workplaces_by_office: dict[int, list[Workplace]] = {}
        for n, employer in enumerate(self.employer_list):
            office = self.office_list[n % len(self.office_list)]
            names = data.WORKPLACE_NAMES[employer.sector]
            for name in names[: self.rng.randint(1, len(names))]:
                workplace = Workplace(
                    uuid=self._uuid(),
                    employer=employer,
                    name=name,
                    address=self.fake.street_address(),
                    municipality=office.municipality,
                    latitude=office.latitude + self.rng.uniform(-0.05, 0.05),
                    longitude=office.longitude + self.rng.uniform(-0.08, 0.08),
                )
                workplaces.append(workplace)
                self.workplaces_by_office.setdefault(office.pk, []).append(workplace)
        self._insert("Arbeidsplasser", workplaces)

    def employer_mapping(self) -> None:
        """Contact persons, mapped tasks, environment, visits and openings."""
        from samspill.demo.employers import build_employer_mapping

        build_employer_mapping(self)

    def candidates_and_processes(self) -> None:
        """Candidates with one process each, walked through the phases up to today."""
        first_day = self.today - timedelta(days=3 * 365)
        candidates, processes, changes = [], [], []
        for n in range(self.size):
            office = self.office_list[n % len(self.office_list)]
            gender = _weighted(self.rng, GENDERS)
            age = self.rng.randint(18, 29) if self.rng.random() < 0.4 else self.rng.randint(30, 62)
            first = (
                self.fake.first_name_female()
                if gender == Gender.FEMALE
                else self.fake.first_name_male()
            )
            last = self.fake.last_name()
            candidates.append(
                Candidate(
                    uuid=self._uuid(),
                    first_name=first,
                    last_name=last,
                    birth_date=self.today - timedelta(days=age * 365 + self.rng.randrange(365)),
                    gender=gender,
                    municipality=office.municipality,
                    phone=self._phone(),
                    email=f"{email_local_part(first, last)}{n}@example.com",
                    need_level=_weighted(self.rng, NEED_LEVELS),
                    search_name=search_key(first, last),
                )
            )
            profiles.fill_profile(candidates[-1], self.rng, office.municipality)
            advisor = self.rng.choice(self.advisors[office.pk])
            started = first_day + timedelta(
                days=self.rng.randrange((self.today - first_day).days - 7)
            )
            process = InclusionProcess(
                uuid=self._uuid(),
                office=office,
                team_id=advisor.team_id,
                advisor=advisor,
                started_on=started,
                phase=Phase.MAPPING,
                phase_since=started,
            )
            changes.append(self._walk(process, office, _headwind(candidates[-1], self.today)))
            processes.append(process)
            if n % 1000 == 999:
                self.progress("Lager kandidater", n + 1, self.size)
        self._insert("Kandidater", candidates)
        for candidate, process in zip(candidates, processes, strict=True):
            process.candidate = candidate
        self.process_list = self._insert("Forløp", processes)
        rows = []
        self.walks = changes
        for process, walk in zip(processes, changes, strict=True):
            for change in walk:
                change.process = process
                rows.append(change)
        self._insert("Faseendringer", rows)
        self.candidate_list = candidates

    def _walk(
        self, process: InclusionProcess, office: Office, headwind: float = 1.0
    ) -> list[PhaseChange]:
        """Simulate the process up to today; returns its dated phase changes. ``headwind``
        below 1 makes a trial or a job less likely from job search (creaming, for the
        equity monitor to find)."""
        day, phase = process.started_on, Phase.MAPPING
        changes = [PhaseChange(to_phase=phase, effective_on=day)]
        while phase != Phase.CLOSED:
            low, high = DWELL_WEEKS[phase]
            next_day = day + timedelta(weeks=self.rng.randint(low, high))
            if next_day >= self.today:
                break
            options = NEXT_PHASE[phase]
            if phase == Phase.JOB_SEARCH and headwind < 1:
                options = [
                    (p, w * headwind if p in (Phase.TRIAL, Phase.EMPLOYMENT) else w)
                    for p, w in options
                ]
            target = _weighted(self.rng, options)
            reason = self.rng.choice(data.CLOSING_REASONS) if target == Phase.CLOSED else ""
            if target in (Phase.TRIAL, Phase.EMPLOYMENT) and phase == Phase.JOB_SEARCH:
                workplace = self.rng.choice(self.workplaces_by_office[office.pk])
                process.workplace, process.employer = workplace, workplace.employer
            changes.append(
                PhaseChange(from_phase=phase, to_phase=target, effective_on=next_day, reason=reason)
            )
            day, phase = next_day, target
        process.phase, process.phase_since = phase, day
        process.ended_on = day if phase == Phase.CLOSED else None
        if phase in (Phase.MAPPING, Phase.JOB_SEARCH) and process.employer is not None:
            process.employer = process.workplace = None  # back to searching: no current employer
        return changes

    def needs_and_consents(self) -> None:
        """Accommodation needs, and what each candidate shares with employers.

        Most share name, age and what they want to do; many share contact details and some
        of their needs; some share nothing.
        """
        needs: dict[int, list[AccommodationNeed]] = {}
        for candidate in self.candidate_list:
            needs[candidate.pk] = profiles.needs_for(candidate, self.rng, self.today)
        self._insert("Behov for tilrettelegging", [n for group in needs.values() for n in group])
        base = [
            (
                ["name", "age", "municipality", "contact", "interests", "strengths", "experience"],
                35,
            ),
            (["name", "age", "interests", "strengths", "wishes"], 30),
            (["name", "age"], 15),
            ([], 20),
        ]
        records = []
        for candidate in self.candidate_list:
            if self.rng.random() < 0.8:
                items = list(_weighted(self.rng, base))
                if items:
                    items += [
                        need_consent_item(n.code)
                        for n in needs[candidate.pk]
                        if self.rng.random() < 0.6
                    ]
                records.append(ConsentRecord(candidate=candidate, items=items))
        self._insert("Samtykker", records)

    def contacts(self) -> None:
        """The contact log: the jobseeker regularly, employers during search and placement."""
        rows = []
        for process, walk in zip(self.process_list, self.walks, strict=True):
            workplaces = self.workplaces_by_office[process.office_id]
            rows += followup.contacts_for(self.rng, process, walk, workplaces, self.today)
        self._insert("Kontakter", rows)

    def demo_logins(self) -> None:
        """Tie the employer and jobseeker logins to data and invite partner/employer contact."""
        advisor = self.by_username["advisor"]
        placed_phases = (Phase.TRIAL, Phase.EMPLOYMENT, Phase.RETENTION)
        jobseeker_process = next(
            p
            for p in self.process_list
            if p.office_id == advisor.office_id and p.phase in placed_phases
        )
        if jobseeker_process.advisor_id != advisor.pk:
            jobseeker_process.advisor, jobseeker_process.team_id = advisor, advisor.team_id
            jobseeker_process.save(update_fields=["advisor", "team"])
        own = [p for p in self.process_list if p.advisor_id == advisor.pk]
        jobseeker = self._user("jobseeker", Role.JOBSEEKER, login=True)
        candidate = jobseeker_process.candidate
        jobseeker.first_name, jobseeker.last_name = candidate.first_name, candidate.last_name
        employer = jobseeker_process.employer
        assert employer is not None
        employer_user = self._user("employer", Role.EMPLOYER, login=True, employer=employer)
        self._insert("Demo-innlogginger", [jobseeker, employer_user])
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
                user=self.by_username["partner"],
                role=MemberRole.PARTNER,
                purpose=self.rng.choice(data.PARTNER_PURPOSES),
                invited_by=advisor,
            )
            for p in own[1:4]
        ] + [
            ProcessMember(
                process=p,
                user=self.by_username["employer_contact"],
                role=MemberRole.EMPLOYER_CONTACT,
                purpose="Jobbutvikling mot arbeidsgivere",
                invited_by=advisor,
            )
            for p in own[4:9]
        ]
        self._insert("Invitasjoner", members)
        self.by_username.update(jobseeker=jobseeker, employer=employer_user)
        self.summary.logins = [
            (name, str(Role(self.by_username[name].role).label))
            for name in (
                "advisor",
                "employer_contact",
                "manager",
                "partner",
                "employer",
                "jobseeker",
                "admin",
            )
        ]

    def jobs(self) -> None:
        """Jobs from the process histories, and two fidelity reviews of the demo team."""
        from samspill.demo.insights import build_fidelity_reviews, build_jobs

        build_jobs(self)
        build_fidelity_reviews(self)

    def matches(self) -> None:
        """Matches along the pipeline (found by the engine) and a prepared match meeting."""
        from samspill.demo.matching import build_matches

        build_matches(self)

    def agreements(self) -> None:
        """A few agreements on the demo advisor's placed processes, through the services."""
        from samspill.demo.agreements import build_agreements

        build_agreements(self)

    def followup(self) -> None:
        """Follow-up plans, planned contacts with gaps, commitments and open concerns."""
        from samspill.demo.plans import build_followup

        build_followup(self)

    STEPS: tuple[tuple[str, str], ...] = (
        ("offices", "Kontorer og team"),
        ("staff", "Ansatte og samarbeidspartnere"),
        ("employers", "Arbeidsgivere og arbeidsplasser"),
        ("employer_mapping", "Arbeidsplasskartlegging"),
        ("candidates_and_processes", "Kandidater og forløp"),
        ("needs_and_consents", "Behov og samtykker"),
        ("contacts", "Kontaktlogg"),
        ("jobs", "Jobber og fidelitetsgjennomganger"),
        ("demo_logins", "Demo-innlogginger"),
        ("matches", "Jobbmatch og matchemøte"),
        ("agreements", "Avtaler (tilretteleggingsgaranti)"),
        ("followup", "Oppfølgingsplaner, forpliktelser og henvendelser"),
    )

    def run(self, announce: Callable[[int, int, str], None]) -> Summary:
        with transaction.atomic():
            for number, (method, label) in enumerate(self.STEPS, start=1):
                announce(number, len(self.STEPS), label)
                getattr(self, method)()
        return self.summary
