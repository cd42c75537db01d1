"""Assessor profiles, panels, conflicts, judgements, meetings and payments, moved here from
the awards app. Their tables keep their names (awards_*): state only, no data touched."""

from django.conf import settings
from django.db import migrations, models
import django.db.models.deletion


class Migration(migrations.Migration):
    dependencies = [
        ("awards", "0011_outcome_constraints_invitation_revocation"),
        ("organisations", "0001_initial"),
        ("cms", "0004_editorial_permissions"),
        ("criteria", "0003_criterion_pledge_is_evidence"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="AssessorProfile",
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
                            "lived_experience",
                            models.BooleanField(
                                default=False,
                                verbose_name="has lived experience of seeking sanctuary",
                            ),
                        ),
                        ("expertise", models.TextField(blank=True, verbose_name="expertise")),
                        (
                            "consent_given_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="consent to processing given at"
                            ),
                        ),
                        (
                            "privacy_notice_version",
                            models.CharField(
                                blank=True, max_length=20, verbose_name="privacy notice version"
                            ),
                        ),
                        (
                            "named_to_applicants",
                            models.BooleanField(
                                default=False, verbose_name="agrees to be named to applicants"
                            ),
                        ),
                        (
                            "last_calibrated_on",
                            models.DateField(
                                blank=True, null=True, verbose_name="last calibration"
                            ),
                        ),
                        (
                            "affiliations",
                            models.ManyToManyField(
                                blank=True,
                                related_name="affiliated_assessors",
                                to="organisations.organisation",
                                verbose_name="works for, studies at, or governs",
                            ),
                        ),
                        (
                            "local_group",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="assessors",
                                to="cms.localgrouppage",
                                verbose_name="local group",
                            ),
                        ),
                        (
                            "user",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="assessor_profile",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "assessor profile",
                        "verbose_name_plural": "assessor profiles",
                        "db_table": "awards_assessorprofile",
                    },
                ),
                migrations.CreateModel(
                    name="Panel",
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
                        ("name", models.CharField(max_length=200, verbose_name="name")),
                        (
                            "meeting_date",
                            models.DateField(blank=True, null=True, verbose_name="meeting date"),
                        ),
                        (
                            "meeting_format",
                            models.CharField(
                                choices=[("online", "Online"), ("in_person", "In person")],
                                default="online",
                                max_length=20,
                                verbose_name="format",
                            ),
                        ),
                        (
                            "place",
                            models.CharField(blank=True, max_length=200, verbose_name="place"),
                        ),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        (
                            "created_by",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "local_group",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="assessment_panels",
                                to="cms.localgrouppage",
                            ),
                        ),
                        (
                            "stream",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="assessment_panels",
                                to="criteria.stream",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "awards_panel",
                        "ordering": ["-created_at"],
                    },
                ),
                migrations.CreateModel(
                    name="PanelMeeting",
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
                        ("held_on", models.DateField(verbose_name="date")),
                        (
                            "meeting_format",
                            models.CharField(
                                choices=[("online", "Online"), ("in_person", "In person")],
                                default="online",
                                max_length=20,
                                verbose_name="how",
                            ),
                        ),
                        (
                            "place",
                            models.CharField(blank=True, max_length=200, verbose_name="place"),
                        ),
                        (
                            "people_met",
                            models.TextField(blank=True, verbose_name="who the panel met"),
                        ),
                        ("notes", models.TextField(blank=True, verbose_name="notes")),
                        (
                            "extra_evidence",
                            models.TextField(
                                blank=True, verbose_name="extra evidence received on the day"
                            ),
                        ),
                        ("recorded_at", models.DateTimeField()),
                        (
                            "application",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="panel_meetings",
                                to="awards.application",
                            ),
                        ),
                        (
                            "recorded_by",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "db_table": "awards_panelmeeting",
                        "ordering": ["held_on", "pk"],
                    },
                ),
                migrations.CreateModel(
                    name="PanelMember",
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
                            "role",
                            models.CharField(
                                choices=[
                                    ("lived_experience", "Lived-experience assessor"),
                                    ("sector_expert", "Sector expert"),
                                    ("local_group_member", "Local group member"),
                                    ("peer", "Peer from an awarded institution"),
                                ],
                                max_length=30,
                                verbose_name="role on the panel",
                            ),
                        ),
                        ("is_chair", models.BooleanField(default=False, verbose_name="chair")),
                        (
                            "panel",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="members",
                                to="panels.panel",
                            ),
                        ),
                        (
                            "user",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="panel_memberships",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "db_table": "awards_panelmember",
                        "ordering": ["-is_chair", "pk"],
                    },
                ),
                migrations.CreateModel(
                    name="ConflictDeclaration",
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
                        ("has_conflict", models.BooleanField()),
                        ("details", models.TextField(blank=True)),
                        ("declared_at", models.DateTimeField()),
                        (
                            "application",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="conflict_declarations",
                                to="awards.application",
                            ),
                        ),
                        (
                            "member",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="declarations",
                                to="panels.panelmember",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "awards_conflictdeclaration",
                    },
                ),
                migrations.CreateModel(
                    name="Assessment",
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
                        ("round", models.PositiveSmallIntegerField(default=1)),
                        ("submitted_at", models.DateTimeField(blank=True, null=True)),
                        ("version", models.PositiveIntegerField(default=0)),
                        (
                            "application",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="assessments",
                                to="awards.application",
                            ),
                        ),
                        (
                            "member",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="assessments",
                                to="panels.panelmember",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "awards_assessment",
                    },
                ),
                migrations.CreateModel(
                    name="Payment",
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
                                choices=[("honorarium", "Honorarium"), ("expenses", "Expenses")],
                                max_length=20,
                                verbose_name="type",
                            ),
                        ),
                        (
                            "amount",
                            models.DecimalField(
                                decimal_places=2, max_digits=8, verbose_name="amount (£)"
                            ),
                        ),
                        (
                            "description",
                            models.CharField(blank=True, max_length=200, verbose_name="what for"),
                        ),
                        (
                            "claimed_on",
                            models.DateField(blank=True, null=True, verbose_name="claimed on"),
                        ),
                        (
                            "paid_on",
                            models.DateField(blank=True, null=True, verbose_name="paid on"),
                        ),
                        ("recorded_at", models.DateTimeField()),
                        (
                            "member",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="payments",
                                to="panels.panelmember",
                            ),
                        ),
                        (
                            "recorded_by",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "db_table": "awards_payment",
                        "ordering": ["-recorded_at", "-pk"],
                    },
                ),
                migrations.CreateModel(
                    name="CriterionJudgement",
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
                            "outcome",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("met", "Met"),
                                    ("partly_met", "Partly met"),
                                    ("not_yet_met", "Not yet met"),
                                ],
                                max_length=20,
                                verbose_name="judgement",
                            ),
                        ),
                        ("comment", models.TextField(blank=True, verbose_name="comment")),
                        (
                            "assessment",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="judgements",
                                to="panels.assessment",
                            ),
                        ),
                        (
                            "criterion",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="judgements",
                                to="criteria.criterion",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "awards_criterionjudgement",
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("assessment", "criterion"), name="awards_one_judgement"
                            ),
                            models.CheckConstraint(
                                condition=models.Q(
                                    ("outcome__in", ["", "met", "partly_met", "not_yet_met"])
                                ),
                                name="awards_judgement_outcome_valid",
                            ),
                        ],
                    },
                ),
                migrations.AddConstraint(
                    model_name="panelmember",
                    constraint=models.UniqueConstraint(
                        fields=("panel", "user"), name="awards_panel_member_unique"
                    ),
                ),
                migrations.AddConstraint(
                    model_name="panelmember",
                    constraint=models.UniqueConstraint(
                        condition=models.Q(("is_chair", True)),
                        fields=("panel",),
                        name="awards_panel_one_chair",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="conflictdeclaration",
                    constraint=models.UniqueConstraint(
                        fields=("member", "application"), name="awards_one_declaration"
                    ),
                ),
                migrations.AddConstraint(
                    model_name="assessment",
                    constraint=models.UniqueConstraint(
                        fields=("member", "application", "round"),
                        name="awards_one_assessment_per_round",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="payment",
                    constraint=models.CheckConstraint(
                        condition=models.Q(("amount__gt", 0)), name="awards_payment_positive"
                    ),
                ),
                migrations.AddConstraint(
                    model_name="payment",
                    constraint=models.CheckConstraint(
                        condition=models.Q(
                            ("paid_on__isnull", True),
                            ("claimed_on__isnull", True),
                            ("paid_on__gte", models.F("claimed_on")),
                            _connector="OR",
                        ),
                        name="awards_payment_paid_after_claimed",
                    ),
                ),
            ],
            database_operations=[],
        ),
    ]
