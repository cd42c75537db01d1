"""The feedback letter is a letter: letterhead, date, addressee and greeting, the panel's
feedback under Learn, Embed and Share, conditions with their dates, what happens next, the
chair's sign-off (pseudonymised for a lived-experience chair who is not named) and page
numbers. Read from the laid-out PDF, as the applicant reads it."""

import datetime

import pytest

from awards.models import Application
from awards.services import decisions as decision_services
from panels.documents import feedback_letter_context
from panels.models import PanelMember
from panels.services import assessment as assessment_services
from tests.conftest import NOW, declare, judge
from tests.pdf_text import pages_text

LETTER = "awards/pdf/feedback_letter.html"
CONDITION_DUE = datetime.date(2026, 9, 1)


def _decide(application, chair_user, *, outcome="award_with_conditions", release=True, admin):
    for user in [member.user for member in application.panel.members.all()]:
        declare(application, user)
        judge(application, user)
    chair = PanelMember.objects.get(panel=application.panel, user=chair_user)
    criteria = list(application.criteria_version.criteria.all())
    assessment_services.decision_record(
        application=application,
        chair=chair,
        agreed={c.pk: ("met", f"Agreed about {c.code}: a warm welcome.") for c in criteria},
        outcome=outcome,
        strengths="Families feel welcome from the first day.",
        recommendations="Share your welcome pack with other schools.",
        conditions=[("Train the front desk team.", CONDITION_DUE)]
        if outcome == "award_with_conditions"
        else [],
        evidence_needed="",
        evidence_due_date=None,
        now=NOW,
    )
    application = Application.objects.get(pk=application.pk)
    if release:
        decision_services.decision_release(
            application=application, user=admin, now=NOW, base_url="http://testserver"
        )
        application = Application.objects.get(pk=application.pk)
    return application


@pytest.fixture
def addressed(assigned, applicant_lead):
    applicant_lead.first_name, applicant_lead.last_name = "Amina", "Hussain"
    applicant_lead.save()
    organisation = assigned.organisation
    organisation.address = "1 Mill Lane\nLeicester"
    organisation.postcode = "LE1 1AA"
    organisation.save()
    return assigned


def test_the_letter_is_a_letter(addressed, assessors, national_admin):
    application = _decide(addressed, assessors["chair"], admin=national_admin)

    pages = pages_text(LETTER, feedback_letter_context(application))
    text = " ".join(pages)

    # Letterhead, date, addressee and greeting, in that order.
    order = [
        "City of Sanctuary UK",
        "2 March 2026",
        "Amina Hussain",
        "Riverside Primary School",
        "1 Mill Lane",
        "LE1 1AA",
        "Dear Amina,",
        application.reference,
    ]
    positions = [text.index(words) for words in order]
    assert positions == sorted(positions), positions
    # Feedback grouped by principle, each criterion under its own.
    # (The reference is random hex and may itself contain "E2": left out of this search.)
    order = ["Prerequisites", "P1", "Learn", "L1", "Embed", "E2", "Share", "S3"]
    body = text.replace(application.reference, "")
    start = body.index("Dear Amina,")
    positions = [body.index(words, start) for words in order]
    assert positions == sorted(positions), positions
    assert "Agreed about E2: a warm welcome." in text
    # Conditions with their dates, and what happens next.
    assert "Train the front desk team." in text
    assert "by 1 September 2026" in text
    assert "What happens next" in text
    assert "2 March 2029" in text  # renew by
    # Signed by the chair, named.
    assert (
        text.index("Yours sincerely")
        < text.index("Chair Assessor")
        < text.index("Chair of the panel")
    )
    # Page numbers on every page.
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page


def test_a_lived_experience_chair_signs_with_their_pseudonym(addressed, assessors, national_admin):
    PanelMember.objects.filter(panel=addressed.panel).update(is_chair=False)
    PanelMember.objects.filter(panel=addressed.panel, user=assessors["lived"]).update(is_chair=True)
    application = _decide(addressed, assessors["lived"], admin=national_admin)

    text = " ".join(pages_text(LETTER, feedback_letter_context(application)))

    assert "Lived Assessor" not in text
    sign_off = text[text.index("Yours sincerely") :]
    assert sign_off.index("Panel member 1 (lived experience)") < sign_off.index(
        "Chair of the panel"
    )


def test_what_happens_next_follows_the_decision(addressed, assessors, national_admin):
    application = _decide(
        addressed, assessors["chair"], outcome="not_yet_awarded", admin=national_admin
    )

    text = " ".join(pages_text(LETTER, feedback_letter_context(application)))

    assert "What happens next" in text
    assert "apply again" in text
    assert "renew" not in text.lower()


def test_the_preview_is_marked_and_dated_today(addressed, assessors, national_admin):
    application = _decide(addressed, assessors["chair"], release=False, admin=national_admin)

    context = feedback_letter_context(application, preview=True)
    text = " ".join(pages_text(LETTER, {**context, "preview": True}))

    assert "Preview: not yet released" in text
    assert "Dear Amina," in text


def test_the_letter_is_in_the_organisations_language(addressed, assessors, national_admin):
    addressed.organisation.language = "cy"
    addressed.organisation.save()
    application = _decide(addressed, assessors["chair"], admin=national_admin)

    context = feedback_letter_context(application)
    text = " ".join(pages_text(LETTER, context))

    assert context["letter_language"] == "cy"
    assert "Annwyl Amina," in text
    assert "Beth sy'n digwydd nesaf" in text
    assert "Yn gywir," in text
    # The wording built in Python (what happens next) and the dates are Welsh too.
    assert "1 Medi 2026" in text
    assert "Yours sincerely" not in text
    assert "What happens next" not in text
