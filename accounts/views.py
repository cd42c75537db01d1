import time

from allauth.mfa.utils import is_mfa_enabled
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpResponse
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from accounts.middleware import stamp_session
from accounts.permissions import can_access_admin, requires_two_factor, user_roles


class ProfileView(LoginRequiredMixin, TemplateView):
    """The signed-in person's own page: their roles and the account settings they manage."""

    template_name = "accounts/profile.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
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
