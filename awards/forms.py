from django import forms
from django.utils.translation import gettext_lazy as _

from awards.enums import EvidenceKind, MembershipRole, SelfAssessment
from awards.models import Application, EvidenceItem, Organisation
from criteria.models import Stream


class OrganisationForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = [
            "name",
            "organisation_type",
            "stream",
            "address",
            "postcode",
            "local_authority",
            "nation",
            "region",
            "local_group",
            "website",
            "school_urn",
            "ukprn",
            "council_code",
            "parent",
            "listed_publicly",
        ]
        widgets = {"address": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stream"].queryset = Stream.objects.filter(is_active=True)
        # Only organisations the person already belongs to can be chosen as the parent, so
        # the form never lists other organisations.
        parents = Organisation.objects.filter(memberships__user=user) if user else None
        if parents is not None and self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        if parents is not None and parents.exists():
            self.fields["parent"].queryset = parents
            self.fields["parent"].empty_label = _("None")
        else:
            del self.fields["parent"]
        self.fields["stream"].empty_label = _("None: we apply through our local group")
        self.fields["local_group"].empty_label = _("I don't know")


class PledgeForm(forms.Form):
    signatory_name = forms.CharField(label=_("Full name of the person signing"), max_length=200)
    signatory_role = forms.CharField(
        label=_("Their role"),
        max_length=200,
        help_text=_("For example head teacher, chief executive or council leader."),
    )
    agree = forms.BooleanField(
        label=_(
            "We pledge to welcome people seeking sanctuary and to work towards the Sanctuary Award."
        ),
        error_messages={"required": _("Tick the box to sign the pledge.")},
    )


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("Colleague's email address"))
    role = forms.ChoiceField(
        label=_("Role"),
        choices=MembershipRole.choices,
        initial=MembershipRole.CONTRIBUTOR,
        widget=forms.RadioSelect,
        help_text=_("Leads can submit the application and manage the team."),
    )


class StartApplicationForm(forms.Form):
    stream = forms.ModelChoiceField(
        label=_("Which award are you applying for?"),
        queryset=Stream.objects.none(),
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, streams, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stream"].queryset = streams
        self.fields["stream"].label_from_instance = lambda stream: stream.award_title


class CriterionAnswerForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    narrative = forms.CharField(
        label=_("How do you meet this criterion?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 12}),
    )
    self_assessment = forms.ChoiceField(
        label=_("How well do you meet it now?"),
        choices=SelfAssessment.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    evidence = forms.ModelMultipleChoiceField(
        label=_("Evidence for this criterion"),
        queryset=EvidenceItem.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose from your evidence library."),
    )

    def __init__(self, *args, max_length: int, evidence, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["narrative"].max_length = max_length
        self.fields["narrative"].validators.append(
            forms.CharField(max_length=max_length).validators[0]
        )
        self.fields["evidence"].queryset = evidence
        self.fields["evidence"].label_from_instance = lambda item: item.title


SECTION_FIELDS = {
    "about": ["organisation_context"],
    "progress": ["progress_since_award"],
    "lived-experience": ["lived_experience"],
    "consent": ["safeguarding_lead", "consent_confirmed", "consent_notes"],
    "endorsement": ["senior_signatory_name", "senior_signatory_role", "senior_endorsed_on"],
}


def section_form_class(section: str) -> type[forms.ModelForm]:
    class SectionForm(forms.ModelForm):
        version = forms.IntegerField(widget=forms.HiddenInput)

        class Meta:
            model = Application
            fields = SECTION_FIELDS[section]
            widgets = {
                "organisation_context": forms.Textarea(attrs={"rows": 8}),
                "progress_since_award": forms.Textarea(attrs={"rows": 10}),
                "lived_experience": forms.Textarea(attrs={"rows": 10}),
                "consent_notes": forms.Textarea(attrs={"rows": 4}),
                "senior_endorsed_on": forms.DateInput(attrs={"type": "date"}),
            }
            labels = {
                "consent_confirmed": _(
                    "We have recorded consent for every photo of a child and "
                    "every quote or story of a person seeking sanctuary in "
                    "our evidence."
                ),
            }

    return SectionForm


class EvidenceForm(forms.ModelForm):
    upload = forms.FileField(label=_("File"), required=False)

    class Meta:
        model = EvidenceItem
        fields = [
            "title",
            "evidence_date",
            "description",
            "url",
            "testimony",
            "contains_images_of_children",
            "contains_sanctuary_stories",
            "consent_obtained",
            "consent_recorded_by",
            "consent_recorded_on",
        ]
        widgets = {
            "evidence_date": forms.DateInput(attrs={"type": "date"}),
            "consent_recorded_on": forms.DateInput(attrs={"type": "date"}),
            "description": forms.Textarea(attrs={"rows": 3}),
            "testimony": forms.Textarea(attrs={"rows": 8}),
        }

    def __init__(self, *args, kind: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind
        if kind != EvidenceKind.FILE:
            del self.fields["upload"]
        if kind != EvidenceKind.LINK:
            del self.fields["url"]
        else:
            self.fields["url"].required = True
            self.fields["url"].help_text = _("A web address starting with https://")
        if kind != EvidenceKind.TESTIMONY:
            del self.fields["testimony"]
        else:
            self.fields["testimony"].required = True

    def clean_url(self):
        url = self.cleaned_data.get("url", "")
        if url and not url.lower().startswith(("http://", "https://")):
            raise forms.ValidationError(_("Enter a web address starting with http:// or https://"))
        return url

    def clean(self):
        cleaned = super().clean()
        if self.kind == EvidenceKind.FILE and not cleaned.get("upload"):
            self.add_error("upload", _("Choose a file to upload."))
        sensitive = cleaned.get("contains_images_of_children") or cleaned.get(
            "contains_sanctuary_stories"
        )
        if sensitive and cleaned.get("consent_obtained") and not cleaned.get("consent_recorded_by"):
            self.add_error("consent_recorded_by", _("Say who recorded the consent."))
        return cleaned


class SubmitForm(forms.Form):
    declaration = forms.BooleanField(
        label=_(
            "I confirm that this application is accurate, that our senior leader has "
            "endorsed it, and that we have consent for the photos, quotes and stories in "
            "our evidence."
        ),
        error_messages={"required": _("Confirm the declaration to submit.")},
    )


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Why are you withdrawing?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )
