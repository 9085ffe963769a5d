"""What is counted, and the one rule for keeping a search text. Plain values in, plain values out."""

import hashlib
import hmac
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
# A zero-result text seen fewer times in a day is not kept: only a keyed hash of it is counted,
# so that one family's words (a name, a situation) never reach the database in clear.
ZERO_RESULTS_SEEN = "search_zero_results_seen"  # detail: keyed hash of the text; never shown
KEEP_TEXT_FROM = 3  # the text is kept from its third zero-result search of the day
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


def text_fingerprint(secret, day, text):
    """Return a keyed hash of a search text for one day: it tells equal texts apart without keeping them."""
    message = f"{day.isoformat()}\n{text}".encode()
    return hmac.new(secret.encode() if isinstance(secret, str) else secret, message, hashlib.sha256).hexdigest()[:32]
