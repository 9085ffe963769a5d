"""The Whoosh index on disk: build beside the old one and swap, update, heal when stale.

Layout of the index folder (FLASK_INDEX_DIR):

    gen-<n>/        one complete Whoosh index per build
    gen-<n>/built_from.json   the database content version and schema version it holds
    current ->  gen-<n>        symlink swapped atomically when a new build is complete

Readers resolve `current` when they open a searcher, so they see either the old index or
the new one, never a half-built one. Builds and writes take a file lock, so that two
processes (gunicorn workers, a CLI command) never build or write at the same time.
"""

import fcntl
import json
import os
import shutil
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.index import LockError

from search.schema import SCHEMA_VERSION
from search.schema import build_schema
from search.schema import document_for

CURRENT = "current"
VERSION_FILE = "built_from.json"
LOCK_FILE = ".write.lock"
GENERATIONS_KEPT = 2  # the new one and the previous one, which open searchers may still read
WRITER_RETRIES = 50  # Whoosh's own writer lock: retry this many times…
WRITER_RETRY_DELAY = 0.1  # …this many seconds apart
WRITER_MEMORY_MB = 256  # memory for the writer's buffer during a build


class SearchIndex:
    """The resource index kept in one folder; safe to share between threads."""

    def __init__(self, root):
        self.root = Path(root)
        self._opened = None  # (generation path, whoosh index)
        self._opened_lock = threading.Lock()

    # Reading

    def current_generation(self):
        """Return the folder of the current index, or None when there is none."""
        link = self.root / CURRENT
        try:
            target = os.readlink(link)
        except OSError:
            return None
        path = self.root / target
        return path if (path / VERSION_FILE).exists() else None

    def built_from(self):
        """Return {"content_version", "schema_version"} of the current index, or None."""
        generation = self.current_generation()
        if generation is None:
            return None
        try:
            return json.loads((generation / VERSION_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def is_current(self, content_version):
        """Tell whether the index exists and holds exactly this content version and schema."""
        built = self.built_from()
        return bool(built) and built.get("schema_version") == SCHEMA_VERSION and built.get("content_version") == content_version

    def open(self):
        """Return the Whoosh index of the current generation (reopened after a swap)."""
        generation = self.current_generation()
        if generation is None:
            raise FileNotFoundError(f"no search index in {self.root}")
        with self._opened_lock:
            if self._opened is None or self._opened[0] != generation:
                self._opened = (generation, whoosh_index.open_dir(str(generation)))
            return self._opened[1]

    def searcher(self):
        """Return a new searcher on the current index; close it after use."""
        return self.open().searcher()

    # Writing

    @contextmanager
    def _process_lock(self):
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / LOCK_FILE, "w") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def rebuild(self, resources, content_version, today, progress=None):
        """Build a complete new index beside the current one, then swap it in."""
        with self._process_lock():
            generation = self.root / f"gen-{time.time_ns()}"
            generation.mkdir()
            ix = whoosh_index.create_in(str(generation), build_schema())
            writer = ix.writer(limitmb=WRITER_MEMORY_MB)
            try:
                for resource in resources:
                    if resource.status != "closed":
                        writer.add_document(**document_for(resource, today))
                    if progress:
                        progress(1)
                writer.commit()
            except BaseException:
                writer.cancel()
                shutil.rmtree(generation, ignore_errors=True)
                raise
            self._write_version(generation, content_version)
            self._swap_to(generation)
            self._remove_old_generations(keep=generation)
        return generation

    def update(self, resources, deleted_ids, content_version, today):
        """Replace or remove some documents in the current index, then record the version."""
        with self._process_lock():
            generation = self.current_generation()
            if generation is None:
                raise FileNotFoundError(f"no search index in {self.root}")
            ix = whoosh_index.open_dir(str(generation))
            writer = self._writer_with_retry(ix)
            try:
                for resource in resources:
                    if resource.status == "closed":
                        writer.delete_by_term("id", resource.id)
                    else:
                        writer.update_document(**document_for(resource, today))
                for resource_id in deleted_ids:
                    writer.delete_by_term("id", resource_id)
                writer.commit()
            except BaseException:
                writer.cancel()
                raise
            self._write_version(generation, content_version)

    @staticmethod
    def _writer_with_retry(ix):
        for _attempt in range(WRITER_RETRIES):
            try:
                return ix.writer()
            except LockError:
                time.sleep(WRITER_RETRY_DELAY)
        return ix.writer()

    @staticmethod
    def _write_version(generation, content_version):
        payload = json.dumps({"content_version": content_version, "schema_version": SCHEMA_VERSION})
        temporary = generation / (VERSION_FILE + ".tmp")
        temporary.write_text(payload, encoding="utf-8")
        os.replace(temporary, generation / VERSION_FILE)

    def _swap_to(self, generation):
        temporary = self.root / f".{CURRENT}-{time.time_ns()}"
        os.symlink(generation.name, temporary)
        os.replace(temporary, self.root / CURRENT)

    def _remove_old_generations(self, keep):
        generations = sorted(
            (path for path in self.root.glob("gen-*") if path.is_dir()),
            key=lambda path: int(path.name.removeprefix("gen-")),
        )
        old = [path for path in generations if path != keep][: max(0, len(generations) - GENERATIONS_KEPT)]
        for path in old:
            shutil.rmtree(path, ignore_errors=True)
