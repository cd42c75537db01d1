"""Who may change which stream's criteria."""

from accounts.enums import Role
from accounts.permissions import AnyUser, has_role
from criteria.models import Stream


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
