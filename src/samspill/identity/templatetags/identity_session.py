"""``{% idle_notice %}``: the warning before an idle logout, in the base template."""

from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings

register = template.Library()


@register.inclusion_tag("identity/_idle_notice.html", takes_context=True)
def idle_notice(context: dict[str, Any]) -> dict[str, Any]:
    idle = int(settings.SAMSPILL_IDLE_TIMEOUT_MINUTES)
    warning = min(int(settings.SAMSPILL_IDLE_WARNING_MINUTES), idle)
    return {
        "request": context.get("request"),
        "csrf_token": context.get("csrf_token"),
        "idle_seconds": idle * 60,
        "idle_warning_seconds": warning * 60,
        "idle_warning_minutes": warning,
    }
