"""Forms for panels and assessment: forming a panel, declaring conflicts, judging each
criterion, the chair's consensus and decision, and the meeting record. Every POST of the
assessor portal goes through one of these; they validate only (the rules are asked in
awards/permissions.py and enforced by the services)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from awards.enums import DecisionOutcome, Judgement
from core.widgets import DateInput
from panels.enums import PanelRole
from panels.models import Panel, PanelMeeting

COMMENT_MAX_LENGTH = 4000
CONDITION_SLOTS = 3


class PanelForm(forms.ModelForm):
    class Meta:
        model = Panel
        fields = ["stream", "name", "local_group", "meeting_date", "meeting_format", "place"]
        widgets = {"meeting_date": DateInput()}

    def __init__(self, *args, streams, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stream"].queryset = streams


class MemberForm(forms.Form):
    """Add an assessor. ``candidates``: everyone who may join (what the choice is checked
    against); ``shown``: the few offered, the matches of the coordinator's search (a list
    of every assessor would grow with the pool)."""

    user = forms.ModelChoiceField(
        label=_("Panel member"),
        queryset=None,
        empty_label=_("Choose an assessor"),
        error_messages={"required": _("Choose the assessor to add to the panel.")},
    )
    # No default: a wrong default role (lived experience) could satisfy the panel rule.
    role = forms.ChoiceField(
        label=_("Role on the panel"),
        choices=[("", _("Choose a role")), *PanelRole.choices],
        error_messages={"required": _("Choose the member's role on the panel.")},
    )
    is_chair = forms.BooleanField(label=_("Chair"), required=False)

    def __init__(self, *args, candidates, shown, **kwargs):
        super().__init__(*args, **kwargs)
        _offer(self.fields["user"], candidates, shown, _assessor_label)


def _offer(field: forms.ModelChoiceField, candidates, shown, label) -> None:
    """Validate against every candidate, offer only ``shown``."""
    field.queryset = candidates
    field.label_from_instance = label
    field.widget.choices = [("", field.empty_label), *((item.pk, label(item)) for item in shown)]


def _assessor_label(user) -> str:
    profile = getattr(user, "assessor_profile", None)
    if profile is not None and profile.lived_experience:
        return _("%(name)s (lived experience)") % {"name": user}
    return str(user)


class MemberRoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role on the panel"), choices=PanelRole.choices)
    is_chair = forms.BooleanField(label=_("Chair"), required=False)


class PanelChoiceForm(forms.Form):
    panel = forms.ModelChoiceField(
        label=_("Panel"),
        queryset=None,
        empty_label=_("Choose a panel"),
        error_messages={"required": _("Choose the panel to give the application to.")},
    )

    def __init__(self, *args, panels, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["panel"].queryset = panels


class AssignForm(forms.Form):
    """Give the panel an application: checked against every application the coordinator
    may assign, offering only the matches of their search."""

    application = forms.ModelChoiceField(
        label=_("Application"),
        queryset=None,
        empty_label=_("Choose an application"),
        error_messages={"required": _("Choose the application to give the panel.")},
    )

    def __init__(self, *args, candidates, shown, **kwargs):
        super().__init__(*args, **kwargs)
        _offer(self.fields["application"], candidates, shown, _application_label)


def _application_label(application) -> str:
    return f"{application.organisation.name} ({application.reference})"


class DeclarationForm(forms.Form):
    has_conflict = forms.TypedChoiceField(
        label=_("Do you have a conflict of interest with this applicant?"),
        choices=[("no", _("No")), ("yes", _("Yes"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        help_text=_(
            "For example you work for, study at, or are a governor or "
            "trustee of the applicant, or know its staff well."
        ),
        error_messages={"required": _("Say whether you have a conflict of interest.")},
    )
    details = forms.CharField(
        label=_("Details"),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


def _outcome_field(label, *, code: str, required: bool) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=Judgement.choices,
        required=required,
        widget=forms.RadioSelect,
        error_messages={
            "invalid_choice": _("Choose met, partly met or not yet met for %(code)s.")
            % {"code": code},
            "required": _("Choose the agreed outcome for %(code)s.") % {"code": code},
        },
    )


class JudgementsForm(forms.Form):
    """One member's judgement and comment for each criterion. A draft may leave any blank;
    submitting needs every judgement, and the error names each criterion missing."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, criteria, submitting: bool = False, **kwargs):
        kwargs.setdefault("auto_id", "%s")
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        self.submitting = submitting
        for criterion in self.criteria:
            self.fields[f"outcome-{criterion.pk}"] = _outcome_field(
                _("Your judgement of %(code)s") % {"code": criterion.code},
                code=criterion.code,
                required=False,
            )
            self.fields[f"comment-{criterion.pk}"] = forms.CharField(
                label=_("Your comment on %(code)s") % {"code": criterion.code},
                required=False,
                max_length=COMMENT_MAX_LENGTH,
                widget=forms.Textarea(attrs={"rows": 3}),
            )

    def clean(self):
        data = super().clean()
        if self.submitting:
            for criterion in self.criteria:
                name = f"outcome-{criterion.pk}"
                if name not in self.errors and not data.get(name):
                    self.add_error(
                        name,
                        _("Choose your judgement of %(code)s before you submit.")
                        % {"code": criterion.code},
                    )
        return data

    def judgements(self) -> dict[int, tuple[str, str]]:
        return {
            criterion.pk: (
                self.cleaned_data[f"outcome-{criterion.pk}"],
                self.cleaned_data[f"comment-{criterion.pk}"],
            )
            for criterion in self.criteria
        }

    def rows(self):
        """(criterion, outcome field, comment field) for the template."""
        return [
            (criterion, self[f"outcome-{criterion.pk}"], self[f"comment-{criterion.pk}"])
            for criterion in self.criteria
        ]


