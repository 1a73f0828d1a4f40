from django.apps import AppConfig


class FollowupConfig(AppConfig):
    name = "samspill.followup"
    label = "followup"
    verbose_name = "Oppfølging"
