"""Excel exports from the staff lists.

Two layers, top to bottom (the writer is core/xlsx.py):

- **The writer** (`core.xlsx`, through `write_export`): a leaf. Rows of plain values in, an
  .xlsx file out, streamed so any number of rows fits in little memory; then a sheet "About
  this export" saying who generated it, when, with which filters, and how many rows.
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

A background export that fails, or whose file is deleted after the retention period
(`retention`), can be asked for again (`data_export_retry`).
"""

from reporting.exports.kinds import EXPORTS
from reporting.exports.run import (
    PreparedExport,
    data_export_build,
    data_export_request,
    data_export_retry,
    data_export_run,
    export_filename,
    export_prepare,
    export_write,
)
from reporting.exports.spec import (
    ExportNotAvailable,
    ExportRequestError,
    ExportSpec,
    can_export_column,
    write_export,
)

__all__ = [
    "EXPORTS",
    "ExportNotAvailable",
    "ExportRequestError",
    "ExportSpec",
    "PreparedExport",
    "can_export_column",
    "data_export_build",
    "data_export_request",
    "data_export_retry",
    "data_export_run",
    "export_filename",
    "export_prepare",
    "export_write",
    "write_export",
]
