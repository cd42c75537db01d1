"""Emails in each recipient's language: one message per language among the recipients,
the languages looked up in one query whatever the number of recipients."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from notifications import emails
from tests.factories import UserFactory

CONTEXT = {"award": "School of Sanctuary", "reference": "SOS-2026-ABCD", "link": "http://x/"}
WELSH_SUBJECT = "Cais SOS-2026-ABCD wedi'i dderbyn i'w asesu"
ENGLISH_SUBJECT = "Application SOS-2026-ABCD accepted for assessment"


def _send(django_capture_on_commit_callbacks, **kwargs):
    with django_capture_on_commit_callbacks(execute=True):
        emails.send("application_accepted", context=CONTEXT, **kwargs)


def test_each_recipient_reads_the_email_in_their_language(
    db, django_capture_on_commit_callbacks, mailoutbox
):
    welsh_lead = UserFactory(email="welsh.lead@example.org", language="cy")
    english_contributor = UserFactory(email="english.contributor@example.org")

    _send(django_capture_on_commit_callbacks, to=[welsh_lead.email, english_contributor.email])

    by_subject = {message.subject: message for message in mailoutbox}
    assert set(by_subject) == {WELSH_SUBJECT, ENGLISH_SUBJECT}
    welsh, english = by_subject[WELSH_SUBJECT], by_subject[ENGLISH_SUBJECT]
    assert welsh.to == ["welsh.lead@example.org"]
    assert "Mae eich cydlynydd wedi gwirio eich cais am School of Sanctuary" in welsh.body
    assert '<html lang="cy">' in welsh.alternatives[0].content
    assert english.to == ["english.contributor@example.org"]
    assert "Your coordinator has checked your application" in english.body
    assert '<html lang="en-gb">' in english.alternatives[0].content


def test_recipients_who_share_a_language_share_one_message(
    db, django_capture_on_commit_callbacks, mailoutbox
):
    UserFactory(email="one@example.org", language="cy")
    UserFactory(email="two@example.org", language="cy")

    _send(django_capture_on_commit_callbacks, to=["one@example.org", "two@example.org"])

    assert [(m.subject, m.to) for m in mailoutbox] == [
        (WELSH_SUBJECT, ["one@example.org", "two@example.org"])
    ]


def test_an_address_is_matched_to_its_account_whatever_its_case(
    db, django_capture_on_commit_callbacks, mailoutbox
):
    UserFactory(email="welsh.lead@example.org", language="cy")

    _send(django_capture_on_commit_callbacks, to=["Welsh.Lead@Example.org"])

    assert [(m.subject, m.to) for m in mailoutbox] == [(WELSH_SUBJECT, ["Welsh.Lead@Example.org"])]


@pytest.mark.parametrize(("language", "subject"), [(None, ENGLISH_SUBJECT), ("cy", WELSH_SUBJECT)])
def test_an_address_without_an_account_gets_the_callers_language_else_the_default(
    language, subject, db, django_capture_on_commit_callbacks, mailoutbox
):
    _send(django_capture_on_commit_callbacks, to=["stranger@example.org"], language=language)

    assert [m.subject for m in mailoutbox] == [subject]


def test_the_callers_language_does_not_override_an_accounts_own(
    db, django_capture_on_commit_callbacks, mailoutbox
):
    UserFactory(email="english.lead@example.org")

    _send(django_capture_on_commit_callbacks, to=["english.lead@example.org"], language="cy")

    assert [m.subject for m in mailoutbox] == [ENGLISH_SUBJECT]


def test_copied_people_alone_in_their_language_receive_it_directly(
    db, django_capture_on_commit_callbacks, mailoutbox
):
    UserFactory(email="lead@example.org")
    UserFactory(email="english.coordinator@example.org")
    UserFactory(email="welsh.coordinator@example.org", language="cy")

    _send(
        django_capture_on_commit_callbacks,
        to=["lead@example.org"],
        cc=["english.coordinator@example.org", "welsh.coordinator@example.org"],
    )

    assert sorted((m.subject, m.to, m.cc) for m in mailoutbox) == [
        (ENGLISH_SUBJECT, ["lead@example.org"], ["english.coordinator@example.org"]),
        (WELSH_SUBJECT, ["welsh.coordinator@example.org"], []),
    ]


def _team(size: int, prefix: str) -> list[str]:
    return [
        UserFactory(email=f"{prefix}{n}@example.org", language="cy" if n % 2 else "en-gb").email
        for n in range(size)
    ]


def test_sending_to_a_bigger_team_costs_no_more_queries(db, mailoutbox):
    small = emails.prepare("application_accepted", to=_team(2, "small"), context=CONTEXT)
    large = emails.prepare("application_accepted", to=_team(9, "large"), context=CONTEXT)

    with CaptureQueriesContext(connection) as small_queries:
        small.queue()
    with CaptureQueriesContext(connection) as large_queries:
        large.queue()

    assert len(small_queries) == len(large_queries) == 1
    assert len(mailoutbox) == 4


def test_a_batch_looks_up_every_recipient_in_one_query(
    db, django_capture_on_commit_callbacks, mailoutbox
):
    batch = [
        emails.prepare("application_accepted", to=_team(3, f"team{n}-"), context=CONTEXT)
        for n in range(4)
    ]

    with (
        CaptureQueriesContext(connection) as queries,
        django_capture_on_commit_callbacks(execute=True),
    ):
        emails.send_batch(batch)

    assert len(queries) == 1
    assert len(mailoutbox) == 8
    assert sorted({m.subject for m in mailoutbox}) == [ENGLISH_SUBJECT, WELSH_SUBJECT]


def test_nothing_is_prepared_without_a_recipient(db):
    assert emails.prepare("application_accepted", to=["", ""], context=CONTEXT) is None
