"""The panel's documents.

- The application pack: every answer grouped by Learn, Embed and Share, and the evidence list,
  as a PDF for the panel and coordinators. It names no panel member (lived-experience assessors
  are never named in print); sensitive evidence is marked.
- The feedback letter: the released decision as a letter to the applicant, built only from
  what the applicant may see (a lived-experience chair signs with their pseudonym)."""

import datetime
import hashlib
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from audit import services as audit
from audit.enums import AuditAction
from awards.enums import DecisionOutcome
from awards.models import Application, Award, CriterionAnswer
from awards.services.awards import award_verify_url
from core.dates import add_years
from core.pdf import html_to_pdf, page_numbers_css, render_pdf
from criteria.enums import Principle
from criteria.grouping import group_criteria_by_principle
from criteria.models import Criterion
from organisations.enums import MembershipRole
from organisations.models import EvidenceItem
from panels.models import ApplicationPack
from panels.selectors import released_decision

logger = logging.getLogger(__name__)

APPLICATION_PACK_TEMPLATE = "awards/pdf/application_pack.html"
FEEDBACK_LETTER_TEMPLATE = "awards/pdf/feedback_letter.html"


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


# --- The stored pack ----------------------------------------------------------------------------
#
# Laying out a pack takes about 57 ms a page (an 80-page pack, 5-14 s under load), so it is
# never done inside a download. The pack is built in the background when the application goes
# to a panel, and again whenever what it would print has changed: the HTML it is laid out from
# takes milliseconds to render, and its SHA-256 (``digest``) says whether the stored PDF is
# still that document. A download serves the stored file, or asks for a build and says so.


def application_pack_html(application: Application) -> str:
    return render_to_string(APPLICATION_PACK_TEMPLATE, application_pack_context(application))


def _digest(html: str) -> str:
    return hashlib.sha256(html.encode()).hexdigest()


def pack_digest(application: Application) -> str:
    """The digest of the pack the application would print now."""
    return _digest(application_pack_html(application))


def current_pack(application: Application) -> ApplicationPack | None:
    """The stored pack, when it is the document the application would print now."""
    pack = ApplicationPack.objects.filter(application=application).first()
    if pack is None or pack.digest != pack_digest(application):
        return None
    return pack


def application_pack_build(
    *, application_id: int, now: datetime.datetime
) -> ApplicationPack | None:
    """Build and store the pack unless the stored one is current. Returns the current pack
    (None when the application no longer exists)."""
    application = (
        Application.objects.select_related("organisation", "organisation__local_group", "stream")
        .filter(pk=application_id)
        .first()
    )
    if application is None:
        return None
    html = application_pack_html(application)
    digest = _digest(html)
    stored = ApplicationPack.objects.filter(application=application).first()
    if stored is not None and stored.digest == digest:
        return stored
    content = ContentFile(html_to_pdf(html), name=f"{digest[:20]}.pdf")
    old_name = stored.file.name if stored is not None else ""
    pack = stored or ApplicationPack(application=application)
    pack.digest, pack.built_at = digest, now
    pack.file.save(content.name, content, save=False)
    try:
        with transaction.atomic():
            pack.save()
    except IntegrityError:  # another build stored its pack first: the same document
        pack.file.delete(save=False)
        return ApplicationPack.objects.get(application=application)
    if old_name and old_name != pack.file.name:
        transaction.on_commit(lambda: pack.file.storage.delete(old_name))
    return pack


@task()
def build_application_pack(*, application_id: int) -> None:
    application_pack_build(application_id=application_id, now=timezone.now())


def request_pack_build(application: Application, *, after_commit: bool = True) -> None:
    """Ask the worker for the pack (once the caller's transaction has committed, unless
    ``after_commit`` is False: the application is committed already)."""

    def enqueue():
        build_application_pack.enqueue(application_id=application.pk)

    if after_commit:
        transaction.on_commit(enqueue, robust=True)
    else:
        enqueue()


def application_pack_download(
    *, application: Application, user, now: datetime.datetime
) -> ApplicationPack | None:
    """The stored pack for someone who may read it (the caller has asked
    ``permissions.can_read_pack``), or None while it is being built (a build is asked for).
    The pack holds the applicant's answers: who took a copy, and when, is on the record."""
    pack = current_pack(application)
    if pack is None:
        request_pack_build(application, after_commit=False)
        # Where tasks run at once (development, tests), the pack is there now.
        pack = current_pack(application)
        if pack is None:
            return None
    audit.record(
        application=application,
        organisation_id=application.organisation_id,
        actor=user,
        action=AuditAction.EXPORT_CREATED,
        note=_("Application pack (PDF) downloaded"),
        created_at=now,
    )
    return pack


