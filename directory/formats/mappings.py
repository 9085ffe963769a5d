"""The mappings between our kinds and themes and the vocabularies of data·inclusion and HSDS.

They are data (data/mappings/*.yaml, described in the README), read once and checked: an
unknown kind, theme or field stops the start with a message naming the file and the key.
"""

import functools
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from directory import taxonomy

MAPPINGS_DIR = Path(__file__).resolve().parents[2] / "data" / "mappings"


class MappingError(ValueError):
    """A mapping file names something that does not exist."""


@dataclass(frozen=True)
class KindRule:
    """An import rule: the kind of a record in which any of these values or words is found."""

    kind: str
    reseaux_porteurs: frozenset = frozenset()
    thematiques: frozenset = frozenset()
    words: tuple = ()

    def matches(self, name, thematiques=(), reseaux=(), terms=()):
        """Tell whether a record with this name, these values and these term names falls under the rule."""
        if self.reseaux_porteurs & set(reseaux) or self.thematiques & set(thematiques):
            return True
        texts = [plain_words(text) for text in (name, *terms) if text]
        return any(plain_words(word) in text for word in self.words for text in texts)


def plain_words(text):
    """Return a text lowercased, without accents, with single spaces, padded for whole-word search."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    bare = "".join(character for character in decomposed if not unicodedata.combining(character)).lower()
    cleaned = "".join(character if character.isalnum() or character == "'" else " " for character in bare)
    return " " + " ".join(cleaned.split()) + " "


def _read(name):
    path = MAPPINGS_DIR / name
    with open(path, encoding="utf-8") as stream:
        return yaml.safe_load(stream)


def _check_kind(file_name, where, code):
    if code not in taxonomy.KIND_BY_CODE:
        raise MappingError(f"{file_name} · {where} : type de service inconnu « {code} »")


def _check_theme(file_name, where, code):
    if code not in taxonomy.THEME_BY_CODE:
        raise MappingError(f"{file_name} · {where} : thème inconnu « {code} »")


def _rules(file_name, section):
    rules = []
    for position, rule in enumerate(section.get("kinds", []), start=1):
        _check_kind(file_name, f"import.kinds[{position}]", rule.get("kind"))
        unknown = set(rule) - {"kind", "reseaux_porteurs", "thematiques", "words"}
        if unknown:
            raise MappingError(f"{file_name} · import.kinds[{position}] : clés inconnues {sorted(unknown)}")
        rules.append(
            KindRule(
                rule["kind"],
                frozenset(rule.get("reseaux_porteurs", ())),
                frozenset(rule.get("thematiques", ())),
                tuple(rule.get("words", ())),
            )
        )
    _check_kind(file_name, "import.fallback", section.get("fallback"))
    return tuple(rules)


@functools.cache
def datainclusion():
    """Return the data·inclusion mapping, checked."""
    file_name = "datainclusion.yaml"
    mapping = _read(file_name)
    missing = set(taxonomy.KIND_BY_CODE) - set(mapping["kinds"])
    if missing:
        raise MappingError(f"{file_name} · kinds : types sans correspondance {sorted(missing)}")
    for code in mapping["kinds"]:
        _check_kind(file_name, "kinds", code)
    for code in mapping["themes"]:
        _check_theme(file_name, "themes", code)
    section = mapping["import"]
    for key, theme in (*section["themes_from"]["thematiques"].items(), *section["themes_from"]["publics"].items()):
        _check_theme(file_name, f"import.themes_from.{key}", theme)
    for value in section["modes_mobilisation"].values():
        if value not in taxonomy.ACCESS_MODES:
            raise MappingError(f"{file_name} · import.modes_mobilisation : mode d'accès inconnu « {value} »")
    section["rules"] = _rules(file_name, section)
    return mapping


@functools.cache
def hsds():
    """Return the HSDS mapping, checked."""
    file_name = "hsds.yaml"
    mapping = _read(file_name)
    section = mapping["import"]
    for status in section["statuses"].values():
        if status not in taxonomy.STATUSES:
            raise MappingError(f"{file_name} · import.statuses : statut inconnu « {status} »")
    section["rules"] = _rules(file_name, section)
    return mapping


def kind_from_rules(rules, fallback, name, thematiques=(), reseaux=(), terms=()):
    """Return the kind of the first rule that matches a record, or the fallback."""
    for rule in rules:
        if rule.matches(name, thematiques, reseaux, terms):
            return rule.kind
    return fallback
