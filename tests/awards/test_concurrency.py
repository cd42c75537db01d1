"""Two people saving the same answer at the same moment: exactly one wins, the other is told.
Runs against PostgreSQL (the production database); SQLite serialises writers anyway."""

import threading

import pytest
from django.db import connection, connections

from awards.services import applications as application_services
from core import errors as errors
from tests.conftest import NOW

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs real concurrent connections (PostgreSQL)"
)


@pytest.mark.django_db(transaction=True)
def test_two_clients_saving_at_once_lose_no_update(
    application, applicant_lead, applicant_contributor
):
    criterion = application.criteria_version.criteria.get(code="L1")
    barrier = threading.Barrier(2)
    outcomes: dict[str, str] = {}

    def save(user, text):
        try:
            barrier.wait(timeout=10)
            application_services.answer_save(
                application=application,
                criterion=criterion,
                user=user,
                expected_version=0,
                narrative=text,
                self_assessment="met",
                evidence_ids=None,
                now=NOW,
            )
            outcomes[text] = "saved"
        except errors.StaleWrite:
            outcomes[text] = "stale"
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=save, args=(applicant_lead, "lead")),
        threading.Thread(target=save, args=(applicant_contributor, "contributor")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes.values()) == ["saved", "stale"]
    winner = next(text for text, outcome in outcomes.items() if outcome == "saved")
    answer = application.answers.get(criterion=criterion)
    assert (answer.narrative, answer.version) == (winner, 1)
