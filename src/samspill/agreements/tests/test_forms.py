"""The agreement form's selects offer «Velg …», not Django's «---------»."""

from __future__ import annotations

import pytest

from samspill.agreements.forms import AgreementForm
from samspill.employers.models import ContactPerson


@pytest.mark.django_db
def test_the_agreement_form_has_no_dashed_empty_choice() -> None:
    form = AgreementForm(contacts=ContactPerson.objects.all())
    assert "---------" not in str(form)
    assert ">Velg …</option>" in str(form["employer_contact"])
