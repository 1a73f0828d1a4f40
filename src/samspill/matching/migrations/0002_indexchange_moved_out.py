"""The change feed's outbox now belongs to the ``changefeed`` app (its 0001 takes over the
table). State only: the table and its rows stay."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("matching", "0001_initial"),
        ("changefeed", "0001_indexchange_from_matching"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="IndexChange")],
            database_operations=[],
        ),
    ]