class DecisionForm(forms.Form):
    """The chair's agreed outcome and comment per criterion, the decision, and what goes
    with it (conditions with due dates, or the evidence needed and by when)."""

    outcome = forms.ChoiceField(
        label=_("The panel's decision"),
        choices=DecisionOutcome.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose the panel's decision."),
            "invalid_choice": _("Choose one of the decisions listed."),
        },
    )
    strengths = forms.CharField(
        label=_("Strengths"),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    recommendations = forms.CharField(
        label=_("Recommendations"),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    evidence_needed = forms.CharField(
        label=_("What evidence is needed"),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For a decision of more evidence needed."),
    )
    evidence_due_date = forms.DateField(
        label=_("Evidence needed by"), required=False, widget=DateInput()
    )

    def __init__(self, *args, criteria, **kwargs):
        kwargs.setdefault("auto_id", "%s")
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for criterion in self.criteria:
            self.fields[f"agreed-{criterion.pk}"] = _outcome_field(
                _("Agreed outcome for %(code)s") % {"code": criterion.code},
                code=criterion.code,
                required=True,
            )
            self.fields[f"agreed-comment-{criterion.pk}"] = forms.CharField(
                label=_("Agreed comment on %(code)s (the applicant will read this)")
                % {"code": criterion.code},
                max_length=COMMENT_MAX_LENGTH,
                widget=forms.Textarea(attrs={"rows": 3}),
                error_messages={
                    "required": _("Write the agreed comment on %(code)s.")
                    % {"code": criterion.code}
                },
            )
        for slot in range(CONDITION_SLOTS):
            number = slot + 1
            self.fields[f"condition-{slot}"] = forms.CharField(
                label=_("Condition %(number)s") % {"number": number},
                required=False,
                max_length=COMMENT_MAX_LENGTH,
            )
            self.fields[f"condition-due-{slot}"] = forms.DateField(
                label=_("Condition %(number)s due by") % {"number": number},
                required=False,
                widget=DateInput(),
            )

    def clean(self):
        data = super().clean()
        outcome = data.get("outcome")
        conditions = []
        for slot in range(CONDITION_SLOTS):
            text = (data.get(f"condition-{slot}") or "").strip()
            due = data.get(f"condition-due-{slot}")
            if text and not due and f"condition-due-{slot}" not in self.errors:
                self.add_error(
                    f"condition-due-{slot}",
                    _("Give condition %(number)s a due date.") % {"number": slot + 1},
                )
            elif due and not text:
                self.add_error(
                    f"condition-{slot}",
                    _("Write condition %(number)s, or clear its date.") % {"number": slot + 1},
                )
            elif text:
                conditions.append((text, due))
        if (
            outcome == DecisionOutcome.AWARD_WITH_CONDITIONS
            and not conditions
            and "condition-0" not in self.errors
            and "condition-due-0" not in self.errors
        ):
            self.add_error(
                "condition-0", _("An award with conditions needs at least one condition.")
            )
        if outcome == DecisionOutcome.MORE_EVIDENCE_NEEDED:
            if not (data.get("evidence_needed") or "").strip():
                self.add_error("evidence_needed", _("Say what evidence is needed."))
            if not data.get("evidence_due_date") and "evidence_due_date" not in self.errors:
                self.add_error("evidence_due_date", _("Say by when the evidence is needed."))
        data["conditions"] = conditions
        return data

    def agreed(self) -> dict[int, tuple[str, str]]:
        return {
            criterion.pk: (
                self.cleaned_data[f"agreed-{criterion.pk}"],
                self.cleaned_data[f"agreed-comment-{criterion.pk}"],
            )
            for criterion in self.criteria
        }

    def decision_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "outcome": data["outcome"],
            "strengths": data["strengths"],
            "recommendations": data["recommendations"],
            "conditions": data["conditions"],
            "evidence_needed": data["evidence_needed"],
            "evidence_due_date": data["evidence_due_date"],
        }

    def agreed_rows(self):
        return [
            (criterion, self[f"agreed-{criterion.pk}"], self[f"agreed-comment-{criterion.pk}"])
            for criterion in self.criteria
        ]

    def condition_rows(self):
        return [
            (self[f"condition-{slot}"], self[f"condition-due-{slot}"])
            for slot in range(CONDITION_SLOTS)
        ]


class MeetingForm(forms.ModelForm):
    class Meta:
        model = PanelMeeting
        fields = ["held_on", "meeting_format", "place", "people_met", "notes", "extra_evidence"]
        widgets = {
            "held_on": DateInput(),
            "meeting_format": forms.RadioSelect,
            "people_met": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 8}),
            "extra_evidence": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "people_met": _(
                "Roles rather than names for pupils, students and people seeking sanctuary."
            ),
            "extra_evidence": _("What the applicant showed or gave you on the day."),
        }
