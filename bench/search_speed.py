"""Search benchmark: synthetic directories of N services, 200 queries through the API, FTS5 baseline.

    .venv/bin/python -m bench.search_speed --sizes 10000 100000     (or: make bench-search)

For each size: writes a synthetic corpus (bench/corpus.py) as the project's CSV, imports it
into a temporary instance with the app's own `import` command, rebuilds the index with
`reindex` (the build time), runs a fixed mix of queries through GET /api/v1/search, runs
the same texts against an SQLite FTS5 table of the same texts, and times an edit until the
search shows it. Prints p50/p95 of both, their ratio, build time and peak memory.
A benchmark, not a test: it asserts nothing.
"""

import argparse
import datetime
import json
import random
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.corpus import write_corpus
from directory import storage
from search.analysis import normalize_for_matching

# Texts like the relevance set: no accents, typos, acronyms, arrondissement words, English.
QUERY_TEXTS = [
    "mediation familiale",
    "médiation familiale 13e",
    "mediaton familliale",
    "family mediation",
    "laep",
    "laep 14",
    "lieu d'accueil enfants parents",
    "pension pas payée",
    "pension alimentaire",
    "child support",
    "creche pour chercher du travail",
    "crèche 18ème",
    "nursery",
    "pmi",
    "pmi 75019",
    "vaccin bebe",
    "ludotheque",
    "ludotheque paris 20",
    "centre social",
    "centre social quatorzième",
    "aide numerique ordinateur",
    "conseiller numérique",
    "computer help",
    "france services",
    "mission locale",
    "emploi jeunes",
    "point information jeunesse",
    "vacances enfants",
    "colo ete",
    "aide aux devoirs",
    "cours de francais",
    "acces au droit",
    "ecrivain public 11e",
    "violences conjugales",
    "enfant en danger",
    "rif",
    "relais information familles 15e",
    "caf",
    "allocations familiales",
    "assistante sociale",
    "家庭调解",
    "الوساطة العائلية",
    "",
]
FILTER_MIX = [
    {},
    {},
    {},
    {"arrondissement": "14"},
    {"free": "true"},
    {"open_now": "true"},
    {"theme": "parentalite"},
    {"kind": "pmi"},
]
EDIT_TRIES = 5


def percentile(values, share):
    """Return the value below which `share` of the values lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def query_mix(count, seed=7):
    """Return `count` (text, filters) pairs: every text at least once, then a seeded mix."""
    pick = random.Random(seed)
    texts = QUERY_TEXTS + [pick.choice(QUERY_TEXTS) for _ in range(count - len(QUERY_TEXTS))]
    return [(text, pick.choice(FILTER_MIX)) for text in texts[:count]]


def peak_memory_mb():
    """Return the peak resident memory of this process and of its finished children, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def make_app(folder):
    """Create an app on an empty temporary instance."""
    from app import create_app

    (folder / "data" / "resources").mkdir(parents=True)
    return create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "bench",
            "DATABASE": folder / "bench.sqlite3",
            "INDEX_DIR": folder / "index",
            "DATA_DIR": folder / "data",
        }
    )


def time_api(client, queries):
    """Return the milliseconds of each query through GET /api/v1/search."""
    timings = []
    for text, filters in queries:
        start = time.perf_counter()
        response = client.get("/api/v1/search", query_string={"q": text, **filters})
        timings.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"{text!r} {filters}: {response.status_code}")
    return timings


