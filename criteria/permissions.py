"""Who may change which stream's criteria, and which step a criteria version takes in its
state (drafts are edited, published and deleted; published and retired versions are the
record, copied into a new draft to change them). The Wagtail viewsets, their buttons and the
admin views all ask these."""

from django.utils.translation import gettext_lazy as _

from accounts.enums import Role
from accounts.permissions import ALLOW, AnyUser, Verdict, deny, has_role
from criteria.enums import VersionStatus
from criteria.models import CriteriaVersion, Stream


def can_manage_stream_criteria(user: AnyUser, stream: Stream) -> bool:
    """National admins manage every stream; a stream coordinator manages the streams they
    coordinate."""
    if not user.is_authenticated or not user.is_active:
        return False
    if has_role(user, Role.NATIONAL_ADMIN):
        return True
    if not has_role(user, Role.STREAM_COORDINATOR):
        return False
    return stream.coordinators.filter(pk=user.pk).exists()


def stream_ids_user_manages(user: AnyUser) -> set[int] | None:
    """The streams whose criteria the user manages; None means all of them."""
    if has_role(user, Role.NATIONAL_ADMIN):
        return None
    if not has_role(user, Role.STREAM_COORDINATOR):
        return set()
    return set(user.coordinated_streams.values_list("pk", flat=True))


def _managed(user: AnyUser, version: CriteriaVersion) -> Verdict:
    if can_manage_stream_criteria(user, version.stream):
        return ALLOW
    return deny(_("You do not manage this stream's criteria."))


def can_publish_version(user: AnyUser, version: CriteriaVersion) -> Verdict:
    verdict = _managed(user, version)
    if not verdict:
        return verdict
    if not user.has_perm("criteria.publish_criteriaversion"):
        return deny(_("You cannot publish criteria."))
    if version.status != VersionStatus.DRAFT:
        return deny(_("Only a draft version can be published."))
    return ALLOW


def can_start_new_version(user: AnyUser, version: CriteriaVersion) -> Verdict:
    verdict = _managed(user, version)
    if not verdict:
        return verdict
    if not user.has_perm("criteria.add_criteriaversion"):
        return deny(_("You cannot start criteria versions."))
    if version.status == VersionStatus.DRAFT:
        return deny(_("This version is still a draft: edit it instead."))
    return ALLOW


def can_delete_version(user: AnyUser, version: CriteriaVersion) -> Verdict:
    """Only drafts may be deleted: published and retired versions are the record."""
    verdict = _managed(user, version)
    if not verdict:
        return verdict
    if version.status != VersionStatus.DRAFT:
        return deny(_("Only a draft version can be deleted."))
    return ALLOW
