"""Open correction requests for the advisor's worklist «I dag» (GDPR art. 16).

``open_corrections`` takes the processes in scope (already limited by the access policy)
and returns, per process, the open requests of its candidate, in one query, each with the
words and link a worklist line needs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from samspill.candidates.models import CorrectionRequest
from samspill.rules import CORRECTION_ANSWER_WITHIN


@dataclass(frozen=True)
class OpenCorrection:
    process_id: int
    request: CorrectionRequest
    respond_by: date
    why: str
    action_label: str
    action_url: str

    def overdue(self, today: date) -> bool:
        return self.respond_by < today


def open_corrections(process_ids: Iterable[int]) -> dict[int, list[OpenCorrection]]:
    """Open correction requests of the candidates of these processes, per process id."""
    requests = (
        CorrectionRequest.objects.filter(
            resolved_at__isnull=True, candidate__processes__in=list(process_ids)
        )
        .annotate(process_pk=F("candidate__processes__id"))
        .select_related("candidate")
        .order_by("created_at", "id")
    )
    result: dict[int, list[OpenCorrection]] = defaultdict(list)
    for request in requests:
        received = timezone.localdate(request.created_at)
        url = reverse(
            "candidates:correction_resolve",
            kwargs={"candidate_id": request.candidate.uuid, "correction_id": request.uuid},
        )
        why = _("Ber om retting av %(what)s (sendt %(when)s)") % {
            "what": request.field_words,
            "when": received.strftime("%d.%m.%Y"),
        }
        result[request.process_pk].append(
            OpenCorrection(
                process_id=request.process_pk,
                request=request,
                respond_by=received + CORRECTION_ANSWER_WITHIN.value,
                why=why,
                action_label=_("Behandle ønsket om retting"),
                action_url=url,
            )
        )
    return dict(result)
