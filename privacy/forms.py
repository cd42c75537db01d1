from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from core.widgets import DateInput


class SubjectAccessRequestForm(forms.Form):
    """A request for a person's data that reached staff by email or letter."""

    email = forms.EmailField(
        label=_("The person's email address"),
        help_text=_("The address of their account on this site."),
        error_messages={
            "required": _("Enter the person's email address."),
            "invalid": _("Enter an email address like name@example.org."),
        },
    )
    received_on = forms.DateField(
        label=_("Request received on"),
        widget=DateInput(),
        error_messages={
            "required": _("Enter the date the request was received."),
            "invalid": _("Enter the date the request was received as a real date."),
        },
    )
    how = forms.CharField(
        label=_("How the request was made"),
        help_text=_("For example: email from the person to the national office."),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Say how the request was made.")},
    )

    def clean_email(self) -> User:
        email = self.cleaned_data["email"]
        person = User.objects.filter(email__iexact=email).first()
        if person is None:
            raise forms.ValidationError(_("No account has this email address."))
        return person


class EraseAccountForm(forms.Form):
    """Confirming "Delete your account": a tick, and the password they sign in with (so that
    someone at an unlocked computer cannot do it for them)."""

    confirm = forms.BooleanField(
        label=_("I understand that my account will be deleted and that this cannot be undone"),
        error_messages={"required": _("Tick the box to confirm that you want to delete it.")},
    )
    password = forms.CharField(
        label=_("Your password"),
        help_text=_("The password you sign in with."),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Enter your password.")},
    )

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(
                _("The password is not right. Enter the password you sign in with.")
            )
        return password
