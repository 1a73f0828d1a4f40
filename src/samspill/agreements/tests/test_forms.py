"""The agreement form's selects offer «Velg …», not Django's «---------»."""

from __future__ import annotations

import pytest

from samspill.accounts.models import User
from samspill.agreements.forms import AgreementForm, ChangeForm
from samspill.conftest import World
from samspill.employers.models import ContactPerson


@pytest.mark.django_db
def test_the_agreement_form_has_no_dashed_empty_choice() -> None:
    form = AgreementForm(contacts=ContactPerson.objects.all())
    assert "---------" not in str(form)
    assert ">Velg …</option>" in str(form["employer_contact"])


def test_the_change_form_selects_the_saved_contacts(world: World) -> None:
    agreement = world.agreement
    contact, advisor = agreement.employer_contact, agreement.nav_contact
    assert contact is not None
    assert advisor is not None
    form = ChangeForm(
        instance=agreement,
        contacts=ContactPerson.objects.all(),
        staff=User.objects.filter(pk=advisor.pk),
    )
    assert f'<option value="{contact.uuid}" selected>' in str(form["employer_contact"])
    assert f'<option value="{advisor.uuid}" selected>' in str(form["nav_contact"])
