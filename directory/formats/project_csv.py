"""The project's own CSV format: one row per resource, one column per field.

List fields hold values separated by " | "; translated descriptions are extra columns
named description_<lang> (description_en, description_ar…). The first line is the header.
"""

import csv
import io

from directory.models import FIELD_NAMES
from directory.models import LIST_FIELDS
from directory.models import resource_to_mapping

LIST_SEPARATOR = " | "
TRANSLATION_PREFIX = "description_"
BASE_COLUMNS = tuple(name for name in FIELD_NAMES if name != "descriptions")


def read_rows(text):
    """Yield (line number, raw record) for each row of a project CSV text."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    for row in reader:
        extra = row.pop(None, None)  # the cells beyond the header's columns
        record = {"__extra__": extra} if extra else {}
        descriptions = {}
        for column, value in row.items():
            column = (column or "").strip()
            value = value if value is None else value.strip()
            if column.startswith(TRANSLATION_PREFIX) and column != "description":
                if value:
                    descriptions[column.removeprefix(TRANSLATION_PREFIX)] = value
            elif column in LIST_FIELDS:
                record[column] = [part.strip() for part in (value or "").split("|") if part.strip()]
            else:
                record[column] = value
        record["descriptions"] = descriptions
        yield reader.line_num, record


def write_rows(resources, stream):
    """Write resources as project CSV to a text stream."""
    languages = sorted({code for resource in resources for code in resource.descriptions})
    columns = [*BASE_COLUMNS, *(TRANSLATION_PREFIX + code for code in languages)]
    writer = csv.DictWriter(stream, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for resource in resources:
        values = resource_to_mapping(resource)
        row = {name: values[name] for name in BASE_COLUMNS}
        for name in LIST_FIELDS:
            row[name] = LIST_SEPARATOR.join(values[name])
        for code in languages:
            row[TRANSLATION_PREFIX + code] = resource.descriptions.get(code, "")
        writer.writerow({name: "" if value is None else value for name, value in row.items()})
