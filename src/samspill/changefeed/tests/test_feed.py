"""The change feed appends one row per change, in the caller's transaction."""

from __future__ import annotations

import pytest
from django.db import transaction

from samspill.changefeed import feed
from samspill.changefeed.models import ChangeKind, IndexChange

pytestmark = pytest.mark.django_db


def test_each_call_appends_its_kind_and_id() -> None:
    feed.candidate_changed(1)
    feed.opening_changed(2)
    feed.workplace_changed(3)
    feed.employer_changed(4)
    assert list(IndexChange.objects.order_by("id").values_list("kind", "object_id")) == [
        (ChangeKind.CANDIDATE, 1),
        (ChangeKind.OPENING, 2),
        (ChangeKind.WORKPLACE, 3),
        (ChangeKind.EMPLOYER, 4),
    ]


def _change_then_fail() -> None:
    with transaction.atomic():
        feed.candidate_changed(1)
        raise RuntimeError("the write failed")


def test_a_change_rolled_back_leaves_no_row() -> None:
    with pytest.raises(RuntimeError, match="failed"):
        _change_then_fail()
    assert not IndexChange.objects.exists()
