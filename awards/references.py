"""The prefix of application references and certificate numbers ("SOS" for School of
Sanctuary), and new references."""

import datetime
import secrets

from criteria.models import Stream


def award_initials(stream: Stream) -> str:
    """ "SOS" for "School of Sanctuary": the stream's own prefix of references and
    certificate numbers (unique per stream, set with the stream)."""
    return stream.reference_prefix


def next_reference(stream: Stream, now: datetime.datetime) -> str:
    return f"{award_initials(stream)}-{now:%Y}-{secrets.token_hex(3).upper()}"
