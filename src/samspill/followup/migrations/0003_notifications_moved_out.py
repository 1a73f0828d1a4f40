"""Notifications now belong to the ``notifications`` app (its 0001 takes over the tables).

State only: the tables and their rows stay; followup just stops owning the models.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("followup", "0002_plans_commitments_concerns_notifications"),
        ("notifications", "0001_notifications_from_followup"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="DigestRun"),
                migrations.DeleteModel(name="Notification"),
                migrations.DeleteModel(name="NotificationPreference"),
            ],
            database_operations=[],
        ),
    ]
