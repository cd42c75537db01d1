"""The scheduler: runs the project's periodic commands at their times, in the site's time
zone (``manage.py scheduler``; production runs one as its own process).

``SANCTUARY_SCHEDULE`` lists the jobs: a management command with its arguments, either daily
``at`` a local time ("06:00", Europe/London, so it stays 06:00 across the clock changes) or
``every_minutes``. Core names no app: the commands are the apps' own. Every job is safe to run
twice (the award lifecycle records its day; pruning finds nothing left), so a scheduler that
restarts simply runs what is due; it does not catch up on missed intervals one by one.
"""

import dataclasses
import datetime
import logging
import time
import zoneinfo
from collections.abc import Callable

from django.conf import settings
from django.core.management import call_command

logger = logging.getLogger(__name__)


@dataclasses.dataclass(frozen=True)
class Job:
    name: str
    command: str
    args: tuple[str, ...] = ()
    at: datetime.time | None = None
    every: datetime.timedelta | None = None

    def next_run(self, after: datetime.datetime) -> datetime.datetime:
        """The first run strictly after ``after`` (aware), in the schedule's time zone."""
        zone = zoneinfo.ZoneInfo(settings.SANCTUARY_SCHEDULE_TIMEZONE)
        local = after.astimezone(zone)
        if self.every is not None:
            return after + self.every
        day = local.date()
        while True:
            candidate = datetime.datetime.combine(day, self.at, tzinfo=zone)
            # A wall time skipped by the spring change resolves forward (fold rules);
            # compare in UTC so that the autumn's repeated hour runs once.
            if candidate.astimezone(datetime.UTC) > after.astimezone(datetime.UTC):
                return candidate
            day += datetime.timedelta(days=1)


def jobs_from_settings() -> list[Job]:
    jobs = []
    for entry in settings.SANCTUARY_SCHEDULE:
        at = entry.get("at")
        every = entry.get("every_minutes")
        if (at is None) == (every is None):
            raise ValueError(f"Schedule entry {entry['name']!r} needs exactly one of at, every")
        jobs.append(
            Job(
                name=entry["name"],
                command=entry["command"],
                args=tuple(entry.get("args", ())),
                at=datetime.time.fromisoformat(at) if at else None,
                every=datetime.timedelta(minutes=int(every)) if every else None,
            )
        )
    return jobs


def run_job(job: Job) -> None:
    logger.info("Scheduler: running %s", job.name)
    try:
        call_command(job.command, *job.args)
    except Exception:  # a failed job must not stop the others; it runs again next time
        logger.exception("Scheduler: %s failed", job.name)


def run(
    jobs: list[Job],
    *,
    now: Callable[[], datetime.datetime],
    sleep: Callable[[float], None] = time.sleep,
    runner: Callable[[Job], None] = run_job,
    until: datetime.datetime | None = None,
    poll_seconds: float = 30.0,
) -> None:
    """Run each job at its times until ``until`` (for ever without it). Interval jobs run
    once at start; daily jobs wait for their time."""
    start = now()
    upcoming = {job: (start if job.every else job.next_run(start)) for job in jobs}
    while until is None or now() < until:
        moment = now()
        for job, due in sorted(upcoming.items(), key=lambda item: item[1]):
            if due <= moment:
                runner(job)
                upcoming[job] = job.next_run(moment)
        wait = (min(upcoming.values()) - now()).total_seconds()
        sleep(max(1.0, min(wait, poll_seconds)))
