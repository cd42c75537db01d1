from io import StringIO

from allauth.account.models import EmailAddress
from django.core.management import call_command

from accounts.demo import DEMO_PASSWORD, DEMO_USERS
from accounts.enums import Role
from accounts.models import User
from accounts.permissions import user_roles
from cms.models import HomePage


def test_demo_data_is_idempotent_and_covers_every_role(db):
    call_command("load_demo_data", stdout=StringIO())
    counts = (User.objects.count(), EmailAddress.objects.count(), HomePage.objects.count())
    revisions = HomePage.objects.get().revisions.count()

    call_command("load_demo_data", stdout=StringIO())

    assert (User.objects.count(), EmailAddress.objects.count(), HomePage.objects.count()) == counts
    assert HomePage.objects.get().revisions.count() == revisions
    assert counts[0] == len(DEMO_USERS)
    held = set().union(*(user_roles(user) for user in User.objects.all()))
    assert held == set(Role)
    admin = User.objects.get(email="admin@example.org")
    assert admin.check_password(DEMO_PASSWORD)
    assert "What the award is" in HomePage.objects.get().body
