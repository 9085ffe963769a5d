"""The directory's JSON API: the same data as the resource page, in another format."""

from flask import Blueprint
from flask import abort
from flask import jsonify
from flask import url_for

from directory import hours
from directory import storage
from directory.db import get_db
from directory.hours import now_in_paris
from web.i18n import current_language
from web.templating import kind_label

bp = Blueprint("directory_api", __name__, url_prefix="/api/v1")


def resource_json(resource, moment):
    """Return the public JSON object of a resource."""
    open_now = hours.is_open_at(resource.opening_hours, moment) if resource.status == "open" else False
    values = {
        "id": resource.id,
        "name": resource.name,
        "kind": resource.kind,
        "themes": list(resource.all_themes),
        "status": resource.status,
        "arrondissement": resource.arrondissement,
        "address": resource.address,
        "postal_code": resource.postal_code,
        "latitude": resource.latitude,
        "longitude": resource.longitude,
        "phone": resource.phone,
        "email": resource.email,
        "website": resource.website,
        "opening_hours": resource.opening_hours,
        "open_now": open_now,
        "audience": resource.audience,
        "min_age": resource.min_age,
        "max_age": resource.max_age,
        "cost": resource.cost,
        "cost_details": resource.cost_details,
        "access": list(resource.access),
        "languages": list(resource.languages),
        "accessibility": resource.accessibility,
        "description": resource.description,
        "source": resource.source,
        "verified_on": resource.verified_on.isoformat() if resource.verified_on else None,
    }
    values.update(
        kind_label=kind_label(resource.kind),
        address_details=resource.address_details,
        hours_details=resource.hours_details,
        descriptions=dict(resource.descriptions),
        other_sources=list(resource.other_sources),
        source_date=resource.source_date.isoformat() if resource.source_date else None,
        confidence=resource.confidence,
        needs_check=resource.needs_check(moment.date()),
        url=url_for("directory.resource", resource_id=resource.id, lang=current_language().code, _external=True),
    )
    return values


@bp.get("/resources/<resource_id>")
def resource(resource_id):
    """Return one resource with all its public fields; 404 if unknown."""
    found = storage.get_resource(get_db(), resource_id)
    if found is None:
        abort(404)
    return jsonify(resource_json(found, now_in_paris()))
