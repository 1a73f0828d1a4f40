"""Innsikt through the Django client: access, suppression, exports, jobs, fidelity, DiD."""

from __future__ import annotations

import datetime
import io
import json

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from samspill.audit.models import Action, AuditEvent
from samspill.conftest import World
from samspill.insights.fidelity import ITEMS
from samspill.insights.models import FidelityReview, Job
from samspill.insights.tests.factories import JobFactory
from samspill.processes.tests.factories import ProcessFactory

PAGES = ["outcomes", "caseload", "equity", "fidelity", "evaluation"]


@pytest.mark.parametrize("page", PAGES)
def test_only_managers_see_insights(world: World, client: Client, page: str) -> None:
    url = reverse(f"insights:{page}")
    for persona in ("advisor", "employer_contact", "employer", "jobseeker", "partner", "admin"):
        client.force_login(world.persona(persona))
        assert client.get(url).status_code == 404, persona
    client.force_login(world.manager)
    assert client.get(url).status_code == 200


def test_small_numbers_are_shown_as_fewer_than_five(world: World, client: Client) -> None:
    client.force_login(world.manager)
    page = client.get(reverse("insights:outcomes")).content.decode()
    assert "&lt;5" in page  # the fixture's office serves two people


def test_tables_export_as_csv_and_xlsx_with_the_same_cells(world: World, client: Client) -> None:
    client.force_login(world.manager)
    url = reverse("insights:outcomes")
    csv = client.get(url, {"tabell": "sysselsetting", "format": "csv"})
    assert csv["Content-Type"].startswith("text/csv")
    lines = csv.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "Kvartal;Fulgt opp;I ordinær jobb;Andel"
    assert len(lines) == 13
    xlsx = client.get(url, {"tabell": "sysselsetting", "format": "xlsx"})
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert [str(c) for c in rows[1]] == lines[1].split(";")
    assert AuditEvent.objects.filter(actor=world.manager, action=Action.EXPORT).count() == 2


@pytest.mark.parametrize(
    ("page", "name"),
    [("outcomes", "sysselsetting"), ("caseload", "saksmengde"), ("equity", "likeverd")],
)
def test_the_api_answers_a_table_with_the_cells_of_its_download(
    world: World, client: Client, page: str, name: str
) -> None:
    client.force_login(world.manager)
    csv = client.get(reverse(f"insights:{page}"), {"tabell": name, "format": "csv"})
    lines = csv.content.decode("utf-8-sig").splitlines()
    body = client.get(f"/api/insights/tables/{name}").json()
    assert body["name"] == name
    assert ";".join(body["columns"]) == lines[0]
    assert [";".join(str(c) for c in row) for row in body["rows"]] == lines[1:]
    assert client.get("/api/insights/tables/personer").status_code == 422
    client.force_login(world.advisor)
    assert client.get(f"/api/insights/tables/{name}").status_code == 404


def test_a_job_start_and_end_with_bad_input_saves_nothing(world: World, client: Client) -> None:
    client.force_login(world.advisor)
    url = reverse("insights:job_create", kwargs={"process_id": world.process.uuid})
    before = Job.objects.count()
    response = client.post(
        url, {"kind_of_work": "", "started_on": "2000-01-01", "hours_per_week": "60"}
    )
    page = response.content.decode()
    assert "Skriv hva slags arbeid det er" in page
    assert "Timer per uke må være mellom 0,5 og 40." in page
    assert "Jobben kan ikke starte før forløpet" in page
    assert Job.objects.count() == before
    response = client.post(
        url,
        {
            "kind_of_work": "Butikkmedarbeider",
            "started_on": world.process.started_on.isoformat(),
            "hours_per_week": "20",
            "competitive": "on",
        },
    )
    assert response.status_code == 302
    job = Job.objects.get(kind_of_work="Butikkmedarbeider")
    end = reverse("insights:job_end", kwargs={"job_id": job.uuid})
    response = client.post(end, {"ended_on": "2000-01-01", "end_reason": "quit"})
    assert "Sluttdatoen kan ikke være før jobben startet" in response.content.decode()
    job.refresh_from_db()
    assert job.ended_on is None


