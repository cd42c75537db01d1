"""Before the database refuses outcomes outside the allowed values (0011), put right the rows
that the unvalidated forms let in: a judgement with an unknown outcome becomes unjudged (and
its assessment reopened, so that the member judges again); a decision or agreed outcome with
an unknown outcome is removed and its application goes back to the panel, "in assessment",
with an audit entry saying why. Nothing is released with such an outcome: releasing one
failed."""

from django.db import migrations
from django.utils import timezone

JUDGEMENTS = ("met", "partly_met", "not_yet_met")
OUTCOMES = ("award", "award_with_conditions", "more_evidence_needed", "not_yet_awarded")


def void_invalid_outcomes(apps, schema_editor):
    CriterionJudgement = apps.get_model("awards", "CriterionJudgement")
    Assessment = apps.get_model("awards", "Assessment")
    AgreedOutcome = apps.get_model("awards", "AgreedOutcome")
    Decision = apps.get_model("awards", "Decision")
    Application = apps.get_model("awards", "Application")
    AuditEntry = apps.get_model("awards", "AuditEntry")
    now = timezone.now()

    bad_judgements = CriterionJudgement.objects.exclude(outcome__in=("", *JUDGEMENTS))
    reopened = set(bad_judgements.values_list("assessment_id", flat=True))
    bad_judgements.update(outcome="")
    Assessment.objects.filter(pk__in=reopened).update(submitted_at=None)

    voided = set(
        Decision.objects.exclude(outcome__in=OUTCOMES).values_list("application_id", flat=True)
    )
    voided |= set(
        AgreedOutcome.objects.exclude(outcome__in=JUDGEMENTS).values_list(
            "application_id", flat=True
        )
    )
    for application in Application.objects.filter(pk__in=voided, status="decision_pending"):
        Decision.objects.filter(application=application).delete()
        AgreedOutcome.objects.filter(application=application).delete()
        # The one status change outside awards/workflow.py: a data repair, audited.
        Application.objects.filter(pk=application.pk).update(status="in_assessment")
        AuditEntry.objects.create(
            application_id=application.pk,
            organisation_id=application.organisation_id,
            action="decision_voided",
            from_status="decision_pending",
            to_status="in_assessment",
            note="The recorded decision had an outcome outside the allowed values; the chair "
            "records it again.",
            created_at=now,
        )
    AgreedOutcome.objects.exclude(outcome__in=JUDGEMENTS).delete()
    Decision.objects.exclude(outcome__in=OUTCOMES).filter(released_at__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("awards", "0009_lifecycle_runs")]

    operations = [migrations.RunPython(void_invalid_outcomes, migrations.RunPython.noop)]
