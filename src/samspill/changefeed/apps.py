from django.apps import AppConfig


class ChangefeedConfig(AppConfig):
    """The change feed (``models.py``); nothing of it is shown to users."""

    name = "samspill.changefeed"
    label = "changefeed"
