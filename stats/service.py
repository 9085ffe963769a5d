"""Counting from the views: once per browser session and day for the questionnaires, in Paris days.

The session only remembers which counters it already added to today ("life_event:separation"),
so that reloading a page counts nothing twice; no answer is ever part of a counter.
"""

from flask import current_app
from flask import session

from directory.db import get_db
from directory.hours import now_in_paris
from stats import counters
from stats import storage

SESSION_KEY = counters.SESSION_KEY


def count(metric, detail=""):
    """Add one to a counter of today; return its new value."""
    return storage.increment(get_db(), now_in_paris().date(), metric, detail)


def count_once(metric, detail):
    """Add one to a counter of today unless this browser session already did."""
    today = now_in_paris().date().isoformat()
    counted = session.get(SESSION_KEY)
    if not isinstance(counted, dict) or counted.get("day") != today:
        counted = {"day": today, "keys": []}
    key = f"{metric}:{detail}"
    if key in counted["keys"]:
        return
    count(metric, detail)
    session[SESSION_KEY] = {"day": today, "keys": [*counted["keys"], key]}


def count_zero_results(text):
    """Count a search that found nothing, with its text only when it may be kept and was searched often enough."""
    kept = counters.keepable_query(text)
    if kept:
        fingerprint = counters.text_fingerprint(current_app.secret_key, now_in_paris().date(), kept)
        if count(counters.ZERO_RESULTS_SEEN, fingerprint) < counters.KEEP_TEXT_FROM:
            kept = ""
    count(counters.ZERO_RESULTS, kept)
