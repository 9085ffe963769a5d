"""Nothing a family answers is ever stored in the database, the search index or the logs."""

import hashlib
import logging
from pathlib import Path

from orientation.questionnaires import load_catalog
from tests.orientation.pages import complete
from tests.orientation.pages import sample_form

QUESTIONNAIRES = Path(__file__).resolve().parents[2] / "data" / "questionnaires"


def fingerprint(app):
    """Return the hash of every file of the database (main file and WAL) and of the search index."""
    database = Path(app.config["DATABASE"])
    files = [database, database.with_name(database.name + "-wal")]
    files += sorted(path for path in Path(app.config["INDEX_DIR"]).rglob("*") if path.is_file())
    # An empty write-ahead log (left by a reader's open connection) holds nothing.
    return {str(path): hashlib.sha256(path.read_bytes()).hexdigest() for path in files if path.exists() and path.stat().st_size}


def test_running_every_questionnaire_stores_nothing_of_the_answers(app, client, caplog):
    catalog = load_catalog(QUESTIONNAIRES)
    before = fingerprint(app)
    caplog.clear()
    given = set()
    with caplog.at_level(logging.DEBUG):
        for variant in (0, 1):
            for questionnaire in catalog.questionnaires:
                for _path, question_id in complete(client, catalog, questionnaire.id, variant):
                    question = catalog.questions[question_id]
                    given.add(question_id)
                    for values in sample_form(question, variant).values():
                        given.update(values if isinstance(values, list) else [values])
                    given.update(option.label for option in question.options)
            assert client.get("/fr/orientation/results").status_code == 200
            client.post("/fr/orientation/quit")
    assert fingerprint(app) == before
    logged = "\n".join(record.getMessage() for record in caplog.records)
    leaked = sorted(value for value in given if value in logged)
    assert leaked == [], leaked
