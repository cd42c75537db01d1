from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    """Every email the platform sends, each a template pair (text and HTML) under
    templates/notifications/, rendered in the recipient's language and sent after commit."""

    name = "notifications"
