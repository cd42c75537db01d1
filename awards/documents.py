"""Printable documents: the application pack a panel reads and the award certificate.

Each document has a context builder here (a fixed number of queries) and a template in
templates/awards/pdf/; awards/pdf.py turns the two into bytes. The pack is for the panel and
staff only, and names no panel member: lived-experience assessors are never named in print.
"""

import functools
import io
from dataclasses import dataclass, field

from django.contrib.staticfiles import finders
from django.db.models import Prefetch
from django.utils.formats import date_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from awards.models import Application, Award, CriterionAnswer, EvidenceItem
from awards.pdf import render_pdf
from criteria.enums import Principle
from criteria.models import Criterion
from criteria.selectors import group_criteria_by_principle

APPLICATION_PACK_TEMPLATE = "awards/pdf/application_pack.html"
CERTIFICATE_TEMPLATE = "awards/pdf/certificate.html"


@dataclass
class PackCriterion:
    criterion: Criterion
    answer: CriterionAnswer | None
    evidence: list[EvidenceItem] = field(default_factory=list)


@dataclass
class PackGroup:
    principle: str
    title: str
    criteria: list[PackCriterion] = field(default_factory=list)


@dataclass
class PackSection:
    """An application-level task: free text, or labelled answers."""

    title: str
    text: str = ""
    rows: list[tuple[str, str]] = field(default_factory=list)


def _application_sections(application: Application) -> list[PackSection]:
    """The application-level tasks, in the order the applicant's task list shows them."""
    sections = [PackSection(_("About the organisation"), application.organisation_context)]
    if application.renewal_of_id:
        sections.append(
            PackSection(_("Progress since the last award"), application.progress_since_award)
        )
    endorsed_on = application.senior_endorsed_on
    sections += [
        PackSection(
            _("How people with lived experience shaped this work"), application.lived_experience
        ),
        PackSection(
            _("Consent and safeguarding"),
            rows=[
                (_("Safeguarding lead"), application.safeguarding_lead),
                (_("Consent confirmed"), _("Yes") if application.consent_confirmed else _("No")),
                (_("How consent was recorded"), application.consent_notes),
            ],
        ),
        PackSection(
            _("Senior endorsement"),
            rows=[
                (_("Name"), application.senior_signatory_name),
                (_("Role"), application.senior_signatory_role),
                (_("Endorsed on"), date_format(endorsed_on, "j F Y") if endorsed_on else ""),
            ],
        ),
    ]
    return sections


def application_pack_context(application: Application) -> dict:
    """Everything the applicant wrote, for the panel: the organisation, the application-level
    sections, and each criterion under its principle with the narrative, self-assessment and
    evidence list (sensitive items marked). Three queries whatever the number of criteria and
    evidence items, plus the application's organisation, stream and local group when they
    were not loaded with it. No panel member is named."""
    criteria = list(
        Criterion.objects.filter(version_id=application.criteria_version_id).order_by("sort_order")
    )
    answers = {
        answer.criterion_id: answer
        for answer in CriterionAnswer.objects.filter(application=application).prefetch_related(
            Prefetch("evidence", queryset=EvidenceItem.objects.order_by("title", "pk"))
        )
    }
    groups = []
    for group in group_criteria_by_principle(criteria):
        title = _("Prerequisites") if group.principle == Principle.PREREQUISITE else group.label
        pack_group = PackGroup(group.principle, title)
        for criterion in group.criteria:
            answer = answers.get(criterion.pk)
            evidence = list(answer.evidence.all()) if answer else []
            pack_group.criteria.append(PackCriterion(criterion, answer, evidence))
        groups.append(pack_group)
    organisation = application.organisation
    return {
        "application": application,
        "organisation": organisation,
        "stream": application.stream,
        "local_group": organisation.local_group,
        "sections": _application_sections(application),
        "groups": groups,
    }


def render_application_pack(context: dict) -> bytes:
    return render_pdf(template=APPLICATION_PACK_TEMPLATE, context=context)


@functools.cache
def award_logo_svg() -> SafeString:
    """The award logo as inline SVG, read from static/images once per process."""
    with open(finders.find("images/logo.svg"), encoding="utf-8") as logo:
        return mark_safe(logo.read().strip())  # noqa: S308 our own file


def qr_svg(url: str) -> SafeString:
    """A QR code of ``url`` as an inline SVG element (no XML declaration, no fixed size: the
    template sizes it)."""
    import segno

    buffer = io.BytesIO()
    segno.make(url, error="m").save(
        buffer, kind="svg", xmldecl=False, svgns=True, omitsize=True, border=4, scale=1
    )
    return mark_safe(buffer.getvalue().decode("ascii"))  # noqa: S308 generated markup


def certificate_context(award: Award, *, verify_url: str) -> dict:
    """What the certificate shows: organisation, award title, dates, number, logo and a QR
    code of ``verify_url``, where anyone can check the certificate is genuine."""
    stream = award.stream
    return {
        "award": award,
        "organisation_name": award.organisation.name,
        "award_title": stream.award_title or stream.name,
        "awarded_on": award.awarded_on,
        "expires_on": award.expires_on,
        "certificate_number": award.certificate_number,
        "verify_url": verify_url,
        "logo_svg": award_logo_svg(),
        "qr_svg": qr_svg(verify_url),
    }


def render_certificate(context: dict) -> bytes:
    return render_pdf(template=CERTIFICATE_TEMPLATE, context=context)
