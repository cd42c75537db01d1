"""Forms for people's own accounts."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.languages import browsing_language, language_options
from accounts.models import User


class LanguageField(forms.ChoiceField):
    """The language a person reads the site and their emails in (each named in itself)."""

    def __init__(self, **kwargs):
        super().__init__(
            choices=language_options,
            widget=forms.RadioSelect,
            label=_("Your language"),
            help_text=_(
                "We show the site in this language when you sign in, and write to you in it."
            ),
            error_messages={
                "required": _("Choose your language."),
                "invalid_choice": _("Choose your language."),
            },
            **kwargs,
        )


class NameFields(forms.Form):
    first_name = forms.CharField(
        label=_("First name"),
        max_length=150,
        error_messages={"required": _("Enter your first name.")},
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    last_name = forms.CharField(
        label=_("Last name"),
        max_length=150,
        error_messages={"required": _("Enter your last name.")},
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )


class SignupForm(NameFields):
    """allauth's sign-up form asks for these too (ACCOUNT_SIGNUP_FORM_CLASS): people have
    names, so that colleagues, coordinators and panels know who they work with; and a
    language, the one they are browsing in unless they choose another."""

    # Not required: the language of the page they signed up on, unless they choose.
    language = LanguageField(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = browsing_language()

    def clean_language(self) -> str:
        return self.cleaned_data["language"] or browsing_language()

    def signup(self, request, user: User) -> None:
        user.first_name = self.cleaned_data["first_name"]
        user.last_name = self.cleaned_data["last_name"]
        user.language = self.cleaned_data["language"]
        user.save(update_fields=["first_name", "last_name", "language"])


class NameForm(NameFields):
    """The account page's correction of a person's name (the service stores it, audited)."""


class LanguageForm(forms.Form):
    """The account page's choice of language (the service stores it)."""

    language = LanguageField()
