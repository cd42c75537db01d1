"""Every URL, tried by a panel member who must not read the others' work (issue 10): one
conflicted with the applicant (by declaration or by affiliation), and one who has not yet
submitted their own judgements. Nothing they can reach shows another member's comment; the
conflicted member never sees the applicant's answers or evidence, and no POST of theirs
writes anything."""

import re

import pytest
from django.core.files.base import ContentFile

from audit.models import AuditEntry
from awards.models import AgreedOutcome, Decision
from organisations.models import EvidenceItem
from panels.models import (
    Assessment,
    AssessorProfile,
    ConflictDeclaration,
    CriterionJudgement,
    PanelMeeting,
)
from tests.conftest import declare, judge
from tests.test_permission_sweep import URL_CASES

SWEPT = [(name, path) for name, path in URL_CASES if not path.startswith("/admin/")]
OTHERS_COMMENT = "OTHERS-COMMENT-Q7Z"
NARRATIVE = "APPLICANT-NARRATIVE-K2X"
FILE_CONTENT = b"%PDF-1.4 EVIDENCE-FILE-W9V"


def _paths(application, evidence):
    for name, path in SWEPT:
        path = re.sub(r"/applications/1/", f"/applications/{application.pk}/", path)
        path = re.sub(r"/evidence/1/", f"/evidence/{evidence.pk}/", path)
        yield name, path


@pytest.fixture
def judged_by_others(assigned, assessors):
    """The expert has submitted judgements with a comment nobody else may read yet; the
    application's first answer has a distinctive narrative and a file of evidence."""
    answer = assigned.answers.order_by("pk").first()
    answer.narrative = NARRATIVE
    answer.save()
    evidence = EvidenceItem(
        organisation=assigned.organisation,
        kind="file",
        title="Consent log",
        file_name="consent-log.pdf",
        file_size=len(FILE_CONTENT),
        mime_type="application/pdf",
        scan_status="clean",
    )
    evidence.file.save("consent-log.pdf", ContentFile(FILE_CONTENT), save=False)
    evidence.save()
    answer.evidence.add(evidence)
    declare(assigned, assessors["expert"])
    judge(assigned, assessors["expert"], comment=OTHERS_COMMENT)
    return assigned, evidence


def _body(response) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def _writes() -> dict:
    return {
        model.__name__: model.objects.count()
        for model in (
            Assessment,
            CriterionJudgement,
            ConflictDeclaration,
            PanelMeeting,
            Decision,
            AgreedOutcome,
            AuditEntry,
        )
    }


@pytest.mark.parametrize("how", ["declared", "affiliated"])
def test_conflicted_member_reaches_nothing_of_the_application(
    client, judged_by_others, assessors, how
):
    application, evidence = judged_by_others
    chair = assessors["chair"]
    if how == "declared":
        declare(application, chair, has_conflict=True)
    else:
        AssessorProfile.objects.get(user=chair).affiliations.add(application.organisation)
    client.force_login(chair)
    before = _writes()

    leaks, allowed = [], []
    for name, path in _paths(application, evidence):
        for method in ("get", "post"):
            response = getattr(client, method)(path)
            body = _body(response)
            if any(secret in body for secret in (OTHERS_COMMENT.encode(), NARRATIVE.encode())):
                leaks.append((method, name, path))
            if FILE_CONTENT in body:
                leaks.append((method, name, path, "file"))
            if path.startswith(f"/assess/applications/{application.pk}/") and (
                response.status_code != 404
            ):
                allowed.append((method, name, path, response.status_code))

    assert leaks == []
    assert allowed == []
    assert _writes() == before


def test_member_who_has_not_submitted_sees_no_other_judgement_anywhere(
    client, judged_by_others, assessors
):
    application, evidence = judged_by_others
    chair = assessors["chair"]
    declare(application, chair)
    judge(application, chair, submit=False, comment="My draft.")
    client.force_login(chair)

    leaks = []
    reached = {}
    for name, path in _paths(application, evidence):
        response = client.get(path)
        if response.status_code == 405:
            continue
        reached[path] = response.status_code
        if OTHERS_COMMENT.encode() in _body(response):
            leaks.append((name, path))

    assert leaks == []
    # They do read the application and its evidence, and are refused the consensus.
    base = f"/assess/applications/{application.pk}/"
    assert reached[base] == 200
    assert reached[f"/apply/evidence/{evidence.pk}/download/"] == 200
    assert reached[base + "decision/"] == 403
