import factory
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth.models import Group

from accounts.enums import ROLE_GROUP_NAMES, Role
from accounts.models import User

DEFAULT_PASSWORD = "correct-horse-battery"


class UserFactory(factory.django.DjangoModelFactory):
    """A signed-up person with a verified email address and no staff role (an applicant)."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    password = factory.PostGenerationMethodCall("set_password", DEFAULT_PASSWORD)

    @factory.post_generation
    def verified_email(self, create, extracted, **kwargs):
        if create:
            self.save()
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            groups = Group.objects.filter(name__in=[ROLE_GROUP_NAMES[role] for role in extracted])
            self.groups.add(*groups)

    @factory.post_generation
    def two_factor(self, create, extracted, **kwargs):
        """Pass ``two_factor=True`` to give the user a TOTP authenticator; the secret is kept
        on ``user.totp_secret`` so tests can compute codes."""
        if create and extracted:
            secret = generate_totp_secret()
            TOTP.activate(self, secret)
            self.totp_secret = secret


def staff_user(role: Role, *, two_factor: bool = True, **kwargs) -> User:
    """A user holding one staff role, with two-factor set up unless asked otherwise."""
    return UserFactory(roles=[role], two_factor=two_factor, **kwargs)
