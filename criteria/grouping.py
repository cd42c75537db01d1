"""Criteria grouped under Prerequisites, Learn, Embed and Share (no queries; the models use
it for previews, so it imports none of them)."""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from criteria.enums import PRINCIPLE_LETTERS, PRINCIPLE_ORDER, Principle

if TYPE_CHECKING:
    from criteria.models import Criterion


@dataclass
class PrincipleGroup:
    principle: str
    label: str
    criteria: list["Criterion"] = field(default_factory=list)

    @property
    def letter(self) -> str:
        """The letter its criteria's codes start with (L1, E2, S3), in every language: codes
        are identifiers printed on certificates and in exports, never translated."""
        return PRINCIPLE_LETTERS[self.principle]

    @property
    def is_prerequisite(self) -> bool:
        return self.principle == Principle.PREREQUISITE


def group_criteria_by_principle(
    criteria: list[Any], *, criterion: Callable[[Any], "Criterion"] = lambda item: item
) -> list[PrincipleGroup]:
    """Criteria grouped under Prerequisites, Learn, Embed, Share, in that order, keeping their
    own order inside each group. Empty groups are left out. ``criterion`` finds the criterion
    of each item, to group things about criteria (agreed outcomes, answers) the same way."""
    groups = {
        principle: PrincipleGroup(principle, str(Principle(principle).label))
        for principle in PRINCIPLE_ORDER
    }
    for item in criteria:
        groups[criterion(item).principle].criteria.append(item)
    return [group for group in groups.values() if group.criteria]
