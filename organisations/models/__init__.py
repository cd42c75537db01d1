from organisations.models.action_plans import ActionPlan, PlanAction
from organisations.models.evidence import EvidenceItem
from organisations.models.organisations import (
    Invitation,
    LocalCoordinator,
    Membership,
    Organisation,
)

__all__ = [
    "ActionPlan",
    "EvidenceItem",
    "Invitation",
    "LocalCoordinator",
    "Membership",
    "Organisation",
    "PlanAction",
]
