"""The application pack for the panel and the award certificate: contents, query budget,
who may download the pack, and a certificate whose QR code leads to its verification page."""

import datetime
import shutil
import subprocess

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext

from accounts.enums import Role
from awards.documents import CERTIFICATE_TEMPLATE, certificate_context, render_certificate
from awards.models import Application, Award
from awards.services import applications as application_services
from organisations.enums import Nation
from organisations.models import EvidenceItem
from panels.documents import APPLICATION_PACK_TEMPLATE, application_pack_context
from panels.models import Panel, PanelMember
from panels.services import assessment as assessment_services
from panels.services import membership as membership_services
from tests.conftest import NOW
from tests.factories import (
    UserFactory,
    complete_application,
    organisation_with_team,
    published_stream,
    staff_user,
)
from tests.pdf_text import laid_out_text, pages_lines, pages_text

VERIFY_URL = "https://sanctuary.example/register/verify/SCH-2026-ABCD-EFGH/"
PDFTOPPM = shutil.which("pdftoppm")
ZBARIMG = shutil.which("zbarimg")


def _application_with_evidence(*, criteria: int, slug: str) -> Application:
    """A completed application whose answers each have their own narrative and three
    evidence items: a link, a file and a sensitive testimony."""
    lead = UserFactory(email=f"lead.{slug}@example.org")
    stream = published_stream(criteria=criteria, slug=slug)
    organisation = organisation_with_team(lead=lead, name=f"{slug.title()} School", stream=stream)
    application = application_services.application_start(
        organisation=organisation, stream=stream, user=lead, now=NOW
    )
    complete_application(application, user=lead, evidence=False)
    for answer in application.answers.select_related("criterion"):
        code = answer.criterion.code
        answer.narrative = f"Narrative for {code}: our welcome week."
        answer.save()
        answer.evidence.add(
            EvidenceItem.objects.create(
                organisation=organisation,
                kind="link",
                title=f"Policy for {code}",
                url=f"https://example.org/{code}",
                scan_status="clean",
            ),
            EvidenceItem.objects.create(
                organisation=organisation,
                kind="file",
                title=f"Minutes for {code}",
                file=f"evidence/{code}",
                file_name=f"minutes-{code}.pdf",
                scan_status="clean",
            ),
            EvidenceItem.objects.create(
                organisation=organisation,
                kind="testimony",
                title=f"A parent's story for {code}",
                testimony="In my own words.",
                contains_sanctuary_stories=True,
            ),
        )
    return Application.objects.select_related(
        "organisation", "organisation__local_group", "stream"
    ).get(pk=application.pk)


def test_application_pack_context_queries_do_not_grow_with_criteria(db):
    small = _application_with_evidence(criteria=3, slug="small")
    large = _application_with_evidence(criteria=12, slug="large")

    counts = []
    for application in (small, large):
        with CaptureQueriesContext(connection) as queries:
            application_pack_context(application)
        counts.append(len(queries))

    assert counts == [3, 3]


def test_application_pack_shows_every_answer_and_evidence_item(db):
    application = _application_with_evidence(criteria=6, slug="pack")

    html = render_to_string(APPLICATION_PACK_TEMPLATE, application_pack_context(application))

    for answer in application.answers.select_related("criterion"):
        code = answer.criterion.code
        assert f"Narrative for {code}: our welcome week." in html
        assert f"Policy for {code}" in html
        assert f"https://example.org/{code}" in html
        assert f"minutes-{code}.pdf" in html
        assert f"A parent&#x27;s story for {code}" in html
    assert html.count("Sensitive: panel and staff only") == 6
    assert [heading in html for heading in ("Learn", "Embed", "Share")] == [True] * 3
    assert "Parents who sought sanctuary planned our welcome week." in html


# --- Downloading the pack ----------------------------------------------------------------


@pytest.fixture
def assigned(in_assessment, schools, assessors, national_admin):
    panel = Panel.objects.create(stream=schools, name="Spring panel")
    for key, role in [("chair", "sector_expert"), ("expert", "sector_expert")]:
        PanelMember.objects.create(
            panel=panel, user=assessors[key], role=role, is_chair=key == "chair"
        )
    PanelMember.objects.create(panel=panel, user=assessors["lived"], role="lived_experience")
    return membership_services.panel_assign_application(
        panel=panel, application=in_assessment, user=national_admin, now=NOW
    )


