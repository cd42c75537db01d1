from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo data `make run` loads, and the one driver that takes an application through
    triage, a panel and the chair's decision (used by the demo, the tests' factories and the
    bench). Sits above every app; nothing imports it but tests and bench."""

    name = "demo"
