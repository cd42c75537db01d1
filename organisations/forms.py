"""Forms for an organisation, its pledge, its invitations and its evidence."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.languages import language_options
from core.widgets import DateInput
from criteria.models import Stream
from organisations.enums import EvidenceKind, MembershipRole
from organisations.models import EvidenceItem, Organisation


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
            "language",
            "local_group",
            "website",
            "school_urn",
            "ukprn",
            "council_code",
            "parent",
            "listed_publicly",
        ]
        widgets = {
            "address": forms.Textarea(attrs={"rows": 3}),
            "language": forms.RadioSelect,
        }

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
        # Each language in its own name, as on the account page.
        self.fields["language"].choices = language_options()


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
            "evidence_date": DateInput(),
            "consent_recorded_on": DateInput(),
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


class MemberRoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=MembershipRole.choices)


class EvidenceEditForm(forms.ModelForm):
    """Rename or describe an item, or record its consent; the file, link or testimony
    itself stays (add a new item for new content)."""

    class Meta:
        model = EvidenceItem
        fields = [
            "title",
            "evidence_date",
            "description",
            "contains_images_of_children",
            "contains_sanctuary_stories",
            "consent_obtained",
            "consent_recorded_by",
            "consent_recorded_on",
        ]
        widgets = {
            "evidence_date": DateInput(),
            "consent_recorded_on": DateInput(),
            "description": forms.Textarea(attrs={"rows": 3}),
        }
