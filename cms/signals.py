"""Publishing changes what anonymous visitors should see: clear the page cache."""

from django.db import transaction
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, published, unpublished

from cms.page_cache import page_cache_clear


@receiver(page_published)
@receiver(page_unpublished)
@receiver(published)
@receiver(unpublished)
def clear_page_cache_on_publish(sender, **kwargs):
    transaction.on_commit(page_cache_clear)
