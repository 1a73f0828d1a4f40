"""Rules as data: every duration, deadline and cadence Samspill applies, with its source.

Each rule is a typed constant with the place it comes from, so it can change without
hunting through views. docs/rules.md lists them for readers who do not read Python.
Later capabilities add measure durations and subsidy rates here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Rule(Generic[T]):
    value: T
    source: str


#: How long an employer keeps seeing a process after it ended.
EMPLOYER_ACCESS_AFTER_END = Rule(
    value=timedelta(weeks=12),
    source="NAV's digital agreement for measures: employers lose access 12 weeks after the "
    "end (shared/reference/NAV-PRACTICE.md, 'The digital agreement').",
)

#: An accommodation need not confirmed for this many months is due for review.
NEED_REVIEW_AFTER_MONTHS = Rule(
    value=6,
    source="NAV retired its accommodation-needs register in 2023 because entries went stale "
    "with no review date (shared/reference/NAV-PRACTICE.md); issue 'Kartlegging': needs "
    "older than six months are shown as due for review.",
)

#: Young jobseekers: NAV's priority group and portfolio filter "unge under 30".
YOUNG_AGE_LIMIT = Rule(
    value=30,
    source="NAV's priority groups for job postings and the advisor portfolio's age filter "
    "(shared/reference/NAV-PRACTICE.md); seed 004 on following up young people.",
)

#: An employer with no logged contact (visit, call, message, meeting) for this long is
#: flagged «ikke kontaktet på 60 dager» in the employer contact's register.
EMPLOYER_NOT_CONTACTED_AFTER = Rule(
    value=timedelta(days=60),
    source="Product decision for the employer contact's register (issue: Kartlegging): "
    "employers are followed up proactively (seed 003, table 2), and about every second "
    "month keeps the relationship warm without burdening the employer. Not a NAV rule.",
)

#: Aggregated figures that leave the case view show cells with fewer people as "<5".
SMALL_NUMBER_LIMIT = Rule(
    value=5,
    source="Issue 'Innsikt': small numbers are suppressed everywhere aggregated figures leave "
    "the case view; five is the usual threshold in Norwegian official statistics "
    "(SSB's and NAV's published tables).",
)

#: IPS fidelity item S1: at most this many active clients per full-time job specialist.
IPS_MAX_CASELOAD = Rule(
    value=20,
    source="IPS fidelity scale item S1 'Caseload size', score 5: ≤20 active clients per "
    "full-time employment specialist (shared/reference/IPS-FIDELITY.md).",
)

#: IPS fidelity item Sv6: at least this many face-to-face employer contacts per week.
IPS_EMPLOYER_CONTACTS_PER_WEEK = Rule(
    value=6,
    source="IPS fidelity scale item Sv6 'Job development: frequent employer contact', "
    "score 5: ≥6 face-to-face employer contacts per specialist per week "
    "(shared/reference/IPS-FIDELITY.md).",
)

#: Retention is reported at these months after a job start.
RETENTION_MONTHS = Rule(
    value=(3, 6, 12, 24),
    source="Issue 'Innsikt'; seed 003: follow-up should be measured by whether people stay "
    "in work and for how long. IPS supervisors track 90-day retention "
    "(shared/reference/IPS-FIDELITY.md).",
)

#: Innsikt's «still in work» outcome: in work this many months after the job started.
STAYED_IN_WORK_MONTHS = Rule(
    value=6,
    source="Issue 'Innsikt': the equity monitor follows people to «i jobb etter 6 måneder», "
    "and the pilot evaluation offers it as an outcome; six months is one of the retention "
    "points (RETENTION_MONTHS).",
)

#: IPS fidelity bands: the lowest total (of 25 items scored 1–5) for exemplary, good and fair
#: fidelity; below the last is «not IPS».
IPS_FIDELITY_BANDS = Rule(
    value=(115, 100, 74),
    source="IPS Supported Employment Fidelity Scale, scoring: 115–125 exemplary, 100–114 good, "
    "74–99 fair, 73 and below not supported employment (shared/reference/IPS-FIDELITY.md).",
)

#: The IPS quarterly competitive-employment rate: minimum, average and excellent.
IPS_EMPLOYMENT_RATE_BENCHMARKS = Rule(
    value=(0.31, 0.41, 0.50),
    source="IPS learning collaborative, 8 years of data: minimum 31 %, average 41 %, "
    "excellent 50 % (shared/reference/IPS-FIDELITY.md, 'Outcome measures').",
)

# -- Proactive follow-up (issue «Proaktiv oppfølging») ----------------------------------------
# The plan templates in followup/plan_templates.py are built from these timings.

_IPS_SV12 = (
    "IPS fidelity scale item Sv12 «Time-unlimited follow-along supports» "
    "(shared/reference/IPS-FIDELITY.md)"
)

#: The last contact before a job or work trial starts is due this long before the start.
CONTACT_BEFORE_START = Rule(
    value=timedelta(days=7),
    source=f"{_IPS_SV12}: face-to-face contact within one week before a job starts.",
)

#: The first contact after a start is due within this many days.
CONTACT_AFTER_START = Rule(
    value=timedelta(days=3),
    source=f"{_IPS_SV12}: face-to-face contact within three days after a job starts.",
)

#: Contact with the jobseeker is weekly for this long after a start ...
WEEKLY_CONTACT_PERIOD = Rule(
    value=timedelta(days=30),
    source=f"{_IPS_SV12}: weekly contact in the first month.",
)

#: ... and at least this often afterwards, as long as the person wants it.
MONTHLY_CONTACT_INTERVAL = Rule(
    value=timedelta(days=30),
    source=f"{_IPS_SV12}: monthly for at least a year while wanted; seed 003: an employer "
    "describes monthly conversations per employee (advisor–employee, advisor–employer and "
    "all three together) at the workplace.",
)

#: First face-to-face contact with an employer about a job within this long of the start.
FIRST_EMPLOYER_CONTACT_WITHIN = Rule(
    value=timedelta(days=30),
    source="IPS fidelity scale item Sv4 «Rapid job search»: first face-to-face employer "
    "contact within 30 days of entry (shared/reference/IPS-FIDELITY.md).",
)

#: Follow-up after hire (jobbfastholdelse) lasts at least this many months by default.
AFTER_HIRE_FOLLOWUP_MONTHS = Rule(
    value=6,
    source="Issue «Proaktiv oppfølging»: follow-up continues after hire for at least six "
    "months and is ended only with a recorded reason; seed 004: «Når vi sender brukeren ut, "
    "så er det ikke oppfølging»; IPS Sv12 and O6 (help continues after a job ends).",
)

#: An employer's concern is answered within this many working days (Norwegian public
#: holidays and weekends are not working days).
CONCERN_RESPONSE_WORKING_DAYS = Rule(
    value=1,
    source="Issue «Proaktiv oppfølging»: a response deadline of the next working day; seed "
    "003: «Hvis noen ikke møter på jobb, må man ha noen man kan ringe til».",
)

#: A NAV commitment appears on the worklist this long before its deadline.
COMMITMENT_WARNING = Rule(
    value=timedelta(days=7),
    source="Product decision (issue «Proaktiv oppfølging»): a week's notice leaves time to "
    "act on a commitment (subsidy decided, aid delivered, visit made). Not a NAV rule.",
)

# -- Retention and deletion (GDPR art. 5(1)(e), storage limitation) --------------------------
# Applied daily by ``manage.py apply_retention`` (retention/); docs/rules.md explains what is
# deleted, blanked or kept per model. Every period counts from the day the candidate's *last*
# process ended: a candidate with a process still open is never touched.

#: The contact log's notes (what was said, who owns an outside-work matter) are blanked this
#: many months after the candidate's last process ended. The dated rows stay for Innsikt.
CONTACT_NOTES_KEPT_MONTHS = Rule(
    value=12,
    source="GDPR art. 5(1)(c) and (e): the notes are the most sensitive text Samspill holds "
    "(health, family, debt: utenomting, seed 003) and serve only the follow-up, which has "
    "ended. A year covers the most common reason to come back, a job or trial that ends "
    "within its first year (a closed process can be reopened; IPS Sv12 and O6: help "
    "continues after a job ends), and any complaint about the service. Product decision, to "
    "be confirmed by the data protection officer.",
)

#: The candidate is anonymised this many months after their last process ended: name,
#: contact details, free text, own words, profile versions, consent records and the login
#: go; the structured rows Innsikt counts stay, with the birth date coarsened to 1 January.
PERSONAL_DATA_KEPT_MONTHS = Rule(
    value=24,
    source="GDPR art. 5(1)(e): kept no longer than the purpose needs. Two years lets a "
    "returning jobseeker pick up where they left off (a closed process can be reopened; IPS "
    "Sv12: time-unlimited follow-along) and covers the 24-month job retention follow-up "
    "(RETENTION_MONTHS), after which the history has no case use. Samspill is a working "
    "tool, not the archive of record: documents with an archiving duty are journaled in "
    "NAV's archive. Product decision, to be confirmed by the data protection officer.",
)

#: A concluded agreement (working text, approvals, events and its whole hash chain of
#: versions) is kept until this many full years after the end of the calendar year in which
#: it ended, then purged whole. Agreements never concluded go with the personal data.
AGREEMENT_KEPT_YEARS = Rule(
    value=5,
    source="Bokføringsloven § 13 (1): accounting documentation is kept for five years after "
    "the end of the accounting year; a concluded agreement is the documentation behind the "
    "payments it grants (wage subsidy, mentor, inclusion grant). The whole chain goes at "
    "once, so verify_agreement_chains never sees a broken chain (docs/rules.md).",
)

#: Audit rows about a person are kept this many months after the person's record is gone
#: (anonymised and every agreement purged); rows about no person this long after the event.
AUDIT_KEPT_MONTHS = Rule(
    value=36,
    source="The audit trail must outlive the records it describes, so that a person's access "
    "request (GDPR art. 15) and Datatilsynet's questions about a deleted record can still be "
    "answered. Three years is the general limitation period for claims (foreldelsesloven "
    "§ 2), e.g. damages under GDPR art. 82. Product decision, to be confirmed by the data "
    "protection officer.",
)

#: The manager's page «Sletting og anonymisering» shows what is due this many days ahead.
RETENTION_NOTICE_DAYS = Rule(
    value=30,
    source="Product decision: a month's notice lets the office finish or reopen a process "
    "before its data is anonymised. Not a legal rule.",
)


#: A jobseeker's request to correct their data is answered within this time.
CORRECTION_ANSWER_WITHIN = Rule(
    value=timedelta(days=30),
    source="GDPR art. 12(3): the controller answers a request under art. 16 (rectification) "
    "«without undue delay and in any event within one month of receipt of the request».",
)


#: A new API token works this long; then the user makes a new one on «API-nøkler».
API_TOKEN_VALID_FOR = Rule(
    value=timedelta(days=90),
    source="OWASP ASVS 4.0.3 §3.5 (token-based session management) and NSM's basic "
    "principles for ICT security (2.6.3: control of access credentials): credentials for "
    "machine access expire and are renewed. 90 days matches common key-rotation practice. "
    "Product decision, to be confirmed by the security officer.",
)
