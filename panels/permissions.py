"""Who may do what on a panel and in the assessment of an application.

Assessment rests on a person's *seat* on an application's panel (``panel_seat``): whether
they are a member, what they declared, whether they are affiliated with the applicant, and
whether they have submitted their own judgements for the current round. Independence and
conflicts are both read from it:

- a member reads the application only after declaring no conflict, and never while
  conflicted (declared or by affiliation): then everything about it answers 404;
- nobody, the chair included, sees another member's judgement before submitting their own;
- the chair records the meeting, and the decision once their own judgements are in.

Predicates return a Verdict (accounts.permissions), as everywhere.
"""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, Subquery
from django.utils.translation import gettext_lazy as _

from accounts.enums import Role
from accounts.permissions import (
    ALLOW,
    AnyUser,
    Verdict,
    deny,
    has_role,
)
from awards.enums import (
    MEETING_STATUSES,
    ApplicationStatus,
)
from awards.models import Application
from awards.permissions import can_coordinate_application, coordinated_applications_q
from organisations.models import EvidenceItem
from organisations.permissions import can_view_organisation
from panels.models import Assessment, AssessorProfile, ConflictDeclaration, Panel, PanelMember


def can_use_assessor_portal(user: AnyUser) -> Verdict:
    if has_role(user, Role.PANEL_MEMBER):
        return ALLOW
    return deny(_("Only panel members assess applications."))


@dataclass(frozen=True)
class PanelSeat:
    """A person's standing on an application's panel, for the current assessment round.
    ``declared_conflict`` is None until they declare, then what they declared."""

    member: PanelMember | None = None
    declared_conflict: bool | None = None
    affiliated: bool = False
    assessment: Assessment | None = None

    @property
    def on_panel(self) -> bool:
        return self.member is not None

    @property
    def declared(self) -> bool:
        return self.declared_conflict is not None

    @property
    def conflicted(self) -> bool:
        """Affiliated with the applicant, or declared a conflict: cannot read or score it."""
        return self.on_panel and (self.affiliated or bool(self.declared_conflict))

    @property
    def cleared(self) -> bool:
        """Declared no conflict and has none by affiliation: may read and judge."""
        return self.on_panel and self.declared and not self.conflicted

    @property
    def submitted(self) -> bool:
        return bool(self.assessment and self.assessment.submitted_at)


_NO_SEAT = PanelSeat()


def _seat_cache(application: Application) -> dict:
    return application.__dict__.setdefault("_sanctuary_panel_seats", {})


def forget_panel_seats(application: Application) -> None:
    """Drop the seats read for this application object (after a write in the same request)."""
    _seat_cache(application).clear()


def panel_seat(user: AnyUser, application: Application) -> PanelSeat:
    """The user's seat on the application's panel, read once per application object (a
    request's, or the fresh row a service works on) in two queries."""
    if user is None or not user.is_authenticated or application.panel_id is None:
        return _NO_SEAT
    key = (user.pk, application.panel_id, application.assessment_round)
    cache = _seat_cache(application)
    if key not in cache:
        member = (
            PanelMember.objects.filter(panel_id=application.panel_id, user=user)
            .select_related("panel")
            .annotate(
                declared_conflict=Subquery(
                    ConflictDeclaration.objects.filter(
                        member=OuterRef("pk"), application=application
                    ).values("has_conflict")[:1]
                ),
                affiliated=Exists(
                    AssessorProfile.objects.filter(
                        user=OuterRef("user"), affiliations=application.organisation_id
                    )
                ),
            )
            .first()
        )
        if member is None:
            cache[key] = _NO_SEAT
        else:
            cache[key] = PanelSeat(
                member=member,
                declared_conflict=member.declared_conflict,
                affiliated=member.affiliated,
                assessment=Assessment.objects.filter(
                    member=member, application=application, round=application.assessment_round
                ).first(),
            )
    return cache[key]


def prime_panel_seats(application: Application, user: AnyUser, seat: PanelSeat) -> None:
    """Store a seat read in bulk (the assessor portal reads every seat in a few queries)."""
    key = (user.pk, application.panel_id, application.assessment_round)
    _seat_cache(application)[key] = seat


_NOT_ON_PANEL = _("You are not on this application's panel.")


_CONFLICTED = _("You have a conflict of interest with this applicant, so you cannot assess it.")


def can_declare_conflict(user: AnyUser, application: Application) -> Verdict:
    """Before reading, a member says whether they have a conflict (once)."""
    seat = panel_seat(user, application)
    if not seat.on_panel or seat.affiliated:
        return deny(_NOT_ON_PANEL if not seat.on_panel else _CONFLICTED)
    if seat.declared:
        return deny(_("You have already made your declaration."))
    return ALLOW


def can_read_application_as_member(user: AnyUser, application: Application) -> Verdict:
    """A panel member reads the application (answers, evidence, pack, meeting) only after
    declaring no conflict, and never while conflicted."""
    seat = panel_seat(user, application)
    if not seat.on_panel:
        return deny(_NOT_ON_PANEL)
    if seat.conflicted:
        return deny(_CONFLICTED)
    if not seat.declared:
        return deny(_("Declare whether you have a conflict of interest first."))
    return ALLOW


