"""Keyed row hashes and seals for the audit trail; on PostgreSQL, a trigger that refuses
UPDATE, DELETE and TRUNCATE on it (DELETE only within the retention purge, which sets
``samspill.audit_purge`` for its own transaction; UPDATE only to unlink a deleted user;
docs/production.md).
"""

from typing import Any

import django.utils.timezone
from django.db import migrations, models


APPEND_ONLY = """
CREATE OR REPLACE FUNCTION samspill_audit_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('samspill.audit_purge', true) = 'on' THEN
        RETURN OLD;
    END IF;
    -- A deleted user's rows keep their recorded name and role; only the link goes.
    IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'audit_auditevent' THEN
        IF NEW.actor_id IS NULL THEN
            NEW.actor_id := OLD.actor_id;
            IF NEW IS NOT DISTINCT FROM OLD THEN
                NEW.actor_id := NULL;
                RETURN NEW;
            END IF;
        END IF;
    END IF;
    RAISE EXCEPTION 'Innsynsloggen kan ikke endres eller slettes (%% på %%)', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION samspill_audit_no_truncate() RETURNS trigger AS $$
BEGIN
    IF current_setting('samspill.audit_purge', true) = 'on' THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION 'Innsynsloggen kan ikke tømmes (%%)', TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$ LANGUAGE plpgsql;
"""

TABLES = ("audit_auditevent", "audit_auditseal")


def backfill_row_hashes(apps: Any, schema_editor: Any) -> None:
    from samspill.audit.integrity import row_body
    from samspill.lib.integrity import keyed_hash

    AuditEvent = apps.get_model("audit", "AuditEvent")
    for event in AuditEvent.objects.filter(row_hash="").iterator(chunk_size=2000):
        digest = keyed_hash("audit-row", row_body(event))
        AuditEvent.objects.filter(pk=event.pk).update(row_hash=digest)


def create_triggers(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(APPEND_ONLY)
    for table in TABLES:
        schema_editor.execute(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION samspill_audit_append_only()"
        )
        schema_editor.execute(
            f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION samspill_audit_no_truncate()"
        )


def drop_triggers(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}")


class Migration(migrations.Migration):

    dependencies = [
        ('audit', '0003_purpose_retention'),
    ]

    operations = [
        migrations.CreateModel(
            name='AuditSeal',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('number', models.PositiveIntegerField(unique=True)),
                ('first_id', models.BigIntegerField()),
                ('last_id', models.BigIntegerField()),
                ('count', models.PositiveIntegerField()),
                ('previous_hash', models.CharField(blank=True, max_length=64)),
                ('hash', models.CharField(max_length=64)),
                ('sealed_at', models.DateTimeField(default=django.utils.timezone.now)),
            ],
            options={
                'verbose_name': 'forsegling av innsynsloggen',
                'verbose_name_plural': 'forseglinger av innsynsloggen',
                'ordering': ['number'],
            },
        ),
        migrations.AddField(
            model_name='auditevent',
            name='row_hash',
            field=models.CharField(blank=True, editable=False, max_length=64),
        ),
        migrations.RunPython(backfill_row_hashes, migrations.RunPython.noop),
        migrations.RunPython(create_triggers, drop_triggers),
    ]
