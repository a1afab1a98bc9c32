"""Test helpers: a real localstripe on a free loopback port, and what Stripe.js would do."""

import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
PUBLISHABLE_KEY = "pk_test_ocop"
SECRET_KEY = "sk_test_ocop"
WEBHOOK_SECRET = "whsec_test_ocop"
WEBHOOK_PATH = "/payments/stripe/webhook/"
# Stripe's test cards, as localstripe knows them.
VISA = "4242424242424242"
DECLINED_AT_CHARGE = "4000000000000341"
THREE_D_SECURE = "4000002500003155"


def pay_by_card(client, **payload):
    """Posts to the checkout's card endpoint as Stripe.js does: (status, JSON answer)."""
    import json

    from django.urls import reverse

    response = client.post(
        reverse("checkout:card-payment"), json.dumps(payload), content_type="application/json"
    )
    return response.status_code, response.json()


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_localstripe():
    """(process, base url) of a localstripe that keeps its state in memory only."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "payments.localstripe_runner", "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            requests.get(f"{base}/js.stripe.com/v3/", timeout=1)
            return process, base
        except requests.ConnectionError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("localstripe did not start")


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()


def card_payment_method(base, number):
    """The card id localstripe's Stripe.js gets from ``createToken`` for ``number``."""
    response = requests.post(
        f"{base}/v1/tokens",
        data={
            "card[number]": number,
            "card[exp_month]": "12",
            "card[exp_year]": "2030",
            "card[cvc]": "123",
            "key": PUBLISHABLE_KEY,
        },
        timeout=5,
    )
    response.raise_for_status()
    return response.json()["card"]["id"]


def authenticate_3ds(base, client_secret, success=True):
    """What localstripe's Stripe.js does when the shopper completes 3-D Secure."""
    intent_id = client_secret.split("_secret_")[0]
    response = requests.post(
        f"{base}/v1/payment_intents/{intent_id}/_authenticate?success={str(success).lower()}",
        json={"key": PUBLISHABLE_KEY, "client_secret": client_secret},
        timeout=5,
    )
    response.raise_for_status()
    return response.json()


def intent(base, intent_id):
    response = requests.get(
        f"{base}/v1/payment_intents/{intent_id}", auth=(SECRET_KEY, ""), timeout=5
    )
    response.raise_for_status()
    return response.json()


def intents(base):
    response = requests.get(
        f"{base}/v1/payment_intents", params={"limit": 100}, auth=(SECRET_KEY, ""), timeout=5
    )
    response.raise_for_status()
    return response.json()["data"]


def register_webhook(base, url):
    response = requests.post(
        f"{base}/_config/webhooks/site", data={"url": url, "secret": WEBHOOK_SECRET}, timeout=5
    )
    response.raise_for_status()


def closed_base():
    """A Stripe API address where nothing listens: every call fails to connect."""
    return f"http://127.0.0.1:{free_port()}"


def cancel_intent(base, intent_id):
    """What Stripe does when an authorisation is cancelled outside the shop (or lapses)."""
    response = requests.post(
        f"{base}/v1/payment_intents/{intent_id}/cancel", auth=(SECRET_KEY, ""), timeout=5
    )
    response.raise_for_status()
    return response.json()


def refund_in_dashboard(base, intent_id, amount):
    """A refund made in Stripe's own dashboard, not through the shop."""
    response = requests.post(
        f"{base}/v1/refunds",
        data={"payment_intent": intent_id, "amount": amount},
        auth=(SECRET_KEY, ""),
        timeout=5,
    )
    response.raise_for_status()
    return response.json()


def captured(base, intent_id):
    """The amounts captured on ``intent_id``, one per captured charge (localstripe has no
    ``amount_received``): exactly one entry means exactly one capture."""
    charges = intent(base, intent_id).get("charges", {}).get("data", [])
    return [charge["amount"] for charge in charges if charge.get("captured")]
