"""Forms shared by every app: Aksel (design system) classes, service errors at their fields."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy

#: Django's empty choice («---------») on a select, and what the user reads instead.
DJANGO_EMPTY_LABEL = "---------"
EMPTY_LABEL = gettext_lazy("Velg …")

# widget class → (kind used by core/field.html, container class, input class)
_WIDGET_STYLE: list[tuple[type[forms.Widget], str, str, str]] = [
    (forms.CheckboxInput, "checkbox", "aksel-checkbox", "aksel-checkbox__input"),
    (forms.CheckboxSelectMultiple, "checkboxes", "aksel-fieldset", "aksel-checkbox__input"),
    (forms.Select, "select", "aksel-select", "aksel-select__input"),
    (forms.Textarea, "textarea", "aksel-textarea", "aksel-textarea__input"),
]
_TEXT_STYLE = ("text", "aksel-text-field", "aksel-text-field__input")


class AkselFormMixin:
    """Style every field the design system's way and tie each error message to its input.

    Errors are shown at the field they concern (``core/field.html``) and announced through
    ``aria-describedby``, so screen-reader users hear them too.
    """

    template_name_div = "core/form.html"
    fields: dict[str, forms.Field]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.style_fields()

    def style_fields(self) -> None:
        """Style every field (again, after a form added fields of its own in ``__init__``)."""
        for name, field in self.fields.items():
            kind, container, css = next(
                (style[1:] for style in _WIDGET_STYLE if isinstance(field.widget, style[0])),
                _TEXT_STYLE,
            )
            auto_id = self[name].auto_id  # type: ignore[index]
            described = [f"{auto_id}_error"] + ([f"{auto_id}_helptext"] if field.help_text else [])
            field.widget.attrs.setdefault("class", f"{css} aksel-body-short")
            field.widget.attrs["aria-describedby"] = " ".join(described)
            field.aksel_kind = kind  # type: ignore[attr-defined]
            field.aksel_container = container  # type: ignore[attr-defined]
            field.template_name = "core/field.html"  # type: ignore[attr-defined]
            _name_the_empty_choice(field)


def _name_the_empty_choice(field: forms.Field) -> None:
    """Replace Django's «---------» (of a model field with ``blank=True``, or of a
    ``ModelChoiceField``) with «Velg …»; a label a form chose itself is kept."""
    if isinstance(field, forms.ModelChoiceField):
        if field.empty_label == DJANGO_EMPTY_LABEL:
            field.empty_label = EMPTY_LABEL
    elif isinstance(field, forms.ChoiceField):
        # The field's setter made them an iterable of pairs (a callable becomes an iterator).
        choices = list(cast(Iterable[tuple[Any, Any]], field.choices))
        if ("", DJANGO_EMPTY_LABEL) in choices:
            field.choices = [
                (value, EMPTY_LABEL if (value, label) == ("", DJANGO_EMPTY_LABEL) else label)
                for value, label in choices
            ]


class Form(AkselFormMixin, forms.Form):
    pass


def add_service_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Show each message at its field; messages for fields the form lacks go on top."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)
