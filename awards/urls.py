from django.urls import path

from awards.views import (
    action_plans,
    applicant,
    award_admin,
    documents,
    exports,
    panels,
    payments,
    register,
    reports,
    workspace,
)
from awards.views import awards as award_views

app_name = "awards"

workspace_urlpatterns = [
    path("", workspace.queue, name="queue"),
    path("awards/", award_admin.award_list, name="awards"),
    path("awards/<int:pk>/", award_admin.award_detail, name="award"),
    path("awards/<int:pk>/withdraw/", award_admin.award_withdraw, name="award_withdraw"),
    path("conditions/<int:pk>/met/", award_admin.condition_met, name="condition_met"),
    path("applications/<int:pk>/", workspace.review, name="application"),
    path("applications/<int:pk>/accept/", workspace.accept, name="accept"),
    path("applications/<int:pk>/return/", workspace.return_for_information, name="return"),
    path("applications/<int:pk>/ineligible/", workspace.mark_ineligible, name="ineligible"),
    path("applications/<int:pk>/release/", workspace.release, name="release"),
    path(
        "applications/<int:pk>/pack.pdf",
        documents.application_pack_for_coordinator,
        name="application_pack",
    ),
    path("panels/", panels.panel_list, name="panels"),
    path("panels/<int:pk>/", panels.panel_detail, name="panel"),
    path("panels/<int:pk>/payments/", payments.panel_payments, name="panel_payments"),
    path("payments/<int:pk>/paid/", payments.payment_paid, name="payment_paid"),
    path(
        "panels/<int:pk>/members/<int:member_pk>/remove/",
        panels.member_remove,
        name="panel_member_remove",
    ),
    path("reports/", reports.reports, name="reports"),
    path("exports/", exports.export_list, name="exports"),
    path("exports/<int:pk>/download/", exports.export_download, name="export_download"),
    path("exports/<str:kind>.xlsx", exports.export, name="export"),
]

assess_urlpatterns = [
    path("", panels.portal, name="portal"),
    path("applications/<int:pk>/", panels.assess, name="application"),
    path(
        "applications/<int:pk>/pack.pdf",
        documents.application_pack_for_panel,
        name="application_pack",
    ),
    path("applications/<int:pk>/decision/", panels.decision, name="decision"),
    path("applications/<int:pk>/meeting/", panels.meeting, name="meeting"),
]

register_urlpatterns = [
    path("", register.register, name="register"),
    path("register.csv", register.register_csv, name="register_csv"),
    path("register.json", register.register_json, name="register_json"),
    path("verify/", register.verify_start, name="verify_start"),
    path("verify/<str:number>/", register.verify, name="verify"),
]

urlpatterns = [
    path("", applicant.dashboard, name="dashboard"),
    path("awards/<int:pk>/certificate.pdf", award_views.certificate, name="certificate"),
    path("awards/<int:pk>/logo.svg", award_views.logo, name="award_logo"),
    path("awards/<int:pk>/renew/", award_views.renewal_start, name="renewal_start"),
    path("conditions/<int:pk>/", award_views.condition_answer, name="condition_answer"),
    path("organisations/new/", applicant.organisation_create, name="organisation_create"),
    path("organisations/<int:pk>/", applicant.organisation_detail, name="organisation"),
    path("organisations/<int:pk>/edit/", applicant.organisation_edit, name="organisation_edit"),
    path("organisations/<int:pk>/pledge/", applicant.pledge, name="pledge"),
    path("organisations/<int:pk>/invite/", applicant.invite, name="invite"),
    path(
        "organisations/<int:pk>/team/<int:membership_pk>/remove/",
        applicant.member_remove,
        name="member_remove",
    ),
    path("organisations/<int:pk>/evidence/", applicant.evidence_list, name="evidence"),
    path(
        "organisations/<int:pk>/evidence/add/<str:kind>/",
        applicant.evidence_add,
        name="evidence_add",
    ),
    path(
        "organisations/<int:pk>/applications/new/",
        applicant.application_start,
        name="application_start",
    ),
    path("organisations/<int:pk>/action-plans/", action_plans.plan_list, name="action_plans"),
    path(
        "organisations/<int:pk>/action-plans/import/",
        action_plans.plan_import,
        name="action_plan_import",
    ),
    path("action-plans/<int:pk>/", action_plans.plan_detail, name="action_plan"),
    path("action-plans/<int:pk>/export/", action_plans.plan_export, name="action_plan_export"),
    path(
        "action-plans/<int:pk>/actions/<int:action_pk>/",
        action_plans.action_edit,
        name="action_edit",
    ),
    path("evidence/<int:pk>/download/", applicant.evidence_download, name="evidence_download"),
    path("invitations/<str:token>/", applicant.invitation_accept, name="invitation_accept"),
    path("applications/<int:pk>/", applicant.application_detail, name="application"),
    path("applications/<int:pk>/criteria/<str:code>/", applicant.criterion_task, name="criterion"),
    path("applications/<int:pk>/check/", applicant.check_answers, name="check_answers"),
    path("applications/<int:pk>/submit/", applicant.submit, name="submit"),
    path("applications/<int:pk>/submitted/", applicant.submitted, name="submitted"),
    path(
        "applications/<int:pk>/feedback-letter.pdf",
        applicant.feedback_letter,
        name="feedback_letter",
    ),
    path("applications/<int:pk>/withdraw/", applicant.withdraw, name="withdraw"),
    path("applications/<int:pk>/<str:section>/", applicant.section_task, name="section"),
]
