from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts and roles")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in  # noqa: PLC0415 - in ready()

        user_logged_in.connect(stamp_on_login, dispatch_uid="sanctuary_stamp_on_login")


def stamp_on_login(sender, request, user, **kwargs):
    """A fresh login is activity: the next request need not extend the session."""
    # apps.py loads before the app registry is ready: the middleware (and its models) later.
    import time  # noqa: PLC0415

    from accounts.middleware import stamp_session  # noqa: PLC0415

    if request is not None and hasattr(request, "session"):
        stamp_session(request.session, time.time())
