"""Bulk import from CSV and XLSX through the import page: good rows saved, bad rows reported
with their row number and the reason in Norwegian, and no row half-saved."""

from __future__ import annotations

import datetime
import io
from collections.abc import Iterator
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from openpyxl import Workbook

from samspill.audit.models import AuditEvent
from samspill.conftest import World
from samspill.employers.importing import ImportKind, template_csv
from samspill.employers.models import Employer, Opening, OpeningStatus, Workplace

OSLO = ZoneInfo("Europe/Oslo")
URL = "/arbeidsgivere/import/"


@pytest.fixture(autouse=True)
def frozen_clock() -> Iterator[None]:
    with time_machine.travel(datetime.datetime(2026, 6, 1, 12, tzinfo=OSLO), tick=False):
        yield


def _upload(client: Client, kind: str, content: bytes, name: str = "fil.csv") -> str:
    response = client.post(URL, {"kind": kind, "file": SimpleUploadedFile(name, content)})
    assert response.status_code == 200
    return response.content.decode()


def _report(client: Client, kind: str, content: bytes, name: str = "fil.csv") -> object:
    response = client.post(URL, {"kind": kind, "file": SimpleUploadedFile(name, content)})
    assert response.status_code == 200
    return response.context["report"]


EMPLOYERS_CSV = (
    "organisasjonsnummer;navn;bransje;ia_avtale;antall_ansatte;ønsker\n"
    "974760673;Fjordlager AS;Lager og logistikk;ja;20-99;Ønsker en ung person til lett arbeid\n"
    "974760674;Feil Kontroll AS;Butikk og handel;nei;;\n"
    "974 760 681;Kantina på hjørnet AS;canteen;;5–19 ansatte;\n"
    "12345;For Kort AS;Renhold;;;\n"
    "981 275 721;Ukjent Bransje AS;Bakeri;;;\n"
)


def test_the_page_documents_the_columns_and_offers_templates(world: World, client: Client) -> None:
    client.force_login(world.employer_contact)
    html = client.get(URL).content.decode()
    assert "organisasjonsnummer" in html
    assert "timer_per_uke" in html
    assert "?type=openings" in html
    response = client.get("/arbeidsgivere/import/mal/?type=workplaces")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    body = response.content.decode("utf-8")
    assert body.startswith("\ufefforganisasjonsnummer;navn;adresse;kommune;breddegrad")
    assert body.count("\r\n") == 2


def test_mixed_rows_good_saved_bad_reported_with_row_numbers(world: World, client: Client) -> None:
    client.force_login(world.employer_contact)
    html = _upload(client, ImportKind.EMPLOYERS, EMPLOYERS_CSV.encode("utf-8"))
    assert set(Employer.objects.values_list("name", flat=True)) >= {
        "Fjordlager AS",
        "Kantina på hjørnet AS",
    }
    assert not Employer.objects.filter(name__in=["Feil Kontroll AS", "For Kort AS"]).exists()
    saved = Employer.objects.get(org_number="974760673")
    assert (saved.sector, saved.ia_agreement, saved.size) == ("warehouse", True, "20-99")
    assert Employer.objects.get(org_number="974760681").size == "5-19"
    assert "2 rader er lagret" in html
    assert "3 rader ble avvist" in html
    report = client.post(
        URL, {"kind": "employers", "file": SimpleUploadedFile("a.csv", EMPLOYERS_CSV.encode())}
    ).context["report"]
    failed = {r.row: r.errors for r in report.failed}
    # The second upload finds the first good rows already there.
    assert "finnes allerede" in failed[2][0]
    assert (
        "organisasjonsnummer: Organisasjonsnummeret er ikke gyldig: kontrollsifferet"
        in (failed[3][0])
    )
    assert "ni siffer" in failed[5][0]
    assert "bransje: «Bakeri» er ikke et gyldig valg" in failed[6][0]


def test_comma_separated_with_bom_and_crlf(world: World, client: Client) -> None:
    content = "\ufeffOrganisasjonsnummer,Navn,Bransje\r\n974760673,Komma AS,Renhold\r\n"
    client.force_login(world.advisor)
    report = _report(client, "employers", content.encode("utf-8"))
    assert [r.label for r in report.saved] == ["Komma AS"]  # type: ignore[attr-defined]
    assert Employer.objects.get(org_number="974760673").sector == "cleaning"


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_a_latin1_file_is_refused_with_a_clear_message(
    world: World, client: Client, encoding: str
) -> None:
    client.force_login(world.employer_contact)
    before = Employer.objects.count()
    html = _upload(client, "employers", EMPLOYERS_CSV.replace("–", "-").encode(encoding))
    assert "ikke lagret som UTF-8" in html
    assert "CSV UTF-8" in html
    assert Employer.objects.count() == before


def test_missing_required_columns_are_named(world: World, client: Client) -> None:
    client.force_login(world.employer_contact)
    html = _upload(client, "employers", b"navn;ia_avtale\nNoe AS;ja\n")
    assert "Filen mangler disse kolonnene: organisasjonsnummer, bransje" in html
    assert not Employer.objects.filter(name="Noe AS").exists()


