"""Reading an uploaded CSV or XLSX file into a table of text cells, with Norwegian errors.

CSV must be UTF-8 (with or without a byte-order mark, as Excel's «CSV UTF-8» writes it),
separated by semicolons (Norwegian Excel) or commas. XLSX is read from its first sheet.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
_XLSX_MAGIC = b"PK\x03\x04"


class ImportFileError(Exception):
    """The file as a whole cannot be read; ``str(error)`` is the message to show."""


@dataclass
class Table:
    headers: list[str]
    #: (row number as a spreadsheet shows it, the header row being 1; cells by header)
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)


def normalize_header(text: str) -> str:
    """``« IA-avtale »`` → ``ia_avtale``: headers match however they are capitalised."""
    return "_".join(text.strip().lower().replace("-", " ").split())


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _decode(content: bytes) -> str:
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFileError(
            "Filen er ikke lagret som UTF-8, så æ, ø og å ville blitt feil. I Excel: velg "
            "«Lagre som» og filtypen «CSV UTF-8 (kommadelt)». Du kan også laste opp filen "
            "som Excel-arbeidsbok (.xlsx)."
        ) from None


def _read_csv(content: bytes) -> list[list[str]]:
    text = _decode(content)
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    try:
        return [
            [cell.strip() for cell in row]
            for row in csv.reader(io.StringIO(text), delimiter=delimiter)
        ]
    except csv.Error as error:
        raise ImportFileError(f"CSV-filen kunne ikke leses: {error}.") from None


def _read_xlsx(content: bytes) -> list[list[str]]:
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError):
        raise ImportFileError(
            "Excel-filen kunne ikke leses. Lagre den på nytt som Excel-arbeidsbok (.xlsx) "
            "eller som «CSV UTF-8»."
        ) from None
    try:
        sheet = workbook.worksheets[0]
        return [[_cell_text(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()


def read_table(*, content: bytes, filename: str) -> Table:
    """The file's first row is the header; empty rows are skipped."""
    name = filename.lower()
    if name.endswith(".xls"):
        raise ImportFileError(
            "Gamle Excel-filer (.xls) kan ikke leses. Lagre som .xlsx eller «CSV UTF-8»."
        )
    if not content.strip():
        raise ImportFileError("Filen er tom.")
    if len(content) > MAX_BYTES:
        raise ImportFileError("Filen er for stor (over 5 MB). Del den opp i flere filer.")
    is_xlsx = content.startswith(_XLSX_MAGIC) or name.endswith(".xlsx")
    rows = _read_xlsx(content) if is_xlsx else _read_csv(content)
    return _table(rows)


def _table(rows: list[list[str]]) -> Table:
    numbered = [(number, row) for number, row in enumerate(rows, start=1) if any(row)]
    if not numbered:
        raise ImportFileError("Filen er tom.")
    (_, header), data = numbered[0], numbered[1:]
    headers = [normalize_header(cell) for cell in header]
    if not data:
        raise ImportFileError("Filen har ingen rader under overskriftsraden.")
    if len(data) > MAX_ROWS:
        raise ImportFileError(
            f"Filen har {len(data)} rader; du kan importere høyst {MAX_ROWS} om gangen."
        )
    table = Table(headers=headers)
    for number, row in data:
        cells = {h: (row[i] if i < len(row) else "") for i, h in enumerate(headers) if h}
        table.rows.append((number, cells))
    return table
