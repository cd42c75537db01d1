"""Excel exports from the staff lists.

Two layers, top to bottom:

- **The writer** (`Column`, `write_xlsx`): a leaf. Rows of plain values in, an .xlsx file out,
  streamed with openpyxl's write-only mode so any number of rows fits in little memory. One
  bold, frozen, filterable header row; dates as real date cells; every text value stored as
  a text cell that Excel never evaluates; then a sheet "About this export" saying who
  generated it, when, with which filters, and how many rows.
- **The export kinds** (`EXPORTS`, `ExportSpec`) and the services that run them. Each kind
  scopes its rows to what the user may see in the list it comes from, applies that list's
  FilterSet to the request's query string, and turns each object into a row.

Who may export what (deny by default):

- a kind is offered only to the users its ``allowed`` predicate accepts (applicants and panel
  members: none);
- columns marked ``personal`` (people's names and email addresses) only to national admins
  and stream coordinators; local coordinators get the rest;
- columns marked ``special_category`` (anything about lived experience of seeking sanctuary,
  DOMAIN.md §7) only to national admins.

A request for a column that does not exist or that the user may not see, or with a filter
that does not validate, raises `ExportRequestError`: nothing is written or audited.

Side-effects, in order, of an export that is written: the file; one audit entry
(``EXPORT_CREATED``, no organisation, note = kind, data = rows, filters and columns); for a
background export, the `DataExport` row marked ready and an email to the requester.
"""

import datetime
import logging
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import IO, Any

import django_filters
from django import forms
from django.conf import settings
from django.core.files import File
from django.db import models, transaction
from django.db.models import F, OuterRef, Q, QuerySet, Subquery
from django.http import QueryDict
from django.tasks import task
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from accounts.enums import Role
from accounts.permissions import AnyUser, has_role
from awards.enums import (
    CURRENT_AWARD_STATUSES,
    ApplicationStatus,
    AuditAction,
    AwardStatus,
    DecisionOutcome,
    ExportStatus,
    Judgement,
    MembershipRole,
    PaymentKind,
)
from awards.filters import ApplicationQueueFilter, StaffAwardFilter
from awards.models import (
    Application,
    AuditEntry,
    Award,
    CriterionJudgement,
    DataExport,
    Membership,
    Panel,
    Payment,
)
from awards.panels import is_lived_experience
from awards.permissions import coordinated_applications_q
from cms.tasks import send_email
from criteria.models import Stream

logger = logging.getLogger(__name__)

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# ---------------------------------------------------------------------------
# The writer
# ---------------------------------------------------------------------------

DATE_FORMAT = "dd/mm/yyyy"
DATETIME_FORMAT = "dd/mm/yyyy hh:mm"
MONEY_FORMAT = '"£"#,##0.00'
EXCEL_MAX_TEXT = 32767
# Text starting with one of these could be taken for a formula (by Excel when someone edits
# the cell, or by whatever the sheet is pasted into); such text gets a quote prefix.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_ERROR_CODES = frozenset(ERROR_CODES)
_DEFAULT_WIDTHS = {"text": 24, "date": 12, "datetime": 17, "number": 10, "money": 12}

_illegal_search = ILLEGAL_CHARACTERS_RE.search
_illegal_sub = ILLEGAL_CHARACTERS_RE.sub


@dataclass(frozen=True)
class Column:
    """One column of an export. ``kind`` is how its values are written: text, date,
    datetime, number or money. ``personal`` marks people's names and contact details;
    ``special_category`` marks anything about lived experience of seeking sanctuary."""

    key: str
    header: str
    kind: str = "text"
    personal: bool = False
    special_category: bool = False
    width: float | None = None

    def __post_init__(self):
        if self.kind not in _DEFAULT_WIDTHS:
            raise ValueError(f"Unknown column kind {self.kind!r}")


def clean_text(value: str) -> str:
    """Text Excel can hold: no characters XML forbids, at most 32,767 characters."""
    if _illegal_search(value):
        value = _illegal_sub("", value)
    return value[:EXCEL_MAX_TEXT]


