"""Nothing a family answers is ever stored in the database, the search index or the logs.

Running the questionnaires legitimately adds to the anonymous daily counters (which life
events were opened, which questionnaires were completed): those counters are the only change
allowed, and none of them holds an answer.
"""

import hashlib
import logging
from pathlib import Path

from orientation.questionnaires import load_catalog
from stats import counters
from tests.conftest import database_dump
from tests.orientation.pages import complete
from tests.orientation.pages import sample_form

QUESTIONNAIRES = Path(__file__).resolve().parents[2] / "data" / "questionnaires"
COUNTERS_TABLE = "daily_counts"


def index_fingerprint(app):
    """Return the hash of every file of the search index."""
    files = sorted(path for path in Path(app.config["INDEX_DIR"]).rglob("*") if path.is_file())
    return {str(path): hashlib.sha256(path.read_bytes()).hexdigest() for path in files}


def test_running_every_questionnaire_stores_nothing_of_the_answers(app, client, caplog):
    catalog = load_catalog(QUESTIONNAIRES)
    index_before = index_fingerprint(app)
    tables_before = database_dump(app)
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
                assert client.get(f"/fr/orientation/{questionnaire.id}/summary").status_code == 200
            assert client.get("/fr/orientation/results").status_code == 200
            client.post("/fr/orientation/quit")

    assert index_fingerprint(app) == index_before
    tables_after = database_dump(app)
    changed = {table for table in tables_after if tables_after[table] != tables_before.get(table)}
    assert changed == {COUNTERS_TABLE}, changed

    event_ids = {questionnaire.id for questionnaire in catalog.questionnaires}
    new_rows = set(tables_after[COUNTERS_TABLE]) - set(tables_before[COUNTERS_TABLE])
    assert {metric for _day, metric, _detail, _count in new_rows} == {counters.LIFE_EVENT, counters.QUESTIONNAIRE_COMPLETED}
    assert {detail for _day, _metric, detail, _count in new_rows} <= event_ids
    answers = {str(value) for value in given} - event_ids
    # The day and the count are the counters' own numbers; the texts are the metric and its detail.
    stored = {text for _day, metric, detail, _count in tables_after[COUNTERS_TABLE] for text in (metric, detail)}
    assert not stored & answers, stored & answers
    # Quitting forgets the session, so the second run counts every life event a second time.
    opened = {detail: count for _day, metric, detail, count in tables_after[COUNTERS_TABLE] if metric == counters.LIFE_EVENT}
    assert set(opened) == event_ids and set(opened.values()) == {2}

    logged = "\n".join(record.getMessage() for record in caplog.records)
    leaked = sorted(value for value in given if value in logged)
    assert leaked == [], leaked
