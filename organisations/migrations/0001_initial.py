"""Organisations, teams, invitations, evidence and action plans, moved here from the awards
app. Their tables keep their names (awards_*), so this changes Django's state only: no row
or file is touched."""

from django.conf import settings
from django.db import migrations, models
import core.storage
import django.db.models.deletion
import organisations.models.evidence


class Migration(migrations.Migration):
    dependencies = [
        ("awards", "0011_outcome_constraints_invitation_revocation"),
        ("cms", "0004_editorial_permissions"),
        ("criteria", "0003_criterion_pledge_is_evidence"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Organisation",
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
                            "name",
                            models.CharField(max_length=200, verbose_name="organisation name"),
                        ),
                        (
                            "organisation_type",
                            models.CharField(
                                choices=[
                                    ("nursery", "Nursery"),
                                    ("school", "School"),
                                    ("college", "Further education college"),
                                    ("university", "University"),
                                    ("local_authority", "Local authority"),
                                    ("library", "Library service"),
                                    ("health", "Health service"),
                                    ("arts", "Arts organisation or theatre"),
                                    ("museum", "Museum"),
                                    ("faith", "Faith group"),
                                    ("charity_shop", "Charity shop"),
                                    ("other", "Other organisation"),
                                ],
                                max_length=30,
                                verbose_name="type of organisation",
                            ),
                        ),
                        ("address", models.TextField(blank=True, verbose_name="address")),
                        (
                            "postcode",
                            models.CharField(blank=True, max_length=10, verbose_name="postcode"),
                        ),
                        (
                            "local_authority",
                            models.CharField(
                                blank=True, max_length=100, verbose_name="local authority area"
                            ),
                        ),
                        (
                            "nation",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("england", "England"),
                                    ("scotland", "Scotland"),
                                    ("wales", "Wales"),
                                    ("northern_ireland", "Northern Ireland"),
                                ],
                                max_length=20,
                                verbose_name="nation",
                            ),
                        ),
                        (
                            "region",
                            models.CharField(blank=True, max_length=100, verbose_name="region"),
                        ),
                        ("website", models.URLField(blank=True, verbose_name="website")),
                        (
                            "school_urn",
                            models.CharField(blank=True, max_length=10, verbose_name="school URN"),
                        ),
                        (
                            "ukprn",
                            models.CharField(blank=True, max_length=10, verbose_name="UKPRN"),
                        ),
                        (
                            "council_code",
                            models.CharField(
                                blank=True, max_length=12, verbose_name="council code"
                            ),
                        ),
                        (
                            "listed_publicly",
                            models.BooleanField(
                                default=True,
                                verbose_name="list us in the public register if we receive an award",
                            ),
                        ),
                        (
                            "pledge_signatory_name",
                            models.CharField(
                                blank=True, max_length=200, verbose_name="pledge signed by"
                            ),
                        ),
                        (
                            "pledge_signatory_role",
                            models.CharField(blank=True, max_length=200, verbose_name="role"),
                        ),
                        (
                            "pledge_signed_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="pledge signed at"
                            ),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(auto_now_add=True, verbose_name="created at"),
                        ),
                        (
                            "local_group",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="organisations",
                                to="cms.localgrouppage",
                                verbose_name="local City of Sanctuary group",
                            ),
                        ),
                        (
                            "parent",
                            models.ForeignKey(
                                blank=True,
                                help_text="For example the library service or education group you belong to.",
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="children",
                                to="organisations.organisation",
                                verbose_name="part of",
                            ),
                        ),
                        (
                            "pledge_signed_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "stream",
                            models.ForeignKey(
                                blank=True,
                                help_text="Leave empty to apply through your local City of Sanctuary group.",
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="organisations",
                                to="criteria.stream",
                                verbose_name="stream",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "organisation",
                        "verbose_name_plural": "organisations",
                        "db_table": "awards_organisation",
                        "ordering": ["name"],
                    },
                ),
                migrations.CreateModel(
                    name="Membership",
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
                                    ("lead", "Applicant lead"),
                                    ("contributor", "Contributor"),
                                ],
                                max_length=20,
                                verbose_name="role",
                            ),
                        ),
                        (
                            "joined_at",
                            models.DateTimeField(auto_now_add=True, verbose_name="joined at"),
                        ),
                        (
                            "user",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="memberships",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "organisation",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="memberships",
                                to="organisations.organisation",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "awards_membership",
                        "ordering": ["organisation__name", "role", "user__email"],
                    },
                ),
                migrations.CreateModel(
                    name="Invitation",
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
                        ("email", models.EmailField(max_length=254, verbose_name="email address")),
                        (
                            "role",
                            models.CharField(
                                choices=[
                                    ("lead", "Applicant lead"),
                                    ("contributor", "Contributor"),
                                ],
                                max_length=20,
                                verbose_name="role",
                            ),
                        ),
                        ("token", models.CharField(editable=False, max_length=64, unique=True)),
                        (
                            "created_at",
                            models.DateTimeField(auto_now_add=True, verbose_name="sent at"),
                        ),
                        ("expires_at", models.DateTimeField(verbose_name="expires at")),
                        (
                            "accepted_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="accepted at"),
                        ),
                        (
                            "revoked_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="withdrawn at"
                            ),
                        ),
                        (
                            "accepted_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "invited_by",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "revoked_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "organisation",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="invitations",
                                to="organisations.organisation",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "awards_invitation",
                        "ordering": ["-created_at"],
                    },
                ),
                migrations.CreateModel(
                    name="EvidenceItem",
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
                                    ("file", "File"),
                                    ("link", "Link"),
                                    ("testimony", "Written testimony"),
                                ],
                                max_length=20,
                                verbose_name="kind",
                            ),
                        ),
                        ("title", models.CharField(max_length=200, verbose_name="title")),
                        (
                            "evidence_date",
                            models.DateField(blank=True, null=True, verbose_name="date"),
                        ),
                        ("description", models.TextField(blank=True, verbose_name="description")),
                        (
                            "file",
                            models.FileField(
                                blank=True,
                                storage=core.storage.private_storage,
                                upload_to=organisations.models.evidence.evidence_upload_to,
                                verbose_name="file",
                            ),
                        ),
                        (
                            "file_name",
                            models.CharField(blank=True, max_length=120, verbose_name="file name"),
                        ),
                        (
                            "file_size",
                            models.PositiveBigIntegerField(default=0, verbose_name="file size"),
                        ),
                        (
                            "mime_type",
                            models.CharField(blank=True, max_length=100, verbose_name="file type"),
                        ),
                        (
                            "scan_status",
                            models.CharField(
                                choices=[
                                    ("pending", "Waiting for virus check"),
                                    ("clean", "Checked"),
                                    ("infected", "Blocked: failed virus check"),
                                ],
                                default="pending",
                                max_length=20,
                                verbose_name="virus check",
                            ),
                        ),
                        (
                            "url",
                            models.URLField(blank=True, max_length=500, verbose_name="web address"),
                        ),
                        ("testimony", models.TextField(blank=True, verbose_name="testimony")),
                        (
                            "contains_images_of_children",
                            models.BooleanField(
                                default=False, verbose_name="contains photos or images of children"
                            ),
                        ),
                        (
                            "contains_sanctuary_stories",
                            models.BooleanField(
                                default=False,
                                verbose_name="contains quotes or stories of people seeking sanctuary",
                            ),
                        ),
                        (
                            "consent_obtained",
                            models.BooleanField(default=False, verbose_name="consent obtained"),
                        ),
                        (
                            "consent_recorded_by",
                            models.CharField(
                                blank=True, max_length=200, verbose_name="consent recorded by"
                            ),
                        ),
                        (
                            "consent_recorded_on",
                            models.DateField(
                                blank=True, null=True, verbose_name="consent recorded on"
                            ),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(auto_now_add=True, verbose_name="added at"),
                        ),
                        (
                            "uploaded_by",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "organisation",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="evidence",
                                to="organisations.organisation",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "evidence",
                        "verbose_name_plural": "evidence",
                        "db_table": "awards_evidenceitem",
                        "ordering": ["-created_at"],
                    },
                ),
                migrations.CreateModel(
                    name="ActionPlan",
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
                        ("title", models.CharField(max_length=200, verbose_name="title")),
                        (
                            "source_file_name",
                            models.CharField(
                                blank=True, max_length=200, verbose_name="imported from"
                            ),
                        ),
                        ("imported_at", models.DateTimeField(verbose_name="imported at")),
                        (
                            "criteria",
                            models.ManyToManyField(
                                blank=True,
                                related_name="action_plans",
                                to="criteria.criterion",
                                verbose_name="criteria this plan evidences",
                            ),
                        ),
                        (
                            "imported_by",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "organisation",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="action_plans",
                                to="organisations.organisation",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "awards_actionplan",
                        "ordering": ["-imported_at"],
                    },
                ),
                migrations.CreateModel(
                    name="PlanAction",
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
                        ("sort_order", models.PositiveIntegerField(default=0)),
                        ("reference", models.CharField(max_length=50, verbose_name="reference")),
                        (
                            "directorate",
                            models.CharField(
                                blank=True, max_length=200, verbose_name="directorate"
                            ),
                        ),
                        (
                            "division",
                            models.CharField(blank=True, max_length=200, verbose_name="division"),
                        ),
                        (
                            "service_area",
                            models.CharField(
                                blank=True, max_length=200, verbose_name="service area"
                            ),
                        ),
                        ("action", models.TextField(verbose_name="action")),
                        (
                            "owner",
                            models.CharField(blank=True, max_length=200, verbose_name="owner"),
                        ),
                        ("milestones", models.TextField(blank=True, verbose_name="milestones")),
                        (
                            "status",
                            models.CharField(blank=True, max_length=100, verbose_name="status"),
                        ),
                        (
                            "date_added",
                            models.DateField(blank=True, null=True, verbose_name="date added"),
                        ),
                        (
                            "date_due",
                            models.DateField(blank=True, null=True, verbose_name="date due"),
                        ),
                        (
                            "rag",
                            models.CharField(
                                blank=True,
                                choices=[("Red", "Red"), ("Amber", "Amber"), ("Green", "Green")],
                                max_length=10,
                                verbose_name="RAG rating",
                            ),
                        ),
                        (
                            "rag_date",
                            models.DateField(blank=True, null=True, verbose_name="RAG date"),
                        ),
                        ("comments", models.TextField(blank=True, verbose_name="comments")),
                        (
                            "comments_date",
                            models.DateField(blank=True, null=True, verbose_name="comments date"),
                        ),
                        ("updated_at", models.DateTimeField(blank=True, null=True)),
                        (
                            "plan",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="actions",
                                to="organisations.actionplan",
                            ),
                        ),
                        (
                            "updated_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "db_table": "awards_planaction",
                        "ordering": ["sort_order"],
                    },
                ),
                migrations.CreateModel(
                    name="LocalCoordinator",
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
                            "local_group",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="coordinators",
                                to="cms.localgrouppage",
                                verbose_name="local group",
                            ),
                        ),
                        (
                            "user",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="local_coordinations",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="coordinator",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "local coordinator",
                        "verbose_name_plural": "local coordinators",
                        "db_table": "awards_localcoordinator",
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("user", "local_group"),
                                name="awards_local_coordinator_unique",
                            )
                        ],
                    },
                ),
                migrations.AddConstraint(
                    model_name="organisation",
                    constraint=models.CheckConstraint(
                        condition=models.Q(
                            ("pledge_signed_at__isnull", True),
                            models.Q(("pledge_signatory_name", ""), _negated=True),
                            _connector="OR",
                        ),
                        name="awards_organisation_pledge_has_signatory",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="membership",
                    constraint=models.UniqueConstraint(
                        fields=("organisation", "user"), name="awards_membership_unique"
                    ),
                ),
                migrations.AddConstraint(
                    model_name="invitation",
                    constraint=models.CheckConstraint(
                        condition=models.Q(
                            ("accepted_at__isnull", True),
                            ("revoked_at__isnull", True),
                            _connector="OR",
                        ),
                        name="awards_invitation_used_or_revoked",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="evidenceitem",
                    constraint=models.CheckConstraint(
                        condition=models.Q(
                            models.Q(("kind", "file"), _negated=True),
                            models.Q(("file", ""), _negated=True),
                            _connector="OR",
                        ),
                        name="awards_evidence_file_has_file",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="evidenceitem",
                    constraint=models.CheckConstraint(
                        condition=models.Q(
                            models.Q(("kind", "link"), _negated=True),
                            models.Q(("url", ""), _negated=True),
                            _connector="OR",
                        ),
                        name="awards_evidence_link_has_url",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="evidenceitem",
                    constraint=models.CheckConstraint(
                        condition=models.Q(
                            models.Q(("kind", "testimony"), _negated=True),
                            models.Q(("testimony", ""), _negated=True),
                            _connector="OR",
                        ),
                        name="awards_evidence_testimony_has_text",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="planaction",
                    constraint=models.UniqueConstraint(
                        fields=("plan", "reference"), name="awards_action_ref_unique"
                    ),
                ),
            ],
            database_operations=[],
        ),
    ]
