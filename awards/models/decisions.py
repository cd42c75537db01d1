from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from awards.enums import DecisionOutcome, Judgement


class AgreedOutcome(models.Model):
    """The panel's agreed outcome and comment for one criterion, recorded by the chair."""

    application = models.ForeignKey(
        "awards.Application", on_delete=models.CASCADE, related_name="agreed_outcomes"
    )
    criterion = models.ForeignKey(
        "criteria.Criterion", on_delete=models.PROTECT, related_name="agreed_outcomes"
    )
    outcome = models.CharField(_("agreed outcome"), max_length=20, choices=Judgement.choices)
    comment = models.TextField(_("agreed comment"))

    class Meta:
        ordering = ["criterion__sort_order"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "criterion"], name="awards_one_agreed_outcome"
            ),
            models.CheckConstraint(
                condition=Q(outcome__in=Judgement.values),
                name="awards_agreed_outcome_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.criterion_id}: {self.outcome}"


class Decision(models.Model):
    """The panel's decision. Held as pending until a coordinator releases it."""

    application = models.OneToOneField(
        "awards.Application", on_delete=models.CASCADE, related_name="decision"
    )
    outcome = models.CharField(_("decision"), max_length=30, choices=DecisionOutcome.choices)
    strengths = models.TextField(_("strengths"), blank=True)
    recommendations = models.TextField(_("recommendations"), blank=True)
    evidence_needed = models.TextField(_("evidence needed"), blank=True)
    evidence_due_date = models.DateField(_("evidence needed by"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField()
    released_at = models.DateTimeField(null=True, blank=True)
    released_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(outcome__in=DecisionOutcome.values),
                name="awards_decision_outcome_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.application_id}: {self.outcome}"


class Condition(models.Model):
    """A condition of an award, with the date it must be met by."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="conditions")
    text = models.TextField(_("condition"))
    due_date = models.DateField(_("due by"))
    met_at = models.DateTimeField(_("met at"), null=True, blank=True)
    met_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # The organisation's answer: what it did, with evidence from its library.
    response = models.TextField(_("what you have done"), blank=True)
    response_evidence = models.ManyToManyField(
        "organisations.EvidenceItem", blank=True, related_name="condition_responses"
    )
    responded_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    # Set once by the lifecycle job when the due date passes unmet.
    overdue_flagged_on = models.DateField(_("flagged overdue on"), null=True, blank=True)

    class Meta:
        ordering = ["due_date", "pk"]

    def __str__(self) -> str:
        return self.text[:60]
