"""Running an export: check the request (kind, columns, filters), write the file with core.xlsx
(inline, or in the background for a large one, emailing the requester) and audit it."""

import datetime
import logging
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import IO, Any

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.db.models import QuerySet
from django.http import QueryDict
from django.tasks import task
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.permissions import AnyUser
from audit import services as audit
from audit.enums import AuditAction
from core.xlsx import Column
from notifications import emails
from reporting.enums import ExportStatus
from reporting.exports.kinds import EXPORTS
from reporting.exports.spec import (
    ExportNotAvailable,
    ExportRequestError,
    ExportSpec,
    check_filters,
    describe_filters,
    person_name,
    raw_filters,
    write_export,
)
from reporting.models import DataExport

logger = logging.getLogger(__name__)


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
    check_filters(filterset)
    positions = {column.key: index for index, column in enumerate(spec.columns)}
    return PreparedExport(
        kind=kind,
        spec=spec,
        columns=columns,
        filters=raw_filters(filterset),
        filter_labels=describe_filters(filterset),
        queryset=filterset.qs,
        columns_chosen=bool(requested),
        picks=[positions[column.key] for column in columns],
    )


def export_write(
    *, prepared: PreparedExport, user, fileobj: IO[bytes], now: datetime.datetime
) -> int:
    """Write the export to ``fileobj`` and record it. Side-effects, in order: the file is
    written; one audit entry. Returns the number of rows."""
    count = write_export(
        fileobj,
        title=str(prepared.spec.title),
        columns=prepared.columns,
        rows=prepared.rows(),
        generated_by=f"{person_name(user)} <{user.email}>",
        generated_at=now,
        filters=prepared.filter_labels,
    )
    audit.record(
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


def data_export_retry(
    *, user, export: DataExport, now: datetime.datetime, base_url: str
) -> DataExport:
    """Ask again for a failed or expired export: the same kind, filters and columns, for the
    same person, checked as a new request is (`export_prepare`) and prepared in the
    background (`data_export_request`). The old export is left as it was. Raises
    `ExportNotAvailable` for someone else's export, one that did not fail or expire, or a
    list the user may no longer export; `ExportRequestError` for a column or filter they may
    no longer use."""
    if export.requested_by_id != user.pk or not export.is_retryable:
        raise ExportNotAvailable(export.kind)
    prepared = export_prepare(user=user, kind=export.kind, params=export.params.get("query", {}))
    return data_export_request(user=user, prepared=prepared, now=now, base_url=base_url)


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
            emails.send(
                "export_ready",
                to=[user.email],
                context={
                    "title": prepared.spec.title,
                    "count": count,
                    "link": emails.absolute(
                        reverse("workspace:export_download", args=[export.pk]), base_url=base_url
                    ),
                },
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
        emails.send(
            "export_failed",
            to=[user.email],
            context={
                "reason": reason,
                "link": emails.absolute(reverse("workspace:exports"), base_url=base_url),
            },
        )
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
