"""Writes to streams' criteria: publishing a version and starting a new one.

Each function is atomic, takes "now" from its caller, and records what it did in Wagtail's
audit log (shown in the version's history in the admin).
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from accounts.models import User
from core.page_cache import page_cache_clear
from criteria.enums import PRINCIPLE_LETTERS, VersionStatus
from criteria.models import CriteriaVersion, Criterion, Stream
from criteria.signals import criteria_published

LOG_PUBLISH = "criteria.publish_version"
LOG_RETIRE = "criteria.retire_version"
LOG_NEW_VERSION = "criteria.start_new_version"


class CriteriaError(ValidationError):
    """A change to criteria that the rules refuse; the message is for the coordinator."""


def criteria_version_validate(*, version: CriteriaVersion) -> None:
    """Raise CriteriaError unless the version's criteria can be published."""
    criteria = list(version.criteria.all())
    if not criteria:
        raise CriteriaError(_("A version needs at least one criterion before it is published."))
    seen: set[str] = set()
    for criterion in criteria:
        code = criterion.code.strip().upper()
        if code in seen:
            raise CriteriaError(_("The code %(code)s is used twice.") % {"code": code})
        seen.add(code)
        letter = PRINCIPLE_LETTERS[criterion.principle]
        if not code.startswith(letter):
            raise CriteriaError(
                _("%(code)s is a %(principle)s criterion, so its code must start with %(letter)s.")
                % {"code": code, "principle": criterion.get_principle_display(), "letter": letter}
            )


@transaction.atomic
def criteria_version_publish(
    *, version: CriteriaVersion, user: User | None, now: datetime.datetime
) -> CriteriaVersion:
    """Publish a draft version of a stream's criteria.

    Side-effects, in order:
    1. locks the stream row, so two coordinators cannot publish at once;
    2. retires the stream's currently published version, if any (audit entry);
    3. marks this version published, with ``published_at = now`` and an effective date of
       today if it had none (audit entry);
    4. after commit, re-indexes the stream's public page for site search and clears the
       public page cache.
    """
    Stream.objects.select_for_update().get(pk=version.stream_id)
    version = CriteriaVersion.objects.select_for_update().get(pk=version.pk)
    if version.status != VersionStatus.DRAFT:
        raise CriteriaError(_("Only a draft version can be published."))
    criteria_version_validate(version=version)

    current = (
        CriteriaVersion.objects.select_for_update()
        .filter(stream_id=version.stream_id, status=VersionStatus.PUBLISHED)
        .first()
    )
    if current is not None:
        current.status = VersionStatus.RETIRED
        current.save(update_fields=["status"])
        log(current, LOG_RETIRE, user=user, data={"replaced_by": version.number})

    version.status = VersionStatus.PUBLISHED
    version.published_at = now
    if version.effective_date is None:
        version.effective_date = now.date()
    version.save(update_fields=["status", "published_at", "effective_date"])
    log(
        version,
        LOG_PUBLISH,
        user=user,
        data={"retired": current.number if current else None},
    )
    transaction.on_commit(
        lambda: criteria_published.send(sender=CriteriaVersion, stream_id=version.stream_id)
    )
    transaction.on_commit(page_cache_clear)
    return version


@transaction.atomic
def criteria_version_start_new(
    *, version: CriteriaVersion, user: User | None, now: datetime.datetime
) -> CriteriaVersion:
    """Start a new draft version of the stream's criteria, copying ``version``.

    If the stream already has a draft, that draft is returned instead of a second one.
    Side-effects: locks the stream row; creates the draft and copies of every criterion;
    writes an audit entry.
    """
    stream = Stream.objects.select_for_update().get(pk=version.stream_id)
    existing_draft = stream.versions.filter(status=VersionStatus.DRAFT).first()
    if existing_draft is not None:
        return existing_draft
    draft = CriteriaVersion.objects.create(
        stream=stream,
        number=criteria_version_next_number(stream=stream),
        status=VersionStatus.DRAFT,
        change_summary="",
    )
    for criterion in version.criteria.order_by("sort_order"):
        Criterion.objects.create(
            version=draft,
            sort_order=criterion.sort_order,
            code=criterion.code,
            principle=criterion.principle,
            title=criterion.title,
            asks=criterion.asks,
            guidance=criterion.guidance,
            evidence_examples=criterion.evidence_examples,
            pledge_is_evidence=criterion.pledge_is_evidence,
        )
    draft = CriteriaVersion.objects.get(pk=draft.pk)  # reload with its criteria
    draft.save_revision(user=user, log_action=False)
    log(draft, LOG_NEW_VERSION, user=user, data={"copied_from": version.number})
    return draft


def criteria_version_next_number(*, stream: Stream) -> int:
    return (stream.versions.aggregate(highest=Max("number"))["highest"] or 0) + 1
