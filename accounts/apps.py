from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts and roles")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        user_logged_in.connect(stamp_on_login, dispatch_uid="sanctuary_stamp_on_login")


def stamp_on_login(sender, request, user, **kwargs):
    """A fresh login is activity: the next request need not extend the session."""
    import time

    from accounts.middleware import stamp_session

    if request is not None and hasattr(request, "session"):
        stamp_session(request.session, time.time())
