from awards.models.applications import Application, CriterionAnswer
from awards.models.awards import Award, AwardReminder, LifecycleRun
from awards.models.decisions import AgreedOutcome, Condition, Decision

__all__ = [
    "AgreedOutcome",
    "Application",
    "Award",
    "AwardReminder",
    "Condition",
    "CriterionAnswer",
    "Decision",
    "LifecycleRun",
]
