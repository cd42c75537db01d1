"""Reads for organisations, teams and evidence, each built to a fixed number of queries."""

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Count, Q, QuerySet

from organisations.enums import MembershipRole
from organisations.models import EvidenceItem, Membership, Organisation


def organisation_team(organisation: Organisation) -> QuerySet[Membership]:
    return organisation.memberships.select_related("user").order_by("role", "user__email")


def organisation_leads(organisation: Organisation) -> QuerySet[Membership]:
    return organisation.memberships.filter(role=MembershipRole.LEAD)


def sole_lead_organisations(user) -> list[Organisation]:
    """The organisations whose only applicant lead is ``user``, by name (one query)."""
    led = Organisation.objects.filter(
        memberships__user=user, memberships__role=MembershipRole.LEAD
    ).values("pk")
    return list(
        Organisation.objects.filter(pk__in=led)
        .annotate(leads=Count("memberships", filter=Q(memberships__role=MembershipRole.LEAD)))
        .filter(leads=1)
        .order_by("name")
    )


EVIDENCE_SEARCH_FIELDS = ("title", "description")


def words_q(query: str, fields: tuple[str, ...]) -> Q:
    """Every word of ``query`` in at least one of ``fields`` (case-insensitive); an empty
    query matches everything."""
    condition = Q()
    for word in query.split():
        either = Q()
        for name in fields:
            either |= Q(**{f"{name}__icontains": word})
        condition &= either
    return condition


def evidence_library(organisation: Organisation, *, query: str = "") -> QuerySet[EvidenceItem]:
    """The library's items (not removed), newest first, those matching ``query`` in their
    title or description when given."""
    return (
        organisation.evidence.filter(archived_at__isnull=True)
        .filter(words_q(query, EVIDENCE_SEARCH_FIELDS))
        .order_by("-created_at", "-pk")
    )


def evidence_library_page(
    *, organisation: Organisation, query: str = "", page_number: str | int | None, per_page: int
) -> Page:
    """One page of the library, each item with ``use_count`` (how many criterion answers
    use it). Three queries whatever the library's size: the count, the page, the uses."""
    page = Paginator(evidence_library(organisation, query=query), per_page).get_page(page_number)
    items = list(page.object_list)
    uses = dict(
        EvidenceItem.answers.through.objects.filter(evidenceitem_id__in=[i.pk for i in items])
        .values("evidenceitem_id")
        .annotate(total=Count("pk"))
        .values_list("evidenceitem_id", "total")
    )
    for item in items:
        item.use_count = uses.get(item.pk, 0)
    page.object_list = items
    return page


def open_invitations(organisation: Organisation):
    """Invitations not yet used or withdrawn (expired ones included, marked by the page)."""
    return organisation.invitations.filter(accepted_at__isnull=True, revoked_at__isnull=True)


def team_emails(organisation_id: int) -> list[str]:
    """Every team member's address (for emails about the organisation's work)."""
    return list(
        Membership.objects.filter(organisation_id=organisation_id).values_list(
            "user__email", flat=True
        )
    )


def lead_emails(organisation_id: int) -> list[str]:
    return list(
        Membership.objects.filter(
            organisation_id=organisation_id, role=MembershipRole.LEAD
        ).values_list("user__email", flat=True)
    )


def evidence_to_choose(organisation: Organisation, *, chosen=()) -> QuerySet[EvidenceItem]:
    """The library as a picker offers it: items not removed, and any already chosen."""
    return (
        EvidenceItem.objects.filter(organisation=organisation)
        .filter(Q(archived_at__isnull=True) | Q(pk__in=list(chosen)))
        .order_by("title", "-evidence_date", "pk")
    )


@dataclass
class EvidencePicker:
    """The criterion page's evidence picker: every chosen item, always listed (and ticked),
    and one page of the rest of the library, searched by title or description."""

    chosen: list[EvidenceItem]
    page: Page
    query: str


def evidence_picker(
    *,
    organisation: Organisation,
    saved: list[int],
    ticked: list[int],
    query: str = "",
    page_number: str | int | None,
    per_page: int,
) -> EvidencePicker:
    """``saved``: the items the answer has; ``ticked``: the items to show chosen (the saved
    ones, or what the person ticked when their form comes back with an error). Three
    queries whatever the library's size: the chosen items, the count and the page."""
    offered = evidence_to_choose(organisation, chosen=saved)
    chosen = list(offered.filter(pk__in=ticked))
    rest = offered.exclude(pk__in=[item.pk for item in chosen]).filter(
        words_q(query, EVIDENCE_SEARCH_FIELDS)
    )
    page = Paginator(rest, per_page).get_page(page_number)
    page.object_list = list(page.object_list)
    return EvidencePicker(chosen=chosen, page=page, query=query)
