"""Import bombs: files that are small on the wire but huge when read are refused before
they are read, quickly and in little memory, with a Norwegian message at the file field."""

from __future__ import annotations

import io
import re
import time
import tracemalloc
import zipfile
from collections.abc import Callable

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from openpyxl import Workbook

from samspill.conftest import World
from samspill.employers.importing import ImportFileError, ImportKind, read_table
from samspill.employers.importing.files import MAX_COLUMNS, MAX_ROWS

PEAK_LIMIT = 100 * 1024 * 1024
HEADER = "organisasjonsnummer;navn;bransje\n"


def _workbook(rows: list[list[object]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _rewrite_member(content: bytes, name: str, change: Callable[[str], str]) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(content))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == name:
                data = change(data.decode()).encode()
            target.writestr(info.filename, data)
    return out.getvalue()


def whole_sheet_xlsx() -> bytes:
    """A real, tiny workbook whose dimension tag claims every cell of the sheet, with one
    cell in the very last row and column (read naively: ~10^10 cells)."""
    content = _workbook([["organisasjonsnummer", "navn"], ["974760673", "Fjordlager AS"]])

    def claim_everything(xml: str) -> str:
        xml = re.sub(r'<dimension ref="[^"]*"\s*/>', '<dimension ref="A1:XFD1048576"/>', xml)
        last = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
        return xml.replace("</sheetData>", last + "</sheetData>")

    return _rewrite_member(content, "xl/worksheets/sheet1.xml", claim_everything)


def shared_strings_bomb_xlsx() -> bytes:
    """A workbook whose sharedStrings.xml unpacks to 200 MB from a few hundred kB."""
    content = _workbook([["organisasjonsnummer", "navn"], ["974760673", "Fjordlager AS"]])
    source = zipfile.ZipFile(io.BytesIO(content))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != "xl/sharedStrings.xml":
                target.writestr(info.filename, source.read(info.filename))
        with target.open("xl/sharedStrings.xml", "w", force_zip64=True) as member:
            member.write(b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')
            chunk = b"<si><t>" + b"a" * (1024 * 1024) + b"</t></si>"
            for _ in range(200):
                member.write(chunk)
            member.write(b"</sst>")
    return out.getvalue()


def wide_csv() -> bytes:
    return (";".join(f"k{i}" for i in range(100_000)) + "\n1;2\n").encode()


def long_csv() -> bytes:
    return (HEADER + "974760673;Fjordlager AS;Renhold\n" * (MAX_ROWS + 1)).encode()


def blank_rows_csv() -> bytes:
    return (HEADER + "\n" * 1_000_000 + "974760673;Fjordlager AS;Renhold\n").encode()


BOMBS = [
    pytest.param(whole_sheet_xlsx, "bombe.xlsx", "for mange", id="xlsx-dimension-whole-sheet"),
    pytest.param(
        shared_strings_bomb_xlsx, "bombe.xlsx", "pakkes ut", id="xlsx-shared-strings-bomb"
    ),
    pytest.param(wide_csv, "bred.csv", "for mange kolonner", id="csv-100000-columns"),
    pytest.param(long_csv, "lang.csv", "for mange rader", id="csv-too-many-rows"),
    pytest.param(blank_rows_csv, "tom.csv", "for mange rader", id="csv-a-million-blank-rows"),
]


@pytest.mark.parametrize(("build", "name", "message"), BOMBS)
def test_a_bomb_is_refused_quickly_and_in_little_memory(
    build: Callable[[], bytes], name: str, message: str
) -> None:
    content = build()
    assert len(content) < 5 * 1024 * 1024
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(ImportFileError) as refused:
            read_table(content=content, filename=name)
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert message in str(refused.value)
    assert elapsed < 1.0, f"took {elapsed:.2f} s"
    assert peak < PEAK_LIMIT, f"peak {peak / 1e6:.0f} MB"


def test_a_file_within_the_limits_is_still_read() -> None:
    header = ["organisasjonsnummer", "navn", *(f"ekstra{i}" for i in range(MAX_COLUMNS - 2))]
    table = read_table(content=_workbook([header, ["974760673", "Fjordlager AS"]]), filename="a")
    assert len(table.headers) == MAX_COLUMNS
    assert table.rows == [
        (
            2,
            {
                **dict.fromkeys(table.headers, ""),
                "organisasjonsnummer": "974760673",
                "navn": "Fjordlager AS",
            },
        )
    ]
    rows = HEADER + "974760673;Fjordlager AS;Renhold\n" * MAX_ROWS
    assert len(read_table(content=rows.encode(), filename="a.csv").rows) == MAX_ROWS


def test_the_page_shows_the_refusal_at_the_file_field(world: World, client: Client) -> None:
    client.force_login(world.employer_contact)
    upload = SimpleUploadedFile("bombe.xlsx", whole_sheet_xlsx())
    response = client.post("/arbeidsgivere/import/", {"kind": ImportKind.EMPLOYERS, "file": upload})
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "for mange kolonner" in errors["file"][0]
    assert "report" not in response.context
