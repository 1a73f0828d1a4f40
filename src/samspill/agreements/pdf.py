"""The two PDFs of an agreement (WeasyPrint): the full record and the employer's one page."""

from __future__ import annotations

import logging
from typing import Any

from django.template.loader import render_to_string

FULL = "agreements/pdf_full.html"
EMPLOYER = "agreements/pdf_employer.html"


def render_document(template: str, context: dict[str, Any]) -> Any:
    """The laid-out document (pages and boxes), before it is written as PDF."""
    from weasyprint import HTML  # heavy import: only when a PDF is asked for

    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)  # one line per step

    return HTML(string=render_to_string(template, context)).render()


def render_pdf(template: str, context: dict[str, Any]) -> bytes:
    pdf: bytes = render_document(template, context).write_pdf()
    return pdf
