"""Bulk import of employers, workplaces and openings from CSV or XLSX files."""

from samspill.employers.importing.columns import COLUMNS, Column, ImportKind, template_csv
from samspill.employers.importing.files import MAX_BYTES, ImportFileError, Table, read_table
from samspill.employers.importing.rows import ImportReport, RowResult, import_table

__all__ = [
    "COLUMNS",
    "MAX_BYTES",
    "Column",
    "ImportFileError",
    "ImportKind",
    "ImportReport",
    "RowResult",
    "Table",
    "import_table",
    "read_table",
    "template_csv",
]
