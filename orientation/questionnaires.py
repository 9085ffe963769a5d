"""Load the questionnaires of data/questionnaires/*.yaml into dataclasses, checked against a schema.

One file per life event, plus `_common.yaml`, a library of questions that several
questionnaires share (`- use: arrondissement`): a shared question is one question, answered
once, shown pre-filled in the next questionnaire. Every problem raises QuestionnaireError
naming the file and the key, e.g.
`separation.yaml · questions[violence].options[oui].sets.domestic_violence : …`.
Texts are French message ids, translated at display time (see orientation/display.py and
the Babel extractor in orientation/babel_extract.py).
"""

import dataclasses
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from orientation.conditions import ConditionError
from orientation.conditions import compile_condition
from orientation.situation import FIELDS
from orientation.situation import SituationError
from orientation.situation import check_value

LIBRARY_FILE = "_common.yaml"
IDENTIFIER = re.compile(r"^[a-z][a-z0-9_-]*$")
QUESTION_TYPES = ("choice", "multi", "yesno", "number", "arrondissement", "ages")
# The field type each kind of question fills (choice and multi fill fields through their options).
FIELD_TYPE_OF_QUESTION = {"yesno": "bool", "number": "int", "arrondissement": "int", "ages": "ages"}
# Words the URLs use next to question ids.
RESERVED_IDS = ("summary", "results", "clear", "quit")

# The schema: allowed keys, their types, and the keys that must be there.
QUESTIONNAIRE_SCHEMA = {
    "id": str,
    "order": int,
    "title": str,
    "summary": str,
    "intro": str,
    "sensitive": bool,
    "help_first": bool,
    "sets": dict,
    "questions": list,
}
QUESTIONNAIRE_REQUIRED = ("id", "order", "title", "summary", "questions")
LIBRARY_SCHEMA = {"questions": list}
QUESTION_SCHEMA = {
    "id": str,
    "type": str,
    "label": str,
    "help": str,
    "field": str,
    "options": list,
    "min": int,
    "max": int,
    "dont_know": bool,
    "prefer_not_to_say": bool,
    "no_children": bool,
    "when": str,
}
QUESTION_REQUIRED = ("id", "type", "label")
USE_SCHEMA = {"use": str, "when": str}
OPTION_SCHEMA = {"id": str, "label": str, "sets": dict, "exclusive": bool}
OPTION_REQUIRED = ("id", "label", "sets")
# Keys whose values are shown to families; the Babel extractor collects exactly these.
TEXT_KEYS = ("title", "summary", "intro", "label", "help")


class QuestionnaireError(ValueError):
    """A problem in a questionnaire file, naming the file and the key."""

    def __init__(self, path, key, message):
        self.path = str(path)
        self.key = key
        super().__init__(f"{Path(path).name} · {key or '(fichier)'} : {message}")


@dataclass(frozen=True)
class Option:
    """One answer of a choice or multi question, and the situation values it gives."""

    id: str
    label: str
    sets: dict
    exclusive: bool = False


@dataclass(frozen=True)
class Question:
    """One question: what is asked, and how its answer fills the situation."""

    id: str
    type: str
    label: str
    help: str | None = None
    field: str | None = None
    options: tuple = ()
    minimum: int | None = None
    maximum: int | None = None
    dont_know: bool = False
    prefer_not_to_say: bool = False
    no_children: bool = False

    @property
    def can_skip(self):
        """Tell whether the family may answer "Je ne sais pas" or "Je préfère ne pas répondre"."""
        return self.dont_know or self.prefer_not_to_say

    def option(self, option_id):
        """Return the option with this id, or None."""
        return next((option for option in self.options if option.id == option_id), None)


@dataclass(frozen=True)
class Step:
    """A question in a questionnaire, with the condition for showing it there."""

    question: Question
    condition: object = None  # a compiled condition, or None for "always"
    condition_text: str | None = None


@dataclass(frozen=True)
class Questionnaire:
    """A life event: its texts and its questions in order."""

    id: str
    order: int
    title: str
    summary: str
    steps: tuple
    intro: str | None = None
    sensitive: bool = False
    help_first: bool = False
    sets: dict = dataclasses.field(default_factory=dict)  # situation values that choosing this life event gives

    def step(self, question_id):
        """Return the step of a question of this questionnaire, or None."""
        return next((step for step in self.steps if step.question.id == question_id), None)


@dataclass(frozen=True)
class Catalog:
    """Every questionnaire, in order, and every question by id."""

    questionnaires: tuple
    questions: dict

    def get(self, questionnaire_id):
        """Return a questionnaire by id, or None."""
        return next((item for item in self.questionnaires if item.id == questionnaire_id), None)


