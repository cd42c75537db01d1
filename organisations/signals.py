"""An organisation's name, place and choice to be listed publicly show on the public register
and on local groups' pages: when an organisation changes, those cached pages are forgotten."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from core.page_cache import page_cache_clear
from organisations.models import Organisation


@receiver(post_save, sender=Organisation)
@receiver(post_delete, sender=Organisation)
def forget_public_pages(sender, **kwargs):
    transaction.on_commit(page_cache_clear)
