"""The one list of URL names that anyone may open without signing in.

The permission sweep (tests/test_permission_sweep.py) proves every other URL refuses
anonymous visitors. A new public view must be added here on purpose, with a reason.
"""

PUBLIC_URL_NAMES: frozenset[str] = frozenset(
    {
        # Site
        "health",  # load balancer probe; reveals only whether the database answers
        "set_language",
        "switch_language",
        "search",  # site search over published pages
        "wagtail_serve",  # published CMS pages; Wagtail enforces page privacy itself
        "wagtaildocs_serve",  # CMS documents; Wagtail enforces collection privacy itself
        "wagtaildocs_authenticate_with_password",
        "wagtailcore_authenticate_with_password",
        "admin_login_redirect",
        "wagtailadmin_sprite",  # Wagtail admin's icon sprite: a static SVG
        "wagtailadmin_javascript_catalog",  # Wagtail admin's JavaScript translations
        "frontend_login_redirect",
        # The register of award holders and certificate verification: no personal data
        "register",
        "register_csv",
        "register_json",
        "verify_start",
        "verify",
        # Signing up, in and out, and recovering an account
        "account_login",
        "account_logout",
        "account_signup",
        "account_inactive",
        "account_email_verification_sent",
        "account_confirm_email",
        "account_confirm_login_code",
        "account_reset_password",
        "account_reset_password_done",
        "account_reset_password_from_key",
        "account_reset_password_from_key_done",
        "mfa_authenticate",  # second login step; only meaningful mid-login
        "account_erased",  # "Your account has been deleted": shown once signed out, no data
    }
)
