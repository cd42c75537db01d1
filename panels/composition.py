"""Panel rules: the composition check and conflicts of interest (reads only).

The rule is DOMAIN.md §5 with the stream's numbers: at least ``panel_min_size`` members who
can score the application, at least ``lived_experience_min`` of them lived-experience
assessors, exactly one chair; ideally a member of the applicant's local group (a warning,
not a block). A member who works for, studies at or governs the applicant, or who declared a
conflict, cannot score it and does not count.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from awards.models import Application
from panels.models import AssessorProfile, ConflictDeclaration, Panel, PanelMember


@dataclass
class CompositionReport:
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    conflicted: list[PanelMember] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def is_lived_experience(member: PanelMember) -> bool:
    return member.has_lived_experience


def conflicted_members(
    panel: Panel, application: Application, members: list[PanelMember] | None = None
) -> list[PanelMember]:
    """Members affiliated with the applicant, or who declared a conflict for it (two
    queries when the panel's members are passed in, three otherwise). The same rule as
    ``permissions.PanelSeat.conflicted``, for the whole panel at once."""
    if members is None:
        members = list(panel.members.select_related("user"))
    declared = set(
        ConflictDeclaration.objects.filter(
            member__panel=panel, application=application, has_conflict=True
        ).values_list("member_id", flat=True)
    )
    affiliated = set(
        AssessorProfile.objects.filter(
            user_id__in=[member.user_id for member in members],
            affiliations=application.organisation_id,
        ).values_list("user_id", flat=True)
    )
    return [m for m in members if m.pk in declared or m.user_id in affiliated]


def panel_composition(panel: Panel, application: Application | None = None) -> CompositionReport:
    """Check the panel against its stream's rule, for one application if given."""
    stream = panel.stream
    members = list(panel.members.select_related("user", "user__assessor_profile"))
    report = CompositionReport()
    if application is not None:
        report.conflicted = conflicted_members(panel, application, members)
    blocked = {member.pk for member in report.conflicted}
    scoring = [member for member in members if member.pk not in blocked]

    if len(scoring) < stream.panel_min_size:
        report.problems.append(
            ngettext(
                "The panel needs at least %(min)s member who can score this application; "
                "it has %(count)s.",
                "The panel needs at least %(min)s members who can score this application; "
                "it has %(count)s.",
                stream.panel_min_size,
            )
            % {"min": stream.panel_min_size, "count": len(scoring)}
        )
    lived = sum(is_lived_experience(member) for member in scoring)
    if lived < stream.lived_experience_min:
        report.problems.append(
            _("The panel needs at least %(min)s lived-experience assessor; it has %(count)s.")
            % {"min": stream.lived_experience_min, "count": lived}
        )
    chairs = sum(member.is_chair for member in scoring)
    if chairs != 1:
        report.problems.append(_("The panel needs exactly one chair who can score."))
    for member in report.conflicted:
        report.problems.append(
            _("%(name)s has a conflict of interest with this applicant and cannot score it.")
            % {"name": member.user}
        )
    if application is not None and application.organisation.local_group_id:
        local = any(
            getattr(getattr(member.user, "assessor_profile", None), "local_group_id", None)
            == application.organisation.local_group_id
            for member in scoring
        )
        if not local:
            report.warnings.append(
                _("No member of the panel belongs to the applicant's local group.")
            )
    return report
