"""Sends crashes to Faultline with Debian's python3-sentry-sdk (1.9.10, which posts events to the legacy
/store/ endpoint, always gzipped), run by /usr/bin/python3. One scenario set per process (the SDK is global).

Usage: /usr/bin/python3 python-sdk.py <mode> <dsn>, mode one of
  scenarios  a caught error, the same error twice with different values and lines, a message, a chained error
             (raise ... from ...), a large event (as large as the SDK allows: it cuts strings at 1,024
             characters, data bags at 10 entries and keeps 100 breadcrumbs)
  uncaught   an error nobody catches: the SDK's excepthook integration reports it, the atexit one flushes
  wrong-key  one caught error with a key Faultline does not know

Observes the wire without changing the SDK: the transport is the SDK's own HttpTransport, given a connection
pool that records each request's path, Content-Encoding and answer. Prints one line "RESULT <json>" at exit.
"""
import atexit
import json
import sys

import sentry_sdk
from sentry_sdk.transport import HttpTransport

RESULT = {"mode": None, "sdk": sentry_sdk.VERSION, "events": {}, "requests": []}
# Registered before init, so it runs after the SDK's own atexit flush.
atexit.register(lambda: print("RESULT " + json.dumps(RESULT), flush=True))


class RecordingPool:
    def __init__(self, pool):
        self._pool = pool

    def request(self, method, url, body=None, headers=None, **kwargs):
        entry = {"path": url.split("?")[0].split("/", 3)[-1], "encoding": (headers or {}).get("Content-Encoding"),
                 "content_type": (headers or {}).get("Content-Type"), "bytes": len(body or b"")}
        RESULT["requests"].append(entry)
        response = self._pool.request(method, url, body=body, headers=headers, **kwargs)
        entry["status"] = response.status
        return response

    def __getattr__(self, name):
        return getattr(self._pool, name)


class RecordingTransport(HttpTransport):
    def _make_pool(self, *args, **kwargs):
        return RecordingPool(super()._make_pool(*args, **kwargs))


def charge_card(order_id):
    raise RuntimeError("Payment declined for order %d" % order_id)


# The same code fails with different values on different lines: one issue.
def find_customer(customer_id):
    if customer_id % 2 == 0:
        raise KeyError("Customer %d not found in region eu-west" % customer_id)
    raise KeyError("Customer %d not found" % customer_id)


def reserve_stock(quantity):
    raise ValueError("Quantity %d out of range" % quantity)


def save_order(order_id):
    try:
        reserve_stock(-1)
    except ValueError as cause:
        raise RuntimeError("Could not save order %d" % order_id) from cause


def export_report(batch):
    raise RuntimeError("Report export too large for batch %d" % batch)


def capture(name, body, *args):
    try:
        body(*args)
    except Exception as error:
        RESULT["events"].setdefault(name, []).append(sentry_sdk.capture_exception(error))


def main(mode, dsn):
    RESULT["mode"] = mode
    sentry_sdk.init(dsn=dsn, release="shop-python@2.7.0", environment="acceptance", transport=RecordingTransport)
    sentry_sdk.set_tag("region", "eu-west")
    sentry_sdk.set_tag("checkout_step", "payment")
    sentry_sdk.set_user({"id": "user-2002", "email": "grace@example.com"})
    if mode == "scenarios":
        capture("caught", charge_card, 1001)
        for customer_id in (41, 42):
            capture("twice", find_customer, customer_id)
        RESULT["events"]["message"] = [sentry_sdk.capture_message("Inventory sync skipped 3 items", level="warning")]
        capture("chained", save_order, 1002)
        with sentry_sdk.push_scope() as scope:
            for i in range(100):
                sentry_sdk.add_breadcrumb(category="export", message="%04d " % i + "row data " * 110)
            for i in range(10):
                scope.set_extra("rows_%d" % i, "%04d " % i + "row data " * 110)
            capture("large", export_report, 9)
        sentry_sdk.flush(timeout=10)
    elif mode == "uncaught":
        raise RuntimeError("Worker crashed on job 77")
    elif mode == "wrong-key":
        capture("wrong-key", charge_card, 9999)
        sentry_sdk.flush(timeout=10)
    else:
        print("unknown mode " + mode, file=sys.stderr)
        sys.exit(2)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print("usage: /usr/bin/python3 python-sdk.py scenarios|uncaught|wrong-key <dsn>", file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1], sys.argv[2])
