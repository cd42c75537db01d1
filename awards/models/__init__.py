from awards.models.action_plans import ActionPlan, PlanAction
from awards.models.applications import Application, CriterionAnswer
from awards.models.audit import AuditEntry
from awards.models.awards import Award, AwardReminder, DataExport, LifecycleRun
from awards.models.decisions import AgreedOutcome, Condition, Decision
from awards.models.evidence import EvidenceItem
from awards.models.organisations import (
    Invitation,
    LocalCoordinator,
    Membership,
    Organisation,
)
from awards.models.panels import (
    Assessment,
    AssessorProfile,
    ConflictDeclaration,
    CriterionJudgement,
    Panel,
    PanelMeeting,
    PanelMember,
    Payment,
)

__all__ = [
    "Award",
    "AwardReminder",
    "DataExport",
    "LifecycleRun",
    "PanelMeeting",
    "Payment",
    "AgreedOutcome",
    "Condition",
    "Decision",
    "Assessment",
    "AssessorProfile",
    "ConflictDeclaration",
    "CriterionJudgement",
    "Panel",
    "PanelMember",
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
