from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.urls import include, path
from django.views.generic import RedirectView
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from accounts import views as account_views
from awards import urls as awards_urls
from cms import views as cms_views
from core import views as core_views


class LoginRedirectView(RedirectView):
    """Wagtail's own login forms would skip our two-factor stage: send them to ours.

    Wagtail also sends signed-in people who lack admin access here; for them our login page
    would bounce straight back, so they are told they cannot see the page instead.
    """

    pattern_name = "account_login"
    query_string = True

    def get(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            raise PermissionDenied
        return super().get(request, *args, **kwargs)


urlpatterns = [
    path("health/", core_views.health, name="health"),
    path("health/deep/", core_views.health_deep, name="health_deep"),
    path("search/", cms_views.search, name="search"),
    path("i18n/setlang/", set_language, name="set_language"),
    path("language/<str:language_code>/", account_views.switch_language, name="switch_language"),
    path("admin/login/", LoginRedirectView.as_view(), name="admin_login_redirect"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("apply/", include("awards.urls")),
    path("workspace/", include((awards_urls.workspace_urlpatterns, "workspace"))),
    path("assess/", include((awards_urls.assess_urlpatterns, "assess"))),
    path("awards/", include((awards_urls.register_urlpatterns, "register"))),
    path("accounts/", include("accounts.urls")),
    path("privacy/", include("privacy.urls")),
    path("accounts/", include("allauth.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [
    # Wagtail's front-end login (for private pages) would also skip two-factor: send it to ours.
    path("_util/login/", LoginRedirectView.as_view(), name="frontend_login_redirect"),
    # Wagtail's page serving comes last: it matches every remaining path.
    path("", include(wagtail_urls)),
]

handler400 = "core.views.bad_request"
handler403 = "core.views.permission_denied"
handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
