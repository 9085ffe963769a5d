"""The statistics page for the steering of the CTG: counts per day, nothing about anyone."""

import datetime

from flask import Blueprint
from flask import render_template
from flask import request

from desk.auth import role_required
from directory.db import get_db
from directory.hours import now_in_paris
from stats import counters
from stats import storage

bp = Blueprint("stats", __name__, url_prefix="/<lang:lang>/staff")

DAYS_SHOWN = (7, 30, 90, 365)  # periods offered on the page


@bp.get("/statistics")
@role_required("editor", "admin")
def statistics():
    """Totals per counter and detail over a period, and the counts of each day."""
    days = request.args.get("days", "30")
    days = int(days) if days.isdigit() and int(days) in DAYS_SHOWN else 30
    today = now_in_paris().date()
    rows = storage.counts_between(get_db(), today - datetime.timedelta(days=days - 1), today, list(counters.METRICS))
    totals = {}
    by_day = {}
    for day, metric, detail, count in rows:
        totals.setdefault(metric, {})
        totals[metric][detail] = totals[metric].get(detail, 0) + count
        by_day.setdefault(day, {}).setdefault(metric, 0)
        by_day[day][metric] += count
    ordered = {metric: sorted(details.items(), key=lambda item: (-item[1], item[0])) for metric, details in totals.items()}
    return render_template(
        "stats/statistics.html",
        days=days,
        periods=DAYS_SHOWN,
        metrics=counters.METRICS,
        totals=ordered,
        by_day=sorted(by_day.items(), reverse=True),
    )
