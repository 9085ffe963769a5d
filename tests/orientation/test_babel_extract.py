"""The Babel extractor collects every text of the questionnaires, as babel.cfg tells `make messages`."""

import io
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg

from orientation.babel_extract import extract_questionnaires
from orientation.questionnaires import load_catalog

ROOT = Path(__file__).resolve().parents[2]


def catalog_texts():
    catalog = load_catalog(ROOT / "data" / "questionnaires")
    texts = set()
    for questionnaire in catalog.questionnaires:
        texts.update(filter(None, (questionnaire.title, questionnaire.summary, questionnaire.intro)))
    for question in catalog.questions.values():
        texts.update(filter(None, (question.label, question.help)))
        texts.update(option.label for option in question.options)
    return texts


def test_babel_cfg_extracts_every_questionnaire_text():
    with open(ROOT / "babel.cfg", encoding="utf-8") as stream:
        method_map, options_map = parse_mapping_cfg(stream)
    questionnaire_maps = [(pattern, method) for pattern, method in method_map if "questionnaires" in pattern]
    assert questionnaire_maps == [("data/questionnaires/**.yaml", "orientation.babel_extract:extract_questionnaires")]
    extracted = {
        message
        for _file, _line, message, _comments, _context in extract_from_dir(
            str(ROOT / "data"), [("questionnaires/**.yaml", questionnaire_maps[0][1])]
        )
    }
    assert extracted == catalog_texts()


def test_texts_carry_their_line_and_a_note_for_translators():
    source = b"id: demo\ntitle: Un titre\nquestions:\n  - id: q1\n    label: >-\n      Une question\n      sur deux lignes\n    options:\n      - id: oui\n        label: Oui vraiment\n"
    found = list(extract_questionnaires(io.BytesIO(source), [], [], {}))
    assert found == [
        (2, None, "Un titre", ["I18N: questionnaire demo › title"]),
        (5, None, "Une question sur deux lignes", ["I18N: questionnaire demo › q1 › label"]),
        (10, None, "Oui vraiment", ["I18N: questionnaire demo › q1 › oui › label"]),
    ]


def test_an_empty_file_gives_nothing():
    assert list(extract_questionnaires(io.BytesIO(b""), [], [], {})) == []
