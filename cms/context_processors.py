from django.conf import settings


def site(request):
    """Values every page template needs, read once per request."""
    return {
        "SITE_NAME": settings.WAGTAIL_SITE_NAME,
        "DEMO_MODE": settings.SANCTUARY_DEMO_MODE,
        "SESSION_SECONDS": settings.SESSION_COOKIE_AGE,
        "SESSION_WARNING_SECONDS": settings.SESSION_WARNING_SECONDS,
    }
