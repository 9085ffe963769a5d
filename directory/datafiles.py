"""Read the curated resources in data/resources/*.yaml and check them."""

from dataclasses import dataclass
from pathlib import Path

import yaml

from directory.models import resource_from_mapping
from directory.taxonomy import N_
from directory.validation import Problem
from directory.validation import clean_record
from directory.validation import find_duplicates


@dataclass(frozen=True)
class RecordProblem:
    """A problem located in a data file."""

    path: str
    position: int  # 1-based position of the record in its file
    record_id: str | None
    problem: Problem

    def french(self):
        """Return a one-line French report naming the file, the record and the field."""
        where = f"{self.path} #{self.position}"
        if self.record_id:
            where += f" ({self.record_id})"
        return f"{where} · {self.problem.field} : {self.problem.french()}"


def read_records(data_dir):
    """Yield (path, position, raw record) for every record of data/resources/*.yaml."""
    for path in sorted(Path(data_dir, "resources").glob("*.yaml")):
        with open(path, encoding="utf-8") as stream:
            documents = yaml.safe_load(stream) or []
        if not isinstance(documents, list):
            raise ValueError(f"{path}: a YAML list of records is expected")
        for position, raw in enumerate(documents, start=1):
            yield str(path), position, raw


def load_resources(data_dir, today=None):
    """Return (resources, problems) for the whole data folder."""
    resources = []
    problems = []
    located = []
    for path, position, raw in read_records(data_dir):
        if not isinstance(raw, dict):
            problems.append(
                RecordProblem(path, position, None, Problem("*", N_("Un enregistrement doit être un dictionnaire de champs.")))
            )
            continue
        values, record_problems = clean_record(raw, today=today)
        problems.extend(RecordProblem(path, position, values.get("id"), problem) for problem in record_problems)
        located.append((path, position, values))
        if not record_problems:
            resources.append(resource_from_mapping(values))
    where = {values.get("id"): (path, position) for path, position, values in located}
    for identifier, other, field_name in find_duplicates([values for _, _, values in located]):
        path, position = where.get(identifier, ("?", 0))
        message = N_("Doublon de « %(other)s » (même %(field)s).")
        problems.append(
            RecordProblem(path, position, identifier, Problem(field_name, message, {"other": other, "field": field_name}))
        )
    return resources, problems
