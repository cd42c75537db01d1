"""Who may take away whose personal data."""

from accounts.permissions import AnyUser, Verdict
from awards.permissions import is_national_admin


def can_produce_subject_access(user: AnyUser) -> Verdict:
    """National staff produce a person's archive for a request made by email."""
    return is_national_admin(user)
