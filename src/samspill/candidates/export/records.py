"""The building blocks of the export: sections of records of labelled items."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.db import models

from samspill.accounts.models import User

Item = dict[str, Any]
Record = dict[str, Any]
Section = dict[str, Any]
#: A field name, or (field name, label) where the model has no Norwegian verbose name.
Spec = str | tuple[str, Any]


def value_of(obj: models.Model, name: str) -> Any:
    field = obj._meta.get_field(name)
    value = getattr(obj, name)
    if getattr(field, "choices", None) and value not in (None, ""):
        return str(getattr(obj, f"get_{name}_display")())
    if isinstance(value, User):
        return value.display_name
    if isinstance(value, models.Model):
        return str(value)
    return value


def label_of(obj: models.Model | type[models.Model], name: str) -> str:
    verbose = str(getattr(obj._meta.get_field(name), "verbose_name", name))
    return verbose[:1].upper() + verbose[1:]


def items(obj: models.Model, specs: Iterable[Spec]) -> list[Item]:
    result = []
    for spec in specs:
        name, label = spec if isinstance(spec, tuple) else (spec, label_of(obj, spec))
        result.append({"key": name, "label": str(label), "value": value_of(obj, name)})
    return result


def item(key: str, label: str, value: Any) -> Item:
    return {"key": key, "label": label, "value": value}


def section(key: str, title: str, records: Sequence[Record]) -> Section:
    return {"key": key, "title": title, "records": list(records)}


def record(fields: list[Item], parts: Sequence[Section] = ()) -> Record:
    return {"items": fields, "parts": list(parts)}


def rows(key: str, title: str, objects: Iterable[models.Model], specs: Sequence[Spec]) -> Section:
    return section(key, title, [record(items(obj, specs)) for obj in objects])
