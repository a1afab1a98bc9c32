"""Enqueue the scheduled tasks at their times; the task worker (``db_worker``) runs them.

APScheduler keeps the clock (cron triggers, one instance per job, missed runs coalesced);
each job only enqueues a Django task, so the work itself runs, fails, and is retried in
the worker, never in this process. Run exactly one scheduler per site.
"""

import logging
import signal

from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger
from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


def enqueue(path):
    result = import_string(path).enqueue()
    logger.info("Enqueued %s (%s)", path, result.id)


def build_scheduler(schedule=None):
    scheduler = BlockingScheduler(timezone=settings.TIME_ZONE)
    for path, cron in (schedule or settings.OCOP_SCHEDULE).items():
        import_string(path)  # a typo fails at start, not at 07:00
        scheduler.add_job(
            enqueue,
            CronTrigger.from_crontab(cron, timezone=settings.TIME_ZONE),
            args=[path],
            id=path,
            max_instances=1,
            coalesce=True,
            misfire_grace_time=300,
        )
    return scheduler


class Command(BaseCommand):
    help = "Enqueue the scheduled tasks (settings.OCOP_SCHEDULE) at their cron times."

    def add_arguments(self, parser):
        parser.add_argument(
            "--now", action="store_true", help="Also enqueue every scheduled task once at start."
        )

    def handle(self, *args, now=False, **options):
        scheduler = build_scheduler()
        for job in scheduler.get_jobs():
            self.stdout.write(f"{job.id}: {job.trigger}")
            if now:
                enqueue(job.id)
        # Stop cleanly on the signal `make run` and compose send.
        signal.signal(signal.SIGTERM, lambda *_: scheduler.shutdown(wait=False))
        try:
            scheduler.start()
        except (KeyboardInterrupt, SystemExit):
            pass
