import time

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.permissions import requires_two_factor


class RequireTwoFactorMiddleware:
    """Send a user who must use two-factor authentication, but has not set it up, to the
    set-up page before anything else. Only the pages needed to set it up or sign out stay
    reachable. Switched by ``SANCTUARY_REQUIRE_MFA`` (always on in production)."""

    EXEMPT_URL_NAMES = (
        "mfa_index",
        "mfa_activate_totp",
        "mfa_view_recovery_codes",
        "mfa_generate_recovery_codes",
        "mfa_download_recovery_codes",
        "mfa_reauthenticate",
        "account_logout",
        "account_reauthenticate",
        "account_email",
        "account_confirm_email",
        "account_change_password",
        "set_language",
        "health",
    )

    def __init__(self, get_response):
        self.get_response = get_response
        self._exempt_paths: tuple[str, ...] | None = None

    def exempt_paths(self) -> tuple[str, ...]:
        if self._exempt_paths is None:
            paths = []
            for name in self.EXEMPT_URL_NAMES:
                try:
                    paths.append(reverse(name))
                except Exception:  # noqa: BLE001,S112 - a URL needing arguments
                    continue
            paths += [settings.STATIC_URL, "/accounts/confirm-email/"]
            self._exempt_paths = tuple(paths)
        return self._exempt_paths

    def __call__(self, request):
        if (
            settings.SANCTUARY_REQUIRE_MFA
            and request.user.is_authenticated
            and requires_two_factor(request.user)
            and not request.path.startswith(self.exempt_paths())
            and not self._has_two_factor(request.user)
        ):
            messages.warning(
                request,
                _(
                    "Your role gives you access to other people's information, so you need to "
                    "set up two-factor authentication before you continue."
                ),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)

    @staticmethod
    def _has_two_factor(user) -> bool:
        return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


REFRESHED_AT_KEY = "_sanctuary_refreshed_at"


def stamp_session(session, now: float) -> None:
    session[REFRESHED_AT_KEY] = int(now)


class SlidingSessionMiddleware:
    """Extend a signed-in person's session when they are active, but write the session at
    most every ``SESSION_REFRESH_SECONDS`` rather than on every request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = time.time()
            last = request.session.get(REFRESHED_AT_KEY, 0)
            if now - last >= settings.SESSION_REFRESH_SECONDS:
                stamp_session(request.session, now)
        return self.get_response(request)
