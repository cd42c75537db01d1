"""The award certificate: its context (a fixed number of queries), the award logo and the
QR code of the verification page. core/pdf.py turns context and template into bytes.

The certificate is in the organisation's language; an organisation in Wales gets each line in
Welsh and then English on the same page (the Welsh Language Standards put Welsh first)."""

import functools
import io

import segno
from django.conf import settings
from django.contrib.staticfiles import finders
from django.utils.safestring import SafeString, mark_safe

from accounts.languages import WELSH
from awards.models import Award
from core.pdf import render_pdf
from organisations.enums import Nation
from organisations.models import Organisation

CERTIFICATE_TEMPLATE = "awards/pdf/certificate.html"


@functools.cache
def award_logo_svg() -> SafeString:
    """The award logo as inline SVG, read from static/images once per process."""
    with open(finders.find("images/logo.svg"), encoding="utf-8") as logo:
        return mark_safe(logo.read().strip())  # noqa: S308 our own file


def qr_svg(url: str) -> SafeString:
    """A QR code of ``url`` as an inline SVG element (no XML declaration, no fixed size: the
    template sizes it)."""

    buffer = io.BytesIO()
    segno.make(url, error="m").save(
        buffer, kind="svg", xmldecl=False, svgns=True, omitsize=True, border=4, scale=1
    )
    return mark_safe(buffer.getvalue().decode("ascii"))  # noqa: S308 generated markup


def certificate_context(award: Award, *, verify_url: str) -> dict:
    """What the certificate shows: organisation, award title, dates, issuer (and the local
    group where there is one), number, logo and a QR code of ``verify_url``, where anyone can
    check the certificate is genuine."""
    stream = award.stream
    organisation = award.organisation
    local_group = organisation.local_group
    return {
        "award": award,
        "languages": certificate_languages(organisation),
        "issuer": settings.SANCTUARY_ISSUER,
        "local_group_name": local_group.title if local_group else "",
        "organisation_name": organisation.name,
        "award_title": stream.award_title or stream.name,
        "awarded_on": award.awarded_on,
        "expires_on": award.expires_on,
        "certificate_number": award.certificate_number,
        "verify_url": verify_url,
        "logo_svg": award_logo_svg(),
        "qr_svg": qr_svg(verify_url),
    }


def certificate_languages(organisation: Organisation) -> list[str]:
    """The languages the certificate is written in, in order: Welsh and English for an
    organisation in Wales, otherwise the organisation's own."""
    if organisation.nation == Nation.WALES:
        return [WELSH, settings.LANGUAGE_CODE]
    return [organisation.language]


def render_certificate(context: dict) -> bytes:
    return render_pdf(template=CERTIFICATE_TEMPLATE, context=context)
