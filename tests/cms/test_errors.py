import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client, override_settings
from django.urls import path

from core import views


def broken_view(request):
    raise RuntimeError("secret internal detail: database password is hunter2")


urlpatterns = [path("broken/", broken_view)]


def test_404_page_uses_site_look_and_reveals_nothing(client, db):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    assert 'class="sa-header"' in html
    assert "Traceback" not in html


@override_settings(ROOT_URLCONF="tests.cms.test_errors")
def test_500_page_is_friendly_and_reveals_nothing(db):
    client = Client(raise_request_exception=False)

    response = client.get("/broken/")

    assert response.status_code == 500
    html = response.content.decode()
    assert "Sorry, there is a problem with the service" in html
    assert "hunter2" not in html
    assert "RuntimeError" not in html


@pytest.mark.parametrize("status", [400, 403])
def test_error_templates_render(status, rf, db):
    handler = {400: views.bad_request, 403: views.permission_denied}[status]
    request = rf.get("/")
    request.user = AnonymousUser()
    response = handler(request)

    assert response.status_code == status
    assert b"sa-header" in response.content
