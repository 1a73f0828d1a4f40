"""Every model that points at a candidate, a process or one of their records has a documented
retention decision: a new model cannot be overlooked."""

from __future__ import annotations

from django.apps import apps
from django.db import models

from samspill.retention.services import DECISIONS

#: Models whose rows are about one candidate: anything pointing at them is too.
ROOTS = {
    "candidates.Candidate",
    "processes.InclusionProcess",
    "agreements.Agreement",
    "followup.FollowupPlan",
    "matching.Match",
}


def _label(model: type[models.Model]) -> str:
    return f"{model._meta.app_label}.{model.__name__}"


def test_every_model_about_a_candidate_has_a_decision() -> None:
    about = set(ROOTS)
    for model in apps.get_models():
        for field in model._meta.fields:  # forward keys only
            target = field.related_model
            if isinstance(target, type) and _label(target) in ROOTS:
                about.add(_label(model))
    missing = sorted(about - set(DECISIONS))
    assert missing == [], f"add a retention decision for {missing} (retention/services.py)"
    assert "notifications.Notification" in DECISIONS  # linked by URL, not by key
