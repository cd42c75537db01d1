"""Changes people make to their own accounts."""

from django.conf import settings

from accounts.models import User


def user_set_language(*, user: User, language: str) -> User:
    """Store the language ``user`` reads the site, their emails and messages in. An unknown
    code is a programming error: forms offer only the site's languages."""
    if language not in dict(settings.LANGUAGES):
        raise ValueError(f"Not one of the site's languages: {language!r}")
    if user.language != language:
        user.language = language
        user.save(update_fields=["language"])
    return user
