from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    """Organisations, their teams and invitations, their evidence and action plans."""

    name = "organisations"

    def ready(self):
        from organisations import signals  # noqa: F401, PLC0415 - in ready(): connects the receivers
