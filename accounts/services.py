"""Changes people make to their own accounts."""

import datetime

from django.conf import settings
from django.db import transaction

from accounts.models import User
from audit import services as audit
from audit.enums import AuditAction


def user_set_language(*, user: User, language: str) -> User:
    """Store the language ``user`` reads the site, their emails and messages in. An unknown
    code is a programming error: forms offer only the site's languages."""
    if language not in dict(settings.LANGUAGES):
        raise ValueError(f"Not one of the site's languages: {language!r}")
    if user.language != language:
        user.language = language
        user.save(update_fields=["language"])
    return user


@transaction.atomic
def user_set_name(*, user: User, first_name: str, last_name: str, now: datetime.datetime) -> User:
    """Correct the name ``user`` goes by. Side-effects, when it changed: the user saved; one
    NAME_CHANGED entry naming which fields changed, not their values (the trail keeps no old
    name that an erasure would then miss)."""
    wanted = {"first_name": first_name.strip(), "last_name": last_name.strip()}
    changed = [field for field, value in wanted.items() if getattr(user, field) != value]
    if not changed:
        return user
    for field in changed:
        setattr(user, field, wanted[field])
    user.save(update_fields=changed)
    audit.record(
        action=AuditAction.NAME_CHANGED,
        created_at=now,
        actor=user,
        data={"user": user.pk, "fields": changed},
    )
    return user
