"""Benchmark cases. Each issue adds a function returning its cases to ``CASE_FACTORIES``."""

from django.test import Client

from bench.harness import Case


def reference_cases(client: Client, scale: int) -> list[Case]:
    return [Case("hello view", lambda: client.get("/__bench__/hello/"), reference=None, repeat=300)]


def foundation_cases(client: Client, scale: int) -> list[Case]:
    from accounts.demo import load_demo_users
    from cms.demo import load_demo_pages

    users = load_demo_users()
    load_demo_pages()
    signed_in = Client()
    signed_in.force_login(users["school.lead@example.org"])
    return [
        Case("health check", lambda: client.get("/health/"), budget_ratio=3, budget_queries=1),
        # Wagtail's routing (site lookup, page tree walk) is a fixed ~2 ms of the home page.
        Case("home page", lambda: client.get("/"), budget_ratio=30, budget_queries=6),
        Case(
            "sign-in page",
            lambda: client.get("/accounts/login/"),
            budget_ratio=30,
            budget_queries=1,
        ),
        Case(
            "your account (signed in)",
            lambda: signed_in.get("/accounts/profile/"),
            budget_ratio=30,
            budget_queries=6,
        ),
    ]


CASE_FACTORIES = [reference_cases, foundation_cases]
