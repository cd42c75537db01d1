"""An organisation's awards: the certificate and logo, renewal, and answering conditions."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from accounts import permissions as account_permissions
from awards import permissions
from awards.documents import certificate_context
from awards.models import Award, Condition
from awards.services import awards as award_services
from awards.services import conditions as condition_services
from awards.services import renewal as renewal_services
from core.errors import ServiceError
from core.http import base_url
from core.pdf import render_pdf
from organisations import permissions as organisation_permissions
from organisations import selectors as organisation_selectors


def _award(request, pk: int) -> Award:
    award = get_object_or_404(
        Award.objects.select_related(
            "organisation", "organisation__local_group", "stream", "application"
        ),
        pk=pk,
    )
    account_permissions.require_or_404(permissions.can_view_award(request.user, award))
    return award


@login_required
def certificate(request, pk: int):
    """The certificate PDF, for the organisation's team and its coordinators; only while the
    award is held."""

    award = _award(request, pk)
    account_permissions.require_or_404(permissions.can_download_certificate(request.user, award))
    verify_url = award_services.award_verify_url(award, base_url(request))
    pdf = render_pdf(
        template="awards/pdf/certificate.html",
        context=certificate_context(award, verify_url=verify_url),
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="{award.certificate_number}-certificate.pdf"'
    )
    return response


@login_required
def logo(request, pk: int):
    """The award logo (SVG) for the holder's website and letters."""
    award = _award(request, pk)
    account_permissions.require_or_404(permissions.can_download_certificate(request.user, award))
    path = finders.find("images/logo.svg")
    with open(path, "rb") as handle:
        svg = handle.read()
    response = HttpResponse(svg, content_type="image/svg+xml")
    response["Content-Disposition"] = 'attachment; filename="sanctuary-award-logo.svg"'
    return response


@login_required
@require_POST
def start_renewal(request, pk: int):
    award = _award(request, pk)
    account_permissions.require_or_404(permissions.can_start_renewal(request.user, award))
    try:
        application = renewal_services.renewal_start(
            award=award, user=request.user, now=timezone.now()
        )
    except ServiceError as error:
        messages.error(request, str(error))
        return redirect("awards:dashboard")
    messages.success(
        request,
        _(
            "Your renewal has started. We filled it in from your last application: "
            "check each answer."
        ),
    )
    return redirect("awards:application", application.pk)


class ConditionAnswerForm(forms.Form):
    response = forms.CharField(
        label=gettext_lazy("What have you done to meet this condition?"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=6000,
    )
    evidence = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Evidence"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Choose from your evidence library. Add new evidence there first."),
    )

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["evidence"].queryset = organisation_selectors.evidence_to_choose(organisation)
        self.fields["evidence"].label_from_instance = lambda item: item.label


@login_required
@require_http_methods(["GET", "POST"])
def answer_condition(request, pk: int):
    condition = get_object_or_404(
        Condition.objects.select_related(
            "decision__application__organisation", "decision__application__stream"
        ),
        pk=pk,
    )
    application = condition.decision.application
    organisation = application.organisation
    account_permissions.require_or_404(
        organisation_permissions.can_view_organisation(request.user, organisation)
    )
    may_answer = permissions.can_answer_condition(request.user, condition)
    form = ConditionAnswerForm(
        request.POST or None,
        organisation=organisation,
        initial={
            "response": condition.response,
            "evidence": list(condition.response_evidence.values_list("pk", flat=True)),
        },
    )
    if request.method == "POST":
        account_permissions.require(may_answer)
    if request.method == "POST" and form.is_valid():
        try:
            condition_services.condition_answer(
                condition=condition,
                user=request.user,
                now=timezone.now(),
                response=form.cleaned_data["response"],
                evidence_ids=[item.pk for item in form.cleaned_data["evidence"]],
            )
        except ServiceError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Sent to your coordinator, who will mark it met."))
            return redirect("awards:dashboard")
    return render(
        request,
        "awards/condition_answer.html",
        {
            "condition": condition,
            "application": application,
            "form": form,
            "today": timezone.localdate(),
            "may_answer": may_answer,
            "support_email": getattr(settings, "SUPPORT_EMAIL", ""),
        },
        status=400 if form.errors else 200,
    )