def _addressee(application: Application):
    """Who the letter is to: whoever submitted the application, else a lead of the
    organisation (None when neither is known)."""
    if application.submitted_by_id:
        return application.submitted_by
    lead = (
        application.organisation.memberships.filter(role=MembershipRole.LEAD)
        .select_related("user")
        .order_by("joined_at", "pk")
        .first()
    )
    return lead.user if lead else None


def _next_steps(
    *, decision, application: Application, award: Award | None, today: datetime.date
) -> list[str]:
    """What the applicant does next, after this decision, in a few short paragraphs."""
    if decision.outcome in (DecisionOutcome.AWARD, DecisionOutcome.AWARD_WITH_CONDITIONS):
        expires_on = (
            award.expires_on if award else add_years(today, application.stream.renewal_period_years)
        )
        steps = []
        if decision.outcome == DecisionOutcome.AWARD_WITH_CONDITIONS:
            steps.append(
                _(
                    "Answer each condition from your dashboard before its date, with the "
                    "evidence that shows it is met. Your coordinator will tell you when each "
                    "one is met."
                )
            )
        steps.append(
            _(
                "Download your certificate and the award logo from your dashboard. Anyone can "
                "check that your award is genuine on its verification page%(address)s."
            )
            % {
                "address": (
                    ": " + award_verify_url(award, settings.WAGTAILADMIN_BASE_URL.rstrip("/"))
                    if award
                    else ""
                )
            }
        )
        steps.append(
            _(
                "The award lasts until %(date)s. We will remind you well before then, and your "
                "renewal starts filled in from this application."
            )
            % {"date": date_format(expires_on, "j F Y")}
        )
        return steps
    if decision.outcome == DecisionOutcome.MORE_EVIDENCE_NEEDED:
        due = (
            _(" by %(date)s") % {"date": date_format(decision.evidence_due_date, "j F Y")}
            if decision.evidence_due_date
            else ""
        )
        return [
            _(
                "Add the evidence the panel asked for to your application and submit it "
                "again%(due)s. The same panel will read it afresh."
            )
            % {"due": due}
        ]
    return [
        _(
            "Thank you for the work you put into this application. You can apply again when "
            "you are ready: the panel's feedback above says where to start, and your local "
            "City of Sanctuary group can help."
        )
    ]


def feedback_letter_context(application: Application, *, preview: bool = False) -> dict | None:
    """The feedback letter, built only from what the applicant may see (with ``preview``,
    from the pending decision, for the coordinator who releases it): letterhead, date,
    addressee and greeting, the agreed feedback grouped by principle, conditions, what
    happens next and the chair's sign-off. None while there is nothing to send.

    In the organisation's language, whoever reads it: the wording built here, and the
    template, which renders within ``letter_language``."""
    language = application.organisation.language
    with translation.override(language):
        context = _feedback_letter_context(application, preview=preview)
    return {**context, "letter_language": language} if context is not None else None


def _feedback_letter_context(application: Application, *, preview: bool) -> dict | None:
    released = released_decision(application, preview=preview)
    if released is None:
        return None
    decision = released["decision"]
    today = (decision.released_at or datetime.datetime.now(datetime.UTC)).date()
    award = Award.objects.filter(application=application).first() if not preview else None
    organisation = application.organisation
    addressee = _addressee(application)
    groups = group_criteria_by_principle(released["agreed"], criterion=lambda item: item.criterion)
    for group in groups:
        if group.principle == Principle.PREREQUISITE:
            group.label = _("Prerequisites")
    return {
        **released,
        "application": application,
        "organisation": organisation,
        "issuer": settings.SANCTUARY_ISSUER,
        "local_group": organisation.local_group,
        "date": today,
        "addressee": addressee,
        "address_lines": [line for line in organisation.address.splitlines() if line.strip()],
        "greeting": (
            _("Dear %(name)s,") % {"name": addressee.first_name}
            if addressee and addressee.first_name
            else _("Dear %(organisation)s team,") % {"organisation": organisation.name}
        ),
        "groups": groups,
        "next_steps": _next_steps(
            decision=decision, application=application, award=award, today=today
        ),
        "preview": preview,
        "page_numbers": page_numbers_css(),
    }


def render_feedback_letter(context: dict) -> bytes:
    return render_pdf(template=FEEDBACK_LETTER_TEMPLATE, context=context)
