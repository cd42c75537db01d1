import pytest

from awards.enums import ApplicationStatus, AuditAction
from awards.models import AuditEntry
from awards.workflow import TRANSITIONS, Action, TransitionNotAllowed, transition
from tests.awards.conftest import NOW

ALL_PAIRS = [(status, action) for status in ApplicationStatus for action in Action]
ALLOWED = {(t.source, t.action): t.target for t in TRANSITIONS}


@pytest.mark.parametrize(("status", "action"), ALL_PAIRS)
def test_transition_table_is_enforced(status, action, application, applicant_lead):
    application.status = status
    application.submitted_at = NOW
    application.save()

    if (status, action) in ALLOWED:
        result = transition(application=application, action=action, actor=applicant_lead, now=NOW)
        assert result.status == ALLOWED[(status, action)]
        entry = AuditEntry.objects.filter(application=application).latest("pk")
        assert (entry.from_status, entry.to_status, entry.actor) == (
            status,
            ALLOWED[(status, action)],
            applicant_lead,
        )
    else:
        with pytest.raises(TransitionNotAllowed):
            transition(application=application, action=action, actor=applicant_lead, now=NOW)
        application.refresh_from_db()
        assert application.status == status


def test_starting_an_application_is_audited(application):
    entry = AuditEntry.objects.get(application=application)

    assert entry.action == AuditAction.APPLICATION_STARTED
