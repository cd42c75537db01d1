"""Where private files live (evidence, exports): the ``private`` storage, which has no public
URL; every download goes through a view that checks permission first. It is a folder on one
machine or an S3 bucket shared by several (``config/settings/storage.py``); the views read
and write both the same way."""

from django.core.files.storage import storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty


class PrivateStorage(LazyObject):
    """``storages["private"]``, found when first used and found again when ``STORAGES``
    changes (as Django does for ``default_storage``). A ``FileField`` calls its storage
    callable once, when the model class is made, so returning the backend itself would fix
    the storage the settings named at import time."""

    def _setup(self):
        self._wrapped = storages["private"]


_private_storage = PrivateStorage()


def private_storage():
    return _private_storage


@receiver(setting_changed)
def _forget_private_storage(*, setting, **kwargs):
    if setting == "STORAGES":
        _private_storage._wrapped = empty
