"""Reads of streams and criteria, built to a fixed number of queries."""

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from criteria.enums import VersionStatus
from criteria.models import CriteriaVersion, Criterion, Stream


def criteria_version_published_for_stream(*, stream_id: int) -> CriteriaVersion | None:
    """The stream's published version, with its stream and its criteria (two queries)."""
    return (
        CriteriaVersion.objects.filter(stream_id=stream_id, status=VersionStatus.PUBLISHED)
        .select_related("stream")
        .prefetch_related(Prefetch("criteria", queryset=Criterion.objects.order_by("sort_order")))
        .first()
    )


def published_criteria_by_stream(stream_ids) -> dict[int, list[Criterion]]:
    """The published criteria of each of these streams, in order (one query)."""
    criteria: dict[int, list[Criterion]] = {stream_id: [] for stream_id in stream_ids}
    for criterion in (
        Criterion.objects.filter(
            version__stream_id__in=list(criteria), version__status=VersionStatus.PUBLISHED
        )
        .select_related("version")
        .order_by("sort_order", "pk")
    ):
        criteria[criterion.version.stream_id].append(criterion)
    return criteria


def streams_with_published_version() -> QuerySet[Stream]:
    return Stream.objects.filter(is_active=True, versions__status=VersionStatus.PUBLISHED)


def criteria_version_is_in_use(version: CriteriaVersion) -> bool:
    """Whether anything outside the criteria app refers to this version (an application, an
    award …). Found from the model's reverse relations, so later apps are covered without
    registering here."""
    for relation in CriteriaVersion._meta.related_objects:
        if relation.related_model is Criterion or not (relation.one_to_many or relation.one_to_one):
            continue
        if relation.related_model._meta.app_label == "wagtailcore":
            continue
        accessor = relation.related_model._default_manager.filter(**{relation.field.name: version})
        if accessor.exists():
            return True
    return False


def criteria_version_is_editable(version: CriteriaVersion) -> bool:
    """Drafts can be edited; a published version only while no application uses it; retired
    versions never."""
    if version.status == VersionStatus.DRAFT:
        return True
    if version.status == VersionStatus.PUBLISHED:
        return not criteria_version_is_in_use(version)
    return False


@dataclass
class CriterionChange:
    code: str
    old: Criterion | None
    new: Criterion | None
    changed_fields: list[str]

    @property
    def changed_labels(self) -> list[str]:
        return [str(Criterion._meta.get_field(name).verbose_name) for name in self.changed_fields]


@dataclass
class VersionDiff:
    added: list[CriterionChange]
    removed: list[CriterionChange]
    reworded: list[CriterionChange]
    unchanged: list[CriterionChange]

    @property
    def has_changes(self) -> bool:
        return bool(self.added or self.removed or self.reworded)


COMPARED_FIELDS = (
    "principle",
    "title",
    "asks",
    "guidance",
    "evidence_examples",
    "pledge_is_evidence",
)


def criteria_version_diff(*, old: CriteriaVersion, new: CriteriaVersion) -> VersionDiff:
    """Compare two versions criterion by criterion, matching on code."""
    old_criteria = {criterion.code: criterion for criterion in old.criteria.all()}
    new_criteria = {criterion.code: criterion for criterion in new.criteria.all()}
    diff = VersionDiff(added=[], removed=[], reworded=[], unchanged=[])
    for code, criterion in new_criteria.items():
        before = old_criteria.get(code)
        if before is None:
            diff.added.append(CriterionChange(code, None, criterion, []))
            continue
        changed = [
            name
            for name in COMPARED_FIELDS
            if _normalise(getattr(before, name)) != _normalise(getattr(criterion, name))
        ]
        bucket = diff.reworded if changed else diff.unchanged
        bucket.append(CriterionChange(code, before, criterion, changed))
    for code, criterion in old_criteria.items():
        if code not in new_criteria:
            diff.removed.append(CriterionChange(code, criterion, None, []))
    return diff


def _normalise(value) -> str:
    if isinstance(value, bool):
        return str(value)
    return " ".join((value or "").split())
