"""``manage.py scheduler``: run the periodic jobs of ``SANCTUARY_SCHEDULE`` (core/scheduler.py).

Production runs exactly one, as its own process (deploy/: a systemd unit). ``--list`` prints
each job and its next run.
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from core.scheduler import jobs_from_settings, run


class Command(BaseCommand):
    help = "Run the periodic jobs (the award lifecycle daily, retention every few minutes)."

    def add_arguments(self, parser):
        parser.add_argument("--list", action="store_true", help="List the jobs and exit")

    def handle(self, *args, list=False, **options):
        jobs = jobs_from_settings()
        if list:
            moment = timezone.now()
            for job in jobs:
                upcoming = timezone.localtime(job.next_run(moment))
                self.stdout.write(
                    f"{job.name}: manage.py {' '.join((job.command, *job.args))}, "
                    f"next {upcoming:%Y-%m-%d %H:%M %Z}"
                )
            return
        self.stdout.write(f"Scheduler started with {len(jobs)} jobs.")
        run(jobs, now=timezone.now)
