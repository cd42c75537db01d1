"""What an export kind is (its columns, the rows the user may see, the list filter it honours,
and who may ask for it) and the helpers the kinds share."""

import datetime
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import IO, Any

import django_filters
from django import forms
from django.db import models
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.permissions import AnyUser
from core.xlsx import BLANK, AboutRow, Column, write_xlsx
from reporting.permissions import (
    can_export_lists,
    can_export_personal_data,
    can_export_special_category,
)


def can_export_column(user: AnyUser, column: Column) -> bool:
    if column.special_category and not can_export_special_category(user):
        return False
    return not column.personal or can_export_personal_data(user)


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
        check_filters(filterset)
        return self.optimise(filterset.qs)


def check_filters(filterset: django_filters.FilterSet) -> None:
    if filterset.is_valid():
        return
    name, errors = next(iter(filterset.form.errors.items()))
    field_ = filterset.form.fields.get(name)
    label = field_.label if field_ is not None and field_.label else name
    raise ExportRequestError(
        _("The filter ‘%(filter)s’ is not valid: %(error)s")
        % {"filter": label, "error": " ".join(errors)}
    )


def describe_filters(filterset: django_filters.FilterSet) -> list[tuple[str, str]]:
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


def raw_filters(filterset: django_filters.FilterSet) -> dict[str, str]:
    return {name: str(value) for name, value in filterset.data.items() if str(value).strip()}


def text_choices(choices) -> Callable[[str], str]:
    """A lookup from stored code to label in the active language (codes pass through)."""
    labels = dict(choices)

    def label(value: str) -> str:
        found = labels.get(value)
        return str(found) if found is not None else value

    return label


def person_name(user) -> str:
    return user.get_full_name() or user.email


def yes_no(value: bool) -> str:
    return _("Yes") if value else _("No")


def write_export(
    fileobj: IO[bytes],
    *,
    title: str,
    columns: Sequence[Column],
    rows: Iterable[Sequence],
    generated_by: str,
    generated_at: datetime.datetime,
    filters: Sequence[tuple[str, str]],
) -> int:
    """An export's file: the rows on a sheet named after ``title``, then "About this
    export": the title, who generated it and when, the rows, the filters applied, and a
    word on keeping personal data safe."""

    def about(count: int) -> list[AboutRow]:
        rows = [
            AboutRow(_("Export"), str(title)),
            AboutRow(_("Generated by"), str(generated_by)),
            AboutRow(_("Generated at"), generated_at),
            AboutRow(_("Rows"), count),
            BLANK,
            AboutRow(_("Filters applied")),
            *(AboutRow(str(name), str(shown), plain=True) for name, shown in filters),
        ]
        if not filters:
            rows.append(AboutRow(_("None: every row you may see"), plain=True))
        rows += [
            BLANK,
            AboutRow(
                _(
                    "Dates are day/month/year; times are in the %(zone)s time zone. This file "
                    "may hold personal data: keep it safe and delete it when you no longer "
                    "need it."
                )
                % {"zone": str(timezone.get_default_timezone())},
                plain=True,
            ),
        ]
        return rows

    return write_xlsx(
        fileobj,
        title=str(title),
        creator=str(generated_by),
        sheet_title=str(title),
        columns=columns,
        rows=rows,
        about_title=_("About this export"),
        about=about,
    )
