"""The demo data has agreements in every interesting state, built through the services."""

from __future__ import annotations

import datetime

from samspill.accounts.models import User
from samspill.agreements import chain
from samspill.agreements.models import Agreement, Stage
from samspill.demo.generator import DemoBuilder


def test_demo_agreements(db: None) -> None:
    today = datetime.date(2026, 6, 1)
    DemoBuilder(seed=7, size=150, today=today, progress=lambda *_: None).run(lambda *_: None)
    jobseeker = User.objects.get(username="jobseeker")
    own = Agreement.objects.get(process__candidate__user=jobseeker)
    assert own.stage == Stage.SENT  # waits for the jobseeker and the employer in the demo
    assert own.nav_contact_phone
    concluded = Agreement.objects.filter(stage=Stage.CONCLUDED)
    assert concluded.exists()
    assert any(a.versions.count() == 2 for a in concluded)
    for agreement in concluded:
        assert chain.verify(agreement) == []
