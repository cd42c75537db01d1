"""The scheduler runs the daily award job at 06:00 London time, whatever the clocks do, and
retention every half hour (production issue)."""

import datetime
import zoneinfo

import pytest
from django.core.management import call_command

from awards.models import LifecycleRun
from core.scheduler import Job, jobs_from_settings, run, run_job

LONDON = zoneinfo.ZoneInfo("Europe/London")
DAILY = Job(name="Award lifecycle", command="process_awards", at=datetime.time(6, 0))
PRUNE = Job(name="Retention", command="prune", every=datetime.timedelta(minutes=30))


def london(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=LONDON)


@pytest.mark.parametrize(
    "after, expected",
    [
        (london(2026, 12, 1, 5, 59), london(2026, 12, 1, 6, 0)),
        (london(2026, 12, 1, 6, 0), london(2026, 12, 2, 6, 0)),
        (london(2026, 12, 1, 23, 0), london(2026, 12, 2, 6, 0)),
        # The clocks go forward on 29 March 2026 and back on 25 October 2026: still 06:00.
        (london(2026, 3, 28, 7, 0), london(2026, 3, 29, 6, 0)),
        (london(2026, 10, 24, 7, 0), london(2026, 10, 25, 6, 0)),
    ],
)
def test_the_daily_job_is_at_six_london_time(after, expected):
    assert DAILY.next_run(after) == expected
    assert DAILY.next_run(after).utcoffset() == expected.utcoffset()


def test_across_the_clock_change_the_daily_job_keeps_local_time():
    before = DAILY.next_run(london(2026, 10, 23, 7, 0)).astimezone(datetime.UTC)
    after = DAILY.next_run(london(2026, 10, 24, 7, 0)).astimezone(datetime.UTC)
    assert (before.hour, after.hour) == (5, 6)  # 06:00 BST, then 06:00 GMT


class FakeClock:
    def __init__(self, start):
        self.moment = start

    def now(self):
        return self.moment

    def sleep(self, seconds):
        self.moment += datetime.timedelta(seconds=seconds)


def test_two_days_of_the_schedule():
    clock = FakeClock(london(2026, 12, 1, 12, 0))
    ran = []

    run(
        [DAILY, PRUNE],
        now=clock.now,
        sleep=clock.sleep,
        runner=lambda job: ran.append((job.name, clock.now())),
        until=london(2026, 12, 3, 12, 0),
    )

    daily = [moment for name, moment in ran if name == DAILY.name]
    prunes = [moment for name, moment in ran if name == PRUNE.name]
    assert [(m.date(), m.hour, m.minute) for m in daily] == [
        (datetime.date(2026, 12, 2), 6, 0),
        (datetime.date(2026, 12, 3), 6, 0),
    ]
    assert len(prunes) == 2 * 24 * 2  # every half hour for two days
    gaps = {b - a for a, b in zip(prunes, prunes[1:], strict=False)}
    assert gaps == {datetime.timedelta(minutes=30)}


def test_a_failing_job_is_logged_and_does_not_stop_the_scheduler(caplog):
    run_job(Job(name="Broken", command="no_such_command", at=datetime.time(6)))

    assert "Scheduler: Broken failed" in caplog.text


def test_the_settings_schedule_runs_real_commands(db, settings):
    jobs = {job.name: job for job in jobs_from_settings()}
    assert jobs["Award lifecycle"].at == datetime.time(6, 0)
    assert jobs["Retention and stuck exports"].every == datetime.timedelta(minutes=30)

    run_job(jobs["Award lifecycle"])
    run_job(jobs["Retention and stuck exports"])
    assert LifecycleRun.objects.count() == 1


def test_the_command_lists_the_jobs(db, capsys):
    call_command("scheduler", "--list")
    out = capsys.readouterr().out
    assert "Award lifecycle: manage.py process_awards, next " in out
    assert "Retention and stuck exports: manage.py prune, next " in out
