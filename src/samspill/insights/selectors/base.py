"""What every Innsikt selector shares: the processes in scope, active ones, when a job
last went on."""

from __future__ import annotations

from datetime import date

from django.db.models import DateField, F, Q, QuerySet, Value
from django.db.models.functions import Coalesce, Greatest

from samspill.insights.models import Job
from samspill.processes.models import InclusionProcess, Phase

Processes = QuerySet[InclusionProcess]
ACTIVE = ~Q(phase=Phase.CLOSED)


def jobs_of(process: InclusionProcess) -> QuerySet[Job]:
    """A process's jobs, newest first, for its page."""
    return Job.objects.filter(process=process).select_related("employer")


def job_last_day(today: date) -> Greatest:
    """When a job was last known to go on: its end, else the process's end, else today."""
    end = Coalesce("ended_on", "process__ended_on", Value(today), output_field=DateField())
    return Greatest(end, F("started_on"), output_field=DateField())
