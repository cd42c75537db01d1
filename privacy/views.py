"""Personal data screens: a person's own download, staff answering a request, and a person
deleting their own account."""

from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from accounts import permissions as account_permissions
from core import errors
from core.http import file_attachment
from organisations.selectors import sole_lead_organisations
from privacy import erasure, permissions, services
from privacy.access import subject_access_archive
from privacy.forms import EraseAccountForm, SubjectAccessRequestForm


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


@login_required
def erase_account(request: HttpRequest) -> HttpResponse:
    """ "Delete your account": what goes and what stays, then a tick and the password. Always
    the signed-in person's own account (the URL names nobody). Refused, with the way out, to an
    organisation's only lead and to the last national admin."""
    person = request.user
    verdict = permissions.can_erase_account(request.user, person)
    form = EraseAccountForm(request.POST or None, user=person)
    if request.method == "POST" and verdict and form.is_valid():
        try:
            erasure.account_erase(person=person, by=request.user, now=timezone.now())
        except errors.ServiceError as error:
            # Refused under the lock: someone changed the team since the page was shown.
            form.add_error(None, str(error))
        else:
            logout(request)
            return redirect("privacy:account_erased")
    first_name, last_name = erasure.erasure_pseudonym(person)
    context = {
        "form": form,
        "may_erase": bool(verdict),
        "refusal": verdict.reason,
        "sole_lead_of": [] if verdict else sole_lead_organisations(person),
        "pseudonym": f"{first_name} {last_name}",
    }
    status = 200
    if request.method == "POST":
        status = 400 if verdict else 403
    return render(request, "privacy/erase_account.html", context, status=status)


def account_erased(request: HttpRequest) -> HttpResponse:
    """Shown once the account is deleted and the person signed out: names nobody."""
    return render(request, "privacy/account_erased.html")
