from awards.models.action_plans import ActionPlan, PlanAction
from awards.models.applications import Application, CriterionAnswer
from awards.models.audit import AuditEntry
from awards.models.evidence import EvidenceItem
from awards.models.organisations import (
    Invitation,
    LocalCoordinator,
    Membership,
    Organisation,
)

__all__ = [
    "ActionPlan",
    "PlanAction",
    "Application",
    "AuditEntry",
    "CriterionAnswer",
    "EvidenceItem",
    "Invitation",
    "LocalCoordinator",
    "Membership",
    "Organisation",
]
