"""Who may do what, as small predicates shared by views, templates and middleware, and the
shape every app's predicates share: a ``Verdict`` (truthy when allowed, with a reason for the
person when not) and the two ways a view refuses (``require``: 403 with the reason;
``require_or_404``: as if the object did not exist)."""

from dataclasses import dataclass

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.functional import Promise

from accounts.enums import ADMIN_ROLES, ROLE_GROUP_NAMES, TWO_FACTOR_ROLES, Role

type AnyUser = AbstractBaseUser | AnonymousUser


@dataclass(frozen=True)
class Verdict:
    """The answer to "may this person do this?", with the reason when not."""

    allowed: bool
    reason: str | Promise = ""

    def __bool__(self) -> bool:
        return self.allowed


ALLOW = Verdict(True)


def deny(reason: str | Promise) -> Verdict:
    return Verdict(False, reason)


class Refused(PermissionDenied):
    """A refusal of a step on something the person can see (HTTP 403, with the reason)."""

    def __init__(self, reason: str | Promise = ""):
        super().__init__(reason)
        self.reason = reason


def require(verdict: Verdict) -> None:
    """For views: refuse with a 403 that gives the reason, unless allowed."""
    if not verdict:
        raise Refused(verdict.reason)


def require_or_404(verdict: Verdict) -> None:
    """For views: answer 404 unless allowed, so that nobody learns the object exists."""
    if not verdict:
        raise Http404


def user_roles(user: AnyUser) -> frozenset[str]:
    """The staff roles a user holds, from their groups. Cached on the user object."""
    if user is None or not user.is_authenticated:
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