class _Where:
    """A file and a key path, to name where a problem is."""

    def __init__(self, path, key=""):
        self.path = path
        self.key = key

    def child(self, name):
        """The location of a key inside this one."""
        return _Where(self.path, f"{self.key}.{name}" if self.key else str(name))

    def item(self, label):
        """The location of a list item, named by its id or its position."""
        return _Where(self.path, f"{self.key}[{label}]")

    def fail(self, message):
        """Return the error for this location."""
        return QuestionnaireError(self.path, self.key, message)


TYPE_NAMES = {str: "un texte", int: "un nombre entier", bool: "true ou false", dict: "un dictionnaire", list: "une liste"}


def _check_mapping(raw, schema, required, where):
    if not isinstance(raw, dict):
        raise where.fail("un dictionnaire de clés est attendu")
    for key, value in raw.items():
        if key not in schema:
            raise where.child(key).fail(f"clé inconnue (connues : {', '.join(schema)})")
        expected = schema[key]
        wrong_bool = expected is int and isinstance(value, bool)
        if not isinstance(value, expected) or wrong_bool:
            raise where.child(key).fail(f"{TYPE_NAMES[expected]} est attendu")
        if expected is str and not value.strip():
            raise where.child(key).fail("texte vide")
    for key in required:
        if key not in raw:
            raise where.child(key).fail("clé obligatoire absente")


def _check_identifier(value, where):
    if not IDENTIFIER.match(value):
        raise where.fail("identifiant invalide : lettres minuscules, chiffres, « _ » et « - »")
    if value in RESERVED_IDS:
        raise where.fail(f"« {value} » est réservé aux adresses des pages")


def _check_sets(raw, where):
    checked = {}
    for name, value in raw.items():
        try:
            checked[name] = check_value(name, value)
        except SituationError as error:
            raise where.child(name).fail(error.problem.french()) from error
    return checked


def _read_option(raw, question_type, where):
    _check_mapping(raw, OPTION_SCHEMA, OPTION_REQUIRED, where)
    _check_identifier(raw["id"], where.child("id"))
    if raw.get("exclusive") and question_type != "multi":
        raise where.child("exclusive").fail("seulement pour une question « multi »")
    return Option(raw["id"], raw["label"], _check_sets(raw["sets"], where.child("sets")), raw.get("exclusive", False))


def _read_field(raw, question_type, where):
    field = raw.get("field")
    wanted = FIELD_TYPE_OF_QUESTION.get(question_type)
    if wanted is None:
        if field is not None:
            raise where.child("field").fail("une question à options remplit la situation par « sets »")
        return None
    if field is None:
        raise where.child("field").fail("clé obligatoire absente")
    if field not in FIELDS:
        raise where.child("field").fail(f"champ de situation inconnu « {field} »")
    if FIELDS[field].type != wanted:
        raise where.child("field").fail(f"une question « {question_type} » ne peut pas remplir « {field} »")
    return field


def _read_bounds(raw, field, where):
    minimum, maximum = raw.get("min"), raw.get("max")
    if raw["type"] != "number":
        if minimum is not None or maximum is not None:
            raise where.fail("« min » et « max » sont seulement pour une question « number »")
        return None, None
    spec = FIELDS[field]
    minimum = spec.low if minimum is None else minimum
    maximum = spec.high if maximum is None else maximum
    if not spec.low <= minimum <= maximum <= spec.high:
        raise where.fail(f"« min » et « max » doivent être dans l'ordre, entre {spec.low} et {spec.high}")
    return minimum, maximum


def _read_question(raw, where, allow_when):
    schema = QUESTION_SCHEMA if allow_when else {key: kind for key, kind in QUESTION_SCHEMA.items() if key != "when"}
    _check_mapping(raw, schema, QUESTION_REQUIRED, where)
    _check_identifier(raw["id"], where.child("id"))
    question_type = raw["type"]
    if question_type not in QUESTION_TYPES:
        raise where.child("type").fail(f"type inconnu (connus : {', '.join(QUESTION_TYPES)})")
    field = _read_field(raw, question_type, where)
    options = ()
    if question_type in ("choice", "multi"):
        raw_options = raw.get("options")
        if not raw_options:
            raise where.child("options").fail("au moins deux réponses sont attendues")
        options = tuple(
            _read_option(
                option,
                question_type,
                where.child("options").item(option.get("id", position) if isinstance(option, dict) else position),
            )
            for position, option in enumerate(raw_options, start=1)
        )
        if len(options) < 2:
            raise where.child("options").fail("au moins deux réponses sont attendues")
        ids = [option.id for option in options]
        duplicate = next((identifier for identifier in ids if ids.count(identifier) > 1), None)
        if duplicate:
            raise where.child("options").fail(f"réponse « {duplicate} » en double")
    elif "options" in raw:
        raise where.child("options").fail("seulement pour une question « choice » ou « multi »")
    if raw.get("dont_know") and raw.get("prefer_not_to_say"):
        raise where.fail("choisissez « dont_know » ou « prefer_not_to_say », pas les deux")
    if raw.get("no_children") and question_type != "ages":
        raise where.child("no_children").fail("seulement pour une question « ages »")
    minimum, maximum = _read_bounds(raw, field, where)
    return Question(
        id=raw["id"],
        type=question_type,
        label=raw["label"],
        help=raw.get("help"),
        field=field,
        options=options,
        minimum=minimum,
        maximum=maximum,
        dont_know=raw.get("dont_know", False),
        prefer_not_to_say=raw.get("prefer_not_to_say", False),
        no_children=raw.get("no_children", False),
    )


