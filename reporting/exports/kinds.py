"""The export kinds: applications, panel judgements, payments, awards and renewals due,
each scoped to what the user may see in the list it comes from."""

import django_filters
from django.db.models import F, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy

from accounts.permissions import AnyUser
from awards.enums import (
    CURRENT_AWARD_STATUSES,
    ApplicationStatus,
    AwardStatus,
    DecisionOutcome,
    Judgement,
)
from awards.filters import ApplicationQueueFilter, StaffAwardFilter
from awards.models import Application, Award
from awards.permissions import coordinated_applications_q
from core.dates import add_months
from core.xlsx import Column
from criteria.models import Stream
from organisations.enums import MembershipRole
from organisations.models import Membership
from panels.composition import is_lived_experience
from panels.enums import PaymentKind
from panels.models import CriterionJudgement, Panel, Payment
from reporting.exports.spec import ExportSpec, person_name, text_choices, yes_no
from reporting.permissions import (
    can_export_payments,
    payments_q,
)

# ---------------------------------------------------------------------------
# Who may export what
# ---------------------------------------------------------------------------


# ---------------------------------------------------------------------------
# Export kinds
# ---------------------------------------------------------------------------


# Applications, from the coordinator's queue (awards/views/workspace.py `queue`).


def _applications_scope(user: AnyUser) -> QuerySet:
    scope = coordinated_applications_q(user)
    if scope is None:
        return Application.objects.none()
    return Application.objects.filter(scope).exclude(status=ApplicationStatus.DRAFT)


def _applications_optimise(queryset: QuerySet) -> QuerySet:
    lead_email = Membership.objects.filter(
        organisation=OuterRef("organisation_id"), role=MembershipRole.LEAD
    ).order_by("pk")
    return (
        queryset.select_related("organisation", "stream", "panel")
        .annotate(
            local_group_title=F("organisation__local_group__title"),
            decision_outcome=F("decision__outcome"),
            decided_at=F("decision__decided_at"),
            lead_email=Subquery(lead_email.values("user__email")[:1]),
        )
        .order_by("-submitted_at", "-pk")
    )


_application_status = text_choices(ApplicationStatus.choices)
_decision_outcome = text_choices(DecisionOutcome.choices)


def _application_row(application: Application) -> tuple:
    organisation = application.organisation
    return (
        application.reference,
        organisation.name,
        application.stream.name,
        application.local_group_title,
        organisation.region,
        _application_status(application.status),
        application.submitted_at,
        _decision_outcome(application.decision_outcome) if application.decision_outcome else None,
        application.decided_at,
        application.panel.name if application.panel is not None else None,
        application.lead_email,
    )


# Panel judgements: every criterion judgement of a submitted assessment of an application
# in the user's scope.


class JudgementExportFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=gettext_lazy("Organisation or reference"), method="search")
    stream = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Stream"),
        field_name="assessment__application__stream",
        queryset=Stream.objects.all(),
    )
    panel = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Panel"),
        field_name="assessment__member__panel",
        queryset=Panel.objects.all(),
    )
    round = django_filters.NumberFilter(
        label=gettext_lazy("Assessment round"), field_name="assessment__round"
    )
    submitted_from = django_filters.DateFilter(
        label=gettext_lazy("Submitted on or after"),
        field_name="assessment__submitted_at",
        lookup_expr="date__gte",
    )
    submitted_to = django_filters.DateFilter(
        label=gettext_lazy("Submitted on or before"),
        field_name="assessment__submitted_at",
        lookup_expr="date__lte",
    )

    class Meta:
        model = CriterionJudgement
        fields = ["q", "stream", "panel", "round", "submitted_from", "submitted_to"]

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(assessment__application__organisation__name__icontains=value)
            | Q(assessment__application__reference__icontains=value)
        )


def _judgements_scope(user: AnyUser) -> QuerySet:
    applications = _applications_scope(user)
    return CriterionJudgement.objects.filter(
        assessment__submitted_at__isnull=False,
        assessment__application__in=applications.values("pk"),
    )


def _judgements_optimise(queryset: QuerySet) -> QuerySet:
    return queryset.select_related(
        "criterion",
        "assessment__application",
        "assessment__member__panel",
        "assessment__member__user__assessor_profile",
    ).order_by(
        "assessment__application__reference",
        "assessment__round",
        "assessment__member_id",
        "criterion__sort_order",
        "pk",
    )


_judgement = text_choices(Judgement.choices)


def _judgement_row(judgement: CriterionJudgement) -> tuple:
    assessment = judgement.assessment
    member = assessment.member
    return (
        assessment.application.reference,
        member.panel.name,
        person_name(member.user),
        yes_no(is_lived_experience(member)),
        assessment.round,
        judgement.criterion.code,
        _judgement(judgement.outcome) if judgement.outcome else None,
        judgement.comment,
        assessment.submitted_at,
    )


# Honoraria and expenses, for finance.


class PaymentExportFilter(django_filters.FilterSet):
    stream = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Stream"),
        field_name="member__panel__stream",
        queryset=Stream.objects.all(),
    )
    panel = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Panel"), field_name="member__panel", queryset=Panel.objects.all()
    )
    kind = django_filters.ChoiceFilter(label=gettext_lazy("Type"), choices=PaymentKind.choices)
    paid = django_filters.ChoiceFilter(
        label=gettext_lazy("Paid"),
        choices=[("yes", gettext_lazy("Paid")), ("no", gettext_lazy("Not paid yet"))],
        method="filter_paid",
    )
    claimed_from = django_filters.DateFilter(
        label=gettext_lazy("Claimed on or after"), field_name="claimed_on", lookup_expr="gte"
    )
    claimed_to = django_filters.DateFilter(
        label=gettext_lazy("Claimed on or before"), field_name="claimed_on", lookup_expr="lte"
    )

    class Meta:
        model = Payment
        fields = ["stream", "panel", "kind", "paid", "claimed_from", "claimed_to"]

    def filter_paid(self, queryset, name, value):
        return queryset.filter(paid_on__isnull=value != "yes")


def _payments_scope(user: AnyUser) -> QuerySet:
    scope = payments_q(user)
    return Payment.objects.none() if scope is None else Payment.objects.filter(scope)


def _payments_optimise(queryset: QuerySet) -> QuerySet:
    return queryset.select_related("member__panel", "member__user").order_by(
        "member__panel__name", "member__panel_id", "claimed_on", "pk"
    )


_payment_kind = text_choices(PaymentKind.choices)


def _payment_row(payment: Payment) -> tuple:
    member = payment.member
    return (
        member.panel.name,
        person_name(member.user),
        member.user.email,
        _payment_kind(payment.kind),
        payment.amount,
        payment.description,
        payment.claimed_on,
        payment.paid_on,
    )


# Awards, from the staff award list (awards/views/award_admin.py `award_list`), and the
# renewals due: current awards expiring within the next twelve months, soonest first.


def _awards_scope(user: AnyUser) -> QuerySet:
    scope = coordinated_applications_q(user)
    if scope is None:
        return Award.objects.none()
    return Award.objects.filter(scope)


def _renewals_scope(user: AnyUser) -> QuerySet:

    today = timezone.localdate()
    return _awards_scope(user).filter(
        status__in=[str(status) for status in CURRENT_AWARD_STATUSES],
        expires_on__lte=add_months(today, 12),
    )


def _awards_optimise(queryset: QuerySet) -> QuerySet:
    lead_email = Membership.objects.filter(
        organisation=OuterRef("organisation_id"), role=MembershipRole.LEAD
    ).order_by("pk")
    return (
        queryset.select_related("organisation", "stream")
        .annotate(
            local_group_title=F("organisation__local_group__title"),
            lead_email=Subquery(lead_email.values("user__email")[:1]),
        )
        .order_by("expires_on", "pk")
    )


_award_status = text_choices(AwardStatus.choices)


def _award_row(award: Award) -> tuple:
    organisation = award.organisation
    return (
        award.certificate_number,
        organisation.name,
        award.stream.award_title,
        _award_status(award.status),
        award.awarded_on,
        award.expires_on,
        yes_no(award.with_conditions),
        award.local_group_title,
        organisation.local_authority,
        organisation.region,
        yes_no(organisation.listed_publicly),
        award.ended_on,
        award.withdrawn_reason,
        award.lead_email,
    )


