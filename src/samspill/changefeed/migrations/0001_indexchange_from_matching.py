"""The change feed's outbox moves from ``matching`` into its own app, without moving data.

State only: the table ``matching_indexchange`` stays where ``matching.0001`` created it;
``matching.0002`` drops the model from matching's state.
"""

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("matching", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="IndexChange",
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
                            "kind",
                            models.CharField(
                                choices=[
                                    ("candidate", "Candidate"),
                                    ("opening", "Opening"),
                                    ("workplace", "Workplace"),
                                    ("employer", "Employer"),
                                ],
                                max_length=10,
                            ),
                        ),
                        ("object_id", models.BigIntegerField()),
                        (
                            "at",
                            models.DateTimeField(
                                db_index=True, default=django.utils.timezone.now
                            ),
                        ),
                    ],
                    options={"db_table": "matching_indexchange"},
                ),
            ],
            database_operations=[],
        ),
    ]
