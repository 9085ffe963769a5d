"""What is counted, and the one rule for keeping a search text. Plain values in, plain values out."""

import re
import unicodedata

from directory.taxonomy import N_

LIFE_EVENT = "life_event"  # a family opened a life event's questionnaire (detail: its id)
QUESTIONNAIRE_COMPLETED = "questionnaire_completed"  # every question shown was answered (detail: its id)
ZERO_RESULTS = "search_zero_results"  # a search found nothing (detail: the text when it may be kept)
METRICS = {
    LIFE_EVENT: N_("Événements de vie choisis"),
    QUESTIONNAIRE_COMPLETED: N_("Questionnaires terminés"),
    ZERO_RESULTS: N_("Recherches sans résultat"),
}
SESSION_KEY = "counted"  # which counters this browser session already added to today (no answer, no text)
MAX_KEPT_QUERY = 60  # characters; a longer text may tell a story, it is counted without it
MAX_KEPT_WORDS = 6
EMAIL_LIKE = re.compile(r"@|\b(?:at|arobase)\b.*\b(?:dot|point)\b", re.IGNORECASE)


def keepable_query(text):
    """Return the search text normalized when it may be kept (no digit, nothing e-mail-like, short), else ""."""
    folded = " ".join(unicodedata.normalize("NFKC", text or "").split()).lower()
    if not folded or len(folded) > MAX_KEPT_QUERY or len(folded.split()) > MAX_KEPT_WORDS:
        return ""
    if any(character.isdigit() for character in folded) or EMAIL_LIKE.search(folded):
        return ""
    return folded
