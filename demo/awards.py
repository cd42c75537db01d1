"""Demo awards in every status, and decided applications of every outcome, made through the
real services with the clock set back, then moved along by the lifecycle job for today.

- current (awarded last year), with conditions (one answered, one overdue)
- renewal due (expires next month; the reminder is sent)
- in renewal (a renewal submitted before expiry)
- renewed (and its successor, current)
- lapsed (expired without renewal)
- withdrawn (with a reason)
- not yet awarded, and more evidence needed (decisions without an award)
"""

import datetime
import decimal

from django.conf import settings
from django.utils import timezone

from accounts.models import User
from awards.lifecycle import LifecycleError, process_awards
from awards.models import Application, CriterionAnswer
from awards.services import applications as application_services
from awards.services import awards as award_services
from awards.services import conditions as condition_services
from awards.services import renewal as renewal_services
from cms.models import LocalGroupPage
from core.dates import add_months
from criteria.models import Stream
from demo.driver import Wording, decide
from organisations.enums import ScanStatus
from organisations.models import EvidenceItem, Organisation
from organisations.services import teams as team_services
from panels.models import Panel, PanelMember
from panels.services import payments as payment_services

ASSESSORS = [
    ("assessor@example.org", "sector_expert", True),
    ("lived.experience@example.org", "lived_experience", False),
    ("peer.assessor@example.org", "peer", False),
]

# (organisation name, stream, local group, type, authority, region, outcome,
#  months ago decided, what happens next)
DEMO_AWARDS = [
    ("St Anne's Primary School", "schools", "leicester", "school", "Leicester",
     "East Midlands", "award", 14, None),
    ("Leeds City Libraries (demo)", "libraries", None, "library", "Leeds",
     "Yorkshire and the Humber", "award_with_conditions", 8, "conditions"),
    ("Northfield Library Service (demo)", "libraries", "leicester", "library", "Leicester",
     "East Midlands", "award", 35, None),
    ("Lewisham Southside College (demo)", "colleges", "lewisham", "college", "Lewisham",
     "London", "award", 34, "renewal_submitted"),
    ("Bristol Harbour Theatre (demo)", "arts", None, "arts", "Bristol", "South West",
     "award", 38, "renewed"),
    ("Hillcrest Academy (demo)", "schools", "leicester", "school", "Leicester",
     "East Midlands", "award", 38, None),
    ("Oakwood Health Centre (demo)", "health", None, "health", "Sheffield",
     "Yorkshire and the Humber", "award", 12, "withdrawn"),
    ("Meadow Nursery (demo)", "schools", "leicester", "nursery", "Leicester",
     "East Midlands", "not_yet_awarded", 2, None),
    ("Greenfield High School (demo)", "schools", "lewisham", "school", "Lewisham",
     "London", "more_evidence_needed", 1, None),
]  # fmt: skip


def _at(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10, 0)))


def _panel(stream: Stream, admin: User) -> Panel:
    name = f"{stream.name} panel (demo)"
    panel = Panel.objects.filter(name=name, stream=stream).first()
    if panel:
        return panel
    panel = Panel.objects.create(
        stream=stream, name=name, meeting_format="online", created_by=admin
    )
    for email, role, chair in ASSESSORS:
        PanelMember.objects.create(
            panel=panel, user=User.objects.get(email=email), role=role, is_chair=chair
        )
    return panel


def _lead(name: str) -> User:
    slug = "".join(ch for ch in name.lower() if ch.isalnum())[:20]
    email = f"lead.{slug}@example.org"
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email=email, password=None, first_name="Demo")
        user.set_unusable_password()
        user.save()
    return user


def _complete(application: Application, lead: User, when: datetime.datetime) -> None:
    item = EvidenceItem.objects.create(
        organisation=application.organisation,
        kind="link",
        title="Our sanctuary work, in pictures",
        url="https://example.org/sanctuary-work",
        uploaded_by=lead,
        scan_status=ScanStatus.CLEAN,
        evidence_date=when.date(),
    )
    answered = set(application.answers.values_list("criterion_id", flat=True))
    for criterion in application.criteria_version.criteria.exclude(pk__in=answered):
        answer = CriterionAnswer.objects.create(
            application=application,
            criterion=criterion,
            narrative=(
                f"{criterion.title}: we have done this for several years, planned with people "
                "who have sought sanctuary, and we review it every term."
            ),
            self_assessment="met",
            updated_by=lead,
            updated_at=when,
        )
        answer.evidence.add(item)
    application.organisation_context = (
        application.organisation_context
        or f"{application.organisation.name} welcomes everyone in a diverse city."
    )
    application.lived_experience = application.lived_experience or (
        "A group of people with lived experience of seeking sanctuary chose our priorities."
    )
    application.progress_since_award = application.progress_since_award or (
        "Since our last award we trained every member of staff and opened a weekly drop-in."
    )
    application.safeguarding_lead = "Designated safeguarding lead"
    application.consent_confirmed = True
    application.senior_signatory_name = application.organisation.pledge_signatory_name
    application.senior_signatory_role = application.organisation.pledge_signatory_role
    application.senior_endorsed_on = when.date()
    application.save()


