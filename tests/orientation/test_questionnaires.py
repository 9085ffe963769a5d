"""The questionnaires of data/questionnaires/: loaded and checked once; every problem names the file and the key."""

import re
import shutil
from pathlib import Path

import pytest
import yaml

from orientation.questionnaires import QuestionnaireError
from orientation.questionnaires import load_catalog

QUESTIONNAIRES = Path(__file__).resolve().parents[2] / "data" / "questionnaires"
# The life events the issue asks for, and the violence page reachable from every page.
LIFE_EVENTS = (
    "naissance",
    "jeune-enfant",
    "separation",
    "pension",
    "emploi",
    "vacances",
    "numerique",
    "arrivee",
    "adolescent",
    "danger",
)
GENDERED = re.compile(r"\b(mère|maman|père|papa|enceinte|seule|isolée|inscrite|épuisée)s?\b", re.IGNORECASE)


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(QUESTIONNAIRES)


def texts_of(catalog):
    """Every French text a family may read in the questionnaires."""
    for questionnaire in catalog.questionnaires:
        yield from (questionnaire.title, questionnaire.summary, questionnaire.intro or "")
    for question in catalog.questions.values():
        yield question.label
        yield question.help or ""
        yield from (option.label for option in question.options)


def test_the_life_events_of_the_issue_are_there(catalog):
    ids = [questionnaire.id for questionnaire in catalog.questionnaires]
    assert set(LIFE_EVENTS) <= set(ids)
    assert len(ids) >= 10


def test_the_danger_page_gives_help_first_and_is_sensitive(catalog):
    danger = catalog.get("danger")
    assert danger.help_first and danger.sensitive
    assert catalog.get("separation").sensitive and catalog.get("pension").sensitive


def test_texts_address_both_parents(catalog):
    for text in texts_of(catalog):
        assert not GENDERED.search(text), text


def test_questions_that_touch_violence_can_be_left_unanswered(catalog):
    for question_id in ("domestic_violence", "child_in_danger", "separation", "housing"):
        assert catalog.questions[question_id].can_skip


def test_shared_questions_are_one_object(catalog):
    naissance = catalog.get("naissance").step("arrondissement").question
    separation = catalog.get("separation").step("arrondissement").question
    assert naissance is separation is catalog.questions["arrondissement"]


def _copy(tmp_path):
    folder = tmp_path / "questionnaires"
    shutil.copytree(QUESTIONNAIRES, folder)
    return folder


