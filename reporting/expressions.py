"""SQL expressions the reports need that Django does not offer: the calendar day of a moment
in the site's time zone, whole days between two such days, the year and the first of the
month of a date worked out by SQLite without calling back into Python, and the median
(PostgreSQL only).

Django's own ``TruncDate`` and ``ExtractYear`` are right on both databases, but on SQLite they
call a Python function for every row, which makes a report over thousands of rows grow with
them. These use SQLite's built-in date functions where they give the same answer.
"""

import os

from django.conf import settings
from django.db.models import Aggregate, DateField, FloatField, Func, IntegerField
from django.db.models.functions import ExtractYear, TruncDate
from django.utils import timezone


def _sqlite_localtime_is_site_time(connection) -> bool:
    """Whether SQLite's ``'localtime'`` modifier gives the site's local time: it reads the
    process's ``TZ``, which Django sets to ``TIME_ZONE`` on Unix (not on Windows), and it
    needs the stored moments in UTC, as Django stores them when ``USE_TZ`` is on."""
    return (
        settings.USE_TZ
        and connection.timezone_name == "UTC"
        and os.environ.get("TZ") == timezone.get_current_timezone_name()
    )


class LocalDay(Func):
    """The calendar day of a moment in the current time zone (the site's), as
    ``timezone.localdate`` gives it in Python, in a form that ``DaysBetween`` can subtract: a
    date on PostgreSQL, a Julian day number (an integer) on SQLite."""

    arity = 1

    def as_sql(self, compiler, connection, **extra_context):
        return compiler.compile(TruncDate(*self.get_source_expressions()))

    def as_sqlite(self, compiler, connection, **extra_context):
        # A Julian day runs from noon: half a day later, its whole part numbers the calendar
        # day. SQLite's own 'localtime' when it gives the site's time, Django's (a Python
        # function per row, slower) when it does not.
        if _sqlite_localtime_is_site_time(connection):
            return super().as_sql(
                compiler,
                connection,
                template="CAST(julianday(%(expressions)s, 'localtime') + 0.5 AS INTEGER)",
                **extra_context,
            )
        date_sql, params = self.as_sql(compiler, connection)
        return f"CAST(julianday({date_sql}) + 0.5 AS INTEGER)", params


class DaysBetween(Func):
    """Whole days from one ``LocalDay`` to another (negative if it is earlier)."""

    arity = 2
    output_field = IntegerField()
    # PostgreSQL: date - date is an integer number of days; SQLite: two day numbers.
    template = "(%(expressions)s)"
    arg_joiner = " - "

    def __init__(self, start, end, **extra):
        super().__init__(end, start, **extra)


class Year(Func):
    """The year of a date (not a datetime: no time zone is involved)."""

    arity = 1
    output_field = IntegerField()

    def as_sql(self, compiler, connection, **extra_context):
        return compiler.compile(ExtractYear(*self.get_source_expressions()))

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(
            compiler,
            connection,
            # SQLite keeps a date as text, YYYY-MM-DD.
            template="CAST(substr(%(expressions)s, 1, 4) AS INTEGER)",
            **extra_context,
        )


class MonthStart(Func):
    """The first day of the month of a date (not a datetime: no time zone is involved)."""

    arity = 1
    output_field = DateField()

    template = "CAST(DATE_TRUNC('month', %(expressions)s) AS DATE)"

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(
            compiler,
            connection,
            template="date(%(expressions)s, 'start of month')",
            **extra_context,
        )


class Median(Aggregate):
    """The median of a number, ``percentile_cont(0.5)``: the middle value, or the mean of the
    middle two. PostgreSQL only; SQLite has no such aggregate."""

    function = "PERCENTILE_CONT"
    name = "Median"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)%(filter)s"
    output_field = FloatField()

    def as_sql(self, compiler, connection, **extra_context):
        if connection.vendor != "postgresql":
            raise NotImplementedError("Median is computed in SQL on PostgreSQL only.")
        return super().as_sql(compiler, connection, **extra_context)
