import csv
import io
import json
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from audit.enums import AuditAction
from audit.models import AuditEntry
from organisations.models import EvidenceItem
from panels.models import PanelMember, Payment
from tests.conftest import NOW, declare, judge

MY_DATA = reverse("privacy:my_data")
REQUESTS = reverse("privacy:subject_access_request")


def _archive(response) -> zipfile.ZipFile:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def _rows(archive: zipfile.ZipFile, name: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(archive.read(name).decode())))


def _everything(archive: zipfile.ZipFile) -> str:
    return "\n".join(archive.read(name).decode(errors="ignore") for name in archive.namelist())


def test_my_data_applicant_lead_archive(client, application, applicant_lead):
    item = EvidenceItem(
        organisation=application.organisation,
        kind="file",
        title="Welcome week photos",
        file_name="welcome.jpg",
        scan_status="clean",
        uploaded_by=applicant_lead,
    )
    item.file.save("welcome.jpg", ContentFile(b"a photo"), save=False)
    item.save()
    client.force_login(applicant_lead)

    archive = _archive(client.get(MY_DATA))

    assert "README.txt" in archive.namelist()
    account = json.loads(archive.read("account.json"))
    assert (account["email"], account["first_name"]) == (
        applicant_lead.email,
        applicant_lead.first_name,
    )
    assert [row["organisation"] for row in _rows(archive, "memberships.csv")] == [
        "Riverside Primary School"
    ]
    assert [row["title"] for row in _rows(archive, "evidence.csv")] == ["Welcome week photos"]
    assert archive.read(f"evidence/{item.pk}-welcome.jpg") == b"a photo"
    assert [row["reference"] for row in _rows(archive, "applications.csv")] == [
        application.reference
    ]


def test_my_data_lived_experience_assessor_has_own_data_only(client, assigned, assessors):
    for user in assessors.values():
        declare(assigned, user)
    judge(assigned, assessors["lived"], comment="The pupils' welcome film moved me.")
    judge(assigned, assessors["chair"], comment="The chair's own view.")
    member = PanelMember.objects.get(user=assessors["lived"])
    Payment.objects.create(
        member=member,
        kind="honorarium",
        amount="50.00",
        recorded_by=assessors["chair"],
        recorded_at=NOW,
    )
    client.force_login(assessors["lived"])

    archive = _archive(client.get(MY_DATA))

    comments = {row["comment"] for row in _rows(archive, "judgements.csv")}
    assert comments == {"The pupils' welcome film moved me."}
    assert json.loads(archive.read("account.json"))["assessor_profile"]["lived_experience"] is True
    assert [row["amount"] for row in _rows(archive, "payments.csv")] == ["50.00"]
    assert len(_rows(archive, "conflict_declarations.csv")) == 1
    text = _everything(archive)
    for other in (assessors["chair"], assessors["expert"]):
        assert other.email not in text
        assert other.get_full_name() not in text
    assert "The chair's own view." not in text


def test_my_data_query_count_does_not_grow_with_rows(client, assigned, assessors):
    for user in assessors.values():
        declare(assigned, user)
    judge(assigned, assessors["lived"])
    client.force_login(assessors["lived"])
    with CaptureQueriesContext(connection) as few:
        client.get(MY_DATA)
    judge(assigned, assessors["chair"])
    for n in range(5):
        Payment.objects.create(
            member=PanelMember.objects.get(user=assessors["lived"]),
            kind="expenses",
            amount=f"{n + 1}.00",
            recorded_by=assessors["chair"],
            recorded_at=NOW,
        )

    with CaptureQueriesContext(connection) as many:
        client.get(MY_DATA)

    assert len(many) == len(few)


def test_my_data_anonymous_is_sent_to_sign_in(client, db):
    response = client.get(MY_DATA)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("who", ["applicant_lead", "panel_member", "stream_coordinator"])
def test_subject_access_request_not_found_for_others(client, request, who):
    client.force_login(request.getfixturevalue(who))

    assert client.get(REQUESTS).status_code == 404
    assert client.post(REQUESTS, {"email": "applicant.lead@example.org"}).status_code == 404


def test_subject_access_request_by_staff_is_audited(client, national_admin, applicant_lead):
    client.force_login(national_admin)

    archive = _archive(
        client.post(
            REQUESTS,
            {
                "email": applicant_lead.email.upper(),
                "received_on": "2026-11-20",
                "how": "Email to the national office",
            },
        )
    )

    assert json.loads(archive.read("account.json"))["email"] == applicant_lead.email
    assert list(
        AuditEntry.objects.filter(data__user=applicant_lead.pk)
        .order_by("pk")
        .values_list("action", "actor", "note")
    ) == [
        (AuditAction.SUBJECT_ACCESS_REQUESTED, national_admin.pk, "Email to the national office"),
        (AuditAction.SUBJECT_ACCESS_FULFILLED, national_admin.pk, ""),
    ]


def test_subject_access_request_form_keeps_input_on_error(client, national_admin):
    client.force_login(national_admin)

    response = client.post(
        REQUESTS, {"email": "nobody@example.org", "received_on": "2026-11-20", "how": "Letter"}
    )

    assert response.status_code == 200
    assert "No account has this email address." in response.content.decode()
    assert 'value="nobody@example.org"' in response.content.decode()
    assert AuditEntry.objects.filter(action=AuditAction.SUBJECT_ACCESS_REQUESTED).count() == 0


def test_account_page_links_to_download(client, applicant_lead):
    client.force_login(applicant_lead)

    response = client.get(reverse("accounts:profile"))

    assert MY_DATA in response.content.decode()
