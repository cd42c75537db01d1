"""Publishing changes what anonymous visitors should see: clear the page cache; and a
stream's new criteria must be found by site search on its page."""

from django.db import transaction
from django.dispatch import receiver
from wagtail.search import index as search_index
from wagtail.signals import page_published, page_unpublished, published, unpublished

from cms.models import StreamPage
from core.page_cache import page_cache_clear
from criteria.signals import criteria_published


@receiver(page_published)
@receiver(page_unpublished)
@receiver(published)
@receiver(unpublished)
def clear_page_cache_on_publish(sender, **kwargs):
    transaction.on_commit(page_cache_clear)


@receiver(criteria_published)
def reindex_stream_page(sender, *, stream_id: int, **kwargs):
    """Site search indexes a stream page with its current criteria: refresh it."""
    page = StreamPage.objects.filter(stream_id=stream_id).first()
    if page is not None:
        search_index.insert_or_update_object(page)
