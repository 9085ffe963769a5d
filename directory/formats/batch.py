"""What a format reader hands to the import: located raw records, and records it leaves out."""

import hashlib
import re
from dataclasses import dataclass
from dataclasses import field

from directory import geography
from directory.taxonomy import N_
from directory.validation import Problem

PARIS_INSEE = "75056"  # the commune of Paris; 751NN are its arrondissements (75116 for the 16e)
# Ten digits, written with or without separators, or with +33 / 0033 instead of the first 0.
FRENCH_PHONE = re.compile(r"^(?:\+33|0033|0)[ .\-]?(?:\(0\))?[ .\-]?([1-9](?:[ .\-]?[0-9]{2}){4})$")


@dataclass(frozen=True)
class Where:
    """Where a record is in the file(s) read: a line (CSV) or a record number (JSON), 1-based."""

    number: int
    unit: str = "ligne"  # "ligne" or "enregistrement"
    part: str | None = None  # the file (or member of a package) when there are several

    def french(self):
        """Return "ligne 5" or "services.json · enregistrement 3"."""
        located = f"{self.unit} {self.number}"
        return f"{self.part} · {located}" if self.part else located


@dataclass(frozen=True)
class Candidate:
    """A record read from a file, as values of our fields, before any check.

    `roundtrip` is None when the record is complete (the project's CSV); otherwise it returns
    what an existing resource looks like once written in the file's format and read back,
    so that the import changes only what the file really says differently.
    """

    where: Where
    raw: dict
    roundtrip: object = None
    new_record_defaults: dict = field(default_factory=dict)
    problems: tuple = ()  # problems found while reading (validation.Problem), beside those of the record check


@dataclass(frozen=True)
class Notice:
    """A record the import leaves out on purpose (outside Paris, archived…), with the reason."""

    where: Where
    record_id: str | None
    message: str  # French message id
    params: dict = field(default_factory=dict)

    def french(self):
        """Return the notice in French."""
        text = self.message % self.params if self.params else self.message
        return f"{self.where.french()}" + (f" ({self.record_id})" if self.record_id else "") + f" · {text}"


OUTSIDE_PARIS = N_("Hors de Paris : laissé de côté.")

# The JSON types a reader expects, for `shape_problems`. A shape is one of these, a dict
# {key: shape} for an object (other keys allowed), or a one-item list [shape] for a list.
TEXT = "text"
NUMBER = "number"
SCALAR = "scalar"  # a text or a number: ids, postal codes, phone numbers
_CHECKS = {
    TEXT: (lambda value: isinstance(value, str), N_("Un texte est attendu ici.")),
    NUMBER: (lambda value: isinstance(value, int | float) and not isinstance(value, bool), N_("Un nombre est attendu ici.")),
    SCALAR: (
        lambda value: isinstance(value, str | int | float) and not isinstance(value, bool),
        N_("Un texte ou un nombre est attendu ici."),
    ),
}
_NOT_NULL = object()  # stands for a null item of a list, which no shape accepts
OBJECT_EXPECTED = N_("Un objet JSON est attendu ici.")
LIST_EXPECTED = N_("Une liste est attendue ici.")


def shape_problems(value, shape, path=""):
    """Return a Problem for each place where a parsed JSON value has another type than its shape says.

    Null is accepted for an absent value, not as an item of a list; a reader may then read the
    value without checking each type again. The problem's field is the path: `schedules[2].opens_at`.
    """
    if value is None:
        return []
    if isinstance(shape, dict):
        if not isinstance(value, dict):
            return [Problem(path or "*", OBJECT_EXPECTED)]
        return [
            problem
            for key, inner in shape.items()
            for problem in shape_problems(value.get(key), inner, f"{path}.{key}".lstrip("."))
        ]
    if isinstance(shape, list):
        if not isinstance(value, list):
            return [Problem(path, LIST_EXPECTED)]
        return [
            problem
            for number, item in enumerate(value)
            for problem in shape_problems(_NOT_NULL if item is None else item, shape[0], f"{path}[{number}]")
        ]
    accepts, message = _CHECKS[shape]
    return [] if accepts(value) else [Problem(path, message)]


def readable_id(record):
    """Tell whether a record is an object with an id we can read (a text or a number)."""
    return isinstance(record, dict) and record.get("id") is not None and not shape_problems(record["id"], SCALAR)


def phone_from_text(text):
    """Return a French phone number as "01 23 45 67 89" when it is one; else the text, trimmed."""
    if text is None:
        return None
    stripped = str(text).strip()
    match = FRENCH_PHONE.match(stripped)
    if not match:
        return stripped or None
    digits = "0" + re.sub(r"[^0-9]", "", match.group(1))
    return " ".join(digits[index : index + 2] for index in range(0, 10, 2))


def phone_to_e164(phone):
    """Return "+33123456789" for "01 23 45 67 89"; a short number (3919) as it is."""
    if not phone:
        return None
    digits = phone.replace(" ", "")
    return "+33" + digits[1:] if len(digits) == 10 and digits.startswith("0") else digits


def insee_code(arrondissement):
    """Return the INSEE code of an arrondissement (75101-75120), or Paris's for a remote service."""
    return f"751{arrondissement:02d}" if arrondissement else PARIS_INSEE


def place_in_paris(postal_code, insee=None, zones=None):
    """Return ("local", arrondissement) for a Paris place, ("remote", None) for a Paris-wide service, None outside."""
    if postal_code:
        number = geography.arrondissement_for_postal_code(str(postal_code).strip())
        return ("local", number) if number else None
    if insee:
        insee = str(insee).strip()
        if re.fullmatch(r"751[0-2][0-9]", insee) and 1 <= int(insee[3:]) <= 20:
            return "local", int(insee[3:])
        return ("remote", None) if insee == PARIS_INSEE else None
    if zones is None:
        return "remote", None
    paris_wide = {PARIS_INSEE, "75", "france", "99100"}
    return ("remote", None) if any(str(zone) in paris_wide or str(zone).startswith("751") for zone in zones) else None


def foreign_id(prefix, value):
    """Return one of our ids for an id of another system: its lowercase letters and digits, and a hash if that was lossy."""
    text = str(value).strip()
    slug = "-".join(re.findall(r"[a-z0-9]+", text.lower()))
    identifier = f"{prefix}-{slug}" if slug else prefix
    # Ids like "dora--123" keep their words; anything else that changed gets a hash, so that two ids never meet.
    if slug != re.sub(r"-{2,}", "-", text) or len(identifier) > 70:
        identifier = f"{identifier[:60].rstrip('-')}-{hashlib.sha1(text.encode('utf-8')).hexdigest()[:8]}"
    return identifier
