"""A family's visit at a desk: what the desk mode keeps in the session while it lasts.

"Terminer" forgets every key of VISIT_SESSION_KEYS. A feature that keeps something of the
family in the session during a visit adds its key there, so that ending the visit forgets it
too: the questionnaire's answers are kept under the same key as on the public pages.
"""

from desk.shortlist import SHORTLIST_KEY
from orientation.answers import SESSION_KEY as ANSWERS_KEY
from stats.counters import SESSION_KEY as COUNTED_KEY

VISIT_KEY = "family_visit"
VISIT_SESSION_KEYS = (VISIT_KEY, SHORTLIST_KEY, ANSWERS_KEY, COUNTED_KEY)


def start_visit(session, language_code):
    """Forget the previous family, then start a visit in the family's language."""
    end_visit(session)
    session[VISIT_KEY] = {"language": language_code}


def end_visit(session):
    """Forget everything of the family: its language, its answers, its shortlist and every visit key."""
    for key in VISIT_SESSION_KEYS:
        session.pop(key, None)


def visit_language_code(session):
    """Return the family's language code of the visit under way, or None when there is none."""
    visit = session.get(VISIT_KEY)
    return visit.get("language") if isinstance(visit, dict) else None
