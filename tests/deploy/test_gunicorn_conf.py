"""The gunicorn settings: gunicorn's own log lines keep no query string and no address, and are JSON."""

import io
import json
import logging
import runpy
from pathlib import Path
from types import SimpleNamespace

SETTINGS = runpy.run_path(str(Path(__file__).resolve().parents[2] / "deploy" / "gunicorn.conf.py"))


def record(message, *args):
    return logging.LogRecord("gunicorn.error", logging.ERROR, __file__, 1, message, args, None)


def test_query_strings_and_addresses_are_blanked():
    private = SETTINGS["WithoutQueryOrAddress"]()
    failed = record("Error handling request %s %s", "GET", "/fr/search?q=pension+impay%C3%A9e&arrondissement=14")
    malformed = record("Invalid request from ip=203.0.113.7: Invalid Request Line 'GET /fr/search?q=violences HTTP/1.1 x'")
    over_ipv6 = record("Invalid request from ip=::1: Invalid HTTP Version 'x'")
    plain = record("Booting worker with pid: %s", 42)
    for item in (failed, malformed, over_ipv6, plain):
        assert private.filter(item)
    assert failed.getMessage() == "Error handling request GET /fr/search?(hidden)"
    assert malformed.getMessage() == "Invalid request from ip=(hidden): Invalid Request Line 'GET /fr/search?(hidden) HTTP/1.1 x'"
    assert over_ipv6.getMessage() == "Invalid request from ip=(hidden): Invalid HTTP Version 'x'"
    assert plain.getMessage() == "Booting worker with pid: 42"


def test_gunicorn_lines_are_json_and_private_once_started():
    stream = io.StringIO()
    logger = logging.getLogger("tests.deploy.gunicorn-error")
    logger.propagate = False
    logger.addHandler(logging.StreamHandler(stream))
    server = SimpleNamespace(log=SimpleNamespace(error_log=logger))
    SETTINGS["on_starting"](server)
    SETTINGS["on_reload"](server)  # twice: one filter, not two
    logger.error("Error handling request %s", "/fr/search?q=secret")
    line = json.loads(stream.getvalue())
    assert line["message"] == "Error handling request /fr/search?(hidden)"
    assert logger.filters == [SETTINGS["PRIVATE"]]
