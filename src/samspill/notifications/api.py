"""Notifications in the JSON API (tag ``notifications``): the user's own new notices.

The path stays ``/api/followup/notifications``, where clients already call it.
"""

from __future__ import annotations

from datetime import datetime

from ninja import Router, Schema

from samspill.lib.http import AuthenticatedRequest
from samspill.notifications import selectors

router = Router(tags=["notifications"])


class NotificationOut(Schema):
    title: str
    body: str
    url: str
    urgent: bool
    created_at: datetime


@router.get("/followup/notifications", response=list[NotificationOut], summary="Nye varsler")
def notification_list(request: AuthenticatedRequest) -> list[NotificationOut]:
    return [
        NotificationOut(
            title=n.title, body=n.body, url=n.url, urgent=n.urgent, created_at=n.created_at
        )
        for n in selectors.unread_for(user=request.user, limit=100)
    ]
