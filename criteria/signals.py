"""Signals of the criteria app, for the apps above it."""

from django.dispatch import Signal

# Sent after commit when a stream's published criteria change (``stream_id``): the CMS
# re-indexes that stream's page for site search.
criteria_published = Signal()
