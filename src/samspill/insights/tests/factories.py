"""Factories for Innsikt's records: jobs on a process, fidelity reviews with their scores."""

import datetime

import factory

from samspill.accounts.tests.factories import TeamFactory
from samspill.insights.fidelity import ITEMS
from samspill.insights.models import FidelityReview, FidelityScore, Job
from samspill.processes.tests.factories import ProcessFactory


class JobFactory(factory.django.DjangoModelFactory):
    """A competitive job still going; pass ``ended_on`` (the reason follows) to end it."""

    class Meta:
        model = Job

    process = factory.SubFactory(ProcessFactory)
    kind_of_work = "Lager"
    hours_per_week = 20
    started_on = factory.LazyAttribute(lambda job: job.process.started_on)
    ended_on = None
    end_reason = factory.LazyAttribute(lambda job: "quit" if job.ended_on else "")


class FidelityReviewFactory(factory.django.DjangoModelFactory):
    """A review of a team; ``score`` scores every item (none when ``None``)."""

    class Meta:
        model = FidelityReview
        skip_postgeneration_save = True

    team = factory.SubFactory(TeamFactory)
    reviewed_on = datetime.date(2026, 1, 15)
    reviewers = "Leder og IPS-veileder"

    @factory.post_generation
    def score(self, create: bool, extracted: int | None, **kwargs: object) -> None:
        if create and extracted is not None:
            FidelityScore.objects.bulk_create(
                FidelityScore(review=self, item=item.code, score=extracted) for item in ITEMS
            )
