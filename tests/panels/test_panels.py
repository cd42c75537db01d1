"""Panel composition, conflicts of interest and independent judgements."""

import pytest
from django.db import IntegrityError, transaction

from accounts.enums import Role
from audit.models import AuditEntry
from awards.models import Application
from cms.models import HomePage, LocalGroupIndexPage, LocalGroupPage
from core import errors as errors
from panels.composition import panel_composition
from panels.models import AssessorProfile, Panel, PanelMember
from panels.permissions import can_see_others_judgements
from panels.selectors import panel_judgements
from panels.services import assessment as assessment_services
from panels.services import membership as membership_services
from tests.conftest import NOW
from tests.factories import staff_user


def _member(panel, email, *, role="sector_expert", chair=False, lived=False):
    user = staff_user(Role.PANEL_MEMBER, email=email)
    AssessorProfile.objects.create(user=user, lived_experience=lived)
    return PanelMember.objects.create(panel=panel, user=user, role=role, is_chair=chair)


@pytest.fixture
def panel(schools):
    return Panel.objects.create(stream=schools, name="Schools panel, March")


@pytest.fixture
def full_panel(panel):
    _member(panel, "chair@example.org", chair=True)
    _member(panel, "expert@example.org")
    _member(panel, "lived@example.org", role="lived_experience", lived=True)
    return panel


def test_complete_panel_passes(full_panel, in_assessment):
    report = panel_composition(full_panel, in_assessment)

    assert report.ok is True
    assert report.problems == []


def test_panel_without_lived_experience_is_blocked(panel, in_assessment, national_admin):
    _member(panel, "chair@example.org", chair=True)
    _member(panel, "expert1@example.org")
    _member(panel, "expert2@example.org")

    report = panel_composition(panel, in_assessment)
    with pytest.raises(membership_services.CompositionError):
        membership_services.panel_assign_application(
            panel=panel, application=in_assessment, user=national_admin, now=NOW
        )

    assert report.ok is False
    assert any("lived-experience" in problem for problem in report.problems)
    in_assessment.refresh_from_db()
    assert in_assessment.panel is None


def test_affiliated_member_is_conflicted_and_does_not_count(full_panel, in_assessment):
    expert = full_panel.members.get(user__email="expert@example.org")
    expert.user.assessor_profile.affiliations.add(in_assessment.organisation)

    report = panel_composition(full_panel, in_assessment)

    assert report.conflicted == [expert]
    assert report.ok is False


def test_missing_local_group_member_is_a_warning_only(full_panel, in_assessment):

    home = HomePage.objects.get()
    index = LocalGroupIndexPage(title="Local groups", slug="local-groups")
    home.add_child(instance=index)
    group = LocalGroupPage(title="Leicester", slug="leicester", area="Leicester")
    index.add_child(instance=group)
    in_assessment.organisation.local_group = group
    in_assessment.organisation.save()

    report = panel_composition(full_panel, in_assessment)

    assert report.ok is True
    assert report.warnings == ["No member of the panel belongs to the applicant's local group."]


def test_assign_scoring_and_hidden_until_submitted(full_panel, in_assessment, national_admin):
    membership_services.panel_assign_application(
        panel=full_panel, application=in_assessment, user=national_admin, now=NOW
    )
    in_assessment.refresh_from_db()
    chair = full_panel.members.get(is_chair=True)
    lived = full_panel.members.get(role="lived_experience")
    criteria = list(in_assessment.criteria_version.criteria.all())

    with pytest.raises(errors.ServiceError, match="Declare whether"):
        assessment_services.assessment_save(
            member=chair, application=in_assessment, expected_version=0, judgements={}, now=NOW
        )

    for member in (chair, lived):
        assessment_services.conflict_declare(
            member=member, application=in_assessment, has_conflict=False, details="", now=NOW
        )
    all_met = {c.pk: ("met", "Good evidence.") for c in criteria}
    assessment_services.assessment_save(
        member=lived,
        application=in_assessment,
        expected_version=0,
        judgements=all_met,
        now=NOW,
        submit=True,
    )

    # The chair has not submitted: the lived-experience member's judgements stay hidden.
    fresh = Application.objects.get(pk=in_assessment.pk)
    assert bool(can_see_others_judgements(chair.user, fresh)) is False
    assessment_services.assessment_save(
        member=chair,
        application=in_assessment,
        expected_version=0,
        judgements=all_met,
        now=NOW,
        submit=True,
    )
    fresh = Application.objects.get(pk=in_assessment.pk)
    assert bool(can_see_others_judgements(chair.user, fresh)) is True
    assert panel_judgements(fresh).count() == 2 * len(criteria)
    assert (
        AuditEntry.objects.filter(application=in_assessment, action="judgements_submitted").count()
        == 2
    )


def test_judging_from_two_tabs_does_not_silently_overwrite(
    full_panel, in_assessment, national_admin
):
    membership_services.panel_assign_application(
        panel=full_panel, application=in_assessment, user=national_admin, now=NOW
    )
    in_assessment.refresh_from_db()
    chair = full_panel.members.get(is_chair=True)
    assessment_services.conflict_declare(
        member=chair, application=in_assessment, has_conflict=False, details="", now=NOW
    )
    criterion = in_assessment.criteria_version.criteria.first()
    assessment_services.assessment_save(
        member=chair,
        application=in_assessment,
        expected_version=0,
        judgements={criterion.pk: ("met", "Tab one")},
        now=NOW,
    )

    with pytest.raises(errors.StaleWrite):
        assessment_services.assessment_save(
            member=chair,
            application=in_assessment,
            expected_version=0,
            judgements={criterion.pk: ("not_yet_met", "Tab two")},
            now=NOW,
        )

    assert chair.assessments.get().judgements.get().comment == "Tab one"


def test_conflicted_member_cannot_score(full_panel, in_assessment, national_admin):
    membership_services.panel_assign_application(
        panel=full_panel, application=in_assessment, user=national_admin, now=NOW
    )
    in_assessment.refresh_from_db()
    expert = full_panel.members.get(user__email="expert@example.org")
    assessment_services.conflict_declare(
        member=expert,
        application=in_assessment,
        has_conflict=True,
        details="I am a governor of this school.",
        now=NOW,
    )

    with pytest.raises(errors.ServiceError, match="conflict of interest"):
        assessment_services.assessment_save(
            member=expert, application=in_assessment, expected_version=0, judgements={}, now=NOW
        )
    assert AuditEntry.objects.filter(action="conflict_declared").exists()


def test_only_one_chair_per_panel(panel):

    _member(panel, "chair@example.org", chair=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        _member(panel, "second.chair@example.org", chair=True)