class _PreparedCell(Cell):
    """A cell whose type and style we set ourselves. A write-only sheet takes an appended
    `Cell` as it is, after first trying it as a value and formatting its repr for the
    error it then catches: the short repr keeps that cheap."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<PreparedCell>"


class _Styles:
    """The few cell styles an export uses, registered once per workbook and shared."""

    def __init__(self, sheet):
        self.sheet = sheet
        self.bold = self._style(font=Font(bold=True))
        self.quoted = self._style(quotePrefix=True)
        self.date = self._style(number_format=DATE_FORMAT)
        self.datetime = self._style(number_format=DATETIME_FORMAT)
        self.money = self._style(number_format=MONEY_FORMAT)

    def _style(self, **attributes):
        template = Cell(self.sheet, row=1, column=1)
        for name, value in attributes.items():
            setattr(template, name, value)
        return template._style

    def cell(self, sheet, style, data_type: str, value=None) -> _PreparedCell:
        cell = _PreparedCell(sheet, row=1, column=1, style_array=style)
        cell.data_type = data_type
        cell._value = value
        return cell

    def header(self, sheet, text) -> _PreparedCell:
        return self.cell(sheet, self.bold, "s", clean_text(str(text)))


def _converter(kind: str, sheet, styles: _Styles, tz: datetime.tzinfo) -> Callable[[Any], Any]:
    """A function from one column's Python values to what the sheet appends.

    Plain text and numbers pass through (openpyxl's fastest path). Values that need a
    style or a forced type go into one cell object per column and style, reused row after
    row: a write-only sheet writes each appended row out before `append` returns, and
    replaces a styled cell rather than reuse it for the next value."""

    def prepared(style, data_type: str) -> _PreparedCell:
        return styles.cell(sheet, style, data_type)

    quoted = prepared(styles.quoted, "s")

    def text(value):
        if value is None:
            return None
        if value.__class__ is not str:
            value = str(value)
        if not value:
            return None
        if _illegal_search(value):
            value = _illegal_sub("", value)
            if not value:
                return None
        if value.startswith(FORMULA_PREFIXES) or value in _ERROR_CODES:
            # Stored as text with a quote prefix: never a formula or an error value.
            quoted._value = value[:EXCEL_MAX_TEXT]
            return quoted
        return value

    if kind == "text":
        return text

    if kind == "number":

        def number(value):
            if value is None or isinstance(value, (int, float, Decimal)):
                return value
            return text(value)

        return number

    if kind == "money":
        money_cell = prepared(styles.money, "n")

        def money(value):
            if value is None:
                return None
            if not isinstance(value, (int, float, Decimal)):
                return text(value)
            money_cell._value = value
            return money_cell

        return money

    date_cell = prepared(styles.date, "d")

    if kind == "date":

        def date(value):
            if value is None:
                return None
            if isinstance(value, datetime.datetime):
                if value.tzinfo is not None:
                    value = value.astimezone(tz)
                value = value.date()
            date_cell._value = value
            return date_cell

        return date

    if kind == "datetime":
        datetime_cell = prepared(styles.datetime, "d")

        def date_time(value):
            if value is None:
                return None
            if not isinstance(value, datetime.datetime):
                date_cell._value = value
                return date_cell
            # Excel has no time zones: write the wall-clock time in the site's zone.
            if value.tzinfo is not None:
                value = value.astimezone(tz).replace(tzinfo=None)
            datetime_cell._value = value
            return datetime_cell

        return date_time

    raise ValueError(f"Unknown column kind {kind!r}")


def _sheet_title(text: str) -> str:
    title = "".join(ch for ch in clean_text(str(text)) if ch not in "[]:*?/\\")
    return title[:31].strip() or "Data"


def write_xlsx(
    fileobj: IO[bytes],
    *,
    title: str,
    columns: Sequence[Column],
    rows: Iterable[Sequence],
    generated_by: str,
    generated_at: datetime.datetime,
    filters: Sequence[tuple[str, str]],
) -> int:
    """Write an .xlsx file to ``fileobj`` and return the number of data rows.

    Each row holds one value per column, in column order. Sheet one (named after ``title``)
    has a bold header row, frozen below it, with an autofilter over all the rows; dates and
    datetimes are real date cells in the site's time zone; text is always a text cell, and
    text that could be taken for a formula has a quote prefix. Characters XML cannot hold
    are dropped. Sheet two, "About this export", gives the title, who generated the file and
    when, the filters applied and the number of rows."""
    tz = timezone.get_default_timezone()
    workbook = Workbook(write_only=True)
    workbook.properties.title = clean_text(str(title))
    workbook.properties.creator = clean_text(str(generated_by))

    sheet = workbook.create_sheet(_sheet_title(title))
    styles = _Styles(sheet)
    # Write-only sheets write their views and column widths before the first row.
    sheet.freeze_panes = "A2"
    for index, column in enumerate(columns, start=1):
        width = column.width or _DEFAULT_WIDTHS[column.kind]
        sheet.column_dimensions[get_column_letter(index)].width = width
    append = sheet.append
    append([styles.header(sheet, column.header) for column in columns])
    converters = [_converter(column.kind, sheet, styles, tz) for column in columns]
    count = 0
    for values in rows:
        append([convert(value) for convert, value in zip(converters, values, strict=True)])
        count += 1
    # ... and their autofilter after the last row, so the range can be set now.
    last_column = get_column_letter(max(len(columns), 1))
    sheet.auto_filter.ref = f"A1:{last_column}{count + 1}"

    about = workbook.create_sheet(_sheet_title(_("About this export")))
    about.column_dimensions["A"].width = 22
    about.column_dimensions["B"].width = 60
    label = _converter("text", about, styles, tz)
    value = _converter("text", about, styles, tz)
    moment = _converter("datetime", about, styles, tz)
    about.append([styles.header(about, _("Export")), value(str(title))])
    about.append([styles.header(about, _("Generated by")), value(str(generated_by))])
    about.append([styles.header(about, _("Generated at")), moment(generated_at)])
    about.append([styles.header(about, _("Rows")), count])
    about.append([])
    about.append([styles.header(about, _("Filters applied"))])
    for name, shown in filters:
        about.append([label(str(name)), value(str(shown))])
    if not filters:
        about.append([label(_("None: every row you may see"))])
    about.append([])
    about.append(
        [
            label(
                _(
                    "Dates are day/month/year; times are in the %(zone)s time zone. This file "
                    "may hold personal data: keep it safe and delete it when you no longer "
                    "need it."
                )
                % {"zone": str(tz)}
            )
        ]
    )
    workbook.save(fileobj)
    return count


# ---------------------------------------------------------------------------
# Who may export what
# ---------------------------------------------------------------------------


def can_export_lists(user: AnyUser) -> bool:
    """Coordinators and national admins: the people with a workspace."""
    return coordinated_applications_q(user) is not None


def can_export_personal_data(user: AnyUser) -> bool:
    return has_role(user, Role.NATIONAL_ADMIN) or has_role(user, Role.STREAM_COORDINATOR)


def can_export_special_category(user: AnyUser) -> bool:
    return has_role(user, Role.NATIONAL_ADMIN)


def can_export_payments(user: AnyUser) -> bool:
    return has_role(user, Role.NATIONAL_ADMIN) or has_role(user, Role.STREAM_COORDINATOR)


def can_export_column(user: AnyUser, column: Column) -> bool:
    if column.special_category and not can_export_special_category(user):
        return False
    return not column.personal or can_export_personal_data(user)


# ---------------------------------------------------------------------------
# Export kinds
# ---------------------------------------------------------------------------


class ExportNotAvailable(Exception):
    """No such export, or not for this user (views answer 404)."""


class ExportRequestError(Exception):
    """The request asks for something the user cannot have (views answer 400)."""


@dataclass(frozen=True)
class ExportSpec:
    """One kind of export.

    - ``scope(user)``: everything of this kind the user may see in the list the export comes
      from (deny by default: an empty queryset for anyone else);
    - ``filterset``: that list's FilterSet, applied to the request's query string;
    - ``optimise(queryset)``: ordering, ``select_related`` and annotations, so that
      reading every row takes a fixed number of queries;
    - ``row(obj)``: a tuple with one value per column, in the order of ``columns``;
    - ``allowed(user)``: who may ask for it at all.
    """

    title: str
    columns: tuple[Column, ...]
    scope: Callable[[AnyUser], QuerySet]
    filterset: type[django_filters.FilterSet]
    optimise: Callable[[QuerySet], QuerySet]
    row: Callable[[Any], Sequence]
    allowed: Callable[[AnyUser], bool] = can_export_lists

    def __post_init__(self):
        keys = [column.key for column in self.columns]
        if len(keys) != len(set(keys)):
            raise ValueError("Column keys must be unique")

    def visible_columns(self, user: AnyUser) -> list[Column]:
        return [column for column in self.columns if can_export_column(user, column)]

    def bind_filters(self, user: AnyUser, params: Mapping) -> django_filters.FilterSet:
        data = {name: params[name] for name in self.filterset.base_filters if name in params}
        return self.filterset(data, queryset=self.scope(user))

    def queryset(self, user: AnyUser, params: Mapping) -> QuerySet:
        """The rows this user would see in the list with these filters, ready to iterate."""
        filterset = self.bind_filters(user, params)
        _check_filters(filterset)
        return self.optimise(filterset.qs)


def _check_filters(filterset: django_filters.FilterSet) -> None:
    if filterset.is_valid():
        return
    name, errors = next(iter(filterset.form.errors.items()))
    field_ = filterset.form.fields.get(name)
    label = field_.label if field_ is not None and field_.label else name
    raise ExportRequestError(
        _("The filter ‘%(filter)s’ is not valid: %(error)s")
        % {"filter": label, "error": " ".join(errors)}
    )


def _describe_filters(filterset: django_filters.FilterSet) -> list[tuple[str, str]]:
    """The filters in use, as (label, value) in the words the list's form shows."""
    described = []
    for name, value in filterset.form.cleaned_data.items():
        if value in (None, "", [], ()):
            continue
        form_field = filterset.form.fields[name]
        if isinstance(value, models.Model):
            shown = str(value)
        elif isinstance(form_field, forms.ChoiceField):
            shown = str(dict(form_field.choices).get(value, value))
        elif isinstance(value, datetime.date):
            shown = value.strftime("%d/%m/%Y")
        else:
            shown = str(value)
        described.append((str(form_field.label or name), shown))
    return described


def _raw_filters(filterset: django_filters.FilterSet) -> dict[str, str]:
    return {name: str(value) for name, value in filterset.data.items() if str(value).strip()}


def _text_choices(choices) -> Callable[[str], str]:
    """A lookup from stored code to label in the active language (codes pass through)."""
    labels = dict(choices)

    def label(value: str) -> str:
        found = labels.get(value)
        return str(found) if found is not None else value

    return label


def _person(user) -> str:
    return user.get_full_name() or user.email


def _yes_no(value: bool) -> str:
    return _("Yes") if value else _("No")


# Applications, from the coordinator's queue (awards/views/workspace.py `queue`).


def _applications_scope(user: AnyUser) -> QuerySet:
    scope = coordinated_applications_q(user)
    if scope is None:
        return Application.objects.none()
    return Application.objects.filter(scope).exclude(status=ApplicationStatus.DRAFT)


def _applications_optimise(queryset: QuerySet) -> QuerySet:
    lead_email = Membership.objects.filter(
        organisation=OuterRef("organisation_id"), role=MembershipRole.LEAD
    ).order_by("pk")
    return (
        queryset.select_related("organisation", "stream", "panel")
        .annotate(
            local_group_title=F("organisation__local_group__title"),
            decision_outcome=F("decision__outcome"),
            decided_at=F("decision__decided_at"),
            lead_email=Subquery(lead_email.values("user__email")[:1]),
        )
        .order_by("-submitted_at", "-pk")
    )


_application_status = _text_choices(ApplicationStatus.choices)
_decision_outcome = _text_choices(DecisionOutcome.choices)


def _application_row(application: Application) -> tuple:
    organisation = application.organisation
    return (
        application.reference,
        organisation.name,
        application.stream.name,
        application.local_group_title,
        organisation.region,
        _application_status(application.status),
        application.submitted_at,
        _decision_outcome(application.decision_outcome) if application.decision_outcome else None,
        application.decided_at,
        application.panel.name if application.panel is not None else None,
        application.lead_email,
    )


# Panel judgements: every criterion judgement of a submitted assessment of an application
# in the user's scope.


class JudgementExportFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=gettext_lazy("Organisation or reference"), method="search")
    stream = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Stream"),
        field_name="assessment__application__stream",
        queryset=Stream.objects.all(),
    )
    panel = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Panel"),
        field_name="assessment__member__panel",
        queryset=Panel.objects.all(),
    )
    round = django_filters.NumberFilter(
        label=gettext_lazy("Assessment round"), field_name="assessment__round"
    )
    submitted_from = django_filters.DateFilter(
        label=gettext_lazy("Submitted on or after"),
        field_name="assessment__submitted_at",
        lookup_expr="date__gte",
    )
    submitted_to = django_filters.DateFilter(
        label=gettext_lazy("Submitted on or before"),
        field_name="assessment__submitted_at",
        lookup_expr="date__lte",
    )

    class Meta:
        model = CriterionJudgement
        fields = ["q", "stream", "panel", "round", "submitted_from", "submitted_to"]

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(assessment__application__organisation__name__icontains=value)
            | Q(assessment__application__reference__icontains=value)
        )