def _compile(text, where):
    if text is None:
        return None
    try:
        return compile_condition(text)
    except ConditionError as error:
        raise where.fail(f"condition illisible : {error}") from error


def _read_yaml(path):
    try:
        with open(path, encoding="utf-8") as stream:
            return yaml.safe_load(stream)
    except yaml.YAMLError as error:
        raise QuestionnaireError(path, "", f"YAML illisible : {error}") from error


def _read_library(path):
    raw = _read_yaml(path)
    where = _Where(path)
    _check_mapping(raw, LIBRARY_SCHEMA, ("questions",), where)
    library = {}
    for position, item in enumerate(raw["questions"], start=1):
        label = item.get("id", position) if isinstance(item, dict) else position
        question = _read_question(item, where.child("questions").item(label), allow_when=False)
        if question.id in library:
            raise where.child("questions").item(label).fail("question en double")
        library[question.id] = question
    return library


def _read_step(item, library, where):
    if isinstance(item, dict) and "use" in item:
        _check_mapping(item, USE_SCHEMA, ("use",), where)
        question = library.get(item["use"])
        if question is None:
            raise where.child("use").fail(f"question inconnue dans {LIBRARY_FILE} (connues : {', '.join(library)})")
    else:
        question = _read_question(item, where, allow_when=True)
    condition_text = item.get("when")
    return Step(question, _compile(condition_text, where.child("when")), condition_text)


def _read_questionnaire(path, library):
    raw = _read_yaml(path)
    where = _Where(path)
    _check_mapping(raw, QUESTIONNAIRE_SCHEMA, QUESTIONNAIRE_REQUIRED, where)
    _check_identifier(raw["id"], where.child("id"))
    if raw["id"] != path.stem:
        raise where.child("id").fail(f"l'identifiant doit être le nom du fichier (« {path.stem} »)")
    if not raw["questions"]:
        raise where.child("questions").fail("au moins une question est attendue")
    steps = []
    for position, item in enumerate(raw["questions"], start=1):
        label = (item.get("id") or item.get("use") or position) if isinstance(item, dict) else position
        step = _read_step(item, library, where.child("questions").item(label))
        if position == 1 and step.condition is not None:
            # The first question is always shown: every questionnaire has a first page.
            raise where.child("questions").item(label).child("when").fail("la première question ne peut pas avoir de condition")
        if any(existing.question.id == step.question.id for existing in steps):
            raise where.child("questions").item(label).fail("question en double dans ce questionnaire")
        steps.append(step)
    return Questionnaire(
        id=raw["id"],
        order=raw["order"],
        title=raw["title"],
        summary=raw["summary"],
        intro=raw.get("intro"),
        sensitive=raw.get("sensitive", False),
        help_first=raw.get("help_first", False),
        sets=_check_sets(raw.get("sets", {}), where.child("sets")),
        steps=tuple(steps),
    )


def load_catalog(folder):
    """Read and check every questionnaire of a folder; raise QuestionnaireError on the first problem."""
    folder = Path(folder)
    library_path = folder / LIBRARY_FILE
    library = _read_library(library_path) if library_path.exists() else {}
    questionnaires = []
    questions = dict(library)
    owners = {}
    for path in sorted(folder.glob("*.yaml")):
        if path.name.startswith("_"):
            continue
        questionnaire = _read_questionnaire(path, library)
        for step in questionnaire.steps:
            question = step.question
            if question.id in library and library[question.id] is not question:
                raise QuestionnaireError(
                    path,
                    f"questions[{question.id}]",
                    f"identifiant déjà pris dans {LIBRARY_FILE} : écrivez « use: {question.id} »",
                )
            if question.id in owners and owners[question.id] != path.name and question.id not in library:
                raise QuestionnaireError(path, f"questions[{question.id}]", f"identifiant déjà pris dans {owners[question.id]}")
            owners[question.id] = path.name
            questions[question.id] = question
        questionnaires.append(questionnaire)
    if not questionnaires:
        raise QuestionnaireError(folder, "", "aucun questionnaire trouvé")
    orders = [questionnaire.order for questionnaire in questionnaires]
    duplicate = next((order for order in orders if orders.count(order) > 1), None)
    if duplicate is not None:
        raise QuestionnaireError(folder, "order", f"deux questionnaires ont l'ordre {duplicate}")
    return Catalog(tuple(sorted(questionnaires, key=lambda item: item.order)), questions)
