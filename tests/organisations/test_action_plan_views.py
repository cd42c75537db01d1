import io

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile

from organisations.action_plan_import import COLUMNS
from organisations.models import ActionPlan, PlanAction


def _workbook(rows, headers=COLUMNS) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Action plan"
    sheet.append(list(headers))
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


ROW = [
    "LBS-01",
    "Housing",
    "Homelessness",
    "Temporary accommodation",
    "Train staff on asylum support",
    "Head of service",
    "Training by March",
    "In progress",
    "01/02/2026",
    "31/03/2026",
    "Amber",
    "01/03/2026",
    "Half the staff trained",
    "01/03/2026",
]


def _upload(client, organisation, data, name="plan.xlsx"):
    return client.post(
        f"/apply/organisations/{organisation.pk}/action-plans/import/",
        {"title": "Borough plan", "upload": SimpleUploadedFile(name, data)},
    )


def test_preview_saves_nothing_until_confirmed(client, school, applicant_lead):
    client.force_login(applicant_lead)

    preview = _upload(client, school, _workbook([ROW]))

    assert "1 action ready to import" in preview.content.decode()
    assert not ActionPlan.objects.exists()

    confirmed = client.post(
        f"/apply/organisations/{school.pk}/action-plans/import/", {"confirm": "1"}
    )
    plan = ActionPlan.objects.get()
    assert confirmed["Location"] == f"/apply/action-plans/{plan.pk}/"
    assert list(plan.actions.values_list("reference", "rag")) == [("LBS-01", "Amber")]


def test_missing_column_and_bad_dates_are_reported(client, school, applicant_lead):
    client.force_login(applicant_lead)
    headers = [heading for heading in COLUMNS if heading != "Directorate"]

    missing = _upload(client, school, _workbook([ROW[:1] + ROW[2:]], headers=headers))
    bad_date = _upload(client, school, _workbook([ROW[:9] + ["next spring"] + ROW[10:]]))

    assert "Directorate" in missing.content.decode()
    assert "next spring" in bad_date.content.decode()
    assert "Import these actions" not in bad_date.content.decode()
    assert not ActionPlan.objects.exists()


def test_a_renamed_non_spreadsheet_is_refused(client, school, applicant_lead):
    client.force_login(applicant_lead)

    response = _upload(client, school, b"%PDF-1.4 not a spreadsheet", name="plan.xlsx")

    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()


def test_update_progress_and_export_keeps_text_as_text(client, school, applicant_lead):
    client.force_login(applicant_lead)
    _upload(client, school, _workbook([ROW]))
    client.post(f"/apply/organisations/{school.pk}/action-plans/import/", {"confirm": "1"})
    plan = ActionPlan.objects.get()
    action = plan.actions.get()

    client.post(
        f"/apply/action-plans/{plan.pk}/actions/{action.pk}/",
        {
            "status": "Complete",
            "rag": "Green",
            "rag_date": "2026-04-01",
            "comments": "+ all staff trained",
            "comments_date": "2026-04-01",
        },
    )
    response = client.get(f"/apply/action-plans/{plan.pk}/export/")

    sheet = openpyxl.load_workbook(io.BytesIO(response.content))["Action plan"]
    header = [cell.value for cell in sheet[1]]
    values = dict(zip(header, list(sheet[2]), strict=True))
    assert header == list(COLUMNS)
    assert values["Action"].value == "Train staff on asylum support"
    assert values["Action"].data_type == "s"
    assert values["RAG rating"].value == "Green"
    assert values["Comments"].value == "+ all staff trained"
    assert PlanAction.objects.get().status == "Complete"


def test_other_organisations_cannot_see_a_plan(
    client, school, applicant_lead, other_organisation_lead
):
    client.force_login(applicant_lead)
    _upload(client, school, _workbook([ROW]))
    client.post(f"/apply/organisations/{school.pk}/action-plans/import/", {"confirm": "1"})
    plan = ActionPlan.objects.get()
    client.force_login(other_organisation_lead)

    assert client.get(f"/apply/action-plans/{plan.pk}/").status_code == 404
    assert client.get(f"/apply/action-plans/{plan.pk}/export/").status_code == 404