def _judgements_scope(user: AnyUser) -> QuerySet:
    applications = _applications_scope(user)
    return CriterionJudgement.objects.filter(
        assessment__submitted_at__isnull=False,
        assessment__application__in=applications.values("pk"),
    )


def _judgements_optimise(queryset: QuerySet) -> QuerySet:
    return queryset.select_related(
        "criterion",
        "assessment__application",
        "assessment__member__panel",
        "assessment__member__user__assessor_profile",
    ).order_by(
        "assessment__application__reference",
        "assessment__round",
        "assessment__member_id",
        "criterion__sort_order",
        "pk",
    )


_judgement = _text_choices(Judgement.choices)


def _judgement_row(judgement: CriterionJudgement) -> tuple:
    assessment = judgement.assessment
    member = assessment.member
    return (
        assessment.application.reference,
        member.panel.name,
        _person(member.user),
        _yes_no(is_lived_experience(member)),
        assessment.round,
        judgement.criterion.code,
        _judgement(judgement.outcome) if judgement.outcome else None,
        judgement.comment,
        assessment.submitted_at,
    )


# Honoraria and expenses, for finance.


class PaymentExportFilter(django_filters.FilterSet):
    stream = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Stream"),
        field_name="member__panel__stream",
        queryset=Stream.objects.all(),
    )
    panel = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Panel"), field_name="member__panel", queryset=Panel.objects.all()
    )
    kind = django_filters.ChoiceFilter(label=gettext_lazy("Type"), choices=PaymentKind.choices)
    paid = django_filters.ChoiceFilter(
        label=gettext_lazy("Paid"),
        choices=[("yes", gettext_lazy("Paid")), ("no", gettext_lazy("Not paid yet"))],
        method="filter_paid",
    )
    claimed_from = django_filters.DateFilter(
        label=gettext_lazy("Claimed on or after"), field_name="claimed_on", lookup_expr="gte"
    )
    claimed_to = django_filters.DateFilter(
        label=gettext_lazy("Claimed on or before"), field_name="claimed_on", lookup_expr="lte"
    )

    class Meta:
        model = Payment
        fields = ["stream", "panel", "kind", "paid", "claimed_from", "claimed_to"]

    def filter_paid(self, queryset, name, value):
        return queryset.filter(paid_on__isnull=value != "yes")


