from django.apps import AppConfig


class ReportingConfig(AppConfig):
    """Exports to Excel and reports for national staff and coordinators."""

    name = "reporting"
