"""The audit trail, moved here from the awards app. Its table keeps its name
(awards_auditentry): state only, no data touched."""

from django.conf import settings
from django.db import migrations, models
import django.db.models.deletion


class Migration(migrations.Migration):
    dependencies = [
        ("awards", "0011_outcome_constraints_invitation_revocation"),
        ("organisations", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="AuditEntry",
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
                            "action",
                            models.CharField(
                                choices=[
                                    ("application_started", "Application started"),
                                    ("application_submitted", "Application submitted"),
                                    ("application_withdrawn", "Application withdrawn"),
                                    ("pledge_signed", "Pledge signed"),
                                    ("member_invited", "Colleague invited"),
                                    ("member_joined", "Colleague joined"),
                                    ("member_removed", "Colleague removed"),
                                    ("invitation_revoked", "Invitation revoked"),
                                    ("application_accepted", "Accepted for assessment"),
                                    ("application_returned", "Returned for more information"),
                                    ("application_ineligible", "Marked ineligible"),
                                    ("panel_assigned", "Panel assigned"),
                                    ("panel_member_added", "Panel member added"),
                                    ("panel_member_changed", "Panel member's role changed"),
                                    ("panel_member_removed", "Panel member removed"),
                                    ("conflict_declared", "Conflict of interest declared"),
                                    ("judgements_submitted", "Panel member's judgements submitted"),
                                    ("decision_recorded", "Decision recorded"),
                                    ("decision_released", "Decision released"),
                                    ("meeting_recorded", "Panel meeting or visit recorded"),
                                    ("reassessment_started", "New assessment round started"),
                                    ("condition_answered", "Condition answered"),
                                    ("condition_met", "Condition marked met"),
                                    ("condition_overdue", "Condition overdue"),
                                    ("award_created", "Award made"),
                                    ("award_renewal_due", "Award renewal due"),
                                    ("award_reminder_sent", "Renewal reminder sent"),
                                    ("award_renewal_started", "Renewal started"),
                                    ("award_renewed", "Award renewed"),
                                    ("award_renewal_not_awarded", "Renewal not awarded"),
                                    ("award_lapsed", "Award lapsed"),
                                    ("award_withdrawn", "Award withdrawn"),
                                    ("export_created", "Data exported"),
                                    ("payment_recorded", "Honorarium or expenses recorded"),
                                    ("payment_paid", "Honorarium or expenses paid"),
                                    ("action_plan_imported", "Action plan imported"),
                                    ("action_plan_updated", "Action plan progress updated"),
                                    ("decision_voided", "Decision with an invalid outcome removed"),
                                ],
                                max_length=40,
                                verbose_name="what",
                            ),
                        ),
                        (
                            "from_status",
                            models.CharField(blank=True, max_length=40, verbose_name="from"),
                        ),
                        (
                            "to_status",
                            models.CharField(blank=True, max_length=40, verbose_name="to"),
                        ),
                        ("note", models.TextField(blank=True, verbose_name="note")),
                        ("data", models.JSONField(blank=True, default=dict)),
                        ("created_at", models.DateTimeField(verbose_name="when")),
                        (
                            "actor",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "application",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="audit_entries",
                                to="awards.application",
                            ),
                        ),
                        (
                            "award",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="audit_entries",
                                to="awards.award",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "audit entry",
                        "verbose_name_plural": "audit entries",
                        "db_table": "awards_auditentry",
                        "ordering": ["created_at", "pk"],
                    },
                ),
                migrations.AddField(
                    model_name="auditentry",
                    name="organisation",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="audit_entries",
                        to="organisations.organisation",
                    ),
                ),
            ],
            database_operations=[],
        ),
    ]
