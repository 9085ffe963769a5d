"""The SQLite database: the only module that knows table names and SQL.

The schema has a version in the `meta` table; `migrate` applies the missing steps of
MIGRATIONS in order, so an old database file is brought up to date at start.
MIGRATIONS is the one history of the whole file: another package keeps its tables' SQL in its
own storage module (desk/storage.py for the staff accounts) and appends its step here, so a
single `meta.schema_version` says what the file holds.
Every write bumps `content_version`, which the search index records to know it is stale, and
records the ids it touched in `index_queue` in the same transaction: the search index takes
them from there (search.service.sync_index), so a failed index write is retried, never lost.
Staff and import writes go through `create_resource`, `update_resource`, `archive_resource`,
`restore_resource` and `upsert_resources`: each records its change in `resource_history`
(who, when, the record before and after) in the same transaction. An archived resource moves
to `archived_resources`, so that no public query can ever see it; restoring moves it back.
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
from directory.models import HistoryEntry
from directory.models import resource_from_mapping
from directory.models import resource_to_mapping
from reports import storage as reports_storage
from stats import storage as stats_storage

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


def _create_history_and_archive(db):
    # Step 1 creates its columns from the Resource fields of the code that runs it, so a new
    # file already has review_months; an older one gets it here.
    if "review_months" not in db["resources"].columns_dict:
        db.execute("ALTER TABLE resources ADD COLUMN review_months INTEGER")
    columns = dict(db["resources"].columns_dict, archived_at=str, archived_by=str)
    db["archived_resources"].create(columns, pk="id")
    db.execute(
        """
        CREATE TABLE resource_history (
            id INTEGER PRIMARY KEY,
            resource_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            action TEXT NOT NULL,
            actor TEXT,
            at TEXT NOT NULL,
            before TEXT,
            after TEXT,
            source_file TEXT
        )
        """
    )
    db.execute("CREATE INDEX resource_history_by_resource ON resource_history (resource_id, id)")


MIGRATIONS = (
    # (version, what it does, function)
    (1, "resources and meta", _create_resources),
    (2, "staff accounts and login throttle", desk_storage.create_staff_tables),
    (3, "queue of resources waiting for the search index", _create_index_queue),
    (4, "resource history, archive and review interval", _create_history_and_archive),
    (5, "error reports from the public", reports_storage.create_report_tables),
    (6, "anonymous daily statistics", stats_storage.create_statistics_tables),
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
    return datetime.datetime.now(datetime.UTC).isoformat(timespec="milliseconds")


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
        # A record of data/ that was archived comes back: the files are the reference here.
        _delete_archived(db, [resource.id for resource in resources])
        # The changes recorded so far are now replaced: init-db asks before replacing later ones.
        _set_meta(db, "built_after_change", _last_change_id(db))


def _last_change_id(db):
    return db.execute("SELECT COALESCE(MAX(id), 0) FROM resource_history").fetchone()[0]


def changes_since_build(db):
    """Return how many changes (edits, verifications, imports, archives) were recorded since init-db last ran."""
    built_after = int(get_meta(db, "built_after_change", 0))
    return db.execute("SELECT COUNT(*) FROM resource_history WHERE id > ?", (built_after,)).fetchone()[0]


class StaleVersionError(Exception):
    """Someone saved the resource since the version the editor started from."""

    def __init__(self, current, current_version):
        super().__init__(f"resource {current.id if current else '?'} is at version {current_version}")
        self.current = current  # the Resource as saved by the other editor (None if archived)
        self.current_version = current_version


class ResourceExistsError(Exception):
    """A live or archived resource already has this id."""


def upsert_resources(db, resources, actor="cli", source_file=None):
    """Insert or update resources by id, in one transaction, with history; return (created, updated, unchanged)."""
    created = updated = unchanged = 0
    with write_transaction(db) as touched:
        for resource in resources:
            row = _to_row(resource)
            current = _get_row(db, resource.id)
            if current is None:
                _insert(db, [resource])
                touched.add(resource.id)
                _record(db, resource.id, 1, "import", actor, None, resource, source_file)
                created += 1
                continue
            if all(current[name] == row[name] for name in FIELD_NAMES):
                unchanged += 1
                continue
            version = current["version"] + 1
            row.update(version=version, updated_at=_now())
            db["resources"].update(resource.id, row)
            touched.add(resource.id)
            _record(db, resource.id, version, "import", actor, _from_row(current), resource, source_file)
            updated += 1
    return created, updated, unchanged


def create_resource(db, resource, actor):
    """Add a new resource (version 1) and its history; ResourceExistsError if the id is taken."""
    with write_transaction(db) as touched:
        if _get_row(db, resource.id) is not None or _get_archived_row(db, resource.id) is not None:
            raise ResourceExistsError(resource.id)
        _insert(db, [resource])
        touched.add(resource.id)
        _record(db, resource.id, 1, "create", actor, None, resource)
    return 1


def update_resource(db, resource, expected_version, actor, action="update"):
    """Save a resource edited from `expected_version`; return the new version.

    Raises StaleVersionError when the record was saved by someone else meanwhile (or
    archived): nothing is overwritten silently.
    """
    with write_transaction(db) as touched:
        current = _get_row(db, resource.id)
        if current is None or current["version"] != expected_version:
            raise StaleVersionError(_from_row(current) if current else None, current["version"] if current else None)
        before = _from_row(current)
        if before == resource:
            return expected_version
        version = expected_version + 1
        db["resources"].update(resource.id, dict(_to_row(resource), version=version, updated_at=_now()))
        touched.add(resource.id)
        _record(db, resource.id, version, action, actor, before, resource)
    return version


def archive_resource(db, resource_id, expected_version, actor):
    """Move a resource to the archive (never shown publicly); StaleVersionError if it changed meanwhile."""
    with write_transaction(db) as touched:
        current = _get_row(db, resource_id)
        if current is None or current["version"] != expected_version:
            raise StaleVersionError(_from_row(current) if current else None, current["version"] if current else None)
        version = expected_version + 1
        db["archived_resources"].insert(dict(current, version=version, archived_at=_now(), archived_by=actor), replace=True)
        db.execute("DELETE FROM resources WHERE id = ?", (resource_id,))
        touched.add(resource_id)
        _record(db, resource_id, version, "archive", actor, _from_row(current), None)
    return version


def restore_resource(db, resource_id, actor):
    """Bring an archived resource back; ResourceExistsError if a live one took its id meanwhile."""
    with write_transaction(db) as touched:
        archived = _get_archived_row(db, resource_id)
        if archived is None:
            raise KeyError(resource_id)
        if _get_row(db, resource_id) is not None:
            raise ResourceExistsError(resource_id)
        version = archived["version"] + 1
        row = {name: archived[name] for name in db["resources"].columns_dict}
        db["resources"].insert(dict(row, version=version, updated_at=_now()))
        _delete_archived(db, [resource_id])
        touched.add(resource_id)
        restored = _from_row(archived)
        _record(db, resource_id, version, "restore", actor, None, restored)
    return version


def _delete_archived(db, resource_ids):
    for resource_id in resource_ids:
        db.execute("DELETE FROM archived_resources WHERE id = ?", (resource_id,))


def _get_archived_row(db, resource_id):
    rows = list(db["archived_resources"].rows_where("id = ?", [resource_id]))
    return rows[0] if rows else None


def get_archived_resource(db, resource_id):
    """Return (Resource, archived_at, archived_by) of an archived resource, or None."""
    row = _get_archived_row(db, resource_id)
    return (_from_row(row), row["archived_at"], row["archived_by"]) if row else None


def list_archived_resources(db):
    """Return [(Resource, archived_at, archived_by)] of the archive, last archived first."""
    rows = db["archived_resources"].rows_where(order_by="archived_at DESC, id")
    return [(_from_row(row), row["archived_at"], row["archived_by"]) for row in rows]


def archived_ids(db):
    """Return the set of archived resource ids."""
    return {row[0] for row in db.execute("SELECT id FROM archived_resources").fetchall()}


def _record(db, resource_id, version, action, actor, before, after, source_file=None):
    def encoded(resource):
        return json.dumps(resource_to_mapping(resource), ensure_ascii=False) if resource is not None else None

    db.execute(
        "INSERT INTO resource_history (resource_id, version, action, actor, at, before, after, source_file) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (resource_id, version, action, actor, _now(), encoded(before), encoded(after), source_file),
    )


def resource_history(db, resource_id):
    """Return the HistoryEntry list of a resource, newest first."""
    rows = db.execute(
        "SELECT resource_id, version, action, actor, at, before, after, source_file FROM resource_history "
        "WHERE resource_id = ? ORDER BY id DESC",
        (resource_id,),
    ).fetchall()
    return [
        HistoryEntry(
            resource_id=row[0],
            version=row[1],
            action=row[2],
            actor=row[3],
            at=datetime.datetime.fromisoformat(row[4]),
            before=json.loads(row[5]) if row[5] else None,
            after=json.loads(row[6]) if row[6] else None,
            source_file=row[7],
        )
        for row in rows
    ]


def resource_version(db, resource_id):
    """Return the version of a live resource, or None."""
    row = db.execute("SELECT version FROM resources WHERE id = ?", (resource_id,)).fetchone()
    return row[0] if row else None


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


def list_resources(db, arrondissement=None, kind=None, theme=None, statuses=("open",), remote=None, kinds=None, near=None):
    """Return resources matching all the given filters, ordered by name.

    `kinds`: of any of these kinds; `near`: in one of these arrondissements, or remote (none).
    """
    clauses = []
    params = []
    if statuses:
        clauses.append(_one_of("status", statuses))
        params.extend(statuses)
    if arrondissement is not None:
        clauses.append("arrondissement = ?")
        params.append(arrondissement)
    if remote is True:
        clauses.append("arrondissement IS NULL")
    if kind is not None:
        clauses.append("kind = ?")
        params.append(kind)
    if kinds is not None:
        clauses.append(_one_of("kind", kinds))
        params.extend(kinds)
    if near is not None:
        clauses.append(f"({_one_of('arrondissement', near)} OR arrondissement IS NULL)")
        params.extend(near)
    if theme is not None:
        theme_kinds = [k.code for k in taxonomy.kinds_in_theme(theme)]
        clauses.append(f"({_one_of('kind', theme_kinds)} OR EXISTS (SELECT 1 FROM json_each(resources.themes) WHERE value = ?))")
        params.extend([*theme_kinds, theme])
    where = " AND ".join(clauses) or "1"
    rows = db["resources"].rows_where(where, params, order_by="name COLLATE NOCASE")
    return [_from_row(row) for row in rows]


def _one_of(column, values):
    """Return the SQL condition "column is one of these values" (a ? for each), false for none."""
    return f"{column} IN ({','.join('?' for _ in values)})" if values else "0"


def _counts(db, columns, statuses):
    """Return [(*column values, count)] of the resources in these statuses, grouped by the columns."""
    grouped = ", ".join(columns)
    placeholders = ",".join("?" for _ in statuses)
    sql = f"SELECT {grouped}, COUNT(*) FROM resources WHERE status IN ({placeholders}) GROUP BY {grouped}"
    return db.execute(sql, list(statuses)).fetchall()


def counts_by_arrondissement(db, statuses=("open",)):
    """Return {arrondissement: number of resources} for local resources."""
    return {number: count for number, count in _counts(db, ["arrondissement"], statuses) if number is not None}


def resource_updated_at(db, resource_id):
    """Return (version, updated_at) of a resource, or None."""
    row = db.execute("SELECT version, updated_at FROM resources WHERE id = ?", (resource_id,)).fetchone()
    return tuple(row) if row else None


def updated_at_by_id(db):
    """Return {resource id: ISO time of its last change} (HSDS last_modified, the API's modified_after)."""
    return dict(db.execute("SELECT id, updated_at FROM resources").fetchall())


def counts_by_kind_and_arrondissement(db, statuses=("open",)):
    """Return {(kind, arrondissement or None): number of resources}."""
    return {(kind, arrondissement): count for kind, arrondissement, count in _counts(db, ["kind", "arrondissement"], statuses)}


def counts_in_qpv(db, kind, statuses=("open",)):
    """Return {arrondissement: number of resources of a kind that lie in a QPV}."""
    placeholders = ",".join("?" for _ in statuses)
    rows = db.execute(
        f"SELECT arrondissement, COUNT(*) FROM resources WHERE kind = ? AND qpv IS NOT NULL AND status IN ({placeholders}) "
        "AND arrondissement IS NOT NULL GROUP BY arrondissement",
        [kind, *statuses],
    ).fetchall()
    return dict(rows)
