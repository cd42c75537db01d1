"""Demo accounts for every role. The password for all of them is in the README."""

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from accounts.enums import ROLE_GROUP_NAMES, Role
from accounts.models import User

DEMO_PASSWORD = "sanctuary-demo"  # noqa: S105 - published demo credential, README

DEMO_USERS: list[dict] = [
    {
        "email": "admin@example.org",
        "first_name": "Amira",
        "last_name": "Haddad",
        "roles": [Role.NATIONAL_ADMIN],
        "is_staff": True,
        "is_superuser": True,
    },
    {
        "email": "schools.coordinator@example.org",
        "first_name": "Tom",
        "last_name": "Okafor",
        "roles": [Role.STREAM_COORDINATOR],
        "is_staff": False,
        "is_superuser": False,
    },
    {
        "email": "leicester.lead@example.org",
        "first_name": "Priya",
        "last_name": "Shah",
        "roles": [Role.LOCAL_COORDINATOR],
        "is_staff": False,
        "is_superuser": False,
    },
    {
        "email": "leicester.editor@example.org",
        "first_name": "Ellen",
        "last_name": "Marsh",
        "roles": [Role.LOCAL_GROUP_EDITOR],
        "is_staff": False,
        "is_superuser": False,
    },
    {
        "email": "lewisham.editor@example.org",
        "first_name": "Kwame",
        "last_name": "Asante",
        "roles": [Role.LOCAL_GROUP_EDITOR],
        "is_staff": False,
        "is_superuser": False,
    },
    {
        "email": "assessor@example.org",
        "first_name": "Helen",
        "last_name": "Barker",
        "roles": [Role.PANEL_MEMBER],
        "is_staff": False,
        "is_superuser": False,
    },
    {
        "email": "lived.experience@example.org",
        "first_name": "Yonas",
        "last_name": "Tesfaye",
        "roles": [Role.PANEL_MEMBER],
        "is_staff": False,
        "is_superuser": False,
    },
    {
        "email": "peer.assessor@example.org",
        "first_name": "Nadia",
        "last_name": "Rahman",
        "roles": [Role.PANEL_MEMBER],
        "is_staff": False,
        "is_superuser": False,
    },
    {
        "email": "school.lead@example.org",
        "first_name": "Sarah",
        "last_name": "Doyle",
        "roles": [],
        "is_staff": False,
        "is_superuser": False,
    },
    {
        "email": "school.contributor@example.org",
        "first_name": "Ravi",
        "last_name": "Patel",
        "roles": [],
        "is_staff": False,
        "is_superuser": False,
    },
    {
        "email": "council.lead@example.org",
        "first_name": "Grace",
        "last_name": "Mensah",
        "roles": [],
        "is_staff": False,
        "is_superuser": False,
    },
    {
        "email": "university.lead@example.org",
        "first_name": "Owen",
        "last_name": "Price",
        "roles": [],
        "is_staff": False,
        "is_superuser": False,
    },
    {
        "email": "library.lead@example.org",
        "first_name": "Amina",
        "last_name": "Hussain",
        "roles": [],
        "is_staff": False,
        "is_superuser": False,
    },
]


def load_demo_users(*, stdout=None) -> dict[str, User]:
    """Create or refresh the demo accounts, with verified email addresses. Idempotent."""
    users: dict[str, User] = {}
    groups = {role: Group.objects.get(name=name) for role, name in ROLE_GROUP_NAMES.items()}
    for spec in DEMO_USERS:
        user, created = User.objects.update_or_create(
            email=spec["email"],
            defaults={
                "first_name": spec["first_name"],
                "last_name": spec["last_name"],
                "is_staff": spec["is_staff"],
                "is_superuser": spec["is_superuser"],
                "is_active": True,
            },
        )
        if created or not user.check_password(DEMO_PASSWORD):
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        user.groups.set([groups[role] for role in spec["roles"]])
        EmailAddress.objects.update_or_create(
            user=user, email=spec["email"], defaults={"verified": True, "primary": True}
        )
        users[spec["email"]] = user
    if stdout:
        stdout.write(f"Demo accounts: {len(users)} (password: {DEMO_PASSWORD})")
    return users
