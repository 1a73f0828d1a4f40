"""Jobbmatch pages: rankings both ways, a pair explained, job carving, the pipeline and
match meetings. Thin: access functions load, selectors read, services write."""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_stubs_ext import StrOrPromise

from samspill.accounts.models import Role
from samspill.audit.models import Purpose
from samspill.audit.services import Subject
from samspill.core.context_processors import MENUS
from samspill.core.pages import submit
from samspill.employers.models import Opening
from samspill.lib.http import AuthenticatedRequest
from samspill.matching import access, selectors, services
from samspill.matching.engine import MatchResult, Ranking
from samspill.matching.forms import (
    AnswerForm,
    CarveForm,
    MeetingForm,
    MoveForm,
    OutcomeForm,
    ProposeForm,
)
from samspill.matching.live import CONFIG
from samspill.matching.models import Match, MatchMeeting, MatchStatus
from samspill.matching.transitions import ACTIVE_STATUSES
from samspill.policy.audit import purpose_for
from samspill.processes.access import ProcessAccess

RANK_LIMIT = 20

#: The buttons the jobseeker and the employer answer with, in their own voice.
PARTY_ANSWERS: dict[str, dict[MatchStatus, StrOrPromise]] = {
    Role.JOBSEEKER: {
        MatchStatus.CANDIDATE_INTERESTED: gettext_lazy("Ja, jeg vil gjerne høre mer"),
        MatchStatus.DECLINED: gettext_lazy("Nei takk"),
    },
    Role.EMPLOYER: {
        MatchStatus.MEETING: gettext_lazy("Ja, vi vil møte kandidaten"),
        MatchStatus.DECLINED: gettext_lazy("Ikke nå"),
    },
}
MAX_POINTS = CONFIG.weights.total


def _wants_excluded(request: AuthenticatedRequest) -> bool:
    return request.GET.get("utelukket") == "1"


def _match_url(match: Match) -> str:
    return reverse("matching:match", kwargs={"match_id": match.uuid})


def _ranked_rows(
    request: AuthenticatedRequest, ranking: Ranking, link: Callable[[ProcessAccess], str]
) -> dict[str, object]:
    """The rows of a candidate ranking, each person in full (with a link) or masked."""
    shown = [*ranking.results, *ranking.excluded]
    people = access.ranked_candidates_for_user(
        user=request.user, candidate_ids=[r.candidate_id for r in shown], purpose=Purpose.CASE_WORK
    )

    def rows(results: tuple[MatchResult, ...]) -> list[tuple[object, ...]]:
        out: list[tuple[object, ...]] = []
        for result in results:
            person = people.get(result.candidate_id)
            url = link(person.access) if person and person.access else ""
            out.append((result, person, url))
        return out

    return {
        "ranking": ranking,
        "rows": rows(ranking.results),
        "excluded_rows": rows(ranking.excluded),
        "show_excluded": _wants_excluded(request),
        "max_points": MAX_POINTS,
    }


@require_GET
def opening_candidates(request: AuthenticatedRequest, opening_id: UUID) -> HttpResponse:
    """Ranked, explained candidates for one opening; the excluded ones on request."""
    opening = access.opening_for_matching(
        user=request.user, opening_id=opening_id, purpose=Purpose.CASE_WORK
    )
    ranking = selectors.candidates_for_opening(
        opening, limit=RANK_LIMIT, include_excluded=_wants_excluded(request)
    )
    context = _ranked_rows(
        request,
        ranking,
        lambda p: reverse(
            "matching:pair", kwargs={"process_id": p.process.uuid, "opening_id": opening.uuid}
        ),
    )
    context |= {"opening": opening, "matches": selectors.matches_of_opening(opening)}
    return render(request, "matching/opening_candidates.html", context)


@require_GET
def workplace_candidates(request: AuthenticatedRequest, workplace_id: UUID) -> HttpResponse:
    """Candidates for a workplace's mapped tasks; each links to carving a job for them."""
    workplace = access.workplace_for_matching(
        user=request.user, workplace_id=workplace_id, purpose=Purpose.CASE_WORK
    )
    ranking = selectors.candidates_for_workplace(
        workplace, limit=RANK_LIMIT, include_excluded=_wants_excluded(request)
    )
    context = _ranked_rows(
        request,
        ranking,
        lambda p: reverse(
            "matching:carve", kwargs={"process_id": p.process.uuid, "workplace_id": workplace.uuid}
        ),
    )
    context |= {"workplace": workplace, "matches": {}}
    return render(request, "matching/opening_candidates.html", context)


@require_GET
def process_openings(request: AuthenticatedRequest, process_id: UUID) -> HttpResponse:
    """Ranked, explained openings for one candidate, led by their own wishes."""
    process_access = access.process_for_matching(
        user=request.user, process_id=process_id, purpose=Purpose.CASE_WORK
    )
    ranking = selectors.openings_for_process(
        process_access.process, limit=RANK_LIMIT, include_excluded=_wants_excluded(request)
    )
    openings = selectors.openings_by_id(r.opening_id for r in (*ranking.results, *ranking.excluded))
    context = {
        "access": process_access,
        "ranking": ranking,
        "rows": [(r, openings[r.opening_id]) for r in ranking.results],
        "excluded_rows": [(r, openings[r.opening_id]) for r in ranking.excluded],
        "matches": selectors.matches_of_process(process_access.process),
        "show_excluded": _wants_excluded(request),
        "max_points": MAX_POINTS,
    }
    return render(request, "matching/process_openings.html", context)


