import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from criteria.enums import VersionStatus
from criteria.models import Criterion
from tests.factories import CriteriaVersionFactory, CriterionFactory, StreamFactory


def test_criterion_codes_are_unique_within_a_version(db):
    version = CriteriaVersionFactory()
    CriterionFactory(version=version, code="L1")

    with pytest.raises(IntegrityError), transaction.atomic():
        CriterionFactory(version=version, code="L1")


def test_same_code_may_appear_in_different_versions(db):
    stream = StreamFactory()
    CriterionFactory(version=CriteriaVersionFactory(stream=stream), code="L1")
    CriterionFactory(version=CriteriaVersionFactory(stream=stream), code="L1")

    assert Criterion.objects.filter(code="L1").count() == 2


def test_only_one_published_version_per_stream(db):
    stream = StreamFactory()
    now = timezone.now()
    CriteriaVersionFactory(stream=stream, status=VersionStatus.PUBLISHED, published_at=now)

    with pytest.raises(IntegrityError), transaction.atomic():
        CriteriaVersionFactory(stream=stream, status=VersionStatus.PUBLISHED, published_at=now)


def test_version_numbers_are_unique_per_stream(db):
    stream = StreamFactory()
    CriteriaVersionFactory(stream=stream, number=1)

    with pytest.raises(IntegrityError), transaction.atomic():
        CriteriaVersionFactory(stream=stream, number=1)


def test_published_version_must_record_when(db):
    with pytest.raises(IntegrityError), transaction.atomic():
        CriteriaVersionFactory(status=VersionStatus.PUBLISHED, published_at=None)


def test_stream_cannot_need_more_lived_experience_members_than_panel_members(db):
    with pytest.raises(IntegrityError), transaction.atomic():
        StreamFactory(panel_min_size=2, lived_experience_min=3)


def test_stream_reminder_offsets_are_validated(db):
    stream = StreamFactory.build(reminder_offsets_months=["six"])

    with pytest.raises(ValidationError) as error:
        stream.clean()

    assert "reminder_offsets_months" in error.value.message_dict


def test_criterion_code_must_match_its_principle(db):
    criterion = CriterionFactory.build(
        version=CriteriaVersionFactory(), code="E1", principle="learn"
    )

    with pytest.raises(ValidationError) as error:
        criterion.clean()

    assert "code" in error.value.message_dict


def test_evidence_examples_are_split_into_lines(db):
    criterion = CriterionFactory.build(evidence_examples="One\n\n Two \n")

    assert criterion.evidence_example_list == ["One", "Two"]