def _payments_scope(user: AnyUser) -> QuerySet:
    if has_role(user, Role.NATIONAL_ADMIN):
        return Payment.objects.all()
    if has_role(user, Role.STREAM_COORDINATOR):
        return Payment.objects.filter(member__panel__stream__in=user.coordinated_streams.all())
    return Payment.objects.none()


def _payments_optimise(queryset: QuerySet) -> QuerySet:
    return queryset.select_related("member__panel", "member__user").order_by(
        "member__panel__name", "member__panel_id", "claimed_on", "pk"
    )


_payment_kind = _text_choices(PaymentKind.choices)


def _payment_row(payment: Payment) -> tuple:
    member = payment.member
    return (
        member.panel.name,
        _person(member.user),
        member.user.email,
        _payment_kind(payment.kind),
        payment.amount,
        payment.description,
        payment.claimed_on,
        payment.paid_on,
    )


# Awards, from the staff award list (awards/views/award_admin.py `award_list`), and the
# renewals due: current awards expiring within the next twelve months, soonest first.


def _awards_scope(user: AnyUser) -> QuerySet:
    scope = coordinated_applications_q(user)
    if scope is None:
        return Award.objects.none()
    return Award.objects.filter(scope)


def _renewals_scope(user: AnyUser) -> QuerySet:
    from awards.dates import add_months

    today = timezone.localdate()
    return _awards_scope(user).filter(
        status__in=[str(status) for status in CURRENT_AWARD_STATUSES],
        expires_on__lte=add_months(today, 12),
    )


