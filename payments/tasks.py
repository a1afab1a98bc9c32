"""Background work of payments, run by the task worker (``manage.py db_worker``).

The scheduler (``manage.py run_scheduler``) only enqueues :func:`sweep_payments`; the
sweep re-reads unfinished work from the database each time, so a task that failed or
was lost is simply done by the next run, with the backoff kept on each order's payment.
"""

from django_tasks import task

from . import reconcile


@task()
def sweep_payments():
    """Finish authorised checkouts and due captures; returns what it did, by order number."""
    return reconcile.sweep()