def test_a_fidelity_review_needs_every_item_and_gets_its_band(world: World, client: Client) -> None:
    client.force_login(world.manager)
    url = reverse("insights:fidelity_new", kwargs={"team_id": world.team.uuid})
    assert "Forslag fra data" in client.get(url).content.decode()
    data = {"reviewed_on": "2026-01-15", "reviewers": "Leder og IPS-veileder"}
    data |= {f"score_{item.code}": "4" for item in ITEMS}
    data["score_Sv14"] = ""
    response = client.post(url, data)
    assert "Gi «Aktiv oppsøkende oppfølging» en skår fra 1 til 5." in response.content.decode()
    assert FidelityReview.objects.filter(reviewers="Leder og IPS-veileder").count() == 0
    data["score_Sv14"] = "5"
    response = client.post(url, data)
    review = FidelityReview.objects.get(reviewers="Leder og IPS-veileder")
    page = client.get(response.url).content.decode()
    assert "101 / 125: God IPS" in page
    assert review.scores.count() == 25


def test_pilot_evaluation_refuses_overlapping_periods(world: World, client: Client) -> None:
    client.force_login(world.manager)
    query = {
        "pilot": [str(world.office.uuid)],
        "control": [str(world.other_office.uuid)],
        "before_from": "2025-01-01",
        "before_to": "2025-12-31",
        "after_from": "2025-06-01",
        "after_to": "2026-05-31",
        "outcome": "job",
    }
    page = client.get(reverse("insights:evaluation"), query).content.decode()
    assert "Etter-perioden må starte etter at før-perioden er slutt." in page
    assert "Anslått effekt" not in page


def test_did_from_counts_through_the_api(world: World, client: Client) -> None:
    client.force_login(world.manager)
    body = {
        "pilot": {"before": {"n": 1000, "k": 60}, "after": {"n": 1000, "k": 248}},
        "control": {"before": {"n": 1000, "k": 126}, "after": {"n": 1000, "k": 132}},
    }
    response = client.post("/api/insights/did", json.dumps(body), content_type="application/json")
    assert response.status_code == 200
    result = response.json()
    assert result["estimate_pp"] == pytest.approx(18.2)
    assert result["ci_low_pp"] < 18.2 < result["ci_high_pp"]
    assert result["pilot_after"] == pytest.approx(0.248)
    body["control"]["after"] = {"n": 10, "k": 11}
    response = client.post("/api/insights/did", json.dumps(body), content_type="application/json")
    assert response.status_code == 422
    assert "control.after" in response.json()["detail"]


def test_the_outcomes_api_is_for_managers_only(world: World, client: Client) -> None:
    client.force_login(world.advisor)
    assert client.get("/api/insights/outcomes").status_code == 404
    client.force_login(world.manager)
    body = client.get("/api/insights/outcomes").json()
    assert body["scope"] == world.office.name
    assert body["served"] == "<5"


def test_the_pages_take_thresholds_and_bands_from_their_owners(
    world: World, client: Client
) -> None:
    client.force_login(world.manager)
    outcomes = client.get(reverse("insights:outcomes")).content.decode()
    assert "Grupper med færre enn 5 personer vises som «&lt;5»." in outcomes
    assert "Personlig arbeidsgiverkontakt innen 30 dager (IPS)" in outcomes
    fidelity = client.get(reverse("insights:fidelity")).content.decode()
    for low, high, label in [(115, 125, "Eksemplarisk IPS"), (74, 99, "Middels IPS")]:
        assert f"{low}–{high}: {label}" in fidelity
    assert "25–73: Ikke IPS" in fidelity


def test_a_pilot_evaluation_shows_the_estimate_and_the_group_means(
    world: World, client: Client
) -> None:
    today = datetime.date.today()
    before, after = today - datetime.timedelta(days=500), today - datetime.timedelta(days=100)
    for advisor, jobs in ((world.advisor, 8), (world.advisor_other_office, 2)):
        for n in range(10):
            for started in (before, after):
                process = ProcessFactory(advisor=advisor, started_on=started)
                if n < (jobs if started == after else 2):
                    JobFactory(process=process, started_on=started + datetime.timedelta(days=9))
    query = {
        "pilot": [str(world.office.uuid)],
        "control": [str(world.other_office.uuid)],
        "before_from": (before - datetime.timedelta(days=1)).isoformat(),
        "before_to": (before + datetime.timedelta(days=60)).isoformat(),
        "after_from": (after - datetime.timedelta(days=1)).isoformat(),
        "after_to": (after + datetime.timedelta(days=60)).isoformat(),
        "outcome": "job",
    }
    client.force_login(world.manager)
    response = client.get(reverse("insights:evaluation"), query)
    assert "Anslått effekt" in response.content.decode()
    table = response.context["tables"]["gjennomsnitt"]
    assert [row[0] for row in table.rows] == ["Pilot", "Kontroll"]
    assert response.context["result"].estimate_pp > 0
