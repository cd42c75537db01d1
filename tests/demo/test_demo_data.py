from io import StringIO

from allauth.account.models import EmailAddress
from django.core.management import call_command

from accounts.enums import Role
from accounts.models import User
from accounts.permissions import user_roles
from awards.enums import ApplicationStatus, AwardStatus
from awards.models import Application, Award
from cms.models import HomePage
from demo.accounts import DEMO_PASSWORD, DEMO_USERS
from panels.models import PanelMeeting, Payment


def test_demo_data_is_idempotent_and_covers_every_role(db):
    call_command("load_demo_data", stdout=StringIO())
    counts = (User.objects.count(), EmailAddress.objects.count(), HomePage.objects.count())
    revisions = HomePage.objects.get().revisions.count()

    call_command("load_demo_data", stdout=StringIO())

    assert (User.objects.count(), EmailAddress.objects.count(), HomePage.objects.count()) == counts
    assert HomePage.objects.get().revisions.count() == revisions
    demo_emails = {spec["email"] for spec in DEMO_USERS}
    assert demo_emails <= set(User.objects.values_list("email", flat=True))
    # Everyone else is a demo organisation's lead, who cannot sign in.
    others = User.objects.exclude(email__in=demo_emails)
    assert not any(user.has_usable_password() for user in others)
    held = set().union(*(user_roles(user) for user in User.objects.all()))
    assert held == set(Role)
    admin = User.objects.get(email="admin@example.org")
    assert admin.check_password(DEMO_PASSWORD)
    assert "What the award is" in HomePage.objects.get().body


def test_demo_data_shows_every_award_status_and_decision(db):

    call_command("load_demo_data", stdout=StringIO())

    assert set(Award.objects.values_list("status", flat=True)) == set(AwardStatus.values)
    statuses = set(Application.objects.values_list("status", flat=True))
    assert {
        ApplicationStatus.AWARDED,
        ApplicationStatus.AWARDED_WITH_CONDITIONS,
        ApplicationStatus.MORE_EVIDENCE_NEEDED,
        ApplicationStatus.NOT_YET_AWARDED,
        ApplicationStatus.IN_ASSESSMENT,
        ApplicationStatus.SUBMITTED,
        ApplicationStatus.RETURNED,
        ApplicationStatus.DRAFT,
    } <= statuses
    returned = Application.objects.get(status=ApplicationStatus.RETURNED)
    assert returned.organisation.memberships.filter(user__email="library.lead@example.org")
    assert returned.return_note and returned.returned_tasks
    assert Award.objects.in_register().exists()
    assert PanelMeeting.objects.exists() and Payment.objects.exists()
