"""Candidate profile pages: kartlegging (advisor), own words and consent (jobseeker)."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samspill.audit.models import Purpose
from samspill.candidates import selectors, services
from samspill.candidates.access import candidate_profile_for_user, own_profile_for_user
from samspill.candidates.forms import ConsentForm, NeedsForm, OwnWordsForm, ProfileForm
from samspill.candidates.presentation import Surface
from samspill.core.pages import submit
from samspill.lib.http import AuthenticatedRequest
from samspill.policy.audit import purpose_for
from samspill.processes.services import open_refusal


def _posted(request: AuthenticatedRequest) -> object:
    return request.POST if request.method == "POST" else None


def _detail_url(candidate_id: UUID) -> str:
    return reverse("candidates:detail", kwargs={"candidate_id": candidate_id})


@require_GET
def candidate_detail(request: AuthenticatedRequest, candidate_id: UUID) -> HttpResponse:
    purpose = purpose_for(request.user)
    access = candidate_profile_for_user(
        user=request.user, candidate_id=candidate_id, purpose=purpose
    )
    may_open = open_refusal(request.user, access.candidate) is None
    return render(request, "candidates/detail.html", {"access": access, "may_open": may_open})


@require_http_methods(["GET", "POST"])
def candidate_edit(request: AuthenticatedRequest, candidate_id: UUID) -> HttpResponse:
    access = candidate_profile_for_user(
        user=request.user, candidate_id=candidate_id, purpose=Purpose.CASE_WORK, for_change=True
    )
    form = ProfileForm(_posted(request), initial=ProfileForm.initial_for(access.candidate))
    response = submit(
        request,
        form,
        lambda: services.profile_update(
            actor=request.user, candidate=access.candidate, **form.cleaned_data
        ),
        done=lambda changed: _("Kartleggingen er lagret.") if changed else _("Ingen endringer."),
        then=lambda _changed: _detail_url(access.candidate.uuid),
    )
    return response or render(request, "candidates/edit.html", {"access": access, "form": form})


@require_http_methods(["GET", "POST"])
def candidate_needs(request: AuthenticatedRequest, candidate_id: UUID) -> HttpResponse:
    access = candidate_profile_for_user(
        user=request.user, candidate_id=candidate_id, purpose=Purpose.CASE_WORK, for_change=True
    )
    current = dict(access.candidate.needs.values_list("code", "detail"))
    form = NeedsForm(_posted(request), initial=NeedsForm.initial_for(current))
    response = submit(
        request,
        form,
        lambda: services.needs_update(
            actor=request.user, candidate=access.candidate, needs=form.chosen()
        ),
        done=_("Behovene er lagret og bekreftet i dag."),
        then=lambda _needs: _detail_url(access.candidate.uuid),
    )
    return response or render(request, "candidates/needs.html", {"access": access, "form": form})


@require_POST
def candidate_needs_confirm(request: AuthenticatedRequest, candidate_id: UUID) -> HttpResponse:
    access = candidate_profile_for_user(
        user=request.user, candidate_id=candidate_id, purpose=Purpose.CASE_WORK, for_change=True
    )
    count = services.needs_confirm(actor=request.user, candidate=access.candidate)
    messages.success(
        request, _("%(count)s behov er bekreftet som uendret i dag.") % {"count": count}
    )
    return redirect("candidates:detail", candidate_id=access.candidate.uuid)


@require_http_methods(["GET", "POST"])
def own_profile(request: AuthenticatedRequest) -> HttpResponse:
    access = own_profile_for_user(user=request.user)
    candidate = access.candidate
    initial = {name: getattr(candidate, name) for name in OwnWordsForm.base_fields}
    form = OwnWordsForm(_posted(request), initial=initial)
    response = submit(
        request,
        form,
        lambda: services.profile_update_own(
            actor=request.user, candidate=candidate, **form.cleaned_data
        ),
        done=_("Takk! Det du skrev er lagret."),
        then=lambda _saved: reverse("candidates:own_profile"),
    )
    context = {"access": access, "form": form}
    return response or render(request, "candidates/own_profile.html", context)


@require_http_methods(["GET", "POST"])
def own_consent(request: AuthenticatedRequest) -> HttpResponse:
    access = own_profile_for_user(user=request.user, surface=Surface.SHARING)
    candidate = access.candidate
    consent = selectors.consent_state(candidate=candidate)
    form = ConsentForm(
        _posted(request),
        need_codes=list(candidate.needs.values_list("code", flat=True)),
        initial={"items": consent.items},
    )
    response = submit(
        request,
        form,
        lambda: services.consent_record(
            actor=request.user, candidate=candidate, items=form.cleaned_data["items"]
        ),
        done=_("Valgene dine er lagret."),
        then=lambda _record: reverse("candidates:consent"),
    )
    context = {"access": access, "form": form, "consent": consent}
    return response or render(request, "candidates/consent.html", context)
