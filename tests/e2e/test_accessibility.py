import pytest

from tests.e2e.helpers import serious_axe_violations, sign_in
from tests.e2e.pages import AXE_PAGES, EXPECTED_STATUS


@pytest.mark.parametrize(("name", "path", "who"), AXE_PAGES, ids=[p[0] for p in AXE_PAGES])
def test_page_has_no_serious_accessibility_violations(name, path, who, page, request, public_site):
    if "{" in path:
        # Ids of the objects the page shows come from the richest site fixture.
        path = path.format(**request.getfixturevalue("awards_site"))
    if who:
        sign_in(page, request.getfixturevalue(who))

    response = page.goto(path)

    # Checking an error page by mistake would prove nothing about the page meant.
    assert response.status == EXPECTED_STATUS.get(name, 200), (name, path, response.status)
    assert serious_axe_violations(page) == []
    assert page.csp_violations == []


def test_form_with_errors_has_no_serious_violations(page, db):
    page.goto("/accounts/login/")
    page.get_by_role("button", name="Sign In").click()

    assert page.locator(".sa-error-summary").is_visible()
    assert serious_axe_violations(page) == []
