"""The SQLite database: the only module that knows table names and SQL.

The schema has a version in the `meta` table; `migrate` applies the missing steps of
MIGRATIONS in order, so an old database file is brought up to date at start.
MIGRATIONS is the one history of the whole file: another package keeps its tables' SQL in its
own storage module (desk/storage.py for the staff accounts) and appends its step here, so a
single `meta.schema_version` says what the file holds.
Every write bumps `content_version`, which the search index records to know it is stale, and
records the ids it touched in `index_queue` in the same transaction: the search index takes
them from there (search.service.sync_index), so a failed index write is retried, never lost.
"""

import datetime
import json
import sqlite3
from contextlib import contextmanager

import sqlite_utils

from desk import storage as desk_storage
from directory import taxonomy
from directory.models import FIELD_NAMES
from directory.models import LIST_FIELDS
from directory.models import MAPPING_FIELDS
from directory.models import resource_from_mapping
from directory.models import resource_to_mapping

BUSY_TIMEOUT_MS = 10_000  # wait this long for another writer before failing


def open_database(path):
    """Open (or create) the database file with WAL journaling and a busy timeout."""
    # isolation_level=None: no implicit transactions; writes say where theirs begin and end.
    connection = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False)
    db = sqlite_utils.Database(connection)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA foreign_keys=ON")
    db.execute("PRAGMA synchronous=NORMAL")
    return db


def _create_resources(db):
    columns = {name: str for name in FIELD_NAMES}
    columns.update(
        arrondissement=int,
        latitude=float,
        longitude=float,
        min_age=int,
        max_age=int,
        version=int,
        updated_at=str,
    )
    db["resources"].create(columns, pk="id", not_null={"name", "kind", "status"})
    db["resources"].create_index(["arrondissement"])
    db["resources"].create_index(["kind"])


def _create_index_queue(db):
    # One row per resource whose index document is out of date; EVERYTHING asks for a rebuild.
    db["index_queue"].create({"resource_id": str, "content_version": int}, pk="resource_id")


MIGRATIONS = (
    # (version, what it does, function)
    (1, "resources and meta", _create_resources),
    (2, "staff accounts and login throttle", desk_storage.create_staff_tables),
    (3, "queue of resources waiting for the search index", _create_index_queue),
)
EVERYTHING = "*"  # the index_queue entry that stands for every resource
SCHEMA_VERSION = MIGRATIONS[-1][0]


def schema_version(db):
    """Return the schema version of a database (0 for a new file)."""
    if "meta" not in db.table_names():
        return 0
    row = db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


def migrate(db):
    """Apply the missing migrations in one transaction each; return the versions applied."""
    applied = []
    if "meta" not in db.table_names():
        db["meta"].create({"key": str, "value": str}, pk="key")
    for version, _description, step in MIGRATIONS:
        if version <= schema_version(db):
            continue
        with db.atomic():
            step(db)
            _set_meta(db, "schema_version", version)
        applied.append(version)
    return applied


def _set_meta(db, key, value):
    db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, str(value)))


def get_meta(db, key, default=None):
    """Return a value of the meta table."""
    row = db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else default


def content_version(db):
    """Return the number of writes made to the resources so far."""
    return int(get_meta(db, "content_version", 0))


@contextmanager
def write_transaction(db):
    """Run writes in one transaction that bumps the content version; yield the set of touched ids.

    The writes add the ids they change to the yielded set; they are queued for the search
    index in the same transaction, so the index can never miss a committed change.
    """
    # IMMEDIATE takes the write lock now, so two writers queue instead of failing mid-way.
    db.execute("BEGIN IMMEDIATE")
    touched = set()
    try:
        yield touched
        version = content_version(db) + 1
        _set_meta(db, "content_version", version)
        db.conn.executemany(
            "INSERT OR REPLACE INTO index_queue (resource_id, content_version) VALUES (?, ?)",
            [(resource_id, version) for resource_id in sorted(touched)],
        )
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def queued_for_index(db):
    """Return {resource id or EVERYTHING: content version} of the changes the index has not taken yet."""
    return dict(db.execute("SELECT resource_id, content_version FROM index_queue").fetchall())


def has_queued_changes(db):
    """Tell whether some change still waits for the search index."""
    return db.execute("SELECT 1 FROM index_queue LIMIT 1").fetchone() is not None


def forget_queued(db, taken):
    """Remove the queue entries the index has taken, unless they were queued again meanwhile."""
    # Each delete stands alone (autocommit): an entry taken is an entry done.
    db.conn.executemany("DELETE FROM index_queue WHERE resource_id = ? AND content_version <= ?", list(taken.items()))


def _now():
    return datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")


