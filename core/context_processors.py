from django.conf import settings


def site(request):
    """Values every page template needs, read once per request."""
    return {
        "SITE_NAME": settings.WAGTAIL_SITE_NAME,
        "DEMO_MODE": settings.SANCTUARY_DEMO_MODE,
        # The session may have been extended up to SESSION_REFRESH_SECONDS before this page.
        "SESSION_SECONDS": settings.SESSION_COOKIE_AGE - settings.SESSION_REFRESH_SECONDS,
        "SESSION_WARNING_SECONDS": settings.SESSION_WARNING_SECONDS,
    }
