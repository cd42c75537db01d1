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
    # Issue 4: the applicant journey (ids from the applicant_site fixture)
    ("your applications", "/apply/", "applicant_lead"),
    ("add an organisation", "/apply/organisations/new/", "applicant_lead"),
    ("organisation and team", "/apply/organisations/{organisation}/", "applicant_lead"),
    ("pledge", "/apply/organisations/{organisation}/pledge/", "applicant_lead"),
    ("evidence library", "/apply/organisations/{organisation}/evidence/", "applicant_lead"),
    ("upload evidence", "/apply/organisations/{organisation}/evidence/add/file/", "applicant_lead"),
    (
        "write a testimony",
        "/apply/organisations/{organisation}/evidence/add/testimony/",
        "applicant_lead",
    ),
    (
        "start an application",
        "/apply/organisations/{organisation}/applications/new/",
        "applicant_lead",
    ),
    ("task list", "/apply/applications/{application}/", "applicant_lead"),
    ("criterion task", "/apply/applications/{application}/criteria/L1/", "applicant_lead"),
    ("about your organisation", "/apply/applications/{application}/about/", "applicant_lead"),
    ("consent and safeguarding", "/apply/applications/{application}/consent/", "applicant_lead"),
    ("senior endorsement", "/apply/applications/{application}/endorsement/", "applicant_lead"),
    ("check answers", "/apply/applications/{application}/check/", "applicant_lead"),
    ("withdraw", "/apply/applications/{application}/withdraw/", "applicant_lead"),
    ("action plans", "/apply/organisations/{organisation}/action-plans/", "applicant_lead"),
    (
        "import an action plan",
        "/apply/organisations/{organisation}/action-plans/import/",
        "applicant_lead",
    ),
    ("action plan", "/apply/action-plans/{plan}/", "applicant_lead"),
    ("update an action", "/apply/action-plans/{plan}/actions/{action}/", "applicant_lead"),
    # Issue 5 (triage): the coordinator's workspace
    ("workspace queue", "/workspace/", "national_admin"),
    ("workspace queue filtered", "/workspace/?status=submitted&q=Hill", "national_admin"),
    ("workspace application", "/workspace/applications/{submitted}/", "national_admin"),
    ("panels", "/workspace/panels/", "national_admin"),
    ("panel", "/workspace/panels/{panel}/", "national_admin"),
    ("assessor portal", "/assess/", "panel_member"),
    ("declare a conflict", "/assess/applications/{assessed}/", "panel_member"),
    ("judging page", "/assess/applications/{judging}/", "panel_member"),
    ("consensus and decision", "/assess/applications/{judged}/decision/", "panel_member"),
    # Issue 6: reports
    ("reports", "/workspace/reports/", "national_admin"),
    # Issue 6: exports
    ("your exports", "/workspace/exports/", "national_admin"),
    ("export refused", "/workspace/exports/applications.xlsx?columns=nope", "national_admin"),
    # Issue 13: a file the virus scanner could not check (the exports page above shows a
    # failed and an expired export with their "Try again" and "Build it again" buttons)
    ("evidence not checked", "/apply/evidence/{unscannable}/download/", "applicant_lead"),
    # Issue 6: awards, the register and verification (ids from the awards_site fixture)
    ("register of award holders", "/awards/", None),
    ("register filtered", "/awards/?q=Orchard&nation=england", None),
    ("check a certificate", "/awards/verify/", None),
    ("check a certificate with an error", "/awards/verify/?number=", None),
    ("verification", "/awards/verify/{certificate}/", None),
    ("certificate not found", "/awards/verify/SOS-2026-AAAA-AAAA/", None),
    ("your applications with an award", "/apply/", "applicant_lead"),
    ("answer a condition", "/apply/conditions/{condition}/", "applicant_lead"),
    ("staff awards", "/workspace/awards/", "national_admin"),
    ("staff awards filtered", "/workspace/awards/?status=renewal_due", "national_admin"),
    ("staff award", "/workspace/awards/{award}/", "national_admin"),
    ("decided application", "/workspace/applications/{decided}/", "national_admin"),
    ("honoraria and expenses", "/workspace/panels/{panel}/payments/", "national_admin"),
    ("panel meeting", "/assess/applications/{judged}/meeting/", "panel_member"),
    # Issue 12: next steps and kept work
    ("judge one criterion", "/assess/applications/{judging}/criteria/L1/", "panel_member"),
    ("release preview", "/workspace/applications/{pending}/release/", "national_admin"),
    ("change evidence", "/apply/evidence/{evidence}/edit/", "applicant_lead"),
    ("returned or pending application", "/workspace/applications/{pending}/", "national_admin"),
    # The stream page's Start for someone who leads several organisations: a choice.
    ("choose the organisation to start for", "/apply/start/schools/", "applicant_lead"),
    # Issue 14: lists that grow with rows, searched (the picker's and the panel's searches)
    (
        "evidence library searched",
        "/apply/organisations/{organisation}/evidence/?q=welcome",
        "applicant_lead",
    ),
    (
        "criterion task, evidence searched",
        "/apply/applications/{application}/criteria/L2/?q=policy",
        "applicant_lead",
    ),
    (
        "panel, assessors and applications searched",
        "/workspace/panels/{panel}/?find_assessor=example&find_application=school",
        "national_admin",
    ),
    # Issue 17: personal data (the archive itself is a ZIP, not a page)
    ("answer a request for personal data", "/privacy/requests/", "national_admin"),
    # Issue 17: erasure (the applicant lead is their schools' only lead: the way out; the
    # panel member sees the confirmation form)
    ("delete your account, only lead", "/privacy/delete-account/", "applicant_lead"),
    ("delete your account", "/privacy/delete-account/", "panel_member"),
    ("account deleted", "/privacy/account-deleted/", None),
]

# Pages that answer with an error on purpose.
EXPECTED_STATUS = {
    "page not found": 404,
    "certificate not found": 404,
    "check a certificate with an error": 400,
    "export refused": 400,
    "evidence not checked": 409,
}
