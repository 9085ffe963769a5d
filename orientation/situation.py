"""The family's situation (CONTRACTS §3): its fields, their checks, and the object the rules read.

Every field may be absent (unknown). `parse_situation` turns a plain mapping (a JSON body, a
file, the values a questionnaire gathered) into a Situation, or raises SituationError naming
the first field that is unknown, of the wrong type or out of range. Messages are French
message ids with named placeholders, translated by whoever shows them.
"""

import dataclasses
import re
from dataclasses import dataclass

from directory.taxonomy import N_
from directory.validation import Problem

# A BCP 47 tag such as "fr", "ar", "zh-Hans", "pt-BR": a language then short subtags.
LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,3}$")
MAX_CHILDREN = 20  # more ages than this is a malformed request, not a family
MAX_CHILD_AGE = 30  # years; a grown-up child still at home, not a typing error
PARENT_AGES = (11, 99)  # years, inclusive; the parent who answers

SEPARATION_VALUES = ("none", "considering", "in_progress", "separated")
CHILD_SUPPORT_VALUES = ("none", "not_fixed", "fixed_paid", "fixed_unpaid")
HOUSING_VALUES = ("stable", "hosted", "hotel", "shelter", "homeless")
PRECARIOUS_HOUSING = ("hotel", "shelter", "homeless")


@dataclass(frozen=True)
class FieldSpec:
    """How one situation field is checked."""

    type: str  # "bool", "int", "ages", "choice" or "language"
    low: int | None = None
    high: int | None = None
    choices: tuple = ()


FIELDS = {
    "arrondissement": FieldSpec("int", 1, 20),
    "language": FieldSpec("language"),
    "children_ages": FieldSpec("ages", 0, MAX_CHILD_AGE),
    "expecting_child": FieldSpec("bool"),
    "single_parent": FieldSpec("bool"),
    "separation": FieldSpec("choice", choices=SEPARATION_VALUES),
    "conflict_with_other_parent": FieldSpec("bool"),
    "child_support": FieldSpec("choice", choices=CHILD_SUPPORT_VALUES),
    "domestic_violence": FieldSpec("bool"),
    "child_in_danger": FieldSpec("bool"),
    "job_seeking": FieldSpec("bool"),
    "registered_france_travail": FieldSpec("bool"),
    "rsa": FieldSpec("bool"),
    "parent_age": FieldSpec("int", *PARENT_AGES),
    "feels_isolated": FieldSpec("bool"),
    "new_in_paris": FieldSpec("bool"),
    "french_difficulty": FieldSpec("bool"),
    "digital_difficulty": FieldSpec("bool"),
    "no_equipment": FieldSpec("bool"),
    "holidays_wanted": FieldSpec("bool"),
    "caf_allocataire": FieldSpec("bool"),
    "housing": FieldSpec("choice", choices=HOUSING_VALUES),
    "disability_in_family": FieldSpec("bool"),
    "bereavement": FieldSpec("bool"),
    "teen_concern": FieldSpec("bool"),
}


class SituationError(ValueError):
    """A situation that cannot be read; `problem` names the field and says why."""

    def __init__(self, problem):
        super().__init__(problem.french())
        self.problem = problem


@dataclass(frozen=True)
class Situation:
    """What a family told us; None means unknown."""

    arrondissement: int | None = None
    language: str | None = None
    children_ages: tuple | None = None
    expecting_child: bool | None = None
    single_parent: bool | None = None
    separation: str | None = None
    conflict_with_other_parent: bool | None = None
    child_support: str | None = None
    domestic_violence: bool | None = None
    child_in_danger: bool | None = None
    job_seeking: bool | None = None
    registered_france_travail: bool | None = None
    rsa: bool | None = None
    parent_age: int | None = None
    feels_isolated: bool | None = None
    new_in_paris: bool | None = None
    french_difficulty: bool | None = None
    digital_difficulty: bool | None = None
    no_equipment: bool | None = None
    holidays_wanted: bool | None = None
    caf_allocataire: bool | None = None
    housing: str | None = None
    disability_in_family: bool | None = None
    bereavement: bool | None = None
    teen_concern: bool | None = None

    def ages_between(self, low, high):
        """Return the children's ages from low to high included, youngest first."""
        return sorted(age for age in self.children_ages or () if low <= age <= high)

    def has_child_under(self, age):
        """Tell whether a child is known to be younger than `age` years."""
        return bool(self.ages_between(0, age - 1))

    def may_have_child_under(self, age):
        """Tell whether a child under `age` is known, expected, or the ages are unknown."""
        return self.children_ages is None or self.has_child_under(age) or self.expecting_child is True

    def to_mapping(self):
        """Return the known fields only, in the contract's order (lists for JSON)."""
        values = {}
        for name in FIELDS:
            value = getattr(self, name)
            if value is not None:
                values[name] = list(value) if name == "children_ages" else value
        return values


def _check_int(name, value, spec):
    if isinstance(value, bool) or not isinstance(value, int):
        raise SituationError(Problem(name, N_("« %(field)s » doit être un nombre entier."), {"field": name}))
    if not spec.low <= value <= spec.high:
        message = N_("« %(field)s » doit être compris entre %(low)s et %(high)s.")
        raise SituationError(Problem(name, message, {"field": name, "low": spec.low, "high": spec.high}))
    return value


def check_value(name, value):
    """Return the checked value of one field, or raise SituationError."""
    spec = FIELDS.get(name)
    if spec is None:
        raise SituationError(Problem(name, N_("Champ inconnu : « %(field)s »."), {"field": name}))
    if spec.type == "bool":
        if not isinstance(value, bool):
            raise SituationError(Problem(name, N_("« %(field)s » doit valoir true ou false."), {"field": name}))
        return value
    if spec.type == "int":
        return _check_int(name, value, spec)
    if spec.type == "ages":
        if not isinstance(value, list) or len(value) > MAX_CHILDREN:
            message = N_("« %(field)s » doit être une liste d'au plus %(count)s âges.")
            raise SituationError(Problem(name, message, {"field": name, "count": MAX_CHILDREN}))
        return tuple(_check_int(name, age, spec) for age in value)
    if not isinstance(value, str):
        raise SituationError(Problem(name, N_("« %(field)s » doit être un texte."), {"field": name}))
    if spec.type == "language":
        if not LANGUAGE_TAG.match(value):
            message = N_("« %(field)s » doit être un code de langue comme fr, ar ou zh-Hans.")
            raise SituationError(Problem(name, message, {"field": name}))
        return value
    if value not in spec.choices:
        message = N_("« %(field)s » doit valoir l'une de ces valeurs : %(choices)s.")
        raise SituationError(Problem(name, message, {"field": name, "choices": ", ".join(spec.choices)}))
    return value


def parse_situation(values):
    """Return the Situation of a mapping of field values; null counts as absent."""
    if not isinstance(values, dict):
        raise SituationError(Problem(None, N_("La situation doit être un objet JSON, entre accolades.")))
    checked = {}
    for name, value in values.items():
        if value is None and name in FIELDS:
            continue
        checked[name] = check_value(name, value)
    return Situation(**checked)


FIELD_NAMES = tuple(field.name for field in dataclasses.fields(Situation))
