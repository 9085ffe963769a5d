"""The Whoosh index on disk: build beside the old one and swap, update, heal when stale.

Layout of the index folder (FLASK_INDEX_DIR):

    gen-<n>/        one complete Whoosh index per build
    gen-<n>/built_from.json   the database content version and schema version it holds
    gen-<n>/snapshot-<segment>.npz|.json   read-optimized arrays of each built segment
    current ->  gen-<n>        symlink swapped atomically when a new build is complete

Readers resolve `current` when they open a searcher, so they see either the old index or
the new one, never a half-built one. Builds and writes take a file lock, so that two
processes (gunicorn workers, a CLI command) never build or write at the same time.
Edits add small segments beside the built ones and are never merged into them, so the
built segments' snapshots stay valid; too many edits make the next sync a rebuild.
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

from search import snapshot
from search.engine import IndexView
from search.schema import SCHEMA_VERSION
from search.schema import build_schema
from search.schema import document_for

CURRENT = "current"
VERSION_FILE = "built_from.json"
LOCK_FILE = ".write.lock"
GENERATIONS_KEPT = 2  # the new one and the previous one, which open searchers may still read
WRITER_RETRIES = 50  # Whoosh's own writer lock: retry this many times…
WRITER_RETRY_DELAY = 0.1  # …this many seconds apart
WRITER_MEMORY_MB = 256  # memory for each writer's buffer during a build
PARALLEL_FROM = 5000  # builds of more resources use one indexing process per core (at most 2)
SNAPSHOT_PREFIX = "snapshot-"


def _segment_readers(reader):
    """Return [(segment reader, offset)] of a reader; an empty index has none."""
    return [(leaf, offset) for leaf, offset in reader.leaf_readers() if leaf.segment() is not None]


class SearchIndex:
    """The resource index kept in one folder; safe to share between threads."""

    def __init__(self, root):
        self.root = Path(root)
        self._opened = None  # (generation path, whoosh index)
        self._opened_lock = threading.Lock()
        self._facts = {}  # (generation path, segment id) → SegmentFacts
        self._view = None  # ((generation path, Whoosh generation), IndexView)
        self.last_failure = float("-inf")  # time.monotonic() of the last failed write

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

    def is_schema_current(self):
        """Tell whether the index was built with this code's schema and analysis, and its taxonomy's order."""
        built = self.built_from()
        return bool(built) and (built.get("schema_version"), built.get("taxonomy")) == (SCHEMA_VERSION, snapshot.TAXONOMY_ORDER)

    def is_current(self, content_version):
        """Tell whether the index exists and holds exactly this content version and schema."""
        return self.is_schema_current() and self.built_from().get("content_version") == content_version

    def open(self):
        """Return the Whoosh index of the current generation (reopened after a swap)."""
        generation = self.current_generation()
        if generation is None:
            raise FileNotFoundError(f"no search index in {self.root}")
        with self._opened_lock:
            if self._opened is None or self._opened[0] != generation:
                self._opened = (generation, whoosh_index.open_dir(str(generation)))
            return self._opened

    def searcher(self):
        """Return a new searcher on the current index; close it after use."""
        return self.open()[1].searcher()

    def view(self):
        """Return the IndexView of the index as it is now (rebuilt after a swap or an edit)."""
        generation, ix = self.open()
        key = (generation, ix.latest_generation())
        with self._opened_lock:
            if self._view is None or self._view[0] != key:
                with ix.reader() as reader:
                    self._view = (key, IndexView(self._segments_of(generation, reader)))
            return self._view[1]

    def _segments_of(self, generation, reader):
        # A built segment's facts come from its snapshot files; a segment added by an edit is
        # read from Whoosh (it is small). Either way they are kept while the generation lives.
        segments = []
        for segment_reader, offset in _segment_readers(reader):
            segment = segment_reader.segment()
            key = (generation, segment.segment_id())
            if key not in self._facts:
                stem = generation / f"{SNAPSHOT_PREFIX}{segment.segment_id()}"
                built = stem.with_suffix(".npz").exists()
                self._facts[key] = snapshot.load_segment(stem) if built else snapshot.read_segment(segment_reader)
            segments.append((self._facts[key], offset, sorted(segment.deleted_docs())))
        for key in [key for key in self._facts if key[0] != generation]:
            del self._facts[key]
        return segments

    def edit_segments(self):
        """Return how many segments edits have added to the current index since its build."""
        generation = self.current_generation()
        if generation is None:
            return 0
        with whoosh_index.open_dir(str(generation)).reader() as reader:
            return sum(
                1
                for segment_reader, _offset in _segment_readers(reader)
                if not (generation / f"{SNAPSHOT_PREFIX}{segment_reader.segment().segment_id()}.npz").exists()
            )

    @contextmanager
    def write_lock(self):
        """Hold the lock that serializes every build and write of this index folder."""
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / LOCK_FILE, "w") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def rebuild(self, resources, content_version, count=None, progress=None):
        """Build a complete new index beside the current one, then swap it in (hold write_lock)."""
        generation = self.root / f"gen-{time.time_ns()}"
        generation.mkdir(parents=True)
        ix = whoosh_index.create_in(str(generation), build_schema())
        processes = min(2, os.cpu_count() or 1) if (count or 0) >= PARALLEL_FROM else 1
        options = {"procs": processes, "multisegment": True} if processes > 1 else {}
        writer = ix.writer(limitmb=WRITER_MEMORY_MB, **options)
        try:
            for resource in resources:
                if resource.status != "closed":
                    writer.add_document(**document_for(resource))
                if progress:
                    progress(1)
            writer.commit()
            with ix.reader() as reader:
                for segment_reader, _offset in _segment_readers(reader):
                    stem = generation / f"{SNAPSHOT_PREFIX}{segment_reader.segment().segment_id()}"
                    snapshot.save_segment(snapshot.read_segment(segment_reader), stem)
        except BaseException:
            if not writer.is_closed:
                writer.cancel()
            shutil.rmtree(generation, ignore_errors=True)
            raise
        self._write_version(generation, content_version)
        self._swap_to(generation)
        self._remove_old_generations(keep=generation)
        return generation

    def update(self, resources, deleted_ids, content_version):
        """Replace or remove some documents in the current index, then record the version (hold write_lock)."""
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
                    writer.update_document(**document_for(resource))
            for resource_id in deleted_ids:
                writer.delete_by_term("id", resource_id)
            # merge=False: the built segments keep their document numbers, so their snapshots hold.
            writer.commit(merge=False)
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
        payload = json.dumps(
            {"content_version": content_version, "schema_version": SCHEMA_VERSION, "taxonomy": snapshot.TAXONOMY_ORDER}
        )
        temporary = generation / (VERSION_FILE + ".tmp")
        temporary.write_text(payload, encoding="utf-8")
        os.replace(temporary, generation / VERSION_FILE)

    def _swap_to(self, generation):
        temporary = self.root / f".{CURRENT}-{time.time_ns()}"
        os.symlink(generation.name, temporary)
        os.replace(temporary, self.root / CURRENT)

    def remove_unfinished_builds(self):
        """Remove what builds killed mid-way left: folders never finished, swap links never used (hold write_lock)."""
        # Under the write lock no build is running, so a folder without its version file is one that died.
        for path in self.root.glob("gen-*"):
            if path.is_dir() and not (path / VERSION_FILE).exists():
                shutil.rmtree(path, ignore_errors=True)
        for link in self.root.glob(f".{CURRENT}-*"):
            link.unlink(missing_ok=True)

    def _remove_old_generations(self, keep):
        self.remove_unfinished_builds()
        generations = sorted(
            (path for path in self.root.glob("gen-*") if path.is_dir()),
            key=lambda path: int(path.name.removeprefix("gen-")),
        )
        old = [path for path in generations if path != keep][: max(0, len(generations) - GENERATIONS_KEPT)]
        for path in old:
            shutil.rmtree(path, ignore_errors=True)
