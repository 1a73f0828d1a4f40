"""Reading an uploaded CSV or XLSX file into a table of text cells, with Norwegian errors.

CSV must be UTF-8 (with or without a byte-order mark, as Excel's «CSV UTF-8» writes it),
separated by semicolons (Norwegian Excel) or commas. XLSX is read from its first sheet.

A file is bounded before it is read: its size, and for XLSX the zip archive's declared
unpacked size, compression ratio and number of members, and the sheet's declared
dimensions. Rows are then streamed (openpyxl's read-only mode, the CSV reader) and reading
stops at the first row or column past the limits, so a small file that claims a huge sheet
(``A1:XFD1048576``), a zip bomb or a header with a hundred thousand columns is refused
quickly and in little memory.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

MAX_BYTES = 5 * 1024 * 1024
#: Data rows (not counting the header and empty rows).
MAX_ROWS = 5000
#: Rows in the file, empty ones included: a sheet of blank rows is refused too.
MAX_SHEET_ROWS = 4 * MAX_ROWS
#: Columns; the widest import has 13, the rest are reported as ignored.
MAX_COLUMNS = 100
#: An XLSX archive unpacked (all members together), and one member's compression ratio.
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
MAX_COMPRESSION_RATIO = 100
MAX_ZIP_MEMBERS = 200
_RATIO_CHECKED_FROM = 1024 * 1024
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


def _too_many_rows() -> ImportFileError:
    return ImportFileError(
        _(
            "Filen har for mange rader: du kan importere høyst %(rows)s rader om gangen "
            "(og filen kan ha høyst %(sheet)s rader medregnet tomme). Del den opp i flere filer."
        )
        % {"rows": MAX_ROWS, "sheet": MAX_SHEET_ROWS}
    )


def _too_many_columns() -> ImportFileError:
    return ImportFileError(
        _(
            "Filen har for mange kolonner (høyst %(columns)s). Last ned malen og bruk bare "
            "kolonnene i den."
        )
        % {"columns": MAX_COLUMNS}
    )


def _bounded(rows: Iterable[Sequence[object]]) -> list[list[str]]:
    """The rows as text, refusing at the first row or column past the limits."""
    out: list[list[str]] = []
    filled = 0
    for number, row in enumerate(rows, start=1):
        if number > MAX_SHEET_ROWS:
            raise _too_many_rows()
        if len(row) > MAX_COLUMNS and any(v not in (None, "") for v in row[MAX_COLUMNS:]):
            raise _too_many_columns()
        cells = [_cell_text(value) for value in row[:MAX_COLUMNS]]
        if any(cells):
            filled += 1
            if filled > MAX_ROWS + 1:  # the header and MAX_ROWS data rows
                raise _too_many_rows()
        out.append(cells)
    return out


# -- CSV -----------------------------------------------------------------------------------


def _decode(content: bytes) -> str:
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFileError(
            _(
                "Filen er ikke lagret som UTF-8, så æ, ø og å ville blitt feil. I Excel: velg "
                "«Lagre som» og filtypen «CSV UTF-8 (kommadelt)». Du kan også laste opp filen "
                "som Excel-arbeidsbok (.xlsx)."
            )
        ) from None


def _read_csv(content: bytes) -> list[list[str]]:
    text = _decode(content)
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    if first_line.count(delimiter) >= MAX_COLUMNS:
        raise _too_many_columns()
    try:
        return _bounded(csv.reader(io.StringIO(text), delimiter=delimiter))
    except csv.Error as error:
        raise ImportFileError(
            _("CSV-filen kunne ikke leses: %(error)s.") % {"error": error}
        ) from None


# -- XLSX ----------------------------------------------------------------------------------


def _unreadable_xlsx() -> ImportFileError:
    return ImportFileError(
        _(
            "Excel-filen kunne ikke leses. Lagre den på nytt som Excel-arbeidsbok (.xlsx) "
            "eller som «CSV UTF-8»."
        )
    )


def _check_archive(content: bytes) -> None:
    """Refuse a zip bomb from the archive's directory, before anything is unpacked."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError):
        raise _unreadable_xlsx() from None
    unpacked = sum(member.file_size for member in members)
    packed_oddly = any(
        member.file_size > _RATIO_CHECKED_FROM
        and member.file_size > MAX_COMPRESSION_RATIO * max(member.compress_size, 1)
        for member in members
    )
    if len(members) > MAX_ZIP_MEMBERS or unpacked > MAX_UNPACKED_BYTES or packed_oddly:
        raise ImportFileError(
            _(
                "Excel-filen er for stor når den pakkes ut (høyst %(mb)s MB), eller den er "
                "pakket på en uvanlig måte. Lagre arket på nytt med bare dataene, eller som "
                "«CSV UTF-8»."
            )
            % {"mb": MAX_UNPACKED_BYTES // (1024 * 1024)}
        )


def _check_dimensions(max_row: int | None, max_column: int | None) -> None:
    """The sheet's declared size (its ``<dimension>``), checked before any row is read."""
    if max_column is not None and max_column > MAX_COLUMNS:
        raise _too_many_columns()
    if max_row is not None and max_row > MAX_SHEET_ROWS:
        raise _too_many_rows()


def _xlsx_rows(content: bytes) -> Iterator[Sequence[object]]:
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise _unreadable_xlsx() from None
    try:
        sheet = workbook.worksheets[0]
        _check_dimensions(sheet.max_row, sheet.max_column)
        # Explicit bounds: openpyxl pads every row to the declared width and fills gaps
        # between rows, so without them a lying dimension would still cost memory.
        yield from sheet.iter_rows(
            max_row=MAX_SHEET_ROWS + 1, max_col=MAX_COLUMNS + 1, values_only=True
        )
    finally:
        workbook.close()


def _read_xlsx(content: bytes) -> list[list[str]]:
    _check_archive(content)
    try:
        return _bounded(_xlsx_rows(content))
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, SyntaxError):
        # A member that is not what its directory says (size, CRC) or broken XML.
        raise _unreadable_xlsx() from None


def read_table(*, content: bytes, filename: str) -> Table:
    """The file's first row is the header; empty rows are skipped."""
    name = filename.lower()
    if name.endswith(".xls"):
        raise ImportFileError(
            _("Gamle Excel-filer (.xls) kan ikke leses. Lagre som .xlsx eller «CSV UTF-8».")
        )
    if not content.strip():
        raise ImportFileError(_("Filen er tom."))
    if len(content) > MAX_BYTES:
        raise ImportFileError(
            _("Filen er for stor (over %(mb)s MB). Del den opp i flere filer.")
            % {"mb": MAX_BYTES // (1024 * 1024)}
        )
    is_xlsx = content.startswith(_XLSX_MAGIC) or name.endswith(".xlsx")
    rows = _read_xlsx(content) if is_xlsx else _read_csv(content)
    return _table(rows)


def _table(rows: list[list[str]]) -> Table:
    numbered = [(number, row) for number, row in enumerate(rows, start=1) if any(row)]
    if not numbered:
        raise ImportFileError(_("Filen er tom."))
    (_number, header), data = numbered[0], numbered[1:]
    headers = [normalize_header(cell) for cell in header]
    if not data:
        raise ImportFileError(_("Filen har ingen rader under overskriftsraden."))
    table = Table(headers=headers)
    for number, row in data:
        cells = {h: (row[i] if i < len(row) else "") for i, h in enumerate(headers) if h}
        table.rows.append((number, cells))
    return table
