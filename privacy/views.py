"""Subject access screens: a person's own download, and staff answering a request."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from accounts import permissions as account_permissions
from core.http import file_attachment
from privacy import permissions, services
from privacy.access import subject_access_archive
from privacy.forms import SubjectAccessRequestForm


def _archive_response(person, *, now) -> HttpResponse:
    return file_attachment(
        subject_access_archive(user=person, now=now),
        filename=f"sanctuary-award-your-data-{now:%Y-%m-%d}.zip",
        content_type="application/zip",
    )


@login_required
def my_data(request: HttpRequest) -> HttpResponse:
    """Everything held about the signed-in person, as one ZIP archive. Not audited: a person
    reading their own data changes nothing (staff answering a request is audited)."""
    return _archive_response(request.user, now=timezone.now())


@login_required
def subject_access_request(request: HttpRequest) -> HttpResponse:
    """National staff produce a person's archive for a request made by email."""
    account_permissions.require_or_404(permissions.can_produce_subject_access(request.user))
    form = SubjectAccessRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        now = timezone.now()
        person = form.cleaned_data["email"]
        services.subject_access_fulfil(
            person=person,
            staff=request.user,
            received_on=form.cleaned_data["received_on"],
            how=form.cleaned_data["how"],
            now=now,
        )
        return _archive_response(person, now=now)
    return render(request, "privacy/subject_access_request.html", {"form": form})
