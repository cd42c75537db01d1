import time

from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from accounts.forms import LanguageForm, NameForm
from accounts.languages import remember_language
from accounts.middleware import stamp_session
from accounts.permissions import can_access_admin, requires_two_factor, user_roles
from accounts.services import user_set_language, user_set_name
from core import views as core_views


class ProfileView(LoginRequiredMixin, TemplateView):
    """The signed-in person's own page: their name and language (which they change here),
    roles, and the account settings they manage."""

    template_name = "accounts/profile.html"
    # Which of the page's forms was sent (a hidden field in each).
    LANGUAGE_FORM = "language"

    def post(self, request, *args, **kwargs):
        if request.POST.get("form") == self.LANGUAGE_FORM:
            return self.post_language(request)
        form = NameForm(request.POST)
        if form.is_valid():
            user_set_name(user=request.user, now=timezone.now(), **form.cleaned_data)
            messages.success(request, _("Your name is saved."))
            return redirect("accounts:profile")
        return self.render_to_response(self.get_context_data(name_form=form), status=400)

    def post_language(self, request):
        form = LanguageForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(language_form=form), status=400)
        language = form.cleaned_data["language"]
        user_set_language(user=request.user, language=language)
        response = redirect("accounts:profile")
        # The page they come back to is in the language they chose (this message too).
        remember_language(request, response, language)
        messages.success(request, _("Your language is saved."))
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context.setdefault(
            "name_form",
            NameForm(initial={"first_name": user.first_name, "last_name": user.last_name}),
        )
        context.setdefault("language_form", LanguageForm(initial={"language": user.language}))
        context.update(
            roles=sorted(str(role.label) for role in user_roles(user)),
            two_factor_enabled=is_mfa_enabled(user),
            two_factor_required=requires_two_factor(user),
            can_access_admin=can_access_admin(user),
        )
        return context


@login_required
@require_POST
def keep_alive(request):
    """'Stay signed in': extend the session now."""
    stamp_session(request.session, time.time())
    return HttpResponse(status=204)


def switch_language(request: HttpRequest, language_code: str) -> HttpResponseRedirect:
    """The footer's language switch (core.views.switch_language); a signed-in person's
    choice is also stored on their account, for their emails and their next sign-in."""
    response = core_views.switch_language(request, language_code)
    if request.user.is_authenticated:
        user_set_language(user=request.user, language=language_code)
    return response
