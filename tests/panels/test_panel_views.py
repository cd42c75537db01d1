"""Panel forming in the workspace and the assessor portal, through their screens."""

from accounts.enums import Role
from awards.models import Application
from panels.models import Panel
from tests.factories import staff_user


def test_coordinator_forms_a_panel_and_the_check_blocks_until_complete(
    client, national_admin, schools, in_assessment, assessors
):
    client.force_login(national_admin)
    response = client.post(
        "/workspace/panels/",
        {"stream": schools.pk, "name": "Spring panel", "meeting_format": "online"},
    )
    panel = Panel.objects.get()
    assert response["Location"] == f"/workspace/panels/{panel.pk}/"

    for key, role, chair in [("chair", "sector_expert", "on"), ("expert", "sector_expert", "")]:
        client.post(
            f"/workspace/panels/{panel.pk}/",
            {"add_member": "1", "user": assessors[key].pk, "role": role, "is_chair": chair},
        )
    page = client.get(f"/workspace/panels/{panel.pk}/").content.decode()
    assert "The panel is not complete" in page
    assert "lived-experience assessor" in page

    blocked = client.post(
        f"/workspace/panels/{panel.pk}/", {"assign": "1", "application": in_assessment.pk}
    )
    assert blocked.status_code == 400
    assert Application.objects.get(pk=in_assessment.pk).panel is None

    client.post(
        f"/workspace/panels/{panel.pk}/",
        {"add_member": "1", "user": assessors["lived"].pk, "role": "lived_experience"},
    )
    assigned = client.post(
        f"/workspace/panels/{panel.pk}/", {"assign": "1", "application": in_assessment.pk}
    )
    assert assigned.status_code == 302
    assert Application.objects.get(pk=in_assessment.pk).panel == panel


def _judge_all(client, application, *, submit):
    data = {
        "version": application.assessments.filter(member__user__email=client.email)
        .values_list("version", flat=True)
        .first()
        or 0
    }
    for criterion in application.criteria_version.criteria.all():
        data[f"outcome-{criterion.pk}"] = "met"
        data[f"comment-{criterion.pk}"] = f"Strong evidence for {criterion.code}."
    if submit:
        data["submit"] = "1"
    return client.post(f"/assess/applications/{application.pk}/", data)


def test_member_declares_judges_and_sees_others_only_after_submitting(client, assigned, assessors):
    url = f"/assess/applications/{assigned.pk}/"
    client.force_login(assessors["lived"])
    client.email = "lived@example.org"
    assert "Before you read" in client.get(url).content.decode()
    client.post(url, {"has_conflict": "no"})
    assert _judge_all(client, assigned, submit=True).status_code == 302

    client.force_login(assessors["chair"])
    client.email = "chair@example.org"
    client.post(url, {"has_conflict": "no"})
    before = client.get(url).content.decode()
    assert "The panel's judgements" not in before
    _judge_all(client, assigned, submit=True)
    after = client.get(url).content.decode()

    assert "The panel's judgements" in after
    assert "Lived Assessor" in after


def test_conflicted_member_is_stopped(client, assigned, assessors):
    client.force_login(assessors["expert"])
    url = f"/assess/applications/{assigned.pk}/"

    declared = client.post(
        url, {"has_conflict": "yes", "details": "Governor of this school."}, follow=True
    )

    assert declared.redirect_chain == [("/assess/", 302)]
    assert "You have declared a conflict of interest" in declared.content.decode()
    assert client.get(url).status_code == 404


def test_applicant_and_unassigned_assessor_get_404(client, assigned, applicant_lead):
    outsider = staff_user(Role.PANEL_MEMBER, email="outsider@example.org")
    url = f"/assess/applications/{assigned.pk}/"

    for user in [applicant_lead, outsider]:
        client.force_login(user)
        assert client.get(url).status_code == 404


def test_member_judges_one_criterion_at_a_time_with_progress(client, assigned, assessors):
    criteria = list(assigned.criteria_version.criteria.order_by("sort_order"))
    client.force_login(assessors["expert"])
    client.post(f"/assess/applications/{assigned.pk}/", {"has_conflict": "no"})
    first = f"/assess/applications/{assigned.pk}/criteria/{criteria[0].code}/"

    page = client.get(first).content.decode()
    saved = client.post(
        first,
        {
            "version": "0",
            f"outcome-{criteria[0].pk}": "met",
            f"comment-{criteria[0].pk}": "Strong training plan.",
            "next": "1",
        },
    )
    second = client.get(saved["Location"]).content.decode()

    assert f"Criterion 1 of {len(criteria)}" in page
    assert f"0 of {len(criteria)} judged" in page
    assert saved["Location"] == f"/assess/applications/{assigned.pk}/criteria/{criteria[1].code}/"
    assert f"1 of {len(criteria)} judged" in second
    judgement = assigned.assessments.get().judgements.get(criterion=criteria[0])
    assert (judgement.outcome, judgement.comment) == ("met", "Strong training plan.")
