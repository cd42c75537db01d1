from django.core.management.base import BaseCommand
from django.db import transaction

from demo.accounts import load_demo_users
from demo.applications import load_demo_applications
from demo.awards import load_demo_awards
from demo.criteria import load_demo_streams
from demo.pages import load_demo_pages

# Each app contributes a loader; they run in this order and each is idempotent.
DEMO_LOADERS = [
    load_demo_users,
    load_demo_streams,
    load_demo_pages,
    load_demo_applications,
    load_demo_awards,
]


class Command(BaseCommand):
    help = "Load (or refresh) the demo data described in the README. Safe to run repeatedly."

    def handle(self, *args, **options):
        with transaction.atomic():
            for loader in DEMO_LOADERS:
                loader(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
