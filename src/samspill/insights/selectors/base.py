"""What every Innsikt selector shares: the processes in scope, active ones, when a job
last went on."""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import DateField, F, Q, QuerySet, Value
from django.db.models.functions import Coalesce, Greatest
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from samspill.insights.models import Job
from samspill.insights.stats import DAYS_PER_MONTH
from samspill.processes.models import InclusionProcess, Phase
from samspill.rules import STAYED_IN_WORK_MONTHS

Processes = QuerySet[InclusionProcess]
ACTIVE = ~Q(phase=Phase.CLOSED)

#: «Still in work»: the job went on this long (``STAYED_IN_WORK_MONTHS`` in days, 182).
STAYED = timedelta(days=int(STAYED_IN_WORK_MONTHS.value * DAYS_PER_MONTH))
STAYED_LABEL = format_lazy(_("I jobb etter {months} måneder"), months=STAYED_IN_WORK_MONTHS.value)


def jobs_of(process: InclusionProcess) -> QuerySet[Job]:
    """A process's jobs, newest first, for its page."""
    return Job.objects.filter(process=process).select_related("employer")


def job_last_day(today: date) -> Greatest:
    """When a job was last known to go on: its end, else the process's end, else today."""
    end = Coalesce("ended_on", "process__ended_on", Value(today), output_field=DateField())
    return Greatest(end, F("started_on"), output_field=DateField())
