from django.apps import AppConfig


class AuditConfig(AppConfig):
    """The audit trail: who did what, when, from which state to which."""

    name = "audit"
