from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    """Personal data: the retention schedule and subject access."""

    name = "privacy"
