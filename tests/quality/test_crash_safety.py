"""An import and a reindex killed mid-way (SIGKILL, separate process): the data survives, the index heals.

Each command runs as `flask --app app …` in its own process group, on a temporary instance,
and is killed only once it is seen in the middle of its work: the import while it holds the
database's write lock (its one transaction), the reindex while its new index folder is being
written. Then the database passes `PRAGMA integrity_check` and holds exactly what it held
before, and the next start finds or rebuilds a working index.
"""

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app import create_app
from bench.corpus import write_corpus
from directory import storage
from search.index import VERSION_FILE
from tests.conftest import app_config
from tests.conftest import database_dump

ROOT = Path(__file__).resolve().parents[2]
CORPUS_SIZE = 5000  # enough for a write transaction and an index build of a second or more here
WAIT_SECONDS = 240  # the longest a command may take to reach the middle of its work on a busy machine
MID_WAY_SECONDS = 0.3  # how long the sign of work must have been seen before the kill
POLL_SECONDS = 0.01


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """A project CSV of CORPUS_SIZE valid synthetic resources (the benchmark's)."""
    path = tmp_path_factory.mktemp("corpus") / "corpus.csv"
    write_corpus(path, CORPUS_SIZE)
    return path


@pytest.fixture(scope="module")
def imported(tmp_path_factory, corpus):
    """An instance folder with the corpus imported, and what its database holds; each test works on a copy."""
    # Importing the corpus takes several seconds: once for the module, not once per test.
    folder = tmp_path_factory.mktemp("imported")
    app = create_app(app_config(folder))
    outcome = app.test_cli_runner().invoke(args=["import", str(corpus)])
    assert outcome.exit_code == 0, outcome.output
    return folder, database_dump(app)


def start_command(config, *args):
    """Start `flask --app app ARGS` on the instance, in a process group of its own."""
    environment = dict(
        os.environ,
        FLASK_DATABASE=str(config["DATABASE"]),
        FLASK_INDEX_DIR=str(config["INDEX_DIR"]),
        FLASK_DATA_DIR=str(config["DATA_DIR"]),
        FLASK_SECRET_KEY="tests",
    )
    command = [sys.executable, "-m", "flask", "--app", "app", *args]
    return subprocess.Popen(
        command, cwd=ROOT, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True
    )


def kill_when(process, working):
    """SIGKILL the process group once working() has been true for MID_WAY_SECONDS; fail if that never happens."""
    deadline = time.monotonic() + WAIT_SECONDS
    since = None
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the command ended before it was seen mid-way:\n{process.stdout.read().decode()}")
        if not working():
            since = None
        elif since is None:
            since = time.monotonic()
        elif time.monotonic() - since >= MID_WAY_SECONDS:
            os.killpg(process.pid, signal.SIGKILL)  # the whole group: Whoosh's indexing processes too
            process.wait()
            process.stdout.close()
            assert process.returncode == -signal.SIGKILL
            return
        time.sleep(POLL_SECONDS)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    pytest.fail(f"the command was not seen mid-way within {WAIT_SECONDS} s")


def write_lock_held(database):
    """Return a function telling whether another connection holds the database's write lock."""
    probe = sqlite3.connect(str(database), timeout=0, isolation_level=None)

    def held():
        try:
            probe.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError:
            return True
        probe.execute("ROLLBACK")
        return False

    return held


def unfinished_builds(index_dir):
    """Return the index folders that a build has started and not finished."""
    return [path for path in Path(index_dir).glob("gen-*") if path.is_dir() and not (path / VERSION_FILE).exists()]


def assert_intact(config, before):
    """The database file is sound and holds exactly what it held before."""
    connection = sqlite3.connect(str(config["DATABASE"]))
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        connection.close()
    assert database_dump(create_app(config)) == before


def assert_search_works(config, word):
    """A new start of the app answers searches and its health check."""
    client = create_app(config).test_client()
    assert client.get("/healthz").status_code == 200
    found = client.get("/api/v1/search", query_string={"q": word}).get_json()
    assert found["total"] > 0, word
    assert unfinished_builds(config["INDEX_DIR"]) == []


def test_an_import_killed_mid_write_changes_nothing(tmp_path, corpus):
    config = app_config(tmp_path)
    app = create_app(config)
    before = database_dump(app)
    count = len(before["resources"])

    process = start_command(config, "import", str(corpus))
    kill_when(process, write_lock_held(config["DATABASE"]))

    assert_intact(config, before)
    db = storage.open_database(config["DATABASE"])
    try:
        assert storage.count_resources(db) == count
    finally:
        db.conn.close()
    assert_search_works(config, "ludotheque")


@pytest.mark.parametrize("index_before", ["kept", "removed"])
def test_a_reindex_killed_mid_build_heals_at_the_next_start(tmp_path, imported, index_before):
    folder, before = imported
    shutil.copytree(folder, tmp_path, symlinks=True, dirs_exist_ok=True)  # the index's "current" link stays relative
    config = app_config(tmp_path)
    if index_before == "removed":
        for path in sorted(Path(config["INDEX_DIR"]).iterdir()):
            if path.is_symlink() or path.is_file():
                path.unlink()
    started = []

    def building():
        started[:] = unfinished_builds(config["INDEX_DIR"])
        return bool(started)

    process = start_command(config, "reindex")
    kill_when(process, building)

    assert started and all(not (path / VERSION_FILE).exists() for path in started)  # killed before the end
    assert_intact(config, before)
    assert_search_works(config, "ludotheque")
