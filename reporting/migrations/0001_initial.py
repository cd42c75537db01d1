"""Background exports, moved here from the awards app. The table keeps its name
(awards_dataexport): state only, no data touched."""

from django.conf import settings
from django.db import migrations, models
import core.storage
import django.db.models.deletion
import reporting.models


class Migration(migrations.Migration):
    dependencies = [
        ("awards", "0011_outcome_constraints_invitation_revocation"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="DataExport",
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
                        ("kind", models.CharField(max_length=40, verbose_name="export")),
                        ("params", models.JSONField(blank=True, default=dict)),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("pending", "Being prepared"),
                                    ("ready", "Ready"),
                                    ("failed", "Failed"),
                                ],
                                default="pending",
                                max_length=20,
                                verbose_name="status",
                            ),
                        ),
                        (
                            "file",
                            models.FileField(
                                blank=True,
                                storage=core.storage.private_storage,
                                upload_to=reporting.models.export_upload_to,
                            ),
                        ),
                        ("row_count", models.PositiveIntegerField(blank=True, null=True)),
                        ("error", models.TextField(blank=True)),
                        ("created_at", models.DateTimeField(verbose_name="requested at")),
                        (
                            "finished_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="ready at"),
                        ),
                        (
                            "requested_by",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="data_exports",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "db_table": "awards_dataexport",
                        "ordering": ["-created_at", "-pk"],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
