import datetime

import pytest
from django.utils import timezone
from wagtail.models import ModelLogEntry

from criteria.enums import VersionStatus
from criteria.grouping import group_criteria_by_principle
from criteria.models import CriteriaVersion
from criteria.selectors import criteria_version_diff, criteria_version_is_editable
from criteria.services import (
    LOG_PUBLISH,
    LOG_RETIRE,
    CriteriaError,
    criteria_version_publish,
    criteria_version_start_new,
)
from tests.factories import (
    CriteriaVersionFactory,
    CriterionFactory,
    StreamFactory,
    criteria_version_with,
)

NOW = timezone.make_aware(datetime.datetime(2026, 11, 1, 10, 0))


def test_publishing_retires_the_previous_version(db, stream_coordinator):
    stream = StreamFactory()
    first = criteria_version_with(3, stream=stream, number=1)
    criteria_version_publish(version=first, user=stream_coordinator, now=NOW)
    second = criteria_version_with(4, stream=stream, number=2)

    criteria_version_publish(version=second, user=stream_coordinator, now=NOW)

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (VersionStatus.RETIRED, VersionStatus.PUBLISHED)
    assert second.published_at == NOW
    assert second.effective_date == NOW.date()
    actions = list(
        ModelLogEntry.objects.filter(action__in=[LOG_PUBLISH, LOG_RETIRE])
        .order_by("pk")
        .values_list("action", "object_id")
    )
    assert actions == [
        (LOG_PUBLISH, str(first.pk)),
        (LOG_RETIRE, str(first.pk)),
        (LOG_PUBLISH, str(second.pk)),
    ]


def test_publishing_a_version_without_criteria_is_refused(db, stream_coordinator):
    empty = CriteriaVersionFactory()

    with pytest.raises(CriteriaError, match="at least one criterion"):
        criteria_version_publish(version=empty, user=stream_coordinator, now=NOW)

    empty.refresh_from_db()
    assert empty.status == VersionStatus.DRAFT


def test_publishing_a_code_that_does_not_match_its_principle_is_refused(db):
    version = CriteriaVersionFactory()
    CriterionFactory(version=version, code="E1", principle="learn")

    with pytest.raises(CriteriaError, match="must start with L"):
        criteria_version_publish(version=version, user=None, now=NOW)


def test_publishing_twice_is_refused_and_changes_nothing(db):
    version = criteria_version_with(3)
    criteria_version_publish(version=version, user=None, now=NOW)

    with pytest.raises(CriteriaError, match="Only a draft"):
        criteria_version_publish(version=version, user=None, now=NOW)

    assert CriteriaVersion.objects.get(pk=version.pk).status == VersionStatus.PUBLISHED


def test_start_new_version_copies_criteria_into_a_draft(db):
    published = criteria_version_with(5, number=1)
    criteria_version_publish(version=published, user=None, now=NOW)

    draft = criteria_version_start_new(version=published, user=None, now=NOW)

    assert draft.number == 2
    assert draft.status == VersionStatus.DRAFT
    assert list(draft.criteria.values_list("code", "title")) == list(
        published.criteria.values_list("code", "title")
    )
    assert draft.latest_revision is not None


def test_start_new_version_twice_returns_the_same_draft(db):
    published = criteria_version_with(2, number=1)
    criteria_version_publish(version=published, user=None, now=NOW)

    first = criteria_version_start_new(version=published, user=None, now=NOW)
    second = criteria_version_start_new(version=published, user=None, now=NOW)

    assert first.pk == second.pk
    assert published.stream.versions.count() == 2


def test_only_drafts_and_unused_published_versions_are_editable(db):
    stream = StreamFactory()
    old = criteria_version_with(2, stream=stream, number=1)
    criteria_version_publish(version=old, user=None, now=NOW)
    new = criteria_version_with(2, stream=stream, number=2)
    draft_state = criteria_version_is_editable(new)
    criteria_version_publish(version=new, user=None, now=NOW)
    old.refresh_from_db()

    assert draft_state is True
    assert criteria_version_is_editable(old) is False
    assert criteria_version_is_editable(new) is True


def test_diff_finds_added_removed_and_reworded(db):
    stream = StreamFactory()
    old = CriteriaVersionFactory(stream=stream, number=1)
    CriterionFactory(version=old, code="L1", title="Staff learn")
    CriterionFactory(version=old, code="L2", title="Pupils learn")
    CriterionFactory(version=old, code="S9", principle="share", title="Partner school")
    new = CriteriaVersionFactory(stream=stream, number=2)
    CriterionFactory(version=new, code="L1", title="Staff learn")
    CriterionFactory(version=new, code="L2", title="Pupils learn across the curriculum")
    CriterionFactory(version=new, code="E3", principle="embed", title="A culture of welcome")

    diff = criteria_version_diff(old=old, new=new)

    assert [change.code for change in diff.added] == ["E3"]
    assert [change.code for change in diff.removed] == ["S9"]
    assert [(c.code, c.changed_fields) for c in diff.reworded] == [("L2", ["title"])]
    assert [change.code for change in diff.unchanged] == ["L1"]
    assert diff.has_changes is True


def test_grouping_puts_prerequisites_first_then_learn_embed_share(db):
    version = criteria_version_with(6, prerequisites=2)

    groups = group_criteria_by_principle(list(version.criteria.order_by("sort_order")))

    assert [(g.principle, [c.code for c in g.criteria]) for g in groups] == [
        ("prerequisite", ["P1", "P2"]),
        ("learn", ["L1", "L2"]),
        ("embed", ["E3", "E4"]),
        ("share", ["S5", "S6"]),
    ]
