"""Small HTTP helpers every app's views share."""

import ipaddress

from django.conf import settings
from django.http import FileResponse, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render


def base_url(request: HttpRequest) -> str:
    """The site's address as this request reached it (for links in emails)."""
    return request.build_absolute_uri("/").rstrip("/")


def client_ip(request: HttpRequest) -> str:
    """The visitor's address, for every limit that counts per visitor.

    Behind ``SANCTUARY_TRUSTED_PROXY_COUNT`` proxies of ours (nginx, a load balancer), the
    connection comes from the nearest proxy and each proxy appends the address it saw to
    X-Forwarded-For; the visitor is the entry that many places from the end. Anything a
    visitor wrote further left is ignored. With no proxies configured, or a header shorter
    than the count or garbled, the connection's address is used."""
    remote = request.META.get("REMOTE_ADDR") or "unknown"
    count = getattr(settings, "SANCTUARY_TRUSTED_PROXY_COUNT", 0)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if count <= 0 or not forwarded:
        return remote
    hops = [hop.strip() for hop in forwarded.split(",")]
    if len(hops) < count:
        return remote
    try:
        return str(ipaddress.ip_address(hops[-count]))
    except ValueError:
        return remote


def attachment(content: bytes, *, filename: str, content_type: str) -> HttpResponse:
    """A download that the browser saves rather than shows, never sniffed or cached."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def file_attachment(fileobj, *, filename: str, content_type: str) -> FileResponse:
    """A stored file as a download, streamed from storage, with ``attachment``'s headers."""
    response = FileResponse(
        fileobj, as_attachment=True, filename=filename, content_type=content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def set_language_cookie(response: HttpResponseBase, language: str) -> None:
    """Remember ``language`` for the pages after this one (Django's language cookie)."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )


def conflict_page(request: HttpRequest, message: str, *, back_url: str = "") -> HttpResponse:
    """A step refused because the object moved on (409): a page that says why, that nothing
    changed, and links back to where things stand now."""
    return render(request, "409.html", {"message": message, "back_url": back_url}, status=409)