def _edit(folder, name, change):
    path = folder / name
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "change", "where", "message"),
    [
        ("vacances.yaml", lambda d: d.update(colour="blue"), "vacances.yaml · colour", "clé inconnue"),
        ("vacances.yaml", lambda d: d.pop("title"), "vacances.yaml · title", "clé obligatoire absente"),
        ("vacances.yaml", lambda d: d.update(order="six"), "vacances.yaml · order", "un nombre entier est attendu"),
        ("vacances.yaml", lambda d: d.update(id="holidays"), "vacances.yaml · id", "nom du fichier"),
        ("vacances.yaml", lambda d: d.update(sets={"holidays": True}), "vacances.yaml · sets.holidays", "Champ inconnu"),
        (
            "vacances.yaml",
            lambda d: d["questions"].append({"use": "nothing"}),
            "vacances.yaml · questions[nothing].use",
            "question inconnue",
        ),
        (
            "vacances.yaml",
            lambda d: d["questions"].append({"use": "arrondissement"}),
            "vacances.yaml · questions[arrondissement]",
            "en double",
        ),
        (
            "vacances.yaml",
            lambda d: d["questions"][1].update(when="rsa =="),
            "vacances.yaml · questions[children_ages].when",
            "condition illisible",
        ),
        (
            "vacances.yaml",
            lambda d: d["questions"][1].update(when="wealth > 3"),
            "vacances.yaml · questions[children_ages].when",
            "champ inconnu « wealth »",
        ),
        ("vacances.yaml", lambda d: d.update(order=1), "questionnaires · order", "deux questionnaires ont l'ordre 1"),
        (
            "vacances.yaml",
            lambda d: d["questions"][0].update(when="holidays_wanted"),
            "vacances.yaml · questions[arrondissement].when",
            "la première question ne peut pas avoir de condition",
        ),
        (
            "numerique.yaml",
            lambda d: d["questions"][0]["options"][0]["sets"].update(digital_difficulty="yes"),
            "numerique.yaml · questions[digital_needs].options[procedures].sets.digital_difficulty",
            "true ou false",
        ),
        (
            "numerique.yaml",
            lambda d: d["questions"][0].update(type="slider"),
            "numerique.yaml · questions[digital_needs].type",
            "type inconnu",
        ),
        (
            "numerique.yaml",
            lambda d: d["questions"][0].update(field="rsa"),
            "numerique.yaml · questions[digital_needs].field",
            "par « sets »",
        ),
        ("numerique.yaml", lambda d: d["questions"][0].update(id="summary"), "numerique.yaml · questions[summary].id", "réservé"),
        (
            "numerique.yaml",
            lambda d: d["questions"][0].update(label=""),
            "numerique.yaml · questions[digital_needs].label",
            "texte vide",
        ),
        (
            "numerique.yaml",
            lambda d: d["questions"][0].update(options=d["questions"][0]["options"][:1]),
            "numerique.yaml · questions[digital_needs].options",
            "au moins deux",
        ),
        (
            "numerique.yaml",
            lambda d: d["questions"][0].update(prefer_not_to_say=True),
            "numerique.yaml · questions[digital_needs]",
            "pas les deux",
        ),
        (
            "_common.yaml",
            lambda d: d["questions"][0].update(field="rsa"),
            "_common.yaml · questions[arrondissement].field",
            "ne peut pas remplir « rsa »",
        ),
        ("_common.yaml", lambda d: d["questions"][4].update(min=5), "_common.yaml · questions[parent_age]", "entre 11 et 99"),
        (
            "_common.yaml",
            lambda d: d["questions"][0].update(when="rsa"),
            "_common.yaml · questions[arrondissement].when",
            "clé inconnue",
        ),
    ],
)
def test_problems_name_the_file_and_the_key(tmp_path, name, change, where, message):
    folder = _copy(tmp_path)
    _edit(folder, name, change)
    with pytest.raises(QuestionnaireError) as raised:
        load_catalog(folder)
    assert str(raised.value).startswith(where), str(raised.value)
    assert message in str(raised.value)


def test_a_question_id_cannot_be_defined_twice(tmp_path):
    folder = _copy(tmp_path)
    _edit(
        folder,
        "emploi.yaml",
        lambda d: d["questions"].append({"id": "digital_needs", "type": "yesno", "field": "rsa", "label": "Encore ?"}),
    )
    with pytest.raises(
        QuestionnaireError, match=r"^numerique\.yaml · questions\[digital_needs\] : identifiant déjà pris dans emploi\.yaml"
    ):
        load_catalog(folder)


def test_unreadable_yaml_names_the_file(tmp_path):
    folder = _copy(tmp_path)
    (folder / "vacances.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    with pytest.raises(QuestionnaireError, match=r"^vacances\.yaml · \(fichier\) : YAML illisible"):
        load_catalog(folder)


def test_the_app_does_not_start_with_a_broken_questionnaire(tmp_path):
    from app import create_app
    from tests.conftest import FIXTURE_DATA

    folder = _copy(tmp_path)
    _edit(folder, "vacances.yaml", lambda d: d.update(colour="blue"))
    config = {"TESTING": True, "SECRET_KEY": "t", "DATABASE": tmp_path / "db.sqlite3", "INDEX_DIR": tmp_path / "index"}
    with pytest.raises(QuestionnaireError, match="vacances.yaml · colour"):
        create_app(dict(config, DATA_DIR=FIXTURE_DATA, QUESTIONNAIRES_DIR=folder))
