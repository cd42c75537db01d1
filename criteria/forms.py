from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from criteria.enums import PRINCIPLE_LETTERS
from criteria.models import CriteriaVersion
from criteria.services import criteria_version_next_number


class CriteriaVersionAdminForm(WagtailAdminModelForm):
    """The admin form for a version: checks the criteria formset as a whole (codes unique,
    codes matching their principle) so mistakes are shown on the form, not as database errors."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and "stream" in self.fields:
            # A version belongs to its stream for good.
            self.fields["stream"].disabled = True

    def clean(self):
        cleaned = super().clean()
        if not self.instance.pk and cleaned.get("stream"):
            self.instance.number = criteria_version_next_number(stream=cleaned["stream"])
        return cleaned

    def is_valid(self):
        # The criteria formset is validated inside super().is_valid(), after clean(): the
        # checks across criteria can only run once each criterion form has cleaned data.
        # Run both so that every mistake is shown at once.
        valid = super().is_valid()
        consistent = self._criteria_are_consistent()
        return valid and consistent

    def _criteria_are_consistent(self) -> bool:
        formset = self.formsets.get("criteria")
        if formset is None:
            return True
        live_forms = [
            form
            for form in formset.forms
            if (form.has_changed() or form.instance.pk)
            and not (formset.can_delete and formset._should_delete_form(form))
        ]
        if not live_forms:
            self.add_error(None, _("Add at least one criterion."))
            return False
        seen: set[str] = set()
        consistent = True
        for form in live_forms:
            cleaned = getattr(form, "cleaned_data", {})
            # Django's own unique check drops a duplicate code from cleaned_data: read the input.
            code = cleaned.get("code") or form.data.get(form.add_prefix("code")) or ""
            code = code.strip().upper()
            form.instance.code = code
            if code and code in seen:
                form.add_error("code", _("The code %(code)s is used twice.") % {"code": code})
                consistent = False
            seen.add(code)
            letter = PRINCIPLE_LETTERS.get(cleaned.get("principle"))
            if letter and code and not code.startswith(letter):
                form.add_error(
                    "code",
                    _("A criterion under this principle has a code starting with %(letter)s.")
                    % {"letter": letter},
                )
                consistent = False
        if not consistent:
            self.add_error(None, _("Some criteria need correcting: see the messages below."))
        return consistent


class CompareVersionsForm(forms.Form):
    old = forms.ModelChoiceField(
        queryset=CriteriaVersion.objects.none(), label=_("Earlier version")
    )
    new = forms.ModelChoiceField(queryset=CriteriaVersion.objects.none(), label=_("Later version"))

    def __init__(self, *args, versions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["old"].queryset = versions
        self.fields["new"].queryset = versions

    def clean(self):
        cleaned = super().clean()
        old, new = cleaned.get("old"), cleaned.get("new")
        if old and new and old.stream_id != new.stream_id:
            raise ValidationError(_("Choose two versions of the same stream."))
        return cleaned