def _awards_optimise(queryset: QuerySet) -> QuerySet:
    lead_email = Membership.objects.filter(
        organisation=OuterRef("organisation_id"), role=MembershipRole.LEAD
    ).order_by("pk")
    return (
        queryset.select_related("organisation", "stream")
        .annotate(
            local_group_title=F("organisation__local_group__title"),
            lead_email=Subquery(lead_email.values("user__email")[:1]),
        )
        .order_by("expires_on", "pk")
    )


_award_status = _text_choices(AwardStatus.choices)


def _award_row(award: Award) -> tuple:
    organisation = award.organisation
    return (
        award.certificate_number,
        organisation.name,
        award.stream.award_title,
        _award_status(award.status),
        award.awarded_on,
        award.expires_on,
        _yes_no(award.with_conditions),
        award.local_group_title,
        organisation.local_authority,
        organisation.region,
        _yes_no(organisation.listed_publicly),
        award.ended_on,
        award.withdrawn_reason,
        award.lead_email,
    )


_AWARD_COLUMNS = (
    Column("certificate", gettext_lazy("Certificate number"), width=22),
    Column("organisation", gettext_lazy("Organisation"), width=36),
    Column("award", gettext_lazy("Award"), width=24),
    Column("status", gettext_lazy("Status"), width=14),
    Column("awarded", gettext_lazy("Awarded on"), kind="date"),
    Column("expires", gettext_lazy("Expires on"), kind="date"),
    Column("conditions", gettext_lazy("With conditions"), width=10),
    Column("local_group", gettext_lazy("Local group"), width=28),
    Column("local_authority", gettext_lazy("Local authority"), width=20),
    Column("region", gettext_lazy("Region"), width=18),
    Column("listed", gettext_lazy("In the register"), width=10),
    Column("ended", gettext_lazy("Ended on"), kind="date"),
    Column("withdrawn_reason", gettext_lazy("Reason for withdrawal"), width=40),
    Column("lead_email", gettext_lazy("Lead's email"), personal=True, width=30),
)


