from django.urls import path

from awards.views import applications, award_admin, register, workspace
from awards.views import awards as award_views
from organisations.views import action_plans, evidence
from organisations.views import organisations as organisation_views
from panels.views import assess, documents, payments
from panels.views import workspace as panel_workspace
from reporting.views import exports, reports

app_name = "awards"

workspace_urlpatterns = [
    path("", workspace.queue, name="queue"),
    path("awards/", award_admin.award_list, name="awards"),
    path("awards/<int:pk>/", award_admin.award_detail, name="award"),
    path("awards/<int:pk>/withdraw/", award_admin.withdraw_award, name="award_withdraw"),
    path("conditions/<int:pk>/met/", award_admin.condition_met, name="condition_met"),
    path("applications/<int:pk>/", workspace.review, name="application"),
    path("applications/<int:pk>/accept/", workspace.accept, name="accept"),
    path("applications/<int:pk>/return/", workspace.return_for_information, name="return"),
    path("applications/<int:pk>/ineligible/", workspace.mark_ineligible, name="ineligible"),
    path("applications/<int:pk>/release/", workspace.release, name="release"),
    path(
        "applications/<int:pk>/letter-preview.pdf", workspace.letter_preview, name="letter_preview"
    ),
    path("applications/<int:pk>/assign/", workspace.assign_panel, name="assign_panel"),
    path(
        "applications/<int:pk>/pack.pdf",
        documents.application_pack_for_coordinator,
        name="application_pack",
    ),
    path("panels/", panel_workspace.panel_list, name="panels"),
    path("panels/<int:pk>/", panel_workspace.panel_detail, name="panel"),
    path("panels/<int:pk>/payments/", payments.panel_payments, name="panel_payments"),
    path("payments/<int:pk>/paid/", payments.payment_paid, name="payment_paid"),
    path(
        "panels/<int:pk>/members/<int:member_pk>/role/",
        panel_workspace.member_change,
        name="panel_member_change",
    ),
    path(
        "panels/<int:pk>/members/<int:member_pk>/remove/",
        panel_workspace.member_remove,
        name="panel_member_remove",
    ),
    path("reports/", reports.reports, name="reports"),
    path("exports/", exports.export_list, name="exports"),
    path("exports/<int:pk>/download/", exports.export_download, name="export_download"),
    path("exports/<str:kind>.xlsx", exports.export, name="export"),
]

assess_urlpatterns = [
    path("", assess.portal, name="portal"),
    path("applications/<int:pk>/", assess.assess, name="application"),
    path(
        "applications/<int:pk>/pack.pdf",
        documents.application_pack_for_panel,
        name="application_pack",
    ),
    path("applications/<int:pk>/decision/", assess.decision, name="decision"),
    path("applications/<int:pk>/criteria/<str:code>/", assess.judge_criterion, name="criterion"),
    path("applications/<int:pk>/meeting/", assess.meeting, name="meeting"),
]

register_urlpatterns = [
    path("", register.register, name="register"),
    path("register.csv", register.register_csv, name="register_csv"),
    path("register.json", register.register_json, name="register_json"),
    path("verify/", register.verify_start, name="verify_start"),
    path("verify/<str:number>/", register.verify, name="verify"),
]

urlpatterns = [
    path("", applications.dashboard, name="dashboard"),
    path("start/<slug:slug>/", applications.start_for_stream, name="start_for_stream"),
    path("awards/<int:pk>/certificate.pdf", award_views.certificate, name="certificate"),
    path("awards/<int:pk>/logo.svg", award_views.logo, name="award_logo"),
    path("awards/<int:pk>/renew/", award_views.start_renewal, name="renewal_start"),
    path("conditions/<int:pk>/", award_views.answer_condition, name="condition_answer"),
    path("organisations/new/", organisation_views.create_organisation, name="organisation_create"),
    path("organisations/<int:pk>/", organisation_views.organisation_detail, name="organisation"),
    path(
        "organisations/<int:pk>/edit/",
        organisation_views.organisation_edit,
        name="organisation_edit",
    ),
    path("organisations/<int:pk>/pledge/", organisation_views.pledge, name="pledge"),
    path("organisations/<int:pk>/invite/", organisation_views.invite, name="invite"),
    path(
        "organisations/<int:pk>/invitations/<int:invitation_pk>/revoke/",
        organisation_views.revoke_invitation,
        name="invitation_revoke",
    ),
    path(
        "organisations/<int:pk>/team/<int:membership_pk>/role/",
        organisation_views.change_member_role,
        name="member_role",
    ),
    path(
        "organisations/<int:pk>/team/<int:membership_pk>/remove/",
        organisation_views.member_remove,
        name="member_remove",
    ),
    path("organisations/<int:pk>/evidence/", evidence.evidence_list, name="evidence"),
    path(
        "organisations/<int:pk>/evidence/add/<str:kind>/",
        evidence.add_evidence,
        name="evidence_add",
    ),
    path(
        "organisations/<int:pk>/applications/new/",
        applications.start_application,
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
    path("evidence/<int:pk>/download/", evidence.evidence_download, name="evidence_download"),
    path("evidence/<int:pk>/edit/", evidence.edit_evidence, name="evidence_edit"),
    path("evidence/<int:pk>/remove/", evidence.remove_evidence, name="evidence_remove"),
    path(
        "invitations/<str:token>/", organisation_views.accept_invitation, name="invitation_accept"
    ),
    path("applications/<int:pk>/", applications.application_detail, name="application"),
    path(
        "applications/<int:pk>/criteria/<str:code>/", applications.criterion_task, name="criterion"
    ),
    path("applications/<int:pk>/check/", applications.check_answers, name="check_answers"),
    path("applications/<int:pk>/submit/", applications.submit, name="submit"),
    path("applications/<int:pk>/submitted/", applications.submitted, name="submitted"),
    path(
        "applications/<int:pk>/feedback-letter.pdf",
        applications.feedback_letter,
        name="feedback_letter",
    ),
    path("applications/<int:pk>/withdraw/", applications.withdraw, name="withdraw"),
    path("applications/<int:pk>/<str:section>/", applications.section_task, name="section"),
]
