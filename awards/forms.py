from django import forms
from django.utils.translation import gettext_lazy as _

from awards.enums import SelfAssessment
from awards.models import Application
from awards.sections import Section
from core.widgets import DateInput
from criteria.models import Stream
from organisations.models import EvidenceItem


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
        self.fields["evidence"].label_from_instance = lambda item: item.label


def section_form_class(section: Section) -> type[forms.ModelForm]:
    class SectionForm(forms.ModelForm):
        version = forms.IntegerField(widget=forms.HiddenInput)

        class Meta:
            model = Application
            fields = list(section.fields)
            widgets = {
                "organisation_context": forms.Textarea(attrs={"rows": 8}),
                "progress_since_award": forms.Textarea(attrs={"rows": 10}),
                "lived_experience": forms.Textarea(attrs={"rows": 10}),
                "consent_notes": forms.Textarea(attrs={"rows": 4}),
                "senior_endorsed_on": DateInput(),
            }
            labels = {
                "consent_confirmed": _(
                    "We have recorded consent for every photo of a child and "
                    "every quote or story of a person seeking sanctuary in "
                    "our evidence."
                ),
            }

    return SectionForm


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
