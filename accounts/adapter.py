from allauth.account.adapter import DefaultAccountAdapter
from django.db import transaction
from django.urls import reverse

from accounts.permissions import user_roles
from cms.tasks import send_email


class AccountAdapter(DefaultAccountAdapter):
    """Account emails (verification, password reset) go out through the task queue."""

    def send_mail(self, template_prefix, email, context):
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

    def get_login_redirect_url(self, request):
        """Staff land on their account page (their workspace arrives with the assessment
        work); everyone else on their applications."""
        if user_roles(request.user):
            return reverse("accounts:profile")
        return super().get_login_redirect_url(request)
