"""The French analysis chain, the same at index and at query time.

Words are lowercased, their accents folded (so "mediation" meets "médiation"), elided
articles (l', d', qu') and common French words dropped, then stemmed with the Snowball
French stemmer. Folding comes before stemming so that a word typed with or without its
accents always reaches the same stem.
"""

import functools
import re
import unicodedata

from whoosh.analysis import CharsetFilter
from whoosh.analysis import LowercaseFilter
from whoosh.analysis import RegexTokenizer
from whoosh.analysis import StemFilter
from whoosh.analysis import StopFilter
from whoosh.lang import stopwords
from whoosh.support.charset import accent_map

# Words made of letters or digits; apostrophes split "l'accueil" into "l" and "accueil".
WORD_PATTERN = r"\w+"
ELIDED = {"l", "d", "qu", "j", "n", "s", "c", "m", "t", "jusqu", "lorsqu", "puisqu"}


def fold_accents(text):
    """Return text without diacritics ("crèche" → "creche")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(character for character in decomposed if not unicodedata.combining(character))


@functools.cache
def french_stop_words():
    """Return the French stop words, accent-folded, with the elided forms."""
    return frozenset(fold_accents(word) for word in stopwords.stoplists["fr"]) | ELIDED


def french_analyzer():
    """Return the analyzer used for every French text field."""
    return (
        RegexTokenizer(WORD_PATTERN)
        | LowercaseFilter()
        | CharsetFilter(accent_map)
        | StopFilter(stoplist=french_stop_words(), minsize=1)
        | StemFilter(lang="fr", cachesize=50_000)
    )


SPACES = re.compile(r"\s+")
ARABIC_ARTICLE = re.compile(r"(?<!\S)ال(?=\w{2})")  # "الوساطة" and "وساطة" are one word for matching


def normalize_for_matching(text):
    """Return text as space-separated lowercase words without accents, for phrase matching.

    Used on what people type and on the phrases of the synonyms file alike, so that
    "Médiation  familiale", "mediation-familiale" and "MEDIATION familiale" all read
    "mediation familiale". Scripts without spaces (Chinese) stay one run of characters.
    """
    folded = fold_accents(unicodedata.normalize("NFKC", text).casefold())
    # Letters, digits and marks (the vowel signs of Tamil or Bengali) make words; the rest separates.
    kept = "".join(character if unicodedata.category(character)[0] in "LNM" else " " for character in folded)
    return ARABIC_ARTICLE.sub("", SPACES.sub(" ", kept).strip())


def analyze(analyzer, text):
    """Return the terms an analyzer makes of a text, in order."""
    return [token.text for token in analyzer(text)]
