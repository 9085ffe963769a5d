"""Translation catalogs: their review status, what is left to translate, the French source catalog.

Plain functions over Babel's catalog objects, without Flask: the `flask translations` commands,
the page notice and the catalog tests all read catalogs through them.
"""

import datetime
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from babel.messages.pofile import read_po
from babel.messages.pofile import write_po

REVIEWS_FILE = "reviews.yaml"  # next to the catalogs, in translations/

# source: French, the source language (its catalog copies the message ids);
# machine: written by a machine translation, not read by a person yet (pages say so);
# reviewed: a fluent translator has read every message.
REVIEW_STATUSES = ("source", "machine", "reviewed")

# A Python named placeholder such as %(num)d or %(name)s.
PLACEHOLDER = re.compile(r"%\(\w+\)[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]")


@dataclass(frozen=True)
class Review:
    """Who has read a catalog, if anyone."""

    status: str  # one of REVIEW_STATUSES
    reviewed_by: str | None = None
    reviewed_on: datetime.date | None = None

    @property
    def is_machine_translation(self):
        """Tell whether pages in this language must carry the "not reviewed" notice."""
        return self.status == "machine"


@dataclass(frozen=True)
class Gap:
    """A message of a catalog that a translator still has to handle."""

    problem: str  # "missing", "fuzzy" or "placeholders"
    msgid: str | tuple  # a tuple (singular, plural) for a plural message


def catalog_path(translations_dir, locale):
    """Return the path of a language's catalog."""
    return Path(translations_dir) / locale / "LC_MESSAGES" / "messages.po"


def read_catalog(path, locale=None):
    """Read a .po or .pot file."""
    with open(path, "rb") as stream:
        return read_po(stream, locale=locale)


def write_catalog(path, catalog):
    """Write a catalog the way `pybabel update` does (same wrapping), without obsolete messages."""
    with open(path, "wb") as stream:
        write_po(stream, catalog, ignore_obsolete=True)


def load_reviews(path, locales):
    """Read the review status of every catalog; raise ValueError naming the first problem."""
    with open(path, encoding="utf-8") as stream:
        raw = yaml.safe_load(stream) or {}
    if set(raw) != set(locales):
        missing = sorted(set(locales) - set(raw))
        unknown = sorted(set(raw) - set(locales))
        raise ValueError(f"{path}: every catalog needs one entry (missing: {missing}, unknown: {unknown})")
    reviews = {}
    for locale, entry in raw.items():
        entry = entry or {}
        unknown_fields = sorted(set(entry) - {"status", "reviewed_by", "reviewed_on"})
        if unknown_fields:
            raise ValueError(f"{path}: {locale}: unknown fields {unknown_fields}")
        review = Review(entry.get("status"), entry.get("reviewed_by"), entry.get("reviewed_on"))
        if review.status not in REVIEW_STATUSES:
            raise ValueError(f"{path}: {locale}: status must be one of {', '.join(REVIEW_STATUSES)}")
        if review.status == "reviewed" and not (review.reviewed_by and isinstance(review.reviewed_on, datetime.date)):
            raise ValueError(f"{path}: {locale}: a reviewed catalog names its reviewer and the date (YYYY-MM-DD)")
        reviews[locale] = review
    return reviews


def message_ids(catalog):
    """Return the set of message ids of a catalog (a plural message as its (singular, plural) pair)."""
    return {message.id for message in catalog if message.id}


def placeholders(text):
    """Return the sorted list of named placeholders in a text."""
    return sorted(PLACEHOLDER.findall(text or ""))


def translations_of(message):
    """Return the translated strings of a message, one per plural form."""
    return list(message.string) if message.pluralizable else [message.string]


def gap_of(message):
    """Return the Gap of one message, or None when its translation is usable."""
    strings = translations_of(message)
    if not all(strings):
        return Gap("missing", message.id)
    if message.fuzzy:
        return Gap("fuzzy", message.id)
    # Every form keeps the source's placeholders exactly: a plural form keeps %(num)d too.
    source = message.id[-1] if message.pluralizable else message.id
    if any(placeholders(string) != placeholders(source) for string in strings):
        return Gap("placeholders", message.id)
    return None


def catalog_gaps(catalog):
    """Return the Gaps of a catalog, in catalog order."""
    gaps = (gap_of(message) for message in catalog if message.id)
    return [gap for gap in gaps if gap is not None]


def copy_source(catalog):
    """Fill the French catalog from the message ids: French is the source language.

    A French catalog is still compiled so that French plural rules apply (0 is singular).
    """
    for message in catalog:
        if message.id:
            message.string = message.id
            message.flags.discard("fuzzy")
    return catalog


def describe_msgid(msgid):
    """Return a message id on one line, a plural message as "singular | plural"."""
    text = " | ".join(msgid) if isinstance(msgid, tuple) else msgid
    return text.replace("\n", "\\n")
