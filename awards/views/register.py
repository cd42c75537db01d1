"""The public side of an award: the register of award holders, its open data, and the page
that verifies a certificate. Nothing here shows personal data."""

import csv
import json

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from awards.filters import AwardRegisterFilter
from awards.models import Award
from awards.models.awards import normalise_certificate_number
from core.http import client_ip
from core.page_cache import cache_public_view

REGISTER_PAGE_SIZE = 25
# Unknown certificate numbers allowed per visitor (IP address) per window before the page
# answers 429: with 31^8 possibilities per stream and year, guessing is hopeless anyway.
VERIFY_MISSES_ALLOWED = 20
VERIFY_WINDOW_SECONDS = 600

OPEN_DATA_FIELDS = (
    ("certificate_number", "certificate_number"),
    ("organisation", "organisation__name"),
    ("organisation_type", "organisation__organisation_type"),
    ("award", "stream__award_title"),
    ("stream", "stream__slug"),
    ("nation", "organisation__nation"),
    ("region", "organisation__region"),
    ("local_authority", "organisation__local_authority"),
    ("local_group", "organisation__local_group__title"),
    ("website", "organisation__website"),
    ("awarded_on", "awarded_on"),
    ("expires_on", "expires_on"),
)


def _register_filter(request):
    base = Award.objects.in_register()
    return AwardRegisterFilter(request.GET or None, queryset=base)


@require_GET
@cache_public_view
def register(request):
    register_filter = _register_filter(request)
    awards = register_filter.qs.select_related(
        "organisation", "organisation__local_group", "stream"
    ).order_by("organisation__name", "pk")
    page_obj = Paginator(awards, REGISTER_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "awards/register/register.html",
        {
            "filter": register_filter,
            "page_obj": page_obj,
            "query": request.GET.urlencode(),
        },
    )


def _open_data_rows(request):
    queryset = _register_filter(request).qs.order_by("organisation__name", "pk")
    return queryset.values_list(*(field for _name, field in OPEN_DATA_FIELDS))


class _Echo:
    def write(self, value):
        return value


@require_GET
def register_csv(request):
    """The register as CSV, honouring the filters. Streamed, so its size does not matter."""
    writer = csv.writer(_Echo())

    def rows():
        yield writer.writerow([name for name, _field in OPEN_DATA_FIELDS])
        for row in _open_data_rows(request).iterator(chunk_size=2000):
            # A leading =, +, - or @ would be a formula in a spreadsheet: quote it as text.
            yield writer.writerow(
                [
                    "'" + value if isinstance(value, str) and value[:1] in "=+-@" else value
                    for value in row
                ]
            )

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="sanctuary-award-register-{timezone.localdate():%Y-%m-%d}.csv"'
    )
    return response


@require_GET
def register_json(request):
    """The register as JSON: {"generated_at", "licence", "count", "awards": [...]}, honouring
    the filters. Streamed record by record, so memory stays flat whatever the register's size
    (one query counts the records, one reads them in chunks)."""
    names = [name for name, _field in OPEN_DATA_FIELDS]
    rows = _open_data_rows(request)
    verify_prefix = request.build_absolute_uri(reverse("register:verify", args=["-"]))[:-2]
    head = {
        "generated_at": timezone.now().isoformat(timespec="seconds"),
        "licence": "Open Government Licence v3.0",
        "count": rows.count(),
    }

    def chunks():
        yield json.dumps(head, ensure_ascii=False)[:-1] + ', "awards": ['
        separator = "\n"
        for row in rows.iterator(chunk_size=2000):
            record = dict(zip(names, row, strict=True))
            record["awarded_on"] = record["awarded_on"].isoformat()
            record["expires_on"] = record["expires_on"].isoformat()
            record["verify_url"] = f"{verify_prefix}{record['certificate_number']}/"
            yield separator + json.dumps(record, ensure_ascii=False)
            separator = ",\n"
        yield "\n]}\n"

    response = StreamingHttpResponse(chunks(), content_type="application/json")
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def verify_start(request):
    """A form to type a certificate number; a number in ?number= goes to its page."""
    number = normalise_certificate_number(request.GET.get("number", ""))
    if number:
        return redirect("register:verify", number)
    error = _("Enter a certificate number.") if "number" in request.GET else None
    return render(
        request,
        "awards/register/verify_start.html",
        {"error": error},
        status=400 if error else 200,
    )


@require_GET
def verify(request, number: str):
    canonical = normalise_certificate_number(number)
    if canonical != number:
        if not canonical:
            raise Http404
        return redirect("register:verify", canonical)
    key = f"verify-misses:{client_ip(request)}"
    misses = cache.get(key, 0)
    if misses >= getattr(settings, "VERIFY_MISSES_ALLOWED", VERIFY_MISSES_ALLOWED):
        response = render(request, "awards/register/verify_limited.html", status=429)
        response["Retry-After"] = str(VERIFY_WINDOW_SECONDS)
        return response
    award = (
        Award.objects.select_related("organisation", "stream", "renewed_by")
        .filter(certificate_number=number)
        .first()
    )
    if award is None:
        cache.set(key, misses + 1, VERIFY_WINDOW_SECONDS)
        return render(
            request, "awards/register/verify_not_found.html", {"number": number}, status=404
        )
    today = timezone.localdate()
    return render(
        request,
        "awards/register/verify.html",
        {
            "award": award,
            "state": award.verification_state(today),
            "kept_current": award.kept_current_by_renewal(today),
            "today": today,
        },
    )
