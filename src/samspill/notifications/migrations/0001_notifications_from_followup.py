"""Notifications move from ``followup`` into their own app, without moving data.

State only: the tables ``followup_notification``, ``followup_notificationpreference`` and
``followup_digestrun`` stay where ``followup.0002`` created them; this app now owns their
models (``Meta.db_table``). ``followup.0003`` drops them from followup's state.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("followup", "0002_plans_commitments_concerns_notifications"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Notification",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("key", models.CharField(max_length=200, unique=True)),
                        ("title", models.CharField(max_length=200, verbose_name="varsel")),
                        ("body", models.TextField(blank=True)),
                        ("url", models.CharField(blank=True, max_length=300)),
                        ("urgent", models.BooleanField(default=False)),
                        ("created_at", models.DateTimeField(default=django.utils.timezone.now)),
                        ("read_at", models.DateTimeField(blank=True, null=True)),
                        ("delivered_at", models.DateTimeField(blank=True, null=True)),
                        ("delivered_by", models.CharField(blank=True, max_length=20)),
                        (
                            "recipient",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="notifications",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "db_table": "followup_notification",
                        "ordering": ["-created_at", "-id"],
                        "indexes": [
                            models.Index(
                                fields=["recipient", "read_at"], name="notification_unread"
                            ),
                            models.Index(fields=["delivered_at"], name="notification_undelivered"),
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="NotificationPreference",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "email_mode",
                            models.CharField(
                                choices=[
                                    ("immediate", "Med en gang"),
                                    ("daily", "Samlet én gang om dagen"),
                                    ("none", "Ikke på e-post (bare i Samspill)"),
                                ],
                                default="immediate",
                                max_length=10,
                                verbose_name="varsler på e-post",
                            ),
                        ),
                        (
                            "user",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="notification_preference",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={"db_table": "followup_notificationpreference"},
                ),
                migrations.CreateModel(
                    name="DigestRun",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("day", models.DateField()),
                        ("sent_at", models.DateTimeField(auto_now_add=True)),
                        (
                            "recipient",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "db_table": "followup_digestrun",
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("recipient", "day"), name="digest_once_per_day"
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
