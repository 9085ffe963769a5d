"""Read an import file, check every record, and say exactly what is wrong and where."""

from dataclasses import dataclass

from directory.formats import project_csv
from directory.models import resource_from_mapping
from directory.taxonomy import N_
from directory.validation import Problem
from directory.validation import clean_record
from directory.validation import find_duplicates

MAX_IMPORT_BYTES = 200 * 1024 * 1024  # larger files are refused before parsing (100,000 services in CSV: about 60 MB)


class UnreadableFileError(ValueError):
    """The file is not in a format we read, or cannot be decoded."""


@dataclass(frozen=True)
class ImportProblem:
    """A problem with one record of an import file."""

    line: int  # line (CSV) or record number (JSON), 1-based
    record_id: str | None
    problem: Problem

    def french(self):
        """Return the problem in French, naming the line, the record and the field."""
        where = f"ligne {self.line}" + (f" ({self.record_id})" if self.record_id else "")
        return f"{where} · {self.problem.field} : {self.problem.french()}"

    def __str__(self):
        return self.french()


def read_text(path):
    """Return the text of a file, refusing huge or non-UTF-8 files."""
    data = path.read_bytes()
    if len(data) > MAX_IMPORT_BYTES:
        raise UnreadableFileError(f"plus de {MAX_IMPORT_BYTES // (1024 * 1024)} Mo")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableFileError(f"encodage non UTF-8 (octet {error.start})") from error


def raw_records(path):
    """Yield (line or record number, raw record) from a file, whatever its format."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return list(project_csv.read_rows(read_text(path)))
    raise UnreadableFileError(f"format inconnu « {suffix or path.name} » (attendu : .csv)")


def check_records(located_records, today):
    """Return (resources, problems) for (line, raw record) pairs; resources only if all are valid."""
    problems = []
    cleaned = []
    for line, raw in located_records:
        extra = raw.pop("__extra__", None)
        if extra:
            problems.append(ImportProblem(line, raw.get("id"), Problem("*", N_("Cette ligne a plus de cellules que l'en-tête."))))
        values, record_problems = clean_record(raw, today=today)
        problems.extend(ImportProblem(line, values.get("id"), problem) for problem in record_problems)
        cleaned.append((line, values, not record_problems))
    lines = {values.get("id"): line for line, values, _ in cleaned}
    for identifier, other, field_name in find_duplicates([values for _, values, _ in cleaned]):
        message = N_("Doublon de « %(other)s » (même %(field)s).")
        problems.append(
            ImportProblem(
                lines.get(identifier, 0), identifier, Problem(field_name, message, {"other": other, "field": field_name})
            )
        )
    if problems:
        return [], sorted(problems, key=lambda problem: problem.line)
    return [resource_from_mapping(values) for _, values, _ in cleaned], []


def read_file(path, today):
    """Read and check an import file; return (resources, problems)."""
    return check_records(raw_records(path), today)


def summarize(resources):
    """Count resources by status and the arrondissements they cover."""
    counts = {"open": 0, "planned": 0, "closed": 0}
    for resource in resources:
        counts[resource.status] = counts.get(resource.status, 0) + 1
    covered = {resource.arrondissement for resource in resources if resource.arrondissement and resource.status == "open"}
    return dict(counts, arrondissements=len(covered))
