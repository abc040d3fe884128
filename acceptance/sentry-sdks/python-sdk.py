"""Sends crashes to Faultline with Debian's python3-sentry-sdk (1.9.10, which posts events to the legacy
/store/ endpoint, always gzipped), run by /usr/bin/python3. One scenario set per process (the SDK is global).

Usage: /usr/bin/python3 python-sdk.py <mode> <dsn> [<rfc3339>], mode one of
  scenarios  a caught error, the same error twice with different values and lines, a message, a chained error
             (raise ... from ...), a large event (as large as the SDK allows: it cuts strings at 1,024
             characters, data bags at 10 entries and keeps 100 breadcrumbs)
  uncaught   an error nobody catches: the SDK's excepthook integration reports it, the atexit one flushes
  wrong-key  one caught error with a key Faultline does not know
  rate-limit caught errors with a rate-limited key until it answers 429, two more that the SDK drops while it
             backs off, then flush(): the SDK's client report (an envelope, to /envelope/) says what it dropped
  again      the caught error once more (same issue); with a third argument, an RFC 3339 time, the event is
             dated then (set in before_send, as an application replaying an old crash would)

Observes the wire without changing the SDK: the transport is the SDK's own HttpTransport, given a connection
pool that records each request's path, Content-Encoding and answer. Prints one line "RESULT <json>" at exit.
"""
import atexit
import datetime
import gzip
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
        if "/envelope/" in url and body:
            entry["discarded"] = client_report_in(body)
        RESULT["requests"].append(entry)
        response = self._pool.request(method, url, body=body, headers=headers, **kwargs)
        entry["status"] = response.status
        entry["rate_limits"] = response.headers.get("X-Sentry-Rate-Limits")
        return response

    def __getattr__(self, name):
        return getattr(self._pool, name)


def client_report_in(body):
    """The discarded_events of a client report in a gzipped envelope body, or None."""
    lines = gzip.decompress(body).split(b"\n")
    for header, payload in zip(lines[1::2], lines[2::2]):
        if json.loads(header).get("type") == "client_report":
            return json.loads(payload)["discarded_events"]
    return None


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


def dated(at):
    """A before_send that dates every event at the RFC 3339 time at. This SDK runs before_send on the serialized
    event, so the timestamp is written as the SDK writes its own (UTC, microseconds, Z)."""
    when = datetime.datetime.fromisoformat(at).astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")

    def before_send(event, hint):
        event["timestamp"] = when
        return event
    return before_send


def last_event_status():
    events = [r for r in RESULT["requests"] if r["path"].endswith("/store/")]
    return events[-1].get("status") if events else None


def main(mode, dsn, at=None):
    RESULT["mode"] = mode
    sentry_sdk.init(dsn=dsn, release="shop-python@2.7.0", environment="acceptance", transport=RecordingTransport,
                    before_send=dated(at) if at else None)
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
    elif mode == "again":
        capture("again", charge_card, 1001)
        sentry_sdk.flush(timeout=10)
    elif mode == "rate-limit":
        # One event at a time (flush after each) until the key's limit answers 429; the 429's
        # X-Sentry-Rate-Limits names only event categories, so the client report (category "internal") still
        # goes out at the next flush, without waiting for the back-off to end.
        for order_id in range(2001, 2031):
            capture("rate-limited", charge_card, order_id)
            sentry_sdk.flush(timeout=10)
            if last_event_status() == 429:
                break
        capture("dropped", charge_card, 2998)
        capture("dropped", charge_card, 2999)
        sentry_sdk.flush(timeout=10)
    else:
        print("unknown mode " + mode, file=sys.stderr)
        sys.exit(2)


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        print("usage: /usr/bin/python3 python-sdk.py scenarios|uncaught|wrong-key|rate-limit|again <dsn> [<rfc3339>]",
              file=sys.stderr)
        sys.exit(2)
    main(*sys.argv[1:])
