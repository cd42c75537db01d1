"""Background tasks shared by every app."""

from django.core.mail import EmailMultiAlternatives
from django.tasks import task


@task()
def send_email(
    *,
    subject: str,
    body: str,
    to: list[str],
    from_email: str | None = None,
    html_body: str | None = None,
    reply_to: list[str] | None = None,
) -> int:
    """Send one email. Queued with ``send_email.enqueue(...)`` so that a slow mail server never
    holds up a page; run at once in development and tests, by the worker in production."""
    message = EmailMultiAlternatives(
        subject=subject, body=body, from_email=from_email, to=to, reply_to=reply_to
    )
    if html_body:
        message.attach_alternative(html_body, "text/html")
    return message.send()
