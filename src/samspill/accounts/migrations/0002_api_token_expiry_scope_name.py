"""API tokens get a UUID (for the «API-nøkler» page), a name, a scope and an expiry.

Tokens made before this get an expiry 90 days from the migration (rules.API_TOKEN_VALID_FOR)
and keep full access (``read_write``), as they had.
"""

import uuid
from datetime import timedelta

from django.db import migrations, models
from django.utils import timezone


def _fill(apps, schema_editor):  # type: ignore[no-untyped-def]
    ApiToken = apps.get_model("accounts", "ApiToken")
    expires = timezone.now() + timedelta(days=90)
    for token in ApiToken.objects.all():
        token.uuid = uuid.uuid4()
        token.expires_at = expires
        token.save(update_fields=["uuid", "expires_at"])


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_offices_teams_users")]

    operations = [
        migrations.AddField(
            model_name="apitoken",
            name="uuid",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="apitoken",
            name="expires_at",
            field=models.DateTimeField(null=True, verbose_name="utløper"),
        ),
        migrations.RunPython(_fill, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="apitoken",
            name="uuid",
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True),
        ),
        migrations.AlterField(
            model_name="apitoken",
            name="expires_at",
            field=models.DateTimeField(verbose_name="utløper"),
        ),
        migrations.AddField(
            model_name="apitoken",
            name="name",
            field=models.CharField(blank=True, max_length=80, verbose_name="navn"),
        ),
        migrations.AddField(
            model_name="apitoken",
            name="scope",
            field=models.CharField(
                choices=[("read", "Bare lese"), ("read_write", "Lese og endre")],
                default="read_write",
                max_length=10,
                verbose_name="tilgang",
            ),
        ),
        migrations.AlterModelOptions(
            name="apitoken",
            options={
                "ordering": ["-created_at"],
                "verbose_name": "API-nøkkel",
                "verbose_name_plural": "API-nøkler",
            },
        ),
        migrations.AlterField(
            model_name="apitoken",
            name="created_at",
            field=models.DateTimeField(auto_now_add=True, verbose_name="opprettet"),
        ),
        migrations.AlterField(
            model_name="apitoken",
            name="last_used_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="sist brukt"),
        ),
        migrations.AlterField(
            model_name="apitoken",
            name="revoked_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="trukket tilbake"),
        ),
    ]
