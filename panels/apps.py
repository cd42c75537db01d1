from django.apps import AppConfig


class PanelsConfig(AppConfig):
    """Assessors, panels and the composition rule, conflicts, judgements, meetings and
    payments."""

    name = "panels"
