"""Read import files in any format we speak, check every record, and say exactly what is wrong and where.

Formats: the project's CSV (complete records), data·inclusion v1 JSON (structures and
services), Open Referral HSDS 3.0 JSON (services) and its datapackage (a zip, a folder, or
datapackage.json with its CSV files). Plain values in, plain values out: the CLI and the
upload page print the problems and write nothing unless every record is valid.
"""

import io
import json
import zipfile
import zlib
from dataclasses import dataclass
from dataclasses import field
from pathlib import PurePosixPath

from directory.formats import datainclusion
from directory.formats import hsds
from directory.formats import project_csv
from directory.formats.batch import Candidate
from directory.formats.batch import Notice
from directory.formats.batch import Where
from directory.models import FIELD_NAMES
from directory.models import resource_from_mapping
from directory.models import resource_to_mapping
from directory.taxonomy import N_
from directory.validation import Problem
from directory.validation import clean_record
from directory.validation import find_duplicates

MAX_IMPORT_BYTES = 200 * 1024 * 1024  # larger files are refused before parsing (100,000 services in CSV: about 60 MB)
FORMAT_NAMES = {
    "csv": "CSV du projet",
    "datainclusion": "data·inclusion v1",
    "hsds": "HSDS 3.0 (JSON)",
    "hsds-datapackage": "HSDS 3.0 (datapackage CSV)",
}


class UnreadableFileError(ValueError):
    """The file is not in a format we read, or cannot be decoded."""


@dataclass(frozen=True)
class InputFile:
    """A file to import: its name (for the messages and the format) and its bytes."""

    name: str
    data: bytes


@dataclass(frozen=True)
class ImportProblem:
    """A problem with one record of an import file."""

    where: Where
    record_id: str | None
    problem: Problem

    @property
    def line(self):
        """Return the line or record number."""
        return self.where.number

    def french(self):
        """Return the problem in French, naming the line, the record and the field."""
        where = self.where.french() + (f" ({self.record_id})" if self.record_id else "")
        return f"{where} · {self.problem.field} : {self.problem.french()}"

    def __str__(self):
        return self.french()


@dataclass
class ImportPlan:
    """What an import would do: valid resources (only when no problem), problems, records left aside."""

    format: str
    resources: list = field(default_factory=list)
    problems: list = field(default_factory=list)
    notices: list = field(default_factory=list)
    checked: int = 0


def _text(data, name):
    if len(data) > MAX_IMPORT_BYTES:
        raise UnreadableFileError(f"{name} : plus de {MAX_IMPORT_BYTES // (1024 * 1024)} Mo")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableFileError(f"{name} : encodage non UTF-8 (octet {error.start})") from error


def _json(data, name):
    try:
        return json.loads(_text(data, name))
    except ValueError as error:
        raise UnreadableFileError(f"{name} : JSON illisible ({error})") from error


def _zip_members(data, name):
    if len(data) > MAX_IMPORT_BYTES:
        raise UnreadableFileError(f"{name} : plus de {MAX_IMPORT_BYTES // (1024 * 1024)} Mo")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = [info for info in archive.infolist() if not info.is_dir()]
        if sum(info.file_size for info in members) > MAX_IMPORT_BYTES:
            raise UnreadableFileError(f"{name} : contenu de plus de {MAX_IMPORT_BYTES // (1024 * 1024)} Mo")
        return [InputFile(PurePosixPath(info.filename).name, archive.read(info)) for info in members]
    # A damaged archive fails in many ways: its directory, a member's data, its compression.
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError) as error:
        raise UnreadableFileError(f"{name} : archive zip illisible") from error


