"""Who may do what, as small predicates shared by views, templates and middleware."""

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser

from accounts.enums import ADMIN_ROLES, ROLE_GROUP_NAMES, TWO_FACTOR_ROLES, Role

type AnyUser = AbstractBaseUser | AnonymousUser


def user_roles(user: AnyUser) -> frozenset[str]:
    """The staff roles a user holds, from their groups. Cached on the user object."""
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_sanctuary_roles", None)
    if cached is not None:
        return cached
    names = set(user.groups.values_list("name", flat=True))
    roles = frozenset(role for role, group in ROLE_GROUP_NAMES.items() if group in names)
    if user.is_superuser:
        roles = roles | {Role.NATIONAL_ADMIN}
    user._sanctuary_roles = roles
    return roles


def has_role(user: AnyUser, role: Role) -> bool:
    return role in user_roles(user)


def requires_two_factor(user: AnyUser) -> bool:
    """Staff, coordinators, editors and panel members must use two-factor authentication."""
    if not user.is_authenticated:
        return False
    return user.is_staff or user.is_superuser or bool(user_roles(user) & TWO_FACTOR_ROLES)


def can_access_admin(user: AnyUser) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or bool(user_roles(user) & ADMIN_ROLES)