def _to_row(resource):
    row = resource_to_mapping(resource)
    for name in (*LIST_FIELDS, *MAPPING_FIELDS):
        row[name] = json.dumps(row[name], ensure_ascii=False)
    return row


def _from_row(row):
    values = {name: row[name] for name in FIELD_NAMES}
    for name in (*LIST_FIELDS, *MAPPING_FIELDS):
        values[name] = json.loads(values[name]) if values[name] else None
    return resource_from_mapping(values)


def replace_all_resources(db, resources):
    """Replace the whole directory by these resources, keeping their ids (used by init-db)."""
    with write_transaction(db) as touched:
        db.execute("DELETE FROM resources")
        _insert(db, resources)
        touched.add(EVERYTHING)


def upsert_resources(db, resources):
    """Insert or update resources by id, in one transaction; return (created, updated, unchanged)."""
    created = updated = unchanged = 0
    with write_transaction(db) as touched:
        for resource in resources:
            row = _to_row(resource)
            current = _get_row(db, resource.id)
            if current is None:
                _insert(db, [resource])
                touched.add(resource.id)
                created += 1
                continue
            if all(current[name] == row[name] for name in FIELD_NAMES):
                unchanged += 1
                continue
            row.update(version=current["version"] + 1, updated_at=_now())
            db["resources"].update(resource.id, row)
            touched.add(resource.id)
            updated += 1
    return created, updated, unchanged


def _insert(db, resources):
    now = _now()
    rows = [dict(_to_row(resource), version=1, updated_at=now) for resource in resources]
    db["resources"].insert_all(rows, batch_size=500)


def _get_row(db, resource_id):
    rows = list(db["resources"].rows_where("id = ?", [resource_id]))
    return rows[0] if rows else None


def get_resource(db, resource_id):
    """Return a resource by id, or None."""
    row = _get_row(db, resource_id)
    return _from_row(row) if row else None


def get_resources(db, resource_ids):
    """Return the resources of these ids that exist, in the order asked."""
    if not resource_ids:
        return []
    placeholders = ",".join("?" for _ in resource_ids)
    found = {row["id"]: _from_row(row) for row in db["resources"].rows_where(f"id IN ({placeholders})", list(resource_ids))}
    return [found[identifier] for identifier in resource_ids if identifier in found]


def iter_resources(db):
    """Yield every resource, ordered by id."""
    for row in db["resources"].rows_where(order_by="id"):
        yield _from_row(row)


def count_resources(db):
    """Return the number of resources."""
    return db["resources"].count


def list_resources(db, arrondissement=None, kind=None, theme=None, statuses=("open",), remote=None):
    """Return resources matching all the given filters, ordered by name."""
    clauses = []
    params = []
    if statuses:
        clauses.append(f"status IN ({','.join('?' for _ in statuses)})")
        params.extend(statuses)
    if arrondissement is not None:
        clauses.append("arrondissement = ?")
        params.append(arrondissement)
    if remote is True:
        clauses.append("arrondissement IS NULL")
    if kind is not None:
        clauses.append("kind = ?")
        params.append(kind)
    if theme is not None:
        kinds = [k.code for k in taxonomy.kinds_in_theme(theme)]
        kind_clause = f"kind IN ({','.join('?' for _ in kinds)})" if kinds else "0"
        clauses.append(f"({kind_clause} OR EXISTS (SELECT 1 FROM json_each(resources.themes) WHERE value = ?))")
        params.extend([*kinds, theme])
    where = " AND ".join(clauses) or "1"
    rows = db["resources"].rows_where(where, params, order_by="name COLLATE NOCASE")
    return [_from_row(row) for row in rows]


def counts_by_arrondissement(db, statuses=("open",)):
    """Return {arrondissement: number of resources} for local resources."""
    placeholders = ",".join("?" for _ in statuses)
    rows = db.execute(
        f"SELECT arrondissement, COUNT(*) FROM resources WHERE status IN ({placeholders}) "
        "AND arrondissement IS NOT NULL GROUP BY arrondissement",
        list(statuses),
    ).fetchall()
    return dict(rows)


def counts_by_kind(db, statuses=("open",)):
    """Return {kind: number of resources}."""
    placeholders = ",".join("?" for _ in statuses)
    rows = db.execute(
        f"SELECT kind, COUNT(*) FROM resources WHERE status IN ({placeholders}) GROUP BY kind",
        list(statuses),
    ).fetchall()
    return dict(rows)


def resource_updated_at(db, resource_id):
    """Return (version, updated_at) of a resource, or None."""
    row = db.execute("SELECT version, updated_at FROM resources WHERE id = ?", (resource_id,)).fetchone()
    return tuple(row) if row else None