def read_candidates(files, known_ids=()):
    """Return (format, candidates, notices) of the files of one import, whatever their format."""
    if not files:
        raise UnreadableFileError("aucun fichier")
    expanded = []
    for item in files:
        expanded += _zip_members(item.data, item.name) if item.name.lower().endswith(".zip") else [item]
    names = [PurePosixPath(item.name).name.lower() for item in expanded]
    if "datapackage.json" in names:
        tables = {
            PurePosixPath(item.name).name: _text(item.data, item.name) for item in expanded if item.name.lower().endswith(".csv")
        }
        try:
            candidates, notices = hsds.read_datapackage(tables, hsds.our_ids_by_uuid(known_ids))
        except hsds.FormatError as error:
            raise UnreadableFileError(str(error)) from error
        return "hsds-datapackage", candidates, notices
    suffixes = {PurePosixPath(name).suffix for name in names}
    if suffixes == {".csv"} and len(expanded) == 1:
        rows = project_csv.read_rows(_text(expanded[0].data, expanded[0].name))
        return "csv", [Candidate(Where(line), raw) for line, raw in rows], []
    if suffixes == {".json"}:
        documents = [(item.name, _json(item.data, item.name)) for item in expanded]
        try:
            if all(hsds.looks_like(document) for _name, document in documents):
                candidates, notices = [], []
                for name, document in documents:
                    found, left = hsds.read_json(document, hsds.our_ids_by_uuid(known_ids), name if len(documents) > 1 else None)
                    candidates += found
                    notices += left
                return "hsds", candidates, notices
            if all(datainclusion.looks_like(document) for _name, document in documents):
                candidates, notices = datainclusion.read(documents)
                return "datainclusion", candidates, notices
        except (hsds.FormatError, datainclusion.FormatError) as error:
            raise UnreadableFileError(str(error)) from error
        raise UnreadableFileError("JSON ni data·inclusion (structures, services) ni HSDS (services)")
    shown = ", ".join(sorted(suffixes)) or names[0]
    raise UnreadableFileError(
        f"format inconnu « {shown} » (attendu : un .csv du projet, du JSON data·inclusion ou HSDS, "
        "ou un datapackage HSDS en .zip)"
    )


def _present(value):
    return value not in (None, "", [], {})


def merge_with_existing(raw, current, through_format):
    """Return the values of an existing resource, changed only where the file says something else than our own export would."""
    merged = resource_to_mapping(current)
    for name, value in raw.items():
        if name in FIELD_NAMES and name != "id" and value != through_format.get(name):
            merged[name] = value
    return merged


def check_candidates(fmt, candidates, notices, today, existing, archived, default_source=None):
    """Return the ImportPlan of located raw records: every problem, or the resources when all are valid."""
    plan = ImportPlan(fmt, notices=list(notices))
    cleaned = []
    for candidate in candidates:
        raw = dict(candidate.raw)
        identifier = raw.get("id")
        if identifier in archived:
            plan.notices.append(
                Notice(candidate.where, identifier, N_("Fiche archivée : laissée de côté (restaurez-la d'abord)."))
            )
            continue
        plan.checked += 1
        plan.problems += [ImportProblem(candidate.where, identifier, problem) for problem in candidate.problems]
        if candidate.problems:
            continue
        if raw.pop("__extra__", None):
            plan.problems.append(
                ImportProblem(candidate.where, identifier, Problem("*", N_("Cette ligne a plus de cellules que l'en-tête.")))
            )
        if candidate.roundtrip is not None:
            current = existing.get(identifier)
            if current is not None:
                raw = merge_with_existing(raw, current, candidate.roundtrip(current))
            else:
                raw = dict(candidate.new_record_defaults, **{name: value for name, value in raw.items() if _present(value)})
                if not raw.get("source") and default_source:
                    raw["source"] = default_source
        values, record_problems = clean_record(raw, today=today)
        plan.problems += [ImportProblem(candidate.where, values.get("id"), problem) for problem in record_problems]
        cleaned.append((candidate.where, values, not record_problems))
    where_of = {values.get("id"): where for where, values, _ in cleaned}
    for identifier, other, field_name in find_duplicates([values for _, values, _ in cleaned]):
        message = N_("Doublon de « %(other)s » (même %(field)s).")
        where = where_of.get(identifier, Where(0))
        plan.problems.append(
            ImportProblem(where, identifier, Problem(field_name, message, {"other": other, "field": field_name}))
        )
    plan.problems.sort(key=lambda problem: (problem.where.part or "", problem.where.number))
    if not plan.problems:
        plan.resources = [resource_from_mapping(values) for _, values, _ in cleaned]
    return plan


def plan_import(files, today, existing=None, archived=(), default_source=None):
    """Read and check the files of one import; return its ImportPlan (nothing is written here)."""
    existing = existing or {}
    fmt, candidates, notices = read_candidates(files, known_ids=[*existing, *archived])
    return check_candidates(fmt, candidates, notices, today, existing, set(archived), default_source)


def summarize(resources):
    """Count resources by status and the arrondissements they cover."""
    counts = {"open": 0, "planned": 0, "closed": 0}
    for resource in resources:
        counts[resource.status] = counts.get(resource.status, 0) + 1
    covered = {resource.arrondissement for resource in resources if resource.arrondissement and resource.status == "open"}
    return dict(counts, arrondissements=len(covered))
