"""Hypothesis: the import parsers with arbitrary and mutated files; a clean answer, never a crash.

Each format starts from our own export of the fixture directory (a file the parser accepts),
then Hypothesis mutates it: any JSON value put anywhere in the document, keys removed or
added, CSV cells replaced, lines dropped or repeated, bytes flipped, files of a datapackage
left out. Reading it gives an ImportPlan (its problems, or its resources) or an
UnreadableFileError, nothing else; and through `flask import`, a file refused writes nothing.
"""

import datetime
import io
import itertools
import json
import random
import traceback
import zipfile

import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from directory import exporting
from directory import importing
from directory import storage
from directory.datafiles import load_resources
from tests.conftest import FIXTURE_DATA
from tests.conftest import database_dump

pytestmark = pytest.mark.fuzz

TODAY = datetime.date(2026, 6, 1)
RESOURCES, _problems = load_resources(FIXTURE_DATA, today=TODAY)
EXPORTS = {name: exporting.export_bytes(name, RESOURCES) for name in exporting.EXPORTS}
SEEDS = itertools.count(1)
FILE_NAMES = {
    "csv": "directory.csv",
    "datainclusion": "datainclusion.json",
    "hsds": "services.json",
    "hsds-datapackage": "datapackage.zip",
}

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=20),
    st.sampled_from(["", "75014", "laep", "Mo-Fr 09:00-12:00", "2025-01-01", "https://example.org", "WEEKLY", "\x00"]),
)
JSON_VALUES = st.recursive(
    SCALARS,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=8,
)
CELLS = st.one_of(st.text(max_size=20), st.sampled_from(["", "x", '"', "a | b", "=1+1", "75014", "-1", "99999", "\n", "\r"]))


def _containers(value, path=()):
    """Yield (path, container) of every list and object inside a JSON value, itself included."""
    if isinstance(value, dict | list):
        yield path, value
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for key, child in items:
            yield from _containers(child, (*path, key))


@st.composite
def mutated_json(draw, document):
    """A JSON document changed in a few places: a value replaced, a key removed, an unknown key added."""
    document = json.loads(json.dumps(document))
    for _ in range(draw(st.integers(1, 4))):
        # Deepest first: the simplest choice changes one record, not the whole document.
        _path, container = draw(st.sampled_from(list(_containers(document))[::-1]))
        action = draw(st.sampled_from(["replace", "remove", "add"]))
        keys = list(container) if isinstance(container, dict) else list(range(len(container)))
        if action == "add" or not keys:
            if isinstance(container, dict):
                container[draw(st.text(max_size=10))] = draw(JSON_VALUES)
            else:
                container.append(draw(JSON_VALUES))
        elif action == "remove":
            del container[draw(st.sampled_from(keys))]
        else:
            container[draw(st.sampled_from(keys))] = draw(JSON_VALUES)
    if draw(st.integers(0, 9)) == 0:
        document = draw(JSON_VALUES)
    return json.dumps(document, ensure_ascii=draw(st.booleans())).encode("utf-8")


@st.composite
def mutated_csv(draw, text):
    """A CSV text with cells replaced, lines dropped or repeated, and raw characters inserted."""
    lines = text.splitlines()
    for _ in range(draw(st.integers(1, 4))):
        position = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["cell", "drop", "repeat", "insert"]))
        if action == "cell":
            cells = lines[position].split(",")
            cells[draw(st.integers(0, len(cells) - 1))] = draw(CELLS)
            lines[position] = ",".join(cells)
        elif action == "drop" and len(lines) > 1:
            del lines[position]
        elif action == "repeat":
            lines.insert(position, lines[position])
        else:
            at = draw(st.integers(0, len(lines[position])))
            lines[position] = lines[position][:at] + draw(st.text(max_size=5)) + lines[position][at:]
    return "\n".join(lines).encode("utf-8")


@st.composite
def flipped_bytes(draw, data):
    """The same bytes with a few of them changed."""
    data = bytearray(data)
    for _ in range(draw(st.integers(1, 6))):
        data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
    return bytes(data)


@st.composite
def mutated_datapackage(draw):
    """The datapackage zip with one of its CSV tables mutated, or a member left out."""
    with zipfile.ZipFile(io.BytesIO(EXPORTS["hsds-datapackage"])) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    name = draw(st.sampled_from(sorted(members)))
    if draw(st.integers(0, 4)) == 0:
        del members[name]
    elif name.endswith(".csv"):
        members[name] = draw(mutated_csv(members[name].decode("utf-8")))
    else:
        members[name] = draw(mutated_json(json.loads(members[name])))
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w") as archive:
        for member, data in members.items():
            archive.writestr(member, data)
    return stream.getvalue()


def mostly(near, broken):
    """Three files in four near a valid one, which reach the record checks; the others broken at the byte level."""
    return st.integers(0, 3).flatmap(lambda choice: broken if choice == 3 else near)


FILES = {
    "csv": mostly(mutated_csv(EXPORTS["csv"].decode("utf-8")), st.one_of(flipped_bytes(EXPORTS["csv"]), st.binary(max_size=100))),
    "datainclusion": mostly(mutated_json(json.loads(EXPORTS["datainclusion"])), flipped_bytes(EXPORTS["datainclusion"])),
    "hsds": mostly(mutated_json(json.loads(EXPORTS["hsds"])), flipped_bytes(EXPORTS["hsds"])),
    "hsds-datapackage": mostly(mutated_datapackage(), flipped_bytes(EXPORTS["hsds-datapackage"])),
}


def plan(name, data):
    """Read and check one file as an import would, against the fixture directory."""
    existing = {resource.id: resource for resource in RESOURCES}
    files = [importing.InputFile(FILE_NAMES[name], data)]
    try:
        return importing.plan_import(files, today=TODAY, existing=existing, archived=["archived-test"])
    except importing.UnreadableFileError as error:
        assert str(error)  # says what is wrong
        return None


def test_our_own_exports_are_read_back_without_a_problem():
    for name, data in EXPORTS.items():
        checked = plan(name, data)
        assert checked is not None and checked.problems == [] and len(checked.resources) == len(RESOURCES), name


@pytest.mark.parametrize("name", sorted(FILES))
def test_a_mutated_file_gives_problems_or_resources_never_a_crash(name):
    @settings(max_examples=150)
    @given(data=FILES[name])
    def read(data):
        checked = plan(name, data)
        if checked is not None:
            assert checked.resources == [] or checked.problems == []  # all or nothing
            for problem in checked.problems:
                assert problem.french()  # each problem can be said, with its place

    read()


@settings(max_examples=40)
@given(case=st.sampled_from(sorted(FILES)).flatmap(lambda name: st.tuples(st.just(name), FILES[name])))
def test_a_file_refused_by_flask_import_writes_nothing(app, runner, tmp_path, case):
    name, data = case
    # Hypothesis resets the global random generator before each example, and Whoosh names each
    # new index segment from it: without a new seed, two examples would write segments of the
    # same name into the same index.
    random.seed(next(SEEDS))
    path = tmp_path / FILE_NAMES[name]
    path.write_bytes(data)
    before = database_dump(app)
    outcome = runner.invoke(args=["import", str(path)])
    assert outcome.exit_code in (0, 1), outcome.output
    if outcome.exception is not None and not isinstance(outcome.exception, SystemExit):
        pytest.fail("".join(traceback.format_exception(*outcome.exc_info)))
    if outcome.exit_code == 1:
        assert "rien n'a été importé" in outcome.output or "Fichier illisible" in outcome.output, outcome.output
        assert database_dump(app) == before
    db = storage.open_database(app.config["DATABASE"])
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        db.conn.close()
