"""Every page the accessibility test checks, in one place. Later issues append theirs.

Each entry: (name, path, who) where who is None for an anonymous visitor or the name of a
fixture in tests/conftest.py for a signed-in user.
"""

AXE_PAGES: list[tuple[str, str, str | None]] = [
    ("home", "/", None),
    ("sign in", "/accounts/login/", None),
    ("create an account", "/accounts/signup/", None),
    ("reset password", "/accounts/password/reset/", None),
    ("page not found", "/no-such-page/", None),
    ("your account", "/accounts/profile/", "applicant_lead"),
    ("two-factor settings", "/accounts/2fa/", "applicant_lead"),
    ("change password", "/accounts/password/change/", "applicant_lead"),
    ("email addresses", "/accounts/email/", "applicant_lead"),
    ("staff account", "/accounts/profile/", "national_admin"),
    # Issue 3: criteria and the CMS (content from the public_site fixture)
    ("streams", "/streams/", None),
    ("stream page with criteria", "/streams/schools/", None),
    ("local groups", "/local-groups/", None),
    ("local group", "/local-groups/leicester/", None),
    ("guidance page", "/local-groups/leicester/pathways/", None),
    ("search", "/search/", None),
    ("search results", "/search/?q=pathways", None),
]
