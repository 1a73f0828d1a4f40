import datetime

import factory

from samspill.accounts.models import Role
from samspill.accounts.tests.factories import UserFactory
from samspill.employers.tests.factories import OpeningFactory
from samspill.matching.models import Match, MatchMeeting, MatchStatus, MatchStep, MeetingLine
from samspill.processes.tests.factories import ProcessFactory


class MatchFactory(factory.django.DjangoModelFactory):
    """A match; ``status`` sets where it stands (no steps are written, the rest is the
    model's defaults, as ``Match.objects.create`` would leave it)."""

    class Meta:
        model = Match

    process = factory.SubFactory(ProcessFactory)
    opening = factory.SubFactory(OpeningFactory)
    status = MatchStatus.SUGGESTED


class MatchStepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MatchStep

    match = factory.SubFactory(MatchFactory)
    from_status = MatchStatus.SUGGESTED
    to_status = MatchStatus.PRESENTED_CANDIDATE
    on = datetime.date(2026, 3, 2)
    recorded_by = factory.SelfAttribute("match.process.advisor")


class MatchMeetingFactory(factory.django.DjangoModelFactory):
    """A match meeting for the organiser's office (``offices=[…]`` for others)."""

    class Meta:
        model = MatchMeeting
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Matchemøte {n}")
    held_on = datetime.date(2026, 3, 10)
    organiser = factory.SubFactory(UserFactory, role=Role.EMPLOYER_CONTACT)

    @factory.post_generation
    def offices(self, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            self.offices.set(extracted or [self.organiser.office])  # type: ignore[attr-defined]


class MeetingLineFactory(factory.django.DjangoModelFactory):
    """One candidate for one opening on a meeting's agenda."""

    class Meta:
        model = MeetingLine

    meeting = factory.SubFactory(MatchMeetingFactory)
    opening = factory.SubFactory(OpeningFactory)
    process = factory.SubFactory(ProcessFactory)
    rank = factory.Sequence(lambda n: n % 3 + 1)
    score = 0.5
