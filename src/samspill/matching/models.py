"""Jobbmatch: the match pipeline, match meetings, and the change feed of the live index.

A ``Match`` is one candidate's process and one opening moving from suggested to agreed or
declined (``transitions.py``); every step is a dated ``MatchStep``. A ``MatchMeeting``
(matchemøte) has agenda lines prepared from the index, each with an outcome.
The change feed that keeps every web process's in-memory index current (``live.py``) is
its own app, ``samspill.changefeed``, so the domain apps can publish without importing
Jobbmatch.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samspill.lib.models import PublicModel


class MatchStatus(models.TextChoices):
    SUGGESTED = "suggested", _("Foreslått")
    PRESENTED_CANDIDATE = "presented_candidate", _("Presentert for kandidaten")
    CANDIDATE_INTERESTED = "candidate_interested", _("Kandidaten er interessert")
    PRESENTED_EMPLOYER = "presented_employer", _("Presentert for arbeidsgiver")
    MEETING = "meeting", _("Møte avtalt")
    AGREED = "agreed", _("Enige – avtale skrives")
    DECLINED = "declined", _("Avsluttet uten avtale")


class DeclineReason(models.TextChoices):
    CANDIDATE_NOT_INTERESTED = "candidate_not_interested", _("Kandidaten er ikke interessert")
    EMPLOYER_DECLINED = "employer_declined", _("Arbeidsgiver takket nei")
    NOT_SUITABLE = "not_suitable", _("Passet ikke likevel")
    OPENING_FILLED = "opening_filled", _("Stillingen er besatt")
    OTHER = "other", _("Annet")


class Match(PublicModel):
    process = models.ForeignKey(
        "processes.InclusionProcess", on_delete=models.CASCADE, related_name="matches"
    )
    opening = models.ForeignKey(
        "employers.Opening", on_delete=models.CASCADE, related_name="matches"
    )
    status = models.CharField(
        _("status"), max_length=24, choices=MatchStatus.choices, default=MatchStatus.SUGGESTED
    )
    status_since = models.DateField(_("i status siden"), default=timezone.localdate)
    decline_reason = models.CharField(
        _("årsak"), max_length=30, choices=DeclineReason.choices, blank=True
    )
    #: The score and one-line explanation when it was proposed (the ranking aid at the time).
    score = models.FloatField(_("poeng da den ble foreslått"), null=True, blank=True)
    summary = models.CharField(_("forklaring"), max_length=300, blank=True)
    #: Why the advisor proposed it although a hard constraint excluded it.
    override_reason = models.CharField(
        _("begrunnelse for å foreslå likevel"), max_length=500, blank=True
    )
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("match")
        verbose_name_plural = _("matcher")
        constraints = [
            models.UniqueConstraint(fields=["process", "opening"], name="match_once_per_pair")
        ]
        indexes = [models.Index(fields=["opening", "status"], name="match_opening_status")]

    def __str__(self) -> str:
        return f"{self.process} – {self.opening} ({self.status})"


class MatchStep(models.Model):
    """A dated status change of a match. The first row has no ``from_status``."""

    match = models.ForeignKey(Match, on_delete=models.CASCADE, related_name="steps")
    from_status = models.CharField(max_length=24, choices=MatchStatus.choices, blank=True)
    to_status = models.CharField(max_length=24, choices=MatchStatus.choices)
    on = models.DateField(_("dato"))
    reason = models.CharField(max_length=30, choices=DeclineReason.choices, blank=True)
    note = models.CharField(_("merknad"), max_length=500, blank=True)
    recorded_at = models.DateTimeField(default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["recorded_at", "id"]

    def __str__(self) -> str:
        return f"{self.from_status or '–'} → {self.to_status}"


class MatchMeeting(PublicModel):
    """A matchemøte: an employer contact goes through open openings with the advisors."""

    title = models.CharField(_("tittel"), max_length=160)
    held_on = models.DateField(_("dato"))
    offices = models.ManyToManyField(
        "accounts.Office", related_name="match_meetings", verbose_name=_("kontorer")
    )
    organiser = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="organised_meetings"
    )
    candidates_per_opening = models.PositiveSmallIntegerField(
        _("kandidater per stilling"), default=3
    )
    prepared_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"{self.title} {self.held_on}"


class LineOutcome(models.TextChoices):
    OPEN = "", _("Ikke behandlet")
    PROPOSE = "propose", _("Foreslås for kandidaten")
    LATER = "later", _("Tas opp igjen senere")
    NOT_RELEVANT = "not_relevant", _("Ikke aktuell")


class MeetingLine(PublicModel):
    """One agenda line: an opening and one of its best candidates (by process)."""

    meeting = models.ForeignKey(MatchMeeting, on_delete=models.CASCADE, related_name="lines")
    opening = models.ForeignKey("employers.Opening", on_delete=models.CASCADE, related_name="+")
    process = models.ForeignKey(
        "processes.InclusionProcess", on_delete=models.CASCADE, related_name="+"
    )
    rank = models.PositiveSmallIntegerField()
    score = models.FloatField()
    #: The advisor shared the candidate with the meeting's participants.
    shared_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(
        _("utfall"), max_length=20, choices=LineOutcome.choices, default="", blank=True
    )
    note = models.CharField(_("merknad"), max_length=500, blank=True)
    match = models.ForeignKey(Match, on_delete=models.SET_NULL, null=True, blank=True)

    class Meta:
        ordering = ["opening_id", "rank"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "opening", "process"], name="meeting_line_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.opening} #{self.rank}"
