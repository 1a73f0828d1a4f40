"""Login through OpenID Connect: not built yet.

The login page shows one button per configured provider; until OIDC is built no provider
is configured, so the page offers the local password login only.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Provider:
    key: str
    label: str


def configured_providers() -> list[Provider]:
    return []
