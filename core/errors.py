"""Domain errors every service raises: the message is for the person."""

from django.utils.translation import gettext as _


class ServiceError(Exception):
    """A request the rules refuse; str(error) is a message for the user."""


class StaleWrite(ServiceError):
    """Someone else saved this first: the caller shows both versions to merge."""

    def __init__(self, current):
        super().__init__(_("Someone else saved this while you were editing."))
        self.current = current


def refuse_unless(verdict) -> None:
    """In a service: raise ServiceError with the rule's reason unless it allows."""
    if not verdict:
        raise ServiceError(verdict.reason)