EXPORTS: dict[str, ExportSpec] = {
    "applications": ExportSpec(
        title=gettext_lazy("Applications"),
        columns=(
            Column("reference", gettext_lazy("Reference"), width=14),
            Column("organisation", gettext_lazy("Organisation"), width=36),
            Column("stream", gettext_lazy("Stream"), width=18),
            Column("local_group", gettext_lazy("Local group"), width=28),
            Column("region", gettext_lazy("Region"), width=18),
            Column("status", gettext_lazy("Status"), width=22),
            Column("submitted", gettext_lazy("Submitted"), kind="date"),
            Column("decision", gettext_lazy("Decision"), width=22),
            Column("decided", gettext_lazy("Decided"), kind="date"),
            Column("panel", gettext_lazy("Panel"), width=24),
            Column("lead_email", gettext_lazy("Lead's email"), personal=True, width=30),
        ),
        scope=_applications_scope,
        filterset=ApplicationQueueFilter,
        optimise=_applications_optimise,
        row=_application_row,
    ),
    "panel_judgements": ExportSpec(
        title=gettext_lazy("Panel judgements"),
        columns=(
            Column("reference", gettext_lazy("Application"), width=14),
            Column("panel", gettext_lazy("Panel"), width=24),
            Column("member", gettext_lazy("Panel member"), personal=True, width=24),
            Column(
                "lived_experience",
                gettext_lazy("Lived experience"),
                personal=True,
                special_category=True,
                width=10,
            ),
            Column("round", gettext_lazy("Round"), kind="number", width=8),
            Column("criterion", gettext_lazy("Criterion"), width=10),
            Column("judgement", gettext_lazy("Judgement"), width=14),
            Column("comment", gettext_lazy("Comment"), width=60),
            Column("submitted", gettext_lazy("Submitted at"), kind="datetime"),
        ),
        scope=_judgements_scope,
        filterset=JudgementExportFilter,
        optimise=_judgements_optimise,
        row=_judgement_row,
    ),
    "payments": ExportSpec(
        title=gettext_lazy("Honoraria and expenses"),
        columns=(
            Column("panel", gettext_lazy("Panel"), width=24),
            Column("member", gettext_lazy("Panel member"), personal=True, width=24),
            Column("email", gettext_lazy("Email"), personal=True, width=30),
            Column("kind", gettext_lazy("Type"), width=12),
            Column("amount", gettext_lazy("Amount"), kind="money"),
            Column("description", gettext_lazy("What for"), width=36),
            Column("claimed_on", gettext_lazy("Claimed on"), kind="date"),
            Column("paid_on", gettext_lazy("Paid on"), kind="date"),
        ),
        scope=_payments_scope,
        filterset=PaymentExportFilter,
        optimise=_payments_optimise,
        row=_payment_row,
        allowed=can_export_payments,
    ),
    "awards": ExportSpec(
        title=gettext_lazy("Awards"),
        columns=_AWARD_COLUMNS,
        scope=_awards_scope,
        filterset=StaffAwardFilter,
        optimise=_awards_optimise,
        row=_award_row,
    ),
    "renewals_due": ExportSpec(
        title=gettext_lazy("Renewals due in the next twelve months"),
        columns=_AWARD_COLUMNS,
        scope=_renewals_scope,
        filterset=StaffAwardFilter,
        optimise=_awards_optimise,
        row=_award_row,
    ),
}


