"""Bulk import of employers, workplaces and openings, with a row-by-row report."""

from __future__ import annotations

from django import forms
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods

from samspill.audit.models import Purpose
from samspill.employers import access as scoped
from samspill.employers.importing import (
    COLUMNS,
    MAX_BYTES,
    ImportFileError,
    ImportKind,
    import_table,
    read_table,
    template_csv,
)
from samspill.lib.forms import Form
from samspill.lib.http import AuthenticatedRequest


class ImportForm(Form):
    kind = forms.ChoiceField(label=_("Hva vil du importere?"), choices=ImportKind.choices)
    file = forms.FileField(
        label=_("Fil"), help_text=_("CSV (UTF-8, semikolon eller komma) eller Excel (.xlsx).")
    )


def _context(form: ImportForm, **extra: object) -> dict[str, object]:
    kinds = [(kind, COLUMNS[kind]) for kind in ImportKind]
    return {"form": form, "kinds": kinds, **extra}


@require_http_methods(["GET", "POST"])
def employer_import(request: AuthenticatedRequest) -> HttpResponse:
    scoped.require_editor(user=request.user, purpose=Purpose.CASE_WORK, what="employer_import")
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method != "POST" or not form.is_valid():
        return render(request, "employers/import.html", _context(form))
    upload = form.cleaned_data["file"]
    kind = form.cleaned_data["kind"]
    try:
        # Read one byte past the limit, so an oversized file is refused without loading it all.
        content = upload.read(MAX_BYTES + 1)
        table = read_table(content=content, filename=upload.name or "")
        report = import_table(actor=request.user, kind=kind, table=table)
    except ImportFileError as error:
        form.add_error("file", str(error))
        return render(request, "employers/import.html", _context(form))
    context = _context(
        ImportForm(initial={"kind": kind}), report=report, kind_label=ImportKind(kind).label
    )
    return render(request, "employers/import.html", context)


@require_GET
def import_template(request: AuthenticatedRequest) -> HttpResponse:
    """A CSV template with the right columns and one example row (UTF-8 with BOM for Excel)."""
    kind = request.GET.get("type", ImportKind.EMPLOYERS)
    if kind not in ImportKind.values:
        kind = ImportKind.EMPLOYERS
    response = HttpResponse("\ufeff" + template_csv(kind), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="samspill-mal-{kind}.csv"'
    return response
