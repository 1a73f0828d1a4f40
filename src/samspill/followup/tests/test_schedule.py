"""Due dates follow from the plan and the logged contacts (IPS timings from the templates)."""

import datetime
from dataclasses import dataclass

from samspill.followup.models import Form, Party, PlanParty
from samspill.followup.plan_templates import TEMPLATES
from samspill.followup.schedule import ContactFact, next_due

START = datetime.date(2026, 6, 1)
D = datetime.timedelta


@dataclass
class Item:
    pk: int
    party: str
    form: str
    first_due_on: datetime.date
    interval_days: int | None
    ends_on: datetime.date | None = None


def _items(code: str) -> dict[str, Item]:
    return {
        t.label: Item(
            pk=n,
            party=t.party,
            form=t.form,
            first_due_on=START + t.first_due,
            interval_days=t.interval.days if t.interval else None,
            ends_on=START + t.until if t.until else None,
        )
        for n, t in enumerate(TEMPLATES[code].items, start=1)
    }


def _due(item: Item, *contacts: ContactFact) -> datetime.date | None:
    return next_due(item, plan_starts_on=START, contacts=list(contacts))


def test_work_trial_template_follows_ips_timings() -> None:
    items = _items("work_trial")
    assert _due(items["Samtale før oppstart"]) == START - D(days=1)
    assert _due(items["Ukentlig kontakt første måned"]) == START + D(days=3)
    assert _due(items["Samtale med arbeidssøkeren"]) == START + D(days=30)
    assert _due(items["Trekantsamtale på arbeidsplassen"]) == START + D(days=30)


def test_a_contact_moves_the_next_due_date_by_the_interval() -> None:
    weekly = _items("work_trial")["Ukentlig kontakt første måned"]
    call = ContactFact(Party.JOBSEEKER, Form.PHONE, START + D(days=2))
    assert _due(weekly, call) == START + D(days=9)
    # After the first month the weekly item is finished; the monthly one takes over.
    late = ContactFact(Party.JOBSEEKER, Form.PHONE, START + D(days=28))
    assert _due(weekly, late) is None
    monthly = _items("work_trial")["Samtale med arbeidssøkeren"]
    assert _due(monthly, ContactFact(Party.JOBSEEKER, Form.MEETING, START + D(days=28))) == (
        START + D(days=58)
    )


def test_before_start_contact_is_done_by_a_meeting_in_the_week_before() -> None:
    before = _items("work_trial")["Samtale før oppstart"]
    assert _due(before, ContactFact(Party.JOBSEEKER, Form.MEETING, START - D(days=5))) is None
    too_early = ContactFact(Party.JOBSEEKER, Form.MEETING, START - D(days=20))
    assert _due(before, too_early) == START - D(days=1)


def test_three_way_counts_for_both_parties_but_not_the_reverse() -> None:
    items = _items("after_hire")
    employer, three_way = (
        items["Oppfølging av arbeidsgiveren"],
        items["Trekantsamtale på arbeidsplassen"],
    )
    visit_all = ContactFact(Party.BOTH, Form.VISIT, START + D(days=20))
    assert _due(employer, visit_all) == START + D(days=50)
    visit_employer = ContactFact(Party.EMPLOYER, Form.VISIT, START + D(days=20))
    assert _due(three_way, visit_employer) == START + D(days=30)


def test_face_to_face_items_are_not_done_by_a_phone_call_unless_logged_for_them() -> None:
    visit = _items("after_hire")["Oppfølging av arbeidsgiveren"]
    call = ContactFact(Party.EMPLOYER, Form.PHONE, START + D(days=10))
    assert _due(visit, call) == START + D(days=14)
    planned_call = ContactFact(
        Party.EMPLOYER, Form.PHONE, START + D(days=10), plan_item_id=visit.pk
    )
    assert _due(visit, planned_call) == START + D(days=40)


def test_after_hire_lasts_at_least_six_months() -> None:
    assert TEMPLATES["after_hire"].minimum_months == 6
    assert all(item.until is None for item in TEMPLATES["after_hire"].items[1:])
    assert PlanParty.BOTH in {item.party for item in TEMPLATES["after_hire"].items}
