"""Demo streams and criteria from criteria/demo_content.py, published through the services so
the demo history looks like real use (older versions retired by newer ones)."""

import datetime

from django.utils import timezone

from accounts.models import User
from criteria.enums import VersionStatus
from criteria.models import CriteriaVersion, Criterion, Stream
from criteria.references import suggest_reference_prefix
from criteria.services import criteria_version_publish
from demo.content import STREAMS

STREAM_FIELDS = (
    "name",
    "award_title",
    "description",
    "panel_min_size",
    "lived_experience_min",
    "narrative_max_characters",
    "renewal_period_years",
    "reminder_offsets_months",
    "applies_through_local_group",
)
STREAM_COORDINATORS = {"schools": "schools.coordinator@example.org"}


def load_demo_streams(*, stdout=None) -> dict[str, Stream]:
    """Create every demo stream and its versions. Idempotent: existing versions are left as
    they are (published versions are never edited in place)."""
    streams = {}
    for order, spec in enumerate(STREAMS):
        stream = Stream.objects.filter(slug=spec["slug"]).first()
        prefix = (
            stream.reference_prefix
            if stream
            else suggest_reference_prefix(
                spec["award_title"],
                taken=set(Stream.objects.values_list("reference_prefix", flat=True)),
            )
        )
        stream, _ = Stream.objects.update_or_create(
            slug=spec["slug"],
            defaults={
                **{name: spec[name] for name in STREAM_FIELDS},
                "sort_order": order,
                "reference_prefix": prefix,
            },
        )
        if email := STREAM_COORDINATORS.get(spec["slug"]):
            coordinator = User.objects.filter(email=email).first()
            if coordinator:
                stream.coordinators.add(coordinator)
        for version_spec in spec["versions"]:
            _load_version(stream, version_spec)
        streams[stream.slug] = stream
    if stdout:
        stdout.write(f"Streams: {len(streams)}")
    return streams


def _load_version(stream: Stream, spec: dict) -> CriteriaVersion:
    existing = CriteriaVersion.objects.filter(stream=stream, number=spec["number"]).first()
    if existing is not None:
        return existing
    effective = datetime.date.fromisoformat(spec["effective_date"])
    version = CriteriaVersion.objects.create(
        stream=stream,
        number=spec["number"],
        effective_date=effective,
        change_summary=spec["change_summary"],
    )
    for order, criterion in enumerate(spec["criteria"]):
        Criterion.objects.create(
            version=version,
            sort_order=order,
            code=criterion["code"],
            principle=criterion["principle"],
            title=criterion["title"],
            asks=criterion["asks"],
            guidance=criterion["guidance"],
            evidence_examples="\n".join(criterion["evidence_examples"]),
            pledge_is_evidence="pledge" in f"{criterion['title']} {criterion['asks']}".lower(),
        )
    version = CriteriaVersion.objects.get(pk=version.pk)  # reload with its criteria
    version.save_revision(log_action=False)
    if spec["status"] in (VersionStatus.PUBLISHED, VersionStatus.RETIRED):
        published_at = timezone.make_aware(datetime.datetime.combine(effective, datetime.time(9)))
        criteria_version_publish(version=version, user=None, now=published_at)
    return version