def fts_database(csv_path):
    """Return an in-memory SQLite FTS5 table of the corpus texts, with the filter columns."""
    from directory.formats import project_csv

    connection = sqlite3.connect(":memory:")
    connection.execute(
        "CREATE VIRTUAL TABLE docs USING fts5(name, description, audience, place, "
        "arrondissement UNINDEXED, kind UNINDEXED, cost UNINDEXED, tokenize='unicode61 remove_diacritics 2')"
    )
    rows = (
        (
            row["name"],
            row["description"],
            row["audience"],
            f"{row['address']} {row['postal_code']}",
            row["arrondissement"],
            row["kind"],
            row["cost"],
        )
        for _line, row in project_csv.read_rows(csv_path.read_text(encoding="utf-8"))
    )
    connection.executemany("INSERT INTO docs VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    connection.commit()
    return connection


def time_fts(connection, queries):
    """Return the milliseconds of each query against FTS5: the total and the first 20 by bm25."""
    timings = []
    for text, filters in queries:
        words = normalize_for_matching(text).split()
        where = []
        params = []
        if words:
            where.append("docs MATCH ?")
            params.append(" OR ".join('"' + word.replace('"', "") + '"' for word in words))
        for name in ("arrondissement", "kind"):
            if name in filters:
                where.append(f"{name} = ?")
                params.append(filters[name])
        if filters.get("free"):
            where.append("cost = 'free'")
        clause = " WHERE " + " AND ".join(where) if where else ""
        order = " ORDER BY bm25(docs)" if words else ""
        start = time.perf_counter()
        connection.execute(f"SELECT count(*) FROM docs{clause}", params).fetchone()
        connection.execute(f"SELECT rowid FROM docs{clause}{order} LIMIT 20", params).fetchall()
        timings.append((time.perf_counter() - start) * 1000)
    return timings


def edit_to_visible(app, client):
    """Return the seconds from a write until the search shows it, for a few edits."""
    from search.service import sync_index

    delays = []
    for attempt in range(EDIT_TRIES):
        word = f"zebulon{attempt}quartz"
        start = time.perf_counter()
        db = storage.open_database(app.config["DATABASE"])
        changed = storage.get_resource(db, f"bench-{attempt:06d}")
        changed.name = f"{changed.name} {word}"
        storage.upsert_resources(db, [changed])
        with app.app_context():
            sync_index(db)
        db.conn.close()
        while not client.get("/api/v1/search", query_string={"q": word}).get_json()["results"]:
            time.sleep(0.01)
        delays.append(time.perf_counter() - start)
    return delays


def run_size(size, query_count):
    """Run the whole benchmark for one corpus size; return its figures."""
    with tempfile.TemporaryDirectory(prefix=f"bench-{size}-") as folder:
        folder = Path(folder)
        csv_path = folder / "corpus.csv"
        start = time.perf_counter()
        write_corpus(csv_path, size)
        generated = time.perf_counter() - start
        app = make_app(folder)
        runner = app.test_cli_runner()
        start = time.perf_counter()
        outcome = runner.invoke(args=["import", str(csv_path)])
        imported = time.perf_counter() - start
        if outcome.exit_code != 0:
            raise RuntimeError(outcome.output)
        start = time.perf_counter()
        outcome = runner.invoke(args=["reindex"])
        built = time.perf_counter() - start
        client = app.test_client()
        start = time.perf_counter()
        client.get("/api/v1/search", query_string={"q": "famille"})
        first = time.perf_counter() - start
        queries = query_mix(query_count)
        api = time_api(client, queries)
        fts = time_fts(fts_database(csv_path), queries)
        edits = edit_to_visible(app, client)
        own, children = peak_memory_mb()
        return {
            "size": size,
            "queries": len(queries),
            "corpus_seconds": round(generated, 1),
            "import_seconds": round(imported, 1),
            "build_seconds": round(built, 1),
            "first_search_seconds": round(first, 2),
            "api_p50_ms": round(statistics.median(api), 1),
            "api_p95_ms": round(percentile(api, 0.95), 1),
            "fts_p50_ms": round(statistics.median(fts), 2),
            "fts_p95_ms": round(percentile(fts, 0.95), 2),
            "p95_ratio": round(percentile(api, 0.95) / max(percentile(fts, 0.95), 0.001), 1),
            "edit_visible_max_s": round(max(edits), 3),
            "peak_memory_mb": round(own),
            "peak_memory_indexing_processes_mb": round(children),
        }


def main(argv=None):
    """Run the benchmark for each size and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000], help="corpus sizes to run")
    parser.add_argument("--queries", type=int, default=200, help="queries per size")
    options = parser.parse_args(argv)
    print(f"# search benchmark, {datetime.date.today()}, Python {sys.version.split()[0]}", flush=True)
    for size in options.sizes:
        figures = run_size(size, options.queries)
        print(json.dumps(figures), flush=True)


if __name__ == "__main__":
    main()