def _decide(application, *, admin, when, outcome, conditions=()):
    return decide(
        application,
        admin=admin,
        now=when,
        outcome=outcome,
        panel=_panel(application.stream, admin),
        conditions=conditions,
        wording=Wording(
            judgement_comment="Well evidenced, with people with lived experience involved.",
            agreed_comment="{code}: the panel saw clear, lived evidence of this.",
            strengths="A real culture of welcome, shaped by people with lived experience.",
            recommendations="Share your practice with others in your area.",
            evidence_needed=(
                "Show how pupils who have sought sanctuary shaped the welcome programme."
            ),
        ),
        judgement=lambda criterion, member: "met" if (criterion + member) % 5 else "partly_met",
        meeting={
            "held_on": when.date(),
            "meeting_format": "in_person",
            "place": application.organisation.local_authority,
            "people_met": "The lead, two members of staff, three people from the welcome group",
            "notes": "A warm visit; the welcome group showed us the drop-in and the new signage.",
            "extra_evidence": "Photos of the welcome wall and the drop-in timetable.",
        },
        evidence_days=60,
        base_url=settings.WAGTAILADMIN_BASE_URL,
    )


def load_demo_awards(*, stdout=None) -> None:

    admin = User.objects.get(email="admin@example.org")
    today = timezone.localdate()
    made = 0
    for name, slug, group, kind, authority, region, outcome, months, then in DEMO_AWARDS:
        if Organisation.objects.filter(name=name).exists():
            continue
        stream = Stream.objects.get(slug=slug)
        lead = _lead(name)
        decided = _at(add_months(today, -months))
        organisation = team_services.organisation_create(
            user=lead,
            now=decided - datetime.timedelta(days=120),
            name=name,
            organisation_type=kind,
            stream=stream,
            local_authority=authority,
            nation="england",
            region=region,
            local_group=LocalGroupPage.objects.filter(slug=group).first() if group else None,
            website="https://example.org",
        )
        team_services.organisation_sign_pledge(
            organisation=organisation,
            user=lead,
            signatory_name="Demo Signatory",
            signatory_role="Chief executive",
            now=decided - datetime.timedelta(days=120),
        )
        organisation.refresh_from_db()
        application = application_services.application_start(
            organisation=organisation,
            stream=stream,
            user=lead,
            now=decided - datetime.timedelta(days=90),
        )
        _complete(application, lead, decided - datetime.timedelta(days=60))
        application = application_services.application_submit(
            application=application,
            user=lead,
            now=decided - datetime.timedelta(days=45),
            base_url=settings.WAGTAILADMIN_BASE_URL,
        )
        conditions = []
        if then == "conditions":
            conditions = [
                ("Train front-desk staff in welcoming people seeking sanctuary.",
                 today - datetime.timedelta(days=20)),
                ("Publish your welcome statement in the five most spoken community languages.",
                 today + datetime.timedelta(days=60)),
            ]  # fmt: skip
        application = _decide(
            application, admin=admin, when=decided, outcome=outcome, conditions=conditions
        )
        made += 1
        award = getattr(application, "award", None) if outcome.startswith("award") else None
        if award is None:
            continue
        if then == "conditions":
            second = application.decision.conditions.order_by("due_date").last()
            condition_services.condition_answer(
                condition=second,
                user=lead,
                now=_at(today - datetime.timedelta(days=3)),
                response="Our statement is now on the website in Arabic, Dari, Farsi, Kurdish "
                "and Tigrinya, and on posters at every branch.",
                evidence_ids=list(organisation.evidence.values_list("pk", flat=True)[:1]),
            )
        elif then == "withdrawn":
            award_services.award_withdraw(
                award=award,
                user=admin,
                now=_at(today - datetime.timedelta(days=30)),
                reason="The organisation closed its sanctuary drop-in and asked to withdraw.",
            )
        elif then in ("renewal_submitted", "renewed"):
            start = _at(add_months(award.expires_on, -3))
            renewal = renewal_services.renewal_start(award=award, user=lead, now=start)
            _complete(renewal, lead, start)
            renewal = application_services.application_submit(
                application=renewal, user=lead, now=start, base_url=settings.WAGTAILADMIN_BASE_URL
            )
            if then == "renewed":
                _decide(renewal, admin=admin, when=_at(add_months(today, -2)), outcome="award")
        # Record the honorarium and expenses of the lived-experience assessor.
        member = application.panel.members.get(role="lived_experience")
        payment_services.payment_record(
            member=member,
            user=admin,
            now=decided,
            kind="honorarium",
            amount=decimal.Decimal("75.00"),
            description=f"Panel day: {name}",
            claimed_on=decided.date(),
            paid_on=decided.date() + datetime.timedelta(days=14),
        )
        payment_services.payment_record(
            member=member,
            user=admin,
            now=decided,
            kind="expenses",
            amount=decimal.Decimal("23.40"),
            description="Train fare",
            claimed_on=decided.date(),
        )
    try:
        summary = process_awards(today=today)
    except LifecycleError:
        summary = None
    if stdout:
        stdout.write(
            f"Awards: {made} demo organisations decided"
            + (
                f"; lifecycle for {today}: {summary.renewal_due} renewal due, "
                f"{summary.reminders} reminders, {summary.lapsed} lapsed"
                if summary
                else ""
            )
        )
