"""The synonyms file (data/search/synonyms.yaml): loading, checking, and finding its phrases in a text.

Each entry is a group of phrases that mean the same thing. Its `fr` phrases are the words our
French texts use; the phrases of any other language are only ways to ask for them. When a
text contains any phrase of a group, the search looks for all the group's French phrases,
and, when the group names a `kind`, puts the resources of that kind first.
"""

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from directory import taxonomy
from search.analysis import normalize_for_matching

SYNONYMS_FILE = Path(__file__).resolve().parent.parent / "data" / "search" / "synonyms.yaml"
LANGUAGE_KEY = re.compile(r"^[a-z]{2,3}$")  # ISO 639 codes: en, ar, zh, fa…


class SynonymsError(ValueError):
    """The synonyms file has a mistake; the message names the entry and the key."""


@dataclass(frozen=True)
class SynonymGroup:
    """Phrases that mean the same thing, and the kind of service they ask for (or None)."""

    position: int  # 1-based position in the file, for messages
    kind: str | None
    french: tuple  # phrases as written in the file
    phrases: tuple  # every phrase of every language, normalized for matching


@dataclass(frozen=True)
class Match:
    """A phrase of a group found in a text."""

    group: SynonymGroup
    start: int  # position in the normalized text
    phrase: str


def _is_unspaced_script(phrase):
    # Chinese and Japanese write words without spaces: their phrases match inside a run.
    return any(unicodedata.east_asian_width(character) == "W" for character in phrase)


def _phrases(entry, key, where):
    values = entry[key]
    if not isinstance(values, list):
        values = [values]
    # YAML reads 3919 or 119 as numbers: they are phrases like any other.
    texts = [str(value).strip() for value in values if isinstance(value, str | int) and not isinstance(value, bool)]
    if not values or len(texts) != len(values) or not all(texts):
        raise SynonymsError(f"{where}, clé « {key} » : une liste de textes non vides est attendue")
    return texts


def parse_groups(entries, source="synonyms"):
    """Return the SynonymGroups of a parsed YAML list; raise SynonymsError on any mistake."""
    if not isinstance(entries, list):
        raise SynonymsError(f"{source} : une liste de groupes est attendue")
    groups = []
    for position, entry in enumerate(entries, start=1):
        where = f"{source}, groupe n° {position}"
        if not isinstance(entry, dict):
            raise SynonymsError(f"{where} : un dictionnaire est attendu")
        if "fr" not in entry:
            raise SynonymsError(f"{where} : la clé « fr » (les mots de nos textes) manque")
        kind = entry.get("kind")
        if kind is not None and kind not in taxonomy.KIND_BY_CODE:
            raise SynonymsError(f"{where}, clé « kind » : type de service inconnu « {kind} »")
        phrases = []
        for key in entry:
            if key == "kind":
                continue
            if not LANGUAGE_KEY.match(str(key)):
                raise SynonymsError(f"{where} : clé inconnue « {key} » (attendu : kind ou un code de langue)")
            phrases.extend(_phrases(entry, key, where))
        normalized = tuple(dict.fromkeys(text for text in map(normalize_for_matching, phrases) if text))
        groups.append(SynonymGroup(position, kind, tuple(_phrases(entry, "fr", where)), normalized))
    return groups


def load_groups(path=SYNONYMS_FILE):
    """Read and check the synonyms file."""
    with open(path, encoding="utf-8") as stream:
        try:
            entries = yaml.safe_load(stream)
        except yaml.YAMLError as error:
            raise SynonymsError(f"{path} : YAML illisible ({error})") from error
    return parse_groups(entries, source=str(path))


class SynonymTable:
    """Finds the groups' phrases in a normalized text, longest phrases first."""

    def __init__(self, groups):
        self.groups = tuple(groups)
        pairs = {(phrase, group.position): group for group in self.groups for phrase in group.phrases}
        # Longest first, so "pension alimentaire impayée" wins over "pension alimentaire".
        self._phrases = sorted(((phrase, group) for (phrase, _), group in pairs.items()), key=lambda pair: -len(pair[0]))

    def find(self, normalized_text):
        """Return (matches in text order, the text with every matched phrase blanked out)."""
        text = normalized_text
        matches = []
        for phrase, group in self._phrases:
            if phrase not in text:
                continue
            unspaced = _is_unspaced_script(phrase)
            start = 0
            while (found := text.find(phrase, start)) >= 0:
                end = found + len(phrase)
                whole_words = (found == 0 or text[found - 1] == " ") and (end == len(text) or text[end] == " ")
                if unspaced or whole_words:
                    matches.append(Match(group, found, phrase))
                    text = text[:found] + " " * len(phrase) + text[end:]
                start = end
        matches.sort(key=lambda match: match.start)
        return matches, text
