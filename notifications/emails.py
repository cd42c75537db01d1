"""Every email, from a template pair, rendered in each recipient's language and queued after
the transaction commits (so a rolled-back change sends nothing).

An email named ``x`` is three templates in templates/notifications/: ``x.subject.txt`` (one
line), ``x.txt`` (the text body) and ``x.html`` (the HTML body, extending ``base.html``).
Every template is given ``site_name`` and ``link`` (the full address of the page the email
is about), so that each email names its page. Callers pass addresses, never users: this app
knows nothing of the others but the user model, whose ``email`` and ``language`` say which
language each address reads (``recipient_languages``, one query for all of an email's
recipients, or for a whole batch). Recipients are grouped by language and each group gets
its own message; an address without an account gets the caller's ``language`` (the
organisation's, say), else the site's default.

Rendering waits until the email is sent (after commit), so that a batch of emails looks up
its recipients' languages once.
"""

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models.functions import Lower
from django.template.loader import render_to_string
from django.utils import translation

from core.tasks import send_email, send_emails

# Addresses looked up per query: well inside every database's limit on parameters.
LOOKUP_CHUNK = 900


@dataclass(frozen=True)
class Message:
    """One rendered message, in one language."""

    subject: str
    body: str
    html_body: str
    to: list[str]
    cc: list[str] = field(default_factory=list)

    def queue(self) -> None:
        """Hand the message to the task queue now (callers run this after commit)."""
        send_email.enqueue(**asdict(self))


@dataclass(frozen=True)
class Email:
    """An email to its recipients, not yet rendered: one message per language among them."""

    template: str
    to: tuple[str, ...]
    cc: tuple[str, ...]
    context: dict
    language: str  # for an address without an account

    @property
    def addresses(self) -> tuple[str, ...]:
        return self.to + self.cc

    def messages(self, languages: dict[str, str]) -> list[Message]:
        """Rendered, one message per language, given each known address's language (keys
        lower-cased, as ``recipient_languages`` gives them). Within a language, copied
        addresses become the recipients when there is no one to send to."""
        groups: dict[str, tuple[list[str], list[str]]] = {}
        for copied, addresses in ((False, self.to), (True, self.cc)):
            for address in addresses:
                language = languages.get(address.lower(), self.language)
                groups.setdefault(language, ([], []))[copied].append(address)
        return [
            render(
                self.template,
                to=to or cc,
                cc=cc if to else [],
                context=self.context,
                language=language,
            )
            for language, (to, cc) in groups.items()
        ]

    def queue(self) -> None:
        """Look up the recipients' languages, render and hand each message to the task
        queue now (callers run this after commit)."""
        for message in self.messages(recipient_languages(self.addresses)):
            message.queue()


def recipient_languages(addresses: Iterable[str]) -> dict[str, str]:
    """The stored language of each address that has an account, keyed by the address in
    lower case (addresses are unique whatever their case): one query (a query per
    ``LOOKUP_CHUNK`` addresses)."""
    wanted = sorted({address.lower() for address in addresses if address})
    found: dict[str, str] = {}
    users = get_user_model().objects.annotate(address=Lower("email"))
    for start in range(0, len(wanted), LOOKUP_CHUNK):
        chunk = wanted[start : start + LOOKUP_CHUNK]
        found.update(users.filter(address__in=chunk).values_list("address", "language"))
    return found


def absolute(path: str, *, base_url: str | None = None) -> str:
    """The full address of a page: the request's host when the caller has one, otherwise the
    configured base URL."""
    return (base_url or settings.WAGTAILADMIN_BASE_URL).rstrip("/") + path


def render(
    template: str,
    *,
    to: list[str],
    context: dict,
    cc: list[str] | None = None,
    language: str | None = None,
) -> Message:
    """Render one message in ``language`` (the site's default if none)."""
    full = {"site_name": settings.WAGTAIL_SITE_NAME, **context}
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = " ".join(render_to_string(f"notifications/{template}.subject.txt", full).split())
        body = render_to_string(f"notifications/{template}.txt", full).strip() + "\n"
        html_body = render_to_string(f"notifications/{template}.html", full)
    return Message(subject=subject, body=body, html_body=html_body, to=list(to), cc=list(cc or []))


def prepare(
    template: str,
    *,
    to: list[str],
    context: dict,
    cc: list[str] | None = None,
    language: str | None = None,
) -> Email | None:
    """An email for later (a transition queues it after commit); None without a recipient.
    ``language`` is for addresses without an account (default: the site's language); every
    other recipient reads their own."""
    to, cc = [a for a in to if a], [a for a in (cc or []) if a]
    if not to and not cc:
        return None
    return Email(
        template=template,
        to=tuple(to),
        cc=tuple(cc),
        context=context,
        language=language or settings.LANGUAGE_CODE,
    )


def send(
    template: str,
    *,
    to: list[str],
    context: dict,
    cc: list[str] | None = None,
    language: str | None = None,
) -> Email | None:
    """Send after commit, in each recipient's language. Nothing is sent without a recipient."""
    email = prepare(template, to=to, context=context, cc=cc, language=language)
    if email is not None:
        transaction.on_commit(email.queue)
    return email


def after_commit(email: Email | None) -> list:
    """For a transition's ``after_commit``: the email's sending, or nothing."""
    return [email.queue] if email is not None else []


def send_batch(emails: list[Email]) -> None:
    """Many emails in one background task (the daily job's reminders), their recipients'
    languages looked up together."""
    emails = [email for email in emails if email is not None]
    if not emails:
        return

    def queue() -> None:
        languages = recipient_languages(a for email in emails for a in email.addresses)
        payload = [asdict(message) for email in emails for message in email.messages(languages)]
        send_emails.enqueue(messages=payload)

    transaction.on_commit(queue)