def can_judge(user: AnyUser, application: Application) -> Verdict:
    """Save or submit one's own judgements: while the application is in assessment, until
    they are submitted for this round."""
    verdict = can_read_application_as_member(user, application)
    if not verdict:
        return verdict
    if application.status != ApplicationStatus.IN_ASSESSMENT:
        return deny(_("The panel is not judging this application now."))
    if panel_seat(user, application).submitted:
        return deny(_("Your judgements are already submitted."))
    return ALLOW


def can_see_others_judgements(user: AnyUser, application: Application) -> Verdict:
    """Independent review: another member's judgement is shown only to a member who has
    submitted their own for the same round."""
    verdict = can_read_application_as_member(user, application)
    if not verdict:
        return verdict
    if not panel_seat(user, application).submitted:
        return deny(_("You see the other members' judgements after you have submitted your own."))
    return ALLOW


def can_chair(user: AnyUser, application: Application) -> Verdict:
    """The unconflicted chair of the application's panel."""
    verdict = can_read_application_as_member(user, application)
    if not verdict:
        return verdict
    if not panel_seat(user, application).member.is_chair:
        return deny(_("Only the panel's chair can do this."))
    return ALLOW


def can_open_consensus(user: AnyUser, application: Application) -> Verdict:
    """The chair's consensus grid shows everyone's judgements: the chair must have submitted
    their own first, like everyone else."""
    verdict = can_chair(user, application)
    if not verdict:
        return verdict
    if not panel_seat(user, application).submitted:
        return deny(
            _(
                "Submit your own judgements first: the panel's consensus and decision open "
                "once you have."
            )
        )
    return ALLOW


def can_record_decision(user: AnyUser, application: Application) -> Verdict:
    """Who records the decision (the transition table names this for "record decision")."""
    return can_open_consensus(user, application)


def can_read_meeting(user: AnyUser, application: Application) -> Verdict:
    if can_read_application_as_member(user, application):
        return ALLOW
    return can_coordinate_application(user, application)


def can_record_meeting(user: AnyUser, application: Application) -> Verdict:
    """The chair records the panel's meeting or visit while the panel is assessing."""
    verdict = can_chair(user, application)
    if not verdict:
        return verdict
    if application.status not in MEETING_STATUSES:
        return deny(_("The meeting is recorded while the panel is assessing."))
    return ALLOW


def can_read_pack(user: AnyUser, application: Application) -> Verdict:
    """The application pack (every answer): cleared panel members and coordinators."""
    if can_read_application_as_member(user, application):
        return ALLOW
    return can_coordinate_application(user, application)


def coordinated_panels_q(user: AnyUser) -> Q | None:
    """The panels a coordinator manages: national admins all, stream coordinators their
    streams', local coordinators their local groups'. None for everyone else."""
    if coordinated_applications_q(user) is None:
        return None
    if has_role(user, Role.NATIONAL_ADMIN):
        return Q()
    streams = list(user.coordinated_streams.values_list("pk", flat=True))
    groups = list(user.local_coordinations.values_list("local_group_id", flat=True))
    return Q(stream_id__in=streams) | Q(local_group_id__in=groups)


def panel_streams_q(user: AnyUser) -> Q | None:
    """The streams a coordinator may form panels for (None: none)."""
    if has_role(user, Role.NATIONAL_ADMIN):
        return Q()
    if has_role(user, Role.STREAM_COORDINATOR):
        return Q(coordinators=user)
    return None


def can_manage_panel(user: AnyUser, panel: Panel) -> Verdict:
    scope = coordinated_panels_q(user)
    if scope is None or not Panel.objects.filter(scope, pk=panel.pk).exists():
        return deny(_("This panel is outside your stream or area."))
    return ALLOW


def can_record_payments(user: AnyUser, panel: Panel) -> Verdict:
    """Honoraria and expenses: national staff and stream coordinators, for panels they
    manage."""
    if not (has_role(user, Role.NATIONAL_ADMIN) or has_role(user, Role.STREAM_COORDINATOR)):
        return deny(_("Only national staff and stream coordinators record payments."))
    return can_manage_panel(user, panel)


def can_assign_to_panel(user: AnyUser, application: Application, panel: Panel) -> Verdict:
    verdict = can_manage_panel(user, panel)
    if not verdict:
        return verdict
    return can_coordinate_application(user, application)


def can_download_evidence(user: AnyUser, item: EvidenceItem) -> Verdict:
    """The organisation's team and national staff; the coordinators of a submitted
    application or award condition that uses it; and the members of the panel judging an
    application that uses it, once they have declared no conflict."""
    if can_view_organisation(user, item.organisation):
        return ALLOW
    uses = Q(answers__evidence=item) | Q(decision__conditions__response_evidence=item)
    scope = coordinated_applications_q(user)
    if (
        scope is not None
        and Application.objects.filter(scope)
        .filter(uses)
        .exclude(status=ApplicationStatus.DRAFT)
        .exists()
    ):
        return ALLOW
    judged = (
        Application.objects.filter(answers__evidence=item, panel__members__user=user)
        .exclude(status=ApplicationStatus.DRAFT)
        .distinct()
    )
    if any(can_read_application_as_member(user, application) for application in judged):
        return ALLOW
    return deny(_("You cannot open this evidence."))
