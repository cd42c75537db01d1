from django.db import migrations

from core.search_indexes import trigram_index_operations


class Migration(migrations.Migration):
    """Trigram indexes (PostgreSQL only) for the queue's and award lists' searches by
    application reference and certificate number (core/search_indexes.py)."""

    dependencies = [("awards", "0013_content_types_follow_the_models")]

    operations = [
        migrations.RunPython(*trigram_index_operations("awards_application", ["reference"])),
        migrations.RunPython(*trigram_index_operations("awards_award", ["certificate_number"])),
    ]