@require_http_methods(["GET", "POST"])
def pair(request: AuthenticatedRequest, process_id: UUID, opening_id: UUID) -> HttpResponse:
    """One candidate and one opening: the whole explanation, and proposing the match."""
    process_access = access.process_for_matching(
        user=request.user, process_id=process_id, purpose=Purpose.CASE_WORK
    )
    opening = access.opening_for_matching(
        user=request.user, opening_id=opening_id, purpose=Purpose.CASE_WORK
    )
    process = process_access.process
    form = ProposeForm(request.POST or None)
    response = submit(
        request,
        form,
        lambda: services.match_propose(
            actor=request.user, process=process, opening=opening, **form.cleaned_data
        ),
        done=_("Matchen er foreslått."),
        then=_match_url,
    )
    context = {
        "access": process_access,
        "opening": opening,
        "result": selectors.explain(process, opening),
        "existing": selectors.matches_of_process(process).get(opening.pk),
        "form": form,
        "max_points": MAX_POINTS,
    }
    return response or render(request, "matching/pair.html", context)


@require_GET
def carve_pick(request: AuthenticatedRequest, process_id: UUID) -> HttpResponse:
    process_access = access.process_for_matching(
        user=request.user, process_id=process_id, purpose=Purpose.CASE_WORK
    )
    workplaces = selectors.workplaces_for_process(process_access.process)
    context = {"access": process_access, "workplaces": workplaces}
    return render(request, "matching/carve_pick.html", context)


@require_http_methods(["GET", "POST"])
def carve(request: AuthenticatedRequest, process_id: UUID, workplace_id: UUID) -> HttpResponse:
    """Jobbsnekring: the proposed set of tasks, which the advisor adjusts into an opening."""
    process_access = access.process_for_carving(
        user=request.user, process_id=process_id, purpose=Purpose.CASE_WORK
    )
    workplace = access.workplace_for_matching(
        user=request.user, workplace_id=workplace_id, purpose=Purpose.CASE_WORK
    )
    process = process_access.process
    carved = selectors.carve(process, workplace)
    tasks = workplace.tasks.all()
    by_pk = {task.pk: task for task in tasks}
    form = CarveForm(
        request.POST or None,
        tasks=tasks,
        initial={
            "tasks": [by_pk[pk].uuid for pk in carved.task_ids if pk in by_pk],
            "title": ", ".join(t.name for t in carved.tasks)[:160] or workplace.name,
        },
    )
    response = submit(
        request,
        form,
        lambda: services.carve_to_opening(
            actor=request.user,
            process=process,
            workplace=workplace,
            data=services.CarvedOpeningInput(
                title=form.cleaned_data["title"],
                kind=form.cleaned_data["kind"],
                purpose=form.cleaned_data["purpose"],
                description=form.cleaned_data["description"],
                tasks=[task.pk for task in form.cleaned_data["tasks"]],
            ),
        ),
        done=_("Stillingen er opprettet som utkast og foreslått for kandidaten."),
        then=_match_url,
    )
    context = {"access": process_access, "workplace": workplace, "carved": carved, "form": form}
    return response or render(request, "matching/carve.html", context)


@require_GET
def pipeline(request: AuthenticatedRequest) -> HttpResponse:
    """The matches the user may see that are still moving (employers: their presentations)."""
    rows = access.matches_for_user(
        user=request.user, purpose=purpose_for(request.user), statuses=ACTIVE_STATUSES
    )
    # the jobseeker and the employer read the page under the name their menu gives it
    menu = {item.url_name: item.label for item in MENUS.get(request.user.role, [])}
    title = menu.get("matching:pipeline") if request.user.role in PARTY_ANSWERS else None
    return render(request, "matching/pipeline.html", {"rows": rows, "title": title})


@require_http_methods(["GET", "POST"])
def match_detail(request: AuthenticatedRequest, match_id: UUID) -> HttpResponse:
    match_access = access.match_get_for_user(
        user=request.user,
        match_id=match_id,
        purpose=purpose_for(request.user),
        for_change=request.method == "POST",
    )
    match = match_access.match
    statuses = services.moves_for(request.user, match) if match_access.can_change else []
    role = request.user.role
    form: MoveForm | AnswerForm
    if role in PARTY_ANSWERS:  # the party answers in its own words; its "no" has its reason
        form = AnswerForm(
            request.POST or None, statuses=statuses, reason_required=role == Role.EMPLOYER
        )
    else:
        form = MoveForm(
            request.POST or None, statuses=statuses, initial={"on": timezone.localdate()}
        )
    response = submit(
        request,
        form,
        lambda: services.match_move(actor=request.user, match=match, **form.cleaned_data),
        done=_("Matchen er oppdatert."),
        then=_match_url,
    )
    context = {
        "access": match_access,
        "match": match,
        "steps": selectors.steps_of(match),
        "form": form if statuses else None,
        "staff_view": match_access.internal,
        "may_draft_agreement": services.draft_agreement_refusal(request.user, match) is None,
        "tasks": match.opening.tasks.all(),
        "is_jobseeker": role == Role.JOBSEEKER,
        "answers": [(s, PARTY_ANSWERS[role][s]) for s in statuses] if role in PARTY_ANSWERS else [],
    }
    return response or render(request, "matching/match.html", context)