@pytest.mark.parametrize(
    ("content", "name", "words"),
    [
        (b"", "tom.csv", "Filen er tom"),
        (b"organisasjonsnummer;navn;bransje\n", "bare.csv", "ingen rader"),
        (b"PK\x03\x04 not really a workbook", "x.xlsx", "Excel-filen kunne ikke leses"),
        (b"whatever", "gammel.xls", "Gamle Excel-filer"),
    ],
)
def test_unreadable_files(
    world: World, client: Client, content: bytes, name: str, words: str
) -> None:
    client.force_login(world.employer_contact)
    assert words in _upload(client, "employers", content, name)


def _xlsx(rows: list[list[object]]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_xlsx_workplaces_with_numbers_as_cells(world: World, client: Client) -> None:
    org = int(world.employer_org.org_number)
    content = _xlsx(
        [
            [
                "Organisasjonsnummer",
                "Navn",
                "Adresse",
                "Kommune",
                "Breddegrad",
                "Lengdegrad",
                "Fadder eller mentor",
            ],
            [org, "Terminalen", "Havneveien 3", "Drammen", 59.744, 10.204, "ja"],
            [org, "Hovedlager", "Lagerveien 1", "Oslo", 59.92, 10.80, ""],  # exists already
            [org, "Nordkapp", "Veien 1", "Nordkapp", "71,17", "25,78", "kanskje"],
            [],
            [974760673, "Ukjent", "Vei 2", "Oslo", 59.9, 10.7, ""],
        ]
    )
    client.force_login(world.advisor)
    report = _report(client, "workplaces", content, "arbeidsplasser.xlsx")
    saved = Workplace.objects.get(name="Terminalen")
    assert saved.employer == world.employer_org
    assert saved.buddy_available is True
    assert saved.latitude == pytest.approx(59.744)
    failed = {r.row: r.errors for r in report.failed}  # type: ignore[attr-defined]
    assert set(failed) == {3, 4, 6}
    assert "har allerede en arbeidsplass som heter «Hovedlager»" in failed[3][0]
    assert "fadder_eller_mentor: «kanskje» er ikke «ja» eller «nei»" in failed[4][0]
    assert "Importer arbeidsgiveren først" in failed[6][0]


def test_openings_rows_are_saved_whole_or_not_at_all(world: World, client: Client) -> None:
    org = world.employer_org.org_number
    content = (
        "organisasjonsnummer;arbeidsplass;type;formål;tittel;timer_per_uke;oppgaver;"
        "oppstart;søknadsfrist;status\n"
        f"{org};Hovedlager;Praksisplass;Arbeidstrening;Lagerhjelp;20;{world.task.name};"
        "01.09.2026;15.08.2026;åpen\n"
        f"{org};Hovedlager;Stilling;Ansettelse;Sjåfør;37,5;;01.09.2026;01.10.2026;\n"
        f"{org};Hovedlager;Stilling;Ansettelse;Gammel frist;10;;01.09.2026;01.05.2026;åpen\n"
        f"{org};Butikken;Stilling;Ansettelse;Feil sted;10;;;;\n"
        f"{org};Hovedlager;Læreplass;Ansettelse;Ukjent oppgave;10;Sveising;;;\n"
    )
    client.force_login(world.employer_contact)
    before_changes = AuditEvent.objects.count()
    report = _report(client, "openings", content.encode())
    opened = Opening.objects.get(title="Lagerhjelp")
    assert opened.status == OpeningStatus.OPEN
    assert list(opened.tasks.all()) == [world.task]
    assert [c.to_status for c in opened.status_changes.order_by("id")] == ["draft", "open"]
    # «Gammel frist» was created as a draft and then refused opening: the whole row is undone.
    assert not Opening.objects.filter(title__in=["Sjåfør", "Gammel frist", "Feil sted"]).exists()
    failed = {r.row: r.errors for r in report.failed}  # type: ignore[attr-defined]
    assert "søknadsfrist: Søknadsfristen må være før" in failed[3][0]
    assert "har gått ut" in failed[4][0]
    assert "har ingen arbeidsplass som heter «Butikken»" in failed[5][0]
    assert "oppgaver: «Sveising» er ikke kartlagt" in failed[6][0]
    assert AuditEvent.objects.count() > before_changes
    assert AuditEvent.objects.filter(object_type="employer_import").get().detail == (
        "openings: 1 lagret, 4 avvist"
    )


def test_the_templates_import_cleanly_in_order(world: World, client: Client) -> None:
    """Each template's example row is valid, so the documentation cannot go stale."""
    client.force_login(world.employer_contact)
    for kind in ImportKind:
        csv_text = template_csv(kind)
        if kind == ImportKind.OPENINGS:
            csv_text = csv_text.replace("Pakking og merking", "")
        report = _report(client, kind, ("\ufeff" + csv_text).encode())
        assert report.failed == [], (kind, report.failed)  # type: ignore[attr-defined]
