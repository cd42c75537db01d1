import re

from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from playwright.sync_api import expect

from tests.factories import DEFAULT_PASSWORD
from tests.totp import current_totp_code

_axe = Axe()
BLOCKING_IMPACTS = {"serious", "critical"}


def serious_axe_violations(page) -> list[str]:
    """Run axe-core on the page; return the serious and critical violations, described."""
    results = _axe.run(page)
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} -> "
        + ", ".join(str(node["target"]) for node in violation["nodes"][:3])
        for violation in results.response["violations"]
        if violation["impact"] in BLOCKING_IMPACTS
    ]


def sign_in(page, user, *, password: str = DEFAULT_PASSWORD) -> None:
    """Sign in through the real form, answering the two-factor step when the user has one."""
    page.goto(reverse("account_login"))
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign In").click()
    secret = getattr(user, "totp_secret", None)
    if secret:
        page.get_by_label("Code", exact=True).fill(current_totp_code(secret))
        page.get_by_role("button", name="Sign In").click()
        # Fail here, with the reason, rather than on the next page's missing button.
        expect(page).not_to_have_url(re.compile(r"/accounts/2fa/authenticate/"))
    page.wait_for_load_state()