@require_http_methods(["GET", "POST"])
def meetings(request: AuthenticatedRequest) -> HttpResponse:
    access.require_matching(request.user, Subject("meeting", None), Purpose.CASE_WORK)
    form = MeetingForm(request.POST or None)
    response = submit(
        request,
        form,
        lambda: services.meeting_create(actor=request.user, **form.cleaned_data),
        done=_("Matchemøtet er opprettet. Forbered agendaen når stillingene er klare."),
        then=lambda m: reverse("matching:meeting", kwargs={"meeting_id": m.uuid}),
    )
    context = {
        "meetings": access.meetings_for_user(user=request.user),
        "form": form if request.user.role == Role.EMPLOYER_CONTACT else None,
    }
    return response or render(request, "matching/meetings.html", context)


def _meeting_url(meeting: MatchMeeting) -> str:
    return reverse("matching:meeting", kwargs={"meeting_id": meeting.uuid})


@require_GET
def meeting_detail(request: AuthenticatedRequest, meeting_id: UUID) -> HttpResponse:
    """The agenda: openings with their best candidates, masked where the user may not see."""
    meeting_access = access.meeting_get_for_user(
        user=request.user, meeting_id=meeting_id, purpose=Purpose.CASE_WORK
    )
    meeting = meeting_access.meeting
    lines = list(selectors.lines_of(meeting))
    people = access.ranked_candidates_for_user(
        user=request.user,
        candidate_ids=[line.process.candidate_id for line in lines],
        purpose=Purpose.CASE_WORK,
        explained=False,
    )
    agenda: dict[Opening, list[tuple[object, object]]] = {}
    for line in lines:
        agenda.setdefault(line.opening, []).append((line, people.get(line.process.candidate_id)))
    context = {
        "access": meeting_access,
        "shareable": services.shareable_lines(request.user, lines),
        "meeting": meeting,
        "agenda": agenda,
        "outcome_form": OutcomeForm(),
    }
    return render(request, "matching/meeting.html", context)


def _post_and_back(
    request: AuthenticatedRequest, meeting: MatchMeeting, action: Callable[[], object], done: str
) -> HttpResponse:
    try:
        action()
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, done)
    return redirect(_meeting_url(meeting))


@require_POST
def meeting_prepare(request: AuthenticatedRequest, meeting_id: UUID) -> HttpResponse:
    meeting = access.meeting_get_for_user(
        user=request.user, meeting_id=meeting_id, purpose=Purpose.CASE_WORK, for_change=True
    ).meeting
    return _post_and_back(
        request,
        meeting,
        lambda: services.meeting_prepare(actor=request.user, meeting=meeting),
        _("Agendaen er forberedt."),
    )


@require_POST
def line_outcome(request: AuthenticatedRequest, meeting_id: UUID, line_id: UUID) -> HttpResponse:
    meeting = access.meeting_get_for_user(
        user=request.user, meeting_id=meeting_id, purpose=Purpose.CASE_WORK, for_change=True
    ).meeting
    line = access.line_get_for_user(
        user=request.user, meeting=meeting, line_id=line_id, purpose=Purpose.CASE_WORK
    )
    form = OutcomeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Velg utfall for linjen."))
        return redirect(_meeting_url(meeting))
    return _post_and_back(
        request,
        meeting,
        lambda: services.meeting_record_outcome(actor=request.user, line=line, **form.cleaned_data),
        _("Utfallet er ført."),
    )


@require_POST
def line_share(request: AuthenticatedRequest, meeting_id: UUID, line_id: UUID) -> HttpResponse:
    meeting = access.meeting_get_for_user(
        user=request.user, meeting_id=meeting_id, purpose=Purpose.CASE_WORK
    ).meeting
    line = access.line_get_for_user(
        user=request.user, meeting=meeting, line_id=line_id, purpose=Purpose.CASE_WORK
    )
    return _post_and_back(
        request,
        meeting,
        lambda: services.meeting_share_line(actor=request.user, line=line),
        _("Kandidaten er delt med møtet."),
    )


@require_POST
def match_agreement(request: AuthenticatedRequest, match_id: UUID) -> HttpResponse:
    """Draft the agreement from an agreed match."""
    match = access.match_get_for_user(
        user=request.user, match_id=match_id, purpose=Purpose.CASE_WORK, for_change=True
    ).match
    try:
        agreement = services.match_draft_agreement(actor=request.user, match=match)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect(_match_url(match))
    messages.success(request, _("Utkastet til avtale er laget fra matchen."))
    return redirect("agreements:edit", agreement_id=agreement.uuid)
