"""The application pack is rendered once per version of what the applicant wrote, in the
background, stored, and served from storage; a stale pack is rebuilt."""

import pytest

from audit.enums import AuditAction
from audit.models import AuditEntry
from panels import documents
from panels.models import ApplicationPack, Panel, PanelMember
from panels.services import membership as membership_services
from tests.conftest import NOW, declare

pytestmark = pytest.mark.django_db


@pytest.fixture
def renders(monkeypatch):
    """Counts PDF renders (the expensive part), rendering for real."""
    calls = []
    real = documents.html_to_pdf

    def counted(html):
        calls.append(html)
        return real(html)

    monkeypatch.setattr(documents, "html_to_pdf", counted)
    return calls


def _download(client, application):
    response = client.get(f"/workspace/applications/{application.pk}/pack.pdf")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response, body


def test_assigning_a_panel_builds_the_pack_in_the_background(
    in_assessment, schools, assessors, national_admin, django_capture_on_commit_callbacks
):
    panel = Panel.objects.create(stream=schools, name="Spring panel")
    PanelMember.objects.create(
        panel=panel, user=assessors["chair"], role="sector_expert", is_chair=True
    )
    PanelMember.objects.create(panel=panel, user=assessors["lived"], role="lived_experience")
    PanelMember.objects.create(panel=panel, user=assessors["expert"], role="sector_expert")
    with django_capture_on_commit_callbacks(execute=True):
        assigned = membership_services.panel_assign_application(
            panel=panel, application=in_assessment, user=national_admin, now=NOW
        )

    pack = ApplicationPack.objects.get(application=assigned)

    assert pack.file.name.startswith(f"packs/{assigned.pk}/")
    with pack.file.open("rb") as handle:
        assert handle.read(5) == b"%PDF-"
    assert pack.digest == documents.pack_digest(assigned)


def test_a_built_pack_is_served_without_rendering_again(
    client, assigned, schools, stream_coordinator, renders
):
    schools.coordinators.add(stream_coordinator)
    client.force_login(stream_coordinator)

    first, first_body = _download(client, assigned)
    second, second_body = _download(client, assigned)

    assert first.status_code == second.status_code == 200
    assert first_body.startswith(b"%PDF-") and second_body == first_body
    assert len(renders) == 1  # built by the first download (no worker built it before)
    assert second["Content-Disposition"] == (
        f'attachment; filename="{assigned.reference}-application-pack.pdf"'
    )
    assert "no-store" in second["Cache-Control"] and "private" in second["Cache-Control"]
    # Who took a copy, and when, is still on the record, each time.
    copies = AuditEntry.objects.filter(
        application=assigned, action=AuditAction.EXPORT_CREATED, actor=stream_coordinator
    )
    assert copies.count() == 2


def test_a_changed_application_gets_a_fresh_pack(
    client, assigned, schools, stream_coordinator, renders, django_capture_on_commit_callbacks
):
    schools.coordinators.add(stream_coordinator)
    client.force_login(stream_coordinator)
    old = documents.application_pack_build(application_id=assigned.pk, now=NOW)
    renders.clear()
    old_name = old.file.name
    answer = assigned.answers.select_related("criterion").first()
    answer.narrative = "A narrative rewritten after the pack was built."
    answer.save()

    with django_capture_on_commit_callbacks(execute=True):
        response, body = _download(client, assigned)

    assert response.status_code == 200 and body.startswith(b"%PDF-")
    assert len(renders) == 1
    assert "A narrative rewritten after the pack was built." in renders[0]
    pack = ApplicationPack.objects.get(application=assigned)
    assert pack.digest != old.digest and pack.file.name != old_name
    assert not pack.file.storage.exists(old_name)


def test_a_pack_not_built_yet_says_so_and_offers_to_try_again(
    client, assigned, assessors, monkeypatch
):
    monkeypatch.setattr(documents, "request_pack_build", lambda application, **kwargs: None)
    declare(assigned, assessors["lived"])
    client.force_login(assessors["lived"])

    response = client.get(f"/assess/applications/{assigned.pk}/pack.pdf")

    assert response.status_code == 202
    html = response.content.decode()
    assert "The application pack is being prepared" in html
    assert f'href="/assess/applications/{assigned.pk}/pack.pdf"' in html
    assert not AuditEntry.objects.filter(
        application=assigned, action=AuditAction.EXPORT_CREATED, actor=assessors["lived"]
    ).exists()


def test_the_pack_digest_follows_what_is_printed(assigned):
    before = documents.pack_digest(assigned)
    assigned.organisation_context = "We changed how we describe ourselves."
    assigned.save()

    assert documents.pack_digest(assigned) != before
    assert documents.pack_digest(assigned) == documents.pack_digest(assigned)


def test_the_pack_is_never_built_for_nobody(db):
    assert documents.application_pack_build(application_id=999999, now=NOW) is None