# ---------------------------------------------------------------------------
# Running an export
# ---------------------------------------------------------------------------


@dataclass
class PreparedExport:
    """A checked export request: which kind, which columns, which filters, which rows."""

    kind: str
    spec: ExportSpec
    columns: list[Column]
    filters: dict[str, str]
    filter_labels: list[tuple[str, str]]
    # The scoped, filtered rows; `rows` reads them through the kind's `optimise`.
    queryset: QuerySet
    picks: list[int]
    columns_chosen: bool = False

    def count(self) -> int:
        return self.queryset.count()

    def rows(self) -> Iterable[Sequence]:
        row = self.spec.row
        picks = self.picks
        for obj in self.spec.optimise(self.queryset).iterator(chunk_size=2000):
            values = row(obj)
            yield [values[index] for index in picks]

    @property
    def params(self) -> dict:
        """What `export_prepare` needs to prepare the same export again (in a task)."""
        params: dict[str, Any] = dict(self.filters)
        if self.columns_chosen:
            params["columns"] = ",".join(column.key for column in self.columns)
        return params


def _requested_columns(params: Mapping) -> list[str]:
    if isinstance(params, QueryDict):
        values = params.getlist("columns")
    else:
        value = params.get("columns") or []
        values = [value] if isinstance(value, str) else list(value)
    keys = []
    for value in values:
        for key in str(value).split(","):
            key = key.strip()
            if key and key not in keys:
                keys.append(key)
    return keys


def export_prepare(*, user: AnyUser, kind: str, params: Mapping) -> PreparedExport:
    """Check an export request and build its queryset. Raises `ExportNotAvailable` for an
    unknown kind or a user it is not for, `ExportRequestError` for a column the user may not
    see or a filter that does not validate."""
    spec = EXPORTS.get(kind)
    if spec is None or not spec.allowed(user):
        raise ExportNotAvailable(kind)
    visible = {column.key: column for column in spec.visible_columns(user)}
    requested = _requested_columns(params)
    if requested:
        for key in requested:
            if key not in visible:
                raise ExportRequestError(
                    _("You cannot export the column ‘%(column)s’.") % {"column": key}
                )
        columns = [visible[key] for key in requested]
    else:
        columns = list(visible.values())
    filterset = spec.bind_filters(user, params)
    _check_filters(filterset)
    positions = {column.key: index for index, column in enumerate(spec.columns)}
    return PreparedExport(
        kind=kind,
        spec=spec,
        columns=columns,
        filters=_raw_filters(filterset),
        filter_labels=_describe_filters(filterset),
        queryset=filterset.qs,
        columns_chosen=bool(requested),
        picks=[positions[column.key] for column in columns],
    )


