"""Validate resource records, whatever they come from: data files, CSV imports or staff forms.

`clean_record` turns raw values (strings from a CSV or a form, typed values from YAML) into
the values of a Resource and lists every problem found, each naming its field. Messages are
French message ids with named placeholders: the CLI prints them in French, the views
translate them.
"""

import datetime
import re
import unicodedata
from dataclasses import dataclass
from dataclasses import field

import opening_hours

from directory import geography
from directory import sources
from directory import taxonomy
from directory.models import FIELD_NAMES
from directory.models import LIST_FIELDS
from directory.models import MAPPING_FIELDS
from directory.models import REQUIRED_FIELDS
from directory.taxonomy import N_

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ID_MAX_LENGTH = 80
POSTAL_CODE_PATTERN = re.compile(r"^75(?:0(?:0[1-9]|1[0-9]|20)|116)$")
# Ten digits written in pairs, or a short number (3919, 119, 3238…).
PHONE_PATTERN = re.compile(r"^(?:0[1-9](?: [0-9]{2}){4}|[0-9]{2,4})$")
EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")
LANGUAGE_CODE_PATTERN = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z]{2,4})?$")
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# A box around Paris, to catch swapped or foreign coordinates (degrees).
PARIS_LATITUDES = (48.80, 48.91)
PARIS_LONGITUDES = (2.22, 2.47)
MAX_AGE = 25  # years; the directory is about children and young people
MAX_TEXT_LENGTH = 2000  # characters, for any single text field
MAX_REVIEW_MONTHS = 60  # a record unchecked for longer than five years needs checking anyway
TEXT_FIELDS = (
    "name",
    "address",
    "address_details",
    "qpv",
    "hours_details",
    "audience",
    "cost_details",
    "accessibility",
    "description",
    "notes",
)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one field of a record."""

    field: str
    message: str  # French message id with %(name)s placeholders
    params: dict = field(default_factory=dict)

    def french(self):
        """Return the message in French, the source language."""
        return self.message % self.params if self.params else self.message


def _blank(value):
    return value is None or (isinstance(value, str) and not value.strip()) or value == [] or value == {}


def _as_list(value):
    if _blank(value):
        return []
    if isinstance(value, str):
        return [part.strip() for part in re.split(r"[,;|]", value) if part.strip()]
    if isinstance(value, (list, tuple)):
        return list(value)
    return None


def _as_int(value):
    if _blank(value):
        return None
    if isinstance(value, bool):
        raise ValueError
    if isinstance(value, int):
        return value
    text = str(value).strip()
    if not re.fullmatch(r"-?[0-9]+", text):
        raise ValueError
    return int(text)


def _as_float(value):
    if _blank(value):
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ValueError
    return float(str(value).replace(",", ".")) if isinstance(value, str) else float(value)


def _as_date(value):
    if _blank(value):
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(str(value).strip())


def hours_problem(text):
    """Return why an OpenStreetMap opening_hours text does not parse, or None."""
    try:
        opening_hours.OpeningHours(text)
    except (opening_hours.ParserError, SyntaxError, ValueError) as error:
        return str(error).splitlines()[0]
    return None


def clean_record(raw, today=None, documents=None):
    """Return (values, problems): typed values of a Resource and every problem found."""
    today = today or datetime.date.today()
    problems = []
    values = {}

    def problem(field_name, message, **params):
        problems.append(Problem(field_name, message, params))

    for name in raw:
        if name not in FIELD_NAMES:
            problem(name, N_("Champ inconnu « %(name)s »."), name=name)

    for name in FIELD_NAMES:
        value = raw.get(name)
        if isinstance(value, str):
            value = value.strip()
            if CONTROL_CHARACTERS.search(value):
                problem(name, N_("Ce texte contient des caractères de contrôle."))
                value = CONTROL_CHARACTERS.sub("", value)
        values[name] = None if _blank(value) else value

    for name in REQUIRED_FIELDS:
        if values[name] is None:
            problem(name, N_("Ce champ est obligatoire."))

    for name in TEXT_FIELDS:
        text = values[name]
        if text is not None and not isinstance(text, str):
            values[name] = text = str(text)
        if text is not None and len(text) > MAX_TEXT_LENGTH:
            problem(name, N_("Ce texte est trop long (%(max)s caractères au plus)."), max=MAX_TEXT_LENGTH)

    identifier = values["id"]
    if identifier is not None:
        identifier = values["id"] = str(identifier)
        if not ID_PATTERN.match(identifier) or len(identifier) > ID_MAX_LENGTH:
            problem(
                "id",
                N_(
                    "L'identifiant doit contenir seulement des minuscules, des chiffres et des tirets (%(max)s caractères au plus)."
                ),
                max=ID_MAX_LENGTH,
            )

    if values["kind"] is not None and values["kind"] not in taxonomy.KIND_BY_CODE:
        problem("kind", N_("Type de service inconnu : « %(value)s »."), value=values["kind"])
    for name, allowed in (
        ("status", taxonomy.STATUSES),
        ("cost", taxonomy.COSTS),
        ("confidence", taxonomy.CONFIDENCES),
    ):
        if values[name] is not None and values[name] not in allowed:
            problem(name, N_("Valeur inconnue : « %(value)s »."), value=values[name])

    for name in LIST_FIELDS:
        items = _as_list(values[name])
        if items is None:
            problem(name, N_("Une liste est attendue."))
            items = []
        values[name] = [str(item).strip() for item in items]
    for theme in values["themes"]:
        if theme not in taxonomy.THEME_BY_CODE:
            problem("themes", N_("Thème inconnu : « %(value)s »."), value=theme)
    if values["kind"] == "autre" and not values["themes"]:
        problem("themes", N_("Un service de type « autre » doit avoir au moins un thème."))
    for mode in values["access"]:
        if mode not in taxonomy.ACCESS_MODES:
            problem("access", N_("Mode d'accès inconnu : « %(value)s »."), value=mode)
    for code in values["languages"]:
        if not LANGUAGE_CODE_PATTERN.match(code):
            problem("languages", N_("Code de langue invalide : « %(value)s »."), value=code)

    for name in MAPPING_FIELDS:
        mapping = values[name] or {}
        if not isinstance(mapping, dict):
            problem(name, N_("Une liste de traductions par langue est attendue."))
            mapping = {}
        for code, text in mapping.items():
            if not LANGUAGE_CODE_PATTERN.match(str(code).replace("_", "-")) or not isinstance(text, str):
                problem(name, N_("Traduction invalide pour « %(value)s »."), value=code)
        values[name] = {str(code): text for code, text in mapping.items() if isinstance(text, str)}

    _check_place(values, problem)
    _check_contacts(values, problem)
    _check_ages(values, problem)
    _check_dates(values, problem, today)

    if values["opening_hours"] is not None:
        values["opening_hours"] = str(values["opening_hours"])
        reason = hours_problem(values["opening_hours"])
        if reason:
            problem("opening_hours", N_("Horaires illisibles (syntaxe OpenStreetMap attendue) : %(reason)s"), reason=reason)

    if values["source"] is not None and not sources.is_valid_source(str(values["source"]), documents):
        problem("source", N_("La source doit être une adresse web ou un document connu avec sa ligne (ex. pst-14#L1286)."))
    for other in values["other_sources"]:
        if not sources.is_valid_source(other, documents):
            problem("other_sources", N_("Source invalide : « %(value)s »."), value=other)

    return values, problems


def _check_place(values, problem):
    postal_code = values["postal_code"]
    if postal_code is not None:
        postal_code = values["postal_code"] = str(postal_code)
        if not POSTAL_CODE_PATTERN.match(postal_code):
            problem("postal_code", N_("Code postal parisien attendu (75001 à 75020, ou 75116)."))
            postal_code = None
    try:
        values["arrondissement"] = _as_int(values["arrondissement"])
    except ValueError:
        problem("arrondissement", N_("Un numéro d'arrondissement (1 à 20) est attendu."))
        values["arrondissement"] = None
    arrondissement = values["arrondissement"]
    if arrondissement is not None and arrondissement not in geography.arrondissement_numbers():
        problem("arrondissement", N_("Un numéro d'arrondissement (1 à 20) est attendu."))
    elif postal_code is not None:
        expected = geography.arrondissement_for_postal_code(postal_code)
        if arrondissement is None:
            problem("arrondissement", N_("Indiquez l'arrondissement du code postal %(postal_code)s."), postal_code=postal_code)
        elif expected != arrondissement:
            problem(
                "postal_code",
                N_("Le code postal %(postal_code)s ne correspond pas au %(arrondissement)se arrondissement."),
                postal_code=postal_code,
                arrondissement=arrondissement,
            )
    if values["address"] is not None and postal_code is None and values["postal_code"] is None:
        problem("postal_code", N_("Une adresse doit avoir son code postal."))
    for name, (low, high) in (("latitude", PARIS_LATITUDES), ("longitude", PARIS_LONGITUDES)):
        try:
            number = values[name] = _as_float(values[name])
        except ValueError:
            problem(name, N_("Un nombre est attendu."))
            values[name] = None
            continue
        if number is not None and not low <= number <= high:
            problem(name, N_("Ces coordonnées ne sont pas dans Paris."))


def _check_contacts(values, problem):
    if values["phone"] is not None:
        values["phone"] = str(values["phone"])
        if not PHONE_PATTERN.match(values["phone"]):
            problem("phone", N_("Numéro de téléphone attendu sous la forme 01 23 45 67 89, ou un numéro court (3919)."))
    if values["email"] is not None:
        values["email"] = str(values["email"])
        if not EMAIL_PATTERN.match(values["email"]):
            problem("email", N_("Adresse e-mail invalide."))
    if values["website"] is not None:
        values["website"] = str(values["website"])
        if not sources.is_web_address(values["website"]):
            problem("website", N_("Adresse web attendue, commençant par https://."))


def _check_ages(values, problem):
    for name in ("min_age", "max_age"):
        try:
            values[name] = _as_int(values[name])
        except ValueError:
            problem(name, N_("Un âge en années est attendu."))
            values[name] = None
            continue
        if values[name] is not None and not 0 <= values[name] <= MAX_AGE:
            problem(name, N_("L'âge doit être compris entre 0 et %(max)s ans."), max=MAX_AGE)
    if values["min_age"] is not None and values["max_age"] is not None and values["min_age"] > values["max_age"]:
        problem("max_age", N_("L'âge maximum est plus petit que l'âge minimum."))
    try:
        values["review_months"] = _as_int(values["review_months"])
    except ValueError:
        values["review_months"] = None
        problem("review_months", N_("Un nombre de mois est attendu."))
    if values["review_months"] is not None and not 1 <= values["review_months"] <= MAX_REVIEW_MONTHS:
        problem("review_months", N_("Le délai de vérification doit être compris entre 1 et %(max)s mois."), max=MAX_REVIEW_MONTHS)


def _check_dates(values, problem, today):
    for name in ("source_date", "verified_on"):
        try:
            values[name] = _as_date(values[name])
        except ValueError:
            problem(name, N_("Date attendue sous la forme AAAA-MM-JJ."))
            values[name] = None
    if values["verified_on"] is not None and values["verified_on"] > today:
        problem("verified_on", N_("La date de vérification est dans le futur."))
    if values["source_date"] is not None and values["verified_on"] is not None:
        if values["source_date"] > values["verified_on"]:
            problem("source_date", N_("La source est datée après la vérification."))


def duplicate_key(text):
    """Return a comparison key for names and addresses: no accents, case, punctuation or articles."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    bare = "".join(character for character in decomposed if not unicodedata.combining(character)).lower()
    words = re.findall(r"[a-z0-9]+", bare)
    return " ".join(word for word in words if word not in {"le", "la", "les", "l", "de", "du", "des", "d"})


def find_duplicates(records):
    """Return (id, other id, field) for records that describe the same place twice."""
    seen_ids = {}
    seen_names = {}
    seen_places = {}
    duplicates = []
    for record in records:
        identifier = record.get("id")
        if identifier in seen_ids:
            duplicates.append((identifier, identifier, "id"))
        seen_ids[identifier] = True
        name_key = (duplicate_key(record.get("name")), record.get("postal_code"))
        if name_key in seen_names:
            duplicates.append((identifier, seen_names[name_key], "name"))
        else:
            seen_names[name_key] = identifier
        if record.get("address"):
            place_key = (duplicate_key(record["address"]), record.get("postal_code"), record.get("kind"))
            if place_key in seen_places:
                duplicates.append((identifier, seen_places[place_key], "address"))
            else:
                seen_places[place_key] = identifier
    return duplicates
