from django.conf import settings


class AdminContentSecurityPolicyMiddleware:
    """Give Wagtail's admin its own (looser) content security policy.

    Sits inside Django's ContentSecurityPolicyMiddleware, which honours a policy attached to
    the response before it builds the header.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(settings.ADMIN_PATH_PREFIX):
            response._csp_config = settings.SECURE_CSP_ADMIN
        return response
