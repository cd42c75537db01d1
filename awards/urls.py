from django.urls import path

from awards.views import applicant

app_name = "awards"

urlpatterns = [
    path("", applicant.dashboard, name="dashboard"),
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
    path("evidence/<int:pk>/download/", applicant.evidence_download, name="evidence_download"),
    path("invitations/<str:token>/", applicant.invitation_accept, name="invitation_accept"),
    path("applications/<int:pk>/", applicant.application_detail, name="application"),
    path("applications/<int:pk>/criteria/<str:code>/", applicant.criterion_task, name="criterion"),
    path("applications/<int:pk>/check/", applicant.check_answers, name="check_answers"),
    path("applications/<int:pk>/submit/", applicant.submit, name="submit"),
    path("applications/<int:pk>/submitted/", applicant.submitted, name="submitted"),
    path("applications/<int:pk>/withdraw/", applicant.withdraw, name="withdraw"),
    path("applications/<int:pk>/<str:section>/", applicant.section_task, name="section"),
]
