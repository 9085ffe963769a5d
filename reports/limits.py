"""How often « Signaler une erreur » may be used, without knowing who sends it.

No address, no identifier is kept: a browser's own session remembers when it sent its last
reports, and a global cap per minute stops a flood from browsers that drop their cookies.
"""

import datetime
from dataclasses import dataclass

from directory.taxonomy import N_
from reports.models import TOPICS

SESSION_KEY = "reports_sent"  # the times of this browser's recent reports, nothing else
PER_SESSION = 3  # reports a browser may send…
SESSION_WINDOW = datetime.timedelta(hours=1)  # …within this time
GLOBAL_PER_MINUTE = 20  # reports the whole site takes in a minute
MAX_MESSAGE = 1000  # characters
MAX_CONTACT = 200  # characters


@dataclass(frozen=True)
class ReportForm:
    """What the form sent, checked: topic, message, optional contact, and the problem if any."""

    topic: str
    message: str
    contact: str
    problem: str | None = None  # French message id


def read_report_form(form):
    """Return the ReportForm of a submitted form ({name: value})."""
    topic = (form.get("topic") or "").strip()
    message = (form.get("message") or "").strip()
    contact = (form.get("contact") or "").strip()
    if topic not in TOPICS:
        return ReportForm(topic, message, contact, N_("Choisissez ce qui ne va pas."))
    if topic == "other" and not message:
        return ReportForm(topic, message, contact, N_("Dites-nous en quelques mots ce qui ne va pas."))
    if len(message) > MAX_MESSAGE or len(contact) > MAX_CONTACT:
        return ReportForm(topic, message, contact, N_("Ce message est trop long."))
    return ReportForm(topic, message, contact)


def recent_sends(times, now):
    """Return the send times of a session that are still within the window (ISO texts in, ISO texts out)."""
    kept = []
    for text in times if isinstance(times, list) else []:
        try:
            moment = datetime.datetime.fromisoformat(text)
        except (TypeError, ValueError):
            continue
        if now - moment < SESSION_WINDOW:
            kept.append(text)
    return kept


def may_send(session_times, sent_last_minute, now):
    """Tell whether one more report is accepted now, for this session and for the whole site."""
    return len(recent_sends(session_times, now)) < PER_SESSION and sent_last_minute < GLOBAL_PER_MINUTE
