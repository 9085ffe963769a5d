"""The search page and GET /api/v1/search."""

from flask import Blueprint
from flask import jsonify
from flask import render_template
from flask import request
from flask import url_for
from flask_babel import gettext

from directory.db import get_db
from directory.hours import now_in_paris
from search.params import parse_search_params
from search.service import search_resources
from web.i18n import current_language

bp = Blueprint("search", __name__)


def _query_lists():
    return {name: request.args.getlist(name) for name in request.args}


@bp.get("/api/v1/search")
def api_search():
    """Search the directory; 400 JSON for an invalid filter value."""
    search_request, errors = parse_search_params(_query_lists())
    if errors:
        first = errors[0]
        return jsonify(error=gettext(first.message, **first.params), field=first.field), 400
    total, hits = search_resources(get_db(), search_request, now_in_paris())
    language = current_language().code
    return jsonify(
        total=total,
        page=search_request.page,
        results=[
            {
                "id": resource.id,
                "name": resource.name,
                "kind": resource.kind,
                "themes": list(resource.all_themes),
                "arrondissement": resource.arrondissement,
                "address": resource.address,
                "url": url_for("directory.resource", resource_id=resource.id, lang=language, _external=True),
                "score": score,
            }
            for resource, score in hits
        ],
        suggestion=None,
    )


@bp.get("/<lang:lang>/search")
def search_page():
    """The search page: a form that works without JavaScript, results and pagination."""
    search_request, errors = parse_search_params(_query_lists())
    total, hits = 0, []
    if search_request is not None:
        total, hits = search_resources(get_db(), search_request, now_in_paris())
    status = 400 if errors else 200
    return (
        render_template(
            "search/search.html",
            search_request=search_request,
            errors=errors,
            args=request.args,
            total=total,
            hits=hits,
        ),
        status,
    )