def _declare(application, user, *, has_conflict: bool):
    member = PanelMember.objects.get(panel=application.panel, user=user)
    assessment_services.conflict_declare(
        member=member,
        application=application,
        has_conflict=has_conflict,
        details="Governor of this school." if has_conflict else "",
        now=NOW,
    )


def test_application_pack_names_no_panel_member(assigned, assessors):
    html = render_to_string(APPLICATION_PACK_TEMPLATE, application_pack_context(assigned))

    for user in assessors.values():
        assert user.get_full_name() not in html
        assert user.email not in html


def test_panel_member_who_declared_no_conflict_downloads_the_pack(client, assigned, assessors):
    _declare(assigned, assessors["lived"], has_conflict=False)
    client.force_login(assessors["lived"])

    response = client.get(f"/assess/applications/{assigned.pk}/pack.pdf")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="{assigned.reference}-application-pack.pdf"'
    )
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert (
        "Download the application pack (PDF)"
        in client.get(f"/assess/applications/{assigned.pk}/").content.decode()
    )


@pytest.mark.parametrize("who", ["undeclared", "conflicted", "other_panel", "applicant"])
def test_application_pack_is_hidden_from_other_people(
    client, assigned, assessors, applicant_lead, schools, who
):
    if who == "conflicted":
        _declare(assigned, assessors["expert"], has_conflict=True)
    users = {
        "undeclared": assessors["chair"],
        "conflicted": assessors["expert"],
        "applicant": applicant_lead,
    }
    if who == "other_panel":
        other = Panel.objects.create(stream=schools, name="Autumn panel")
        users[who] = staff_user(Role.PANEL_MEMBER, email="autumn@example.org")
        PanelMember.objects.create(panel=other, user=users[who], role="peer")
    client.force_login(users[who])

    response = client.get(f"/assess/applications/{assigned.pk}/pack.pdf")

    assert response.status_code == 404


def test_application_pack_sends_anonymous_visitors_to_sign_in(client, assigned):
    for url in (
        f"/assess/applications/{assigned.pk}/pack.pdf",
        f"/workspace/applications/{assigned.pk}/pack.pdf",
    ):
        response = client.get(url)

        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")


def test_stream_coordinator_downloads_the_pack(client, in_assessment, schools, stream_coordinator):
    schools.coordinators.add(stream_coordinator)
    client.force_login(stream_coordinator)

    response = client.get(f"/workspace/applications/{in_assessment.pk}/pack.pdf")

    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        f'attachment; filename="{in_assessment.reference}-application-pack.pdf"'
    )
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert (
        "Download the application pack (PDF)"
        in client.get(f"/workspace/applications/{in_assessment.pk}/").content.decode()
    )


def test_other_stream_coordinator_and_applicant_get_404_for_the_pack(
    client, in_assessment, stream_coordinator, applicant_lead
):
    published_stream(slug="councils").coordinators.add(stream_coordinator)

    for user in (stream_coordinator, applicant_lead):
        client.force_login(user)

        assert client.get(f"/workspace/applications/{in_assessment.pk}/pack.pdf").status_code == 404


# --- The certificate ----------------------------------------------------------------------


@pytest.fixture
def award(application):
    return Award.objects.create(
        organisation=application.organisation,
        stream=application.stream,
        application=application,
        criteria_version=application.criteria_version,
        certificate_number="SCH-2026-ABCD-EFGH",
        awarded_on=datetime.date(2026, 3, 2),
        expires_on=datetime.date(2029, 3, 2),
    )


def test_certificate_is_one_page_with_the_number_and_dates(award):
    from weasyprint import HTML  # noqa: PLC0415 - loads native libraries: only when used

    context = certificate_context(award, verify_url=VERIFY_URL)
    document = HTML(string=render_to_string(CERTIFICATE_TEMPLATE, context)).render()
    text = laid_out_text(document.pages[0]._page_box)

    assert len(document.pages) == 1
    assert "Riverside Primary School" in text
    assert "Schools of Sanctuary" in text
    assert "SCH-2026-ABCD-EFGH" in text
    assert "2 March 2026" in text
    assert "2 March 2029" in text


LONG_VERIFY_URL = (
    "https://sanctuary-award.cityofsanctuary.example.org/register/verify/COS-SCH-2026-ABCD-EFGH/"
)


def test_certificate_names_the_issuer_and_has_a_signature_line(award):
    pages = pages_text(CERTIFICATE_TEMPLATE, certificate_context(award, verify_url=VERIFY_URL))

    assert len(pages) == 1
    assert "City of Sanctuary UK" in pages[0]
    assert "Signed for City of Sanctuary UK" in pages[0]
    # No local group: no line for one.
    assert "with the support of" not in pages[0]


