"""The HSDS-style read API under /api/hsds/: GET /, /services and /services/{id} (HSDS 3.0).

The same data as /api/v1 and the pages, in Open Referral's shape; open to other sites (CORS,
see web/security.py). Errors are 400 or 404 JSON {"error", "field"}.
"""

import datetime
import math
import re
from dataclasses import dataclass

from flask import Blueprint
from flask import jsonify
from flask import request
from flask import url_for

from directory import storage
from directory import taxonomy
from directory.db import get_db
from directory.formats import hsds
from directory.hours import now_in_paris
from search.engine import Filters
from search.params import SearchRequest
from search.service import search_resources

bp = Blueprint("hsds_api", __name__, url_prefix="/api/hsds")

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 100
MAX_PAGE = 10_000
SEARCH_LIMIT = 10_000  # hits read from the index for a `search`, before the other filters and the pages
# RFC 3339 date-times (any case for T and Z, any number of fractional digits), or a date alone.
MOMENT = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?([Zz]|[+-]\d{2}:\d{2})?)?$")


@dataclass(frozen=True)
class ServiceQuery:
    """The checked parameters of GET /services."""

    search: str
    term: tuple | None  # ("kind" | "theme", code), or ("unknown", text) that matches nothing
    modified_after: datetime.datetime | None
    page: int
    per_page: int


def _term_of(value):
    for kind in taxonomy.KINDS:
        if value in (hsds.entity_id("term", f"kind:{kind.code}"), kind.code) and value not in taxonomy.THEME_BY_CODE:
            return "kind", kind.code
    for theme in taxonomy.THEMES:
        if value in (hsds.entity_id("term", f"theme:{theme.code}"), theme.code):
            return "theme", theme.code
    return "unknown", value


def parse_moment(text):
    """Return the UTC datetime of an RFC 3339 date-time or a date (midnight UTC), or raise ValueError."""
    match = MOMENT.match(text.strip())
    if not match:
        raise ValueError(text)
    year, month, day, hour, minute, second, fraction, offset = match.groups()
    moment = datetime.datetime(
        int(year),
        int(month),
        int(day),
        int(hour or 0),
        int(minute or 0),
        min(int(second or 0), 59),  # a leap second counts as the second before it
        int((fraction or "0")[:6].ljust(6, "0")),
        tzinfo=datetime.UTC,
    )
    if offset and offset.upper() != "Z":
        sign = 1 if offset[0] == "+" else -1
        hours, minutes = int(offset[1:3]), int(offset[4:6])
        if hours > 23 or minutes > 59:
            raise ValueError(text)
        moment -= sign * datetime.timedelta(hours=hours, minutes=minutes)
    return moment


def parse_service_query(args):
    """Return (ServiceQuery, None) or (None, (field, French message)) from a mapping of the query's last values."""

    def number(name, default, high):
        if name not in args:
            return default
        raw = (args.get(name) or "").strip()
        if not raw.isascii() or not raw.isdigit() or not 1 <= int(raw) <= high:
            raise ValueError(name, high)
        return int(raw)

    try:
        page = number("page", 1, MAX_PAGE)
        per_page = number("per_page", DEFAULT_PER_PAGE, MAX_PER_PAGE)
    except ValueError as error:
        name, high = error.args
        return None, (name, f"Nombre entier attendu entre 1 et {high}.")
    modified_after = None
    if "modified_after" in args:  # given empty is not a date-time either
        try:
            modified_after = parse_moment(args["modified_after"])
        except ValueError:
            return None, ("modified_after", "Date et heure attendues (RFC 3339), par exemple 2025-01-31T00:00:00Z.")
    term = (args.get("taxonomy_term_id") or "").strip()
    return ServiceQuery(
        (args.get("search") or "").strip(), _term_of(term) if term else None, modified_after, page, per_page
    ), None


def _matches(resource, updated_at, query):
    if query.term is not None:
        entry, code = query.term
        if (
            entry == "unknown"
            or (entry == "kind" and resource.kind != code)
            or (entry == "theme" and code not in resource.all_themes)
        ):
            return False
    if query.modified_after is not None:
        changed = datetime.datetime.fromisoformat(updated_at) if updated_at else None
        if changed is None or changed < query.modified_after:
            return False
    return True


def _search_ids(db, text):
    """Return the ids the search index finds for a text, best first (the one place this API reads the index)."""
    found = SearchRequest(text, Filters(), 1, SEARCH_LIMIT)
    return [resource.id for resource, _score in search_resources(db, found, now_in_paris()).hits]


def page_of(items, page, per_page):
    """Return the HSDS page object of a list of items."""
    total = len(items)
    total_pages = max(1, math.ceil(total / per_page))
    contents = items[(page - 1) * per_page : page * per_page]
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page,
        "size": per_page,
        "first_page": page == 1,
        "last_page": page >= total_pages,
        "empty": not contents,
        "contents": contents,
    }


@bp.get("/")
def about():
    """Which HSDS this API speaks, and where its OpenAPI description is."""
    return jsonify(version=hsds.VERSION, profile=hsds.PROFILE, openapi_url=url_for("api_docs.openapi", _external=True))


@bp.get("/services")
def services():
    """A page of services with their one-to-one fields; `search`, `taxonomy_term_id`, `modified_after` combine (AND)."""
    query, error = parse_service_query(request.args)
    if error:
        return jsonify(error=error[1], field=error[0]), 400
    db = get_db()
    updated = storage.updated_at_by_id(db)
    if query.search:
        ordered = storage.get_resources(db, _search_ids(db, query.search))
    else:
        ordered = sorted(storage.iter_resources(db), key=lambda resource: (resource.name.lower(), resource.id))
    matching = [resource for resource in ordered if _matches(resource, updated.get(resource.id), query)]
    page = page_of(matching, query.page, query.per_page)
    page["contents"] = [hsds.list_item_for(resource, updated.get(resource.id)) for resource in page["contents"]]
    return jsonify(page)


@bp.get("/services/<service_id>")
def service(service_id):
    """One service, fully nested; 404 JSON if unknown. Takes the HSDS UUID or the directory's id."""
    db = get_db()
    ids = hsds.our_ids_by_uuid(storage.updated_at_by_id(db))
    resource = storage.get_resource(db, ids.get(service_id.lower(), service_id))
    if resource is None:
        return jsonify(error="not found", field="id"), 404
    return jsonify(hsds.service_for(resource, storage.updated_at_by_id(db).get(resource.id)))
