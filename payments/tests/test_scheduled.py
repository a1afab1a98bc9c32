"""Scheduled work really runs: the scheduler enqueues, a real db_worker process does it."""

import json
import os
import subprocess
import sys
from datetime import timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from checkout.tests.factories import checkout_until_review, two_producer_shop
from payments import state, testing
from payments.management.commands.run_scheduler import build_scheduler, enqueue
from payments.models import OrderPayment, PendingCheckout

Order = get_model("order", "Order")
DATABASE_BACKEND = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_the_scheduler_enqueues_the_payment_sweep_and_the_certificate_reminders(settings):
    scheduler = build_scheduler()

    jobs = {job.id: str(job.trigger) for job in scheduler.get_jobs()}

    assert set(jobs) == {
        "payments.tasks.sweep_payments",
        "seller.tasks.send_certificate_reminders",
        "payments.providers.vietqr.expire_unpaid_transfers",
        "experiences.tasks.generate_slots",
        "experiences.tasks.expire_holds",
        "customer.tasks.clear_expired_sessions",
        "catalogue.tasks.refresh_ratings",
    }
    assert "minute='*/2'" in jobs["payments.tasks.sweep_payments"]
    assert "hour='7'" in jobs["seller.tasks.send_certificate_reminders"]


def test_a_schedule_naming_a_missing_task_fails_at_start():
    with pytest.raises(ImportError):
        build_scheduler({"payments.tasks.no_such_task": "* * * * *"})


def database_url():
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    return f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


@pytest.mark.django_db(transaction=True)
def test_a_real_db_worker_captures_a_pending_order_enqueued_by_the_scheduler(
    client, settings, localstripe, stripe_down_at
):
    # Given a card order placed while Stripe could not capture, now due for another try
    rice, honey = two_producer_shop()
    checkout_until_review(client, [(rice, 1), (honey, 1)], method="card")
    stripe_down_at("payment_intents.capture")
    card = testing.card_payment_method(localstripe, "4242424242424242")
    client.post(
        reverse("checkout:card-payment"),
        json.dumps({"payment_method": card}),
        content_type="application/json",
    )
    order = Order.objects.get()
    assert state.is_pending(order)
    OrderPayment.objects.filter(order=order).update(
        next_attempt_at=timezone.now() - timedelta(seconds=1)
    )
    stripe_down_at()

    # When the scheduler's job fires (tasks queued in the database) and a worker runs
    settings.TASKS = DATABASE_BACKEND
    from django_tasks_db.models import DBTaskResult

    enqueue("payments.tasks.sweep_payments")
    assert DBTaskResult.objects.count() == 1 and state.is_pending(order)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": database_url(),
        "TASKS_BACKEND": "database",
        "STRIPE_PUBLISHABLE_KEY": testing.PUBLISHABLE_KEY,
        "STRIPE_SECRET_KEY": testing.SECRET_KEY,
        "STRIPE_API_BASE": localstripe,
    }
    worker = subprocess.run(
        [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay", "--no-reload"],
        cwd=testing.ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    # Then the worker captured the payment, once, and the task is recorded as done
    assert worker.returncode == 0, worker.stderr[-2000:]
    result = DBTaskResult.objects.get()
    assert result.status == "SUCCESSFUL", worker.stderr[-2000:]
    assert state.summary(order).status == "paid"
    intent_id = PendingCheckout.objects.get().payment_intent_id
    assert testing.captured(localstripe, intent_id) == [410000]