def test_certificate_names_the_local_group_where_there_is_one(award, leicester):
    award.organisation.local_group = leicester
    award.organisation.save()

    pages = pages_text(CERTIFICATE_TEMPLATE, certificate_context(award, verify_url=VERIFY_URL))

    assert len(pages) == 1
    assert "with the support of Leicester City of Sanctuary" in pages[0]


def test_certificate_keeps_a_long_verification_address_on_one_line(award):
    pages = pages_lines(
        CERTIFICATE_TEMPLATE, certificate_context(award, verify_url=LONG_VERIFY_URL)
    )

    assert len(pages) == 1
    assert LONG_VERIFY_URL in pages[0]


def test_certificate_title_falls_back_to_the_stream_name(award):
    award.stream.award_title = ""

    context = certificate_context(award, verify_url=VERIFY_URL)

    assert context["award_title"] == "Schools"


@pytest.mark.skipif(
    not (PDFTOPPM and ZBARIMG),
    reason="needs pdftoppm (poppler-utils) and zbarimg (zbar-tools) to read the QR code",
)
def test_certificate_qr_code_leads_to_the_verification_page(award, tmp_path):
    pdf = tmp_path / "certificate.pdf"
    pdf.write_bytes(render_certificate(certificate_context(award, verify_url=VERIFY_URL)))

    subprocess.run(  # noqa: S603 fixed arguments
        [PDFTOPPM, "-png", "-r", "150", "-singlefile", pdf, tmp_path / "page"], check=True
    )
    decoded = subprocess.run(  # noqa: S603 fixed arguments
        [ZBARIMG, "--raw", "-q", tmp_path / "page.png"], capture_output=True, text=True
    )

    assert decoded.stdout.strip() == VERIFY_URL


def test_certificate_of_an_organisation_in_wales_is_welsh_then_english_on_one_page(award):
    award.organisation.nation = Nation.WALES
    award.organisation.save()

    pages = pages_text(CERTIFICATE_TEMPLATE, certificate_context(award, verify_url=VERIFY_URL))

    assert len(pages) == 1
    text = pages[0]
    for welsh, english in [
        ("TYSTYSGRIF GWOBR", "CERTIFICATE OF AWARD"),
        ("sy'n dal y wobr", "holds the award"),
        ("Dyfarnwyd 2 Mawrth 2026", "Awarded 2 March 2026"),
        ("Dyfarnwyd gan City of Sanctuary UK", "Awarded by City of Sanctuary UK"),
        ("Llofnodwyd ar ran City of Sanctuary UK", "Signed for City of Sanctuary UK"),
        ("Rhif y dystysgrif", "Certificate number"),
        ("Gwiriwch fod y dystysgrif hon yn ddilys", "Check that this certificate is genuine"),
    ]:
        assert welsh in text
        assert english in text
        assert text.index(welsh) < text.index(english)
    assert "Rhif y dystysgrif / Certificate number SCH-2026-ABCD-EFGH" in text
    assert VERIFY_URL in text


def test_certificate_is_in_the_organisations_language_outside_wales(award):
    award.organisation.language = "cy"
    award.organisation.save()

    pages = pages_text(CERTIFICATE_TEMPLATE, certificate_context(award, verify_url=VERIFY_URL))

    assert len(pages) == 1
    assert "TYSTYSGRIF GWOBR" in pages[0]
    assert "CERTIFICATE OF AWARD" not in pages[0]
    assert "Signed for" not in pages[0]


@pytest.mark.skipif(
    not (PDFTOPPM and ZBARIMG),
    reason="needs pdftoppm (poppler-utils) and zbarimg (zbar-tools) to read the QR code",
)
def test_bilingual_certificate_qr_code_still_leads_to_the_verification_page(award, tmp_path):
    award.organisation.nation = Nation.WALES
    award.organisation.save()
    pdf = tmp_path / "certificate.pdf"
    pdf.write_bytes(render_certificate(certificate_context(award, verify_url=LONG_VERIFY_URL)))

    subprocess.run(  # noqa: S603 fixed arguments
        [PDFTOPPM, "-png", "-r", "150", "-singlefile", pdf, tmp_path / "page"], check=True
    )
    decoded = subprocess.run(  # noqa: S603 fixed arguments
        [ZBARIMG, "--raw", "-q", tmp_path / "page.png"], capture_output=True, text=True
    )

    assert decoded.stdout.strip() == LONG_VERIFY_URL
