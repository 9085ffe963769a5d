"""Write the whole directory in one of the formats we speak, for the CLI and the staff downloads."""

import io
import json

from directory.formats import datainclusion
from directory.formats import hsds
from directory.formats import project_csv

# format → (file name, media type)
EXPORTS = {
    "csv": ("reperes-familles.csv", "text/csv; charset=utf-8"),
    "datainclusion": ("reperes-familles-datainclusion.json", "application/json"),
    "hsds": ("reperes-familles-hsds.json", "application/json"),
    "hsds-datapackage": ("reperes-familles-hsds-datapackage.zip", "application/zip"),
}


def export_bytes(export_format, resources, updated_at=None, page_url_of=None):
    """Return the bytes of the directory in a format; updated_at maps ids to their last change."""
    updated_at = updated_at or {}
    if export_format == "csv":
        stream = io.StringIO()
        project_csv.write_rows(resources, stream)
        return stream.getvalue().encode("utf-8")
    if export_format == "datainclusion":
        return datainclusion.dumps(datainclusion.export_document(resources, page_url_of)).encode("utf-8")
    if export_format == "hsds":
        services = [hsds.service_for(resource, updated_at.get(resource.id)) for resource in resources]
        return (json.dumps(services, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    if export_format == "hsds-datapackage":
        stream = io.BytesIO()
        hsds.write_zip(hsds.datapackage_tables(resources, lambda resource: updated_at.get(resource.id)), stream)
        return stream.getvalue()
    raise ValueError(f"unknown export format {export_format!r}")
