from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.db import transaction
from django.utils import translation

from accounts.languages import browsing_language, remember_language
from core.http import client_ip
from core.tasks import send_email
from core.wayfinding import landing_url
from notifications.emails import recipient_languages


class AccountAdapter(DefaultAccountAdapter):
    """Account emails (verification, password reset) go out through the task queue, in the
    language of the account they are sent to; signing in shows the site in the person's
    language."""

    def send_mail(self, template_prefix, email, context):
        # An address without an account (a reset asked for a stranger's address) is written
        # to in the language of the person at the keyboard.
        language = recipient_languages([email]).get(email.lower(), browsing_language())
        with translation.override(language):
            self._send_mail(template_prefix, email, context)

    def _send_mail(self, template_prefix, email, context):
        # Our account emails name the site and its address (allauth's say "Hello from !"
        # without django.contrib.sites).
        context = {
            **context,
            "site_name": settings.WAGTAIL_SITE_NAME,
            "base_url": settings.WAGTAILADMIN_BASE_URL,
        }
        message = self.render_mail(template_prefix, email, context)
        html_body = next(
            (
                content
                for content, mimetype in getattr(message, "alternatives", [])
                if mimetype == "text/html"
            ),
            None,
        )
        kwargs = {
            "subject": message.subject,
            "body": message.body,
            "to": list(message.to),
            "from_email": message.from_email,
            "html_body": html_body,
        }
        transaction.on_commit(lambda: send_email.enqueue(**kwargs))

    def get_client_ip(self, request) -> str:
        """Sign-in and sign-up limits key on the visitor behind our proxies, the way every
        other limit does (core.http.client_ip)."""
        return client_ip(request)

    def post_login(self, request, user, **kwargs):
        """Signed in: the site appears in the language stored on their account (the message
        that says they signed in, too)."""
        translation.activate(user.language)
        response = super().post_login(request, user, **kwargs)
        remember_language(request, response, user.language)
        return response

    def get_login_redirect_url(self, request):
        """Each person lands where their work is: coordinators in the workspace, assessors
        in the portal, applicants on their applications (core.wayfinding.landing_url)."""
        return landing_url(request.user) or super().get_login_redirect_url(request)
