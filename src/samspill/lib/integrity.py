"""Keyed hashes (HMAC-SHA256) for the records that must show tampering.

The key comes from the environment (``SAMSPILL_INTEGRITY_KEY``, settings), never from the
database, so someone who can write to the database but does not hold the key cannot make
an edited row, version or chain head look intact again. Each use has its own label, so a
hash made for one purpose never verifies for another.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

from django.conf import settings


def canonical(value: Any) -> str:
    """Canonical JSON: sorted keys, no spaces, non-ASCII kept, anything else as text."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def keyed_hash(label: str, value: Any) -> str:
    """The hex HMAC-SHA256 of ``value`` (as canonical JSON) for the purpose ``label``."""
    key = settings.SAMSPILL_INTEGRITY_KEY.encode()
    message = f"{label}\n{canonical(value)}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def keyed_stream(label: str) -> hmac.HMAC:
    """An HMAC-SHA256 to feed piece by piece (long runs of rows), for ``label``."""
    digest = hmac.new(settings.SAMSPILL_INTEGRITY_KEY.encode(), digestmod=hashlib.sha256)
    digest.update(f"{label}\n".encode())
    return digest


def same(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())
