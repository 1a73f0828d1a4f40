"""The phase form tells which phases need an employer from the rule itself."""

from __future__ import annotations

from samspill.employers.models import Employer
from samspill.processes.forms import PhaseChangeForm
from samspill.processes.models import Phase
from samspill.processes.transitions import PHASES_WITH_EMPLOYER


def test_the_employer_help_names_the_phases_the_rule_names(db: None) -> None:
    form = PhaseChangeForm(current_phase=Phase.JOB_SEARCH, employers=Employer.objects.none())
    text = str(form.fields["employer"].help_text)
    assert text == "Påkrevd for utprøving, ansettelse og jobbfastholdelse."
    for phase in Phase:
        assert (str(phase.label).lower() in text) == (phase in PHASES_WITH_EMPLOYER)