_AWARD_COLUMNS = (
    Column("certificate", gettext_lazy("Certificate number"), width=22),
    Column("organisation", gettext_lazy("Organisation"), width=36),
    Column("award", gettext_lazy("Award"), width=24),
    Column("status", gettext_lazy("Status"), width=14),
    Column("awarded", gettext_lazy("Awarded on"), kind="date"),
    Column("expires", gettext_lazy("Expires on"), kind="date"),
    Column("conditions", gettext_lazy("With conditions"), width=10),
    Column("local_group", gettext_lazy("Local group"), width=28),
    Column("local_authority", gettext_lazy("Local authority"), width=20),
    Column("region", gettext_lazy("Region"), width=18),
    Column("listed", gettext_lazy("In the register"), width=10),
    Column("ended", gettext_lazy("Ended on"), kind="date"),
    Column("withdrawn_reason", gettext_lazy("Reason for withdrawal"), width=40),
    Column("lead_email", gettext_lazy("Lead's email"), personal=True, width=30),
)


EXPORTS: dict[str, ExportSpec] = {
    "applications": ExportSpec(
        title=gettext_lazy("Applications"),
        columns=(
            Column("reference", gettext_lazy("Reference"), width=14),
            Column("organisation", gettext_lazy("Organisation"), width=36),
            Column("stream", gettext_lazy("Stream"), width=18),
            Column("local_group", gettext_lazy("Local group"), width=28),
            Column("region", gettext_lazy("Region"), width=18),
            Column("status", gettext_lazy("Status"), width=22),
            Column("submitted", gettext_lazy("Submitted"), kind="date"),
            Column("decision", gettext_lazy("Decision"), width=22),
            Column("decided", gettext_lazy("Decided"), kind="date"),
            Column("panel", gettext_lazy("Panel"), width=24),
            Column("lead_email", gettext_lazy("Lead's email"), personal=True, width=30),
        ),
        scope=_applications_scope,
        filterset=ApplicationQueueFilter,
        optimise=_applications_optimise,
        row=_application_row,
    ),
    "panel_judgements": ExportSpec(
        title=gettext_lazy("Panel judgements"),
        columns=(
            Column("reference", gettext_lazy("Application"), width=14),
            Column("panel", gettext_lazy("Panel"), width=24),
            Column("member", gettext_lazy("Panel member"), personal=True, width=24),
            Column(
                "lived_experience",
                gettext_lazy("Lived experience"),
                personal=True,
                special_category=True,
                width=10,
            ),
            Column("round", gettext_lazy("Round"), kind="number", width=8),
            Column("criterion", gettext_lazy("Criterion"), width=10),
            Column("judgement", gettext_lazy("Judgement"), width=14),
            Column("comment", gettext_lazy("Comment"), width=60),
            Column("submitted", gettext_lazy("Submitted at"), kind="datetime"),
        ),
        scope=_judgements_scope,
        filterset=JudgementExportFilter,
        optimise=_judgements_optimise,
        row=_judgement_row,
    ),
    "payments": ExportSpec(
        title=gettext_lazy("Honoraria and expenses"),
        columns=(
            Column("panel", gettext_lazy("Panel"), width=24),
            Column("member", gettext_lazy("Panel member"), personal=True, width=24),
            Column("email", gettext_lazy("Email"), personal=True, width=30),
            Column("kind", gettext_lazy("Type"), width=12),
            Column("amount", gettext_lazy("Amount"), kind="money"),
            Column("description", gettext_lazy("What for"), width=36),
            Column("claimed_on", gettext_lazy("Claimed on"), kind="date"),
            Column("paid_on", gettext_lazy("Paid on"), kind="date"),
        ),
        scope=_payments_scope,
        filterset=PaymentExportFilter,
        optimise=_payments_optimise,
        row=_payment_row,
        allowed=can_export_payments,
    ),
    "awards": ExportSpec(
        title=gettext_lazy("Awards"),
        columns=_AWARD_COLUMNS,
        scope=_awards_scope,
        filterset=StaffAwardFilter,
        optimise=_awards_optimise,
        row=_award_row,
    ),
    "renewals_due": ExportSpec(
        title=gettext_lazy("Renewals due in the next twelve months"),
        columns=_AWARD_COLUMNS,
        scope=_renewals_scope,
        filterset=StaffAwardFilter,
        optimise=_awards_optimise,
        row=_award_row,
    ),
}


# ---------------------------------------------------------------------------
# Running an export
# ---------------------------------------------------------------------------
