"""Login throttling with django-axes: whose attempts count together, and the lockout page."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str | None:
    """The address attempts are counted on (with the username).

    Without proxies of our own (``SAMSPILL_PROXY_COUNT=0``) it is the peer's address; a
    client cannot choose it. Behind N proxies it is the address the outermost of them saw
    (the N-th entry of X-Forwarded-For from the right), never one the client wrote itself.
    """
    count: int = settings.SAMSPILL_PROXY_COUNT
    peer: str | None = request.META.get("REMOTE_ADDR")
    if count <= 0:
        return peer
    header: str = request.META.get("HTTP_X_FORWARDED_FOR", "")
    forwarded = [a.strip() for a in header.split(",")]
    forwarded = [a for a in forwarded if a]
    if len(forwarded) < count:
        return peer
    return forwarded[-count]
