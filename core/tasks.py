"""Background tasks shared by every app."""

from django.core.mail import EmailMultiAlternatives, mailers
from django.tasks import task


def _message(
    *,
    subject: str,
    body: str,
    to: list[str],
    cc: list[str] | None = None,
    from_email: str | None = None,
    html_body: str | None = None,
    reply_to: list[str] | None = None,
) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=subject, body=body, from_email=from_email, to=to, cc=cc, reply_to=reply_to
    )
    if html_body:
        message.attach_alternative(html_body, "text/html")
    return message


@task()
def send_email(**message) -> int:
    """Send one email. Queued with ``send_email.enqueue(...)`` so that a slow mail server never
    holds up a page; run at once in development and tests, by the worker in production."""
    return _message(**message).send()


@task()
def send_emails(*, messages: list[dict]) -> int:
    """Send many emails over one connection (the daily job's reminders, a batch at a time)."""
    return mailers.default.send_messages([_message(**message) for message in messages]) or 0