def export_write(
    *, prepared: PreparedExport, user, fileobj: IO[bytes], now: datetime.datetime
) -> int:
    """Write the export to ``fileobj`` and record it. Side-effects, in order: the file is
    written; one audit entry. Returns the number of rows."""
    count = write_xlsx(
        fileobj,
        title=str(prepared.spec.title),
        columns=prepared.columns,
        rows=prepared.rows(),
        generated_by=f"{_person(user)} <{user.email}>",
        generated_at=now,
        filters=prepared.filter_labels,
    )
    AuditEntry.objects.create(
        actor=user,
        action=AuditAction.EXPORT_CREATED,
        note=prepared.kind,
        data={
            "rows": count,
            "filters": prepared.filters,
            "columns": [column.key for column in prepared.columns],
        },
        created_at=now,
    )
    return count


def export_filename(kind: str, moment: datetime.datetime) -> str:
    return f"{kind}-{timezone.localdate(moment):%Y-%m-%d}.xlsx"


@transaction.atomic
def data_export_request(
    *, user, prepared: PreparedExport, now: datetime.datetime, base_url: str
) -> DataExport:
    """Ask for an export to be prepared in the background. Side-effects: the `DataExport`
    (pending), then, after commit, the task that writes it."""
    export = DataExport.objects.create(
        requested_by=user,
        kind=prepared.kind,
        params={"query": prepared.params, "language": translation.get_language()},
        created_at=now,
    )
    export_id = export.pk
    transaction.on_commit(lambda: data_export_build.enqueue(export_id=export_id, base_url=base_url))
    return export


def data_export_run(*, export: DataExport, now: datetime.datetime, base_url: str) -> DataExport:
    """Write a background export to private storage. Side-effects, in order: the file; the
    export marked ready with its row count; one audit entry; after commit, an email to the
    requester with the download link. If it cannot be written the export is marked failed
    and the requester is told by email."""
    user = export.requested_by
    try:
        prepared = export_prepare(user=user, kind=export.kind, params=export.params["query"])
        with tempfile.TemporaryFile() as handle, transaction.atomic():
            count = export_write(prepared=prepared, user=user, fileobj=handle, now=now)
            handle.seek(0)
            name = f"{export.kind}-{timezone.localdate(now):%Y-%m-%d}-{export.pk}.xlsx"
            export.file.save(name, File(handle), save=False)
            export.status = ExportStatus.READY
            export.row_count = count
            export.finished_at = now
            export.error = ""
            export.save()
            link = base_url + reverse("workspace:export_download", args=[export.pk])
            subject = _("Your export is ready")
            body = _(
                "The file you asked for (%(title)s, %(count)s rows) is ready.\n\n"
                "Download it while signed in: %(link)s\n"
            ) % {"title": prepared.spec.title, "count": count, "link": link}
            email = user.email
            transaction.on_commit(
                lambda: send_email.enqueue(subject=subject, body=body, to=[email])
            )
    except Exception as error:
        if isinstance(error, ExportNotAvailable):
            reason = _("You may no longer export this list.")
        elif isinstance(error, ExportRequestError):
            reason = str(error)
        else:
            logger.exception("Export %s failed", export.pk)
            reason = _("Something went wrong while we prepared the file.")
        export.status = ExportStatus.FAILED
        export.error = reason
        export.finished_at = now
        export.save(update_fields=["status", "error", "finished_at"])
        link = base_url + reverse("workspace:exports")
        body = _("We could not prepare the file you asked for. %(reason)s\n\nSee: %(link)s\n") % {
            "reason": reason,
            "link": link,
        }
        subject = _("Your export could not be prepared")
        send_email.enqueue(subject=subject, body=body, to=[user.email])
    return export


@task()
def data_export_build(*, export_id: int, base_url: str) -> None:
    """The background side of a large export (see `data_export_run`)."""
    export = (
        DataExport.objects.select_related("requested_by")
        .filter(pk=export_id, status=ExportStatus.PENDING)
        .first()
    )
    if export is None:
        return
    with translation.override(export.params.get("language") or settings.LANGUAGE_CODE):
        data_export_run(export=export, now=timezone.now(), base_url=base_url)
