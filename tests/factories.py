import datetime

import factory
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth.models import Group
from django.utils import timezone

from accounts.enums import ROLE_GROUP_NAMES, Role
from accounts.models import User
from awards.models import CriterionAnswer
from criteria.models import Stream
from criteria.references import suggest_reference_prefix
from criteria.services import criteria_version_publish
from demo.driver import decide
from organisations.models import EvidenceItem, Membership
from panels.models import AssessorProfile, Panel, PanelMember

DEFAULT_PASSWORD = "correct-horse-battery"


class UserFactory(factory.django.DjangoModelFactory):
    """A signed-up person with a verified email address and no staff role (an applicant)."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    password = factory.PostGenerationMethodCall("set_password", DEFAULT_PASSWORD)

    @factory.post_generation
    def verified_email(self, create, extracted, **kwargs):
        if create:
            self.save()
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            # get_or_create: a transactional test's flush removes the groups the migration made.
            groups = [
                Group.objects.get_or_create(name=ROLE_GROUP_NAMES[role])[0] for role in extracted
            ]
            self.groups.add(*groups)

    @factory.post_generation
    def two_factor(self, create, extracted, **kwargs):
        """Pass ``two_factor=True`` to give the user a TOTP authenticator; the secret is kept
        on ``user.totp_secret`` so tests can compute codes."""
        if create and extracted:
            secret = generate_totp_secret()
            TOTP.activate(self, secret)
            self.totp_secret = secret


def staff_user(role: Role, *, two_factor: bool = True, **kwargs) -> User:
    """A user holding one staff role, with two-factor set up unless asked otherwise."""
    return UserFactory(roles=[role], two_factor=two_factor, **kwargs)


class StreamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "criteria.Stream"
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Stream {n}")
    slug = factory.Sequence(lambda n: f"stream-{n}")
    award_title = factory.LazyAttribute(lambda stream: f"{stream.name} of Sanctuary")
    reference_prefix = factory.LazyAttribute(
        lambda stream: suggest_reference_prefix(
            stream.award_title,
            taken=set(Stream.objects.values_list("reference_prefix", flat=True)),
        )
    )
    description = "A stream for testing."


class CriteriaVersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "criteria.CriteriaVersion"

    stream = factory.SubFactory(StreamFactory)
    number = factory.Sequence(lambda n: n + 1)


class CriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "criteria.Criterion"

    version = factory.SubFactory(CriteriaVersionFactory)
    code = factory.Sequence(lambda n: f"L{n + 1}")
    principle = "learn"
    title = factory.Sequence(lambda n: f"Criterion {n + 1}")
    asks = "Show how you do this."
    guidance = "Some guidance."
    evidence_examples = "A training record\nMinutes of a meeting"
    sort_order = factory.Sequence(lambda n: n)


PRINCIPLE_CYCLE = [("learn", "L"), ("embed", "E"), ("share", "S")]


def criteria_version_with(count: int, *, stream=None, prerequisites: int = 0, **kwargs):
    """A draft version with ``count`` criteria spread over Learn, Embed and Share (and
    ``prerequisites`` P-criteria first)."""
    version = CriteriaVersionFactory(**({"stream": stream} if stream else {}), **kwargs)
    order = 0
    for number in range(1, prerequisites + 1):
        CriterionFactory(
            version=version, code=f"P{number}", principle="prerequisite", sort_order=order
        )
        order += 1
    for number in range(1, count + 1):
        principle, letter = PRINCIPLE_CYCLE[(number - 1) * 3 // max(count, 1)]
        CriterionFactory(
            version=version, code=f"{letter}{number}", principle=principle, sort_order=order
        )
        order += 1
    return version


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "organisations.Organisation"

    name = factory.Sequence(lambda n: f"Riverside Primary School {n}")
    organisation_type = "school"
    nation = "england"
    region = "East Midlands"
    local_authority = "Leicester"


def organisation_with_team(*, lead=None, contributor=None, pledge=True, **kwargs):
    """An organisation whose team has ``lead`` (and ``contributor``), pledge signed."""

    organisation = OrganisationFactory(**kwargs)
    if lead is not None:
        Membership.objects.create(organisation=organisation, user=lead, role="lead")
    if contributor is not None:
        Membership.objects.create(organisation=organisation, user=contributor, role="contributor")
    if pledge:
        organisation.pledge_signatory_name = "A. Head"
        organisation.pledge_signatory_role = "Head teacher"
        organisation.pledge_signed_at = timezone.make_aware(datetime.datetime(2026, 1, 1))
        organisation.save()
    return organisation


def published_stream(
    *, criteria: int = 3, prerequisites: int = 0, slug: str = "schools", **stream_fields
):

    stream_fields.setdefault("award_title", f"{slug.title()} of Sanctuary")
    stream = StreamFactory(slug=slug, name=slug.title(), **stream_fields)
    version = criteria_version_with(criteria, stream=stream, number=1, prerequisites=prerequisites)
    criteria_version_publish(
        version=version, user=None, now=timezone.make_aware(datetime.datetime(2026, 1, 1))
    )
    return stream


def complete_application(application, *, user, evidence=True):
    """Fill every task of an application so that it can be submitted."""

    item = EvidenceItem.objects.create(
        organisation=application.organisation,
        kind="link",
        title="Our welcome policy",
        url="https://example.org/policy",
        scan_status="clean",
    )
    for criterion in application.criteria_version.criteria.all():
        answer = CriterionAnswer.objects.create(
            application=application,
            criterion=criterion,
            narrative="We do this well.",
            self_assessment="met",
        )
        if evidence:
            answer.evidence.add(item)
    application.organisation_context = "A primary school in the city centre."
    application.lived_experience = "Parents who sought sanctuary planned our welcome week."
    application.safeguarding_lead = "Deputy head"
    application.consent_confirmed = True
    application.senior_signatory_name = "A. Head"
    application.senior_signatory_role = "Head teacher"
    application.senior_endorsed_on = datetime.date(2026, 2, 1)
    application.save()
    return application


def assessment_panel(stream, *, prefix: str = ""):
    """A panel that meets the default composition rule: a chair, an expert and a
    lived-experience assessor."""

    prefix = prefix or f"panel{Panel.objects.count() + 1}"
    panel = Panel.objects.create(stream=stream, name=f"{stream.name} {prefix}")
    for n, (role, lived) in enumerate(
        [("sector_expert", False), ("peer", False), ("lived_experience", True)]
    ):
        user = staff_user(Role.PANEL_MEMBER, email=f"{prefix}.{stream.slug}.{n}@example.org")
        AssessorProfile.objects.create(user=user, lived_experience=lived)
        PanelMember.objects.create(panel=panel, user=user, role=role, is_chair=n == 0)
    return panel


def decide_application(
    application,
    *,
    admin,
    now,
    outcome: str = "award",
    panel=None,
    conditions=(),
    release: bool = True,
):
    """Drive a submitted (or in-assessment) application to a released outcome with the one
    driver (demo/driver.py), giving it a fresh complete panel when it has none."""

    if application.panel_id is None and panel is None:
        panel = assessment_panel(application.stream)
    return decide(
        application,
        admin=admin,
        now=now,
        outcome=outcome,
        panel=panel,
        conditions=conditions,
        release=release,
        agreed="met",
    )
