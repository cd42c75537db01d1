"""Who may take away whose personal data."""

from django.contrib.auth.models import Group
from django.db.models import Q
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from accounts.enums import ROLE_GROUP_NAMES, Role
from accounts.models import User
from accounts.permissions import ALLOW, AnyUser, Verdict, deny
from awards.permissions import is_national_admin
from organisations.selectors import sole_lead_organisations


def can_produce_subject_access(user: AnyUser) -> Verdict:
    """National staff produce a person's archive for a request made by email."""
    return is_national_admin(user)


def is_last_national_admin(user: AnyUser) -> bool:
    """Nobody else active holds the national admin role (a group or a superuser account)."""
    if not is_national_admin(user):
        return False
    group = Group.objects.filter(name=ROLE_GROUP_NAMES[Role.NATIONAL_ADMIN])
    others = (
        User.objects.filter(is_active=True)
        .filter(Q(is_superuser=True) | Q(groups__in=group))
        .exclude(pk=user.pk)
    )
    return not others.exists()


def can_erase_account(user: AnyUser, person: User) -> Verdict:
    """People delete their own account, and only their own. Not while they are an
    organisation's only applicant lead (the organisation would have nobody to run it: they
    make a colleague a lead first), nor when they are the last national admin (nobody could
    then manage users and roles)."""
    if user is None or not user.is_authenticated or user.pk != person.pk:
        return deny(_("You can only delete your own account."))
    if not person.is_active:
        return deny(_("This account has already been deleted."))
    organisations = sole_lead_organisations(person)
    if organisations:
        return deny(
            format_lazy(
                _(
                    "You are the only applicant lead of {names}. Make a colleague a lead, or "
                    "invite one, before you delete your account."
                ),
                names=", ".join(organisation.name for organisation in organisations),
            )
        )
    if is_last_national_admin(person):
        return deny(
            _(
                "You are the only national admin. Give someone else the national admin role "
                "before you delete your account."
            )
        )
    return ALLOW
