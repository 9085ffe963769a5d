"""The search page and GET /api/v1/search."""

from flask import Blueprint
from flask import g
from flask import jsonify
from flask import render_template
from flask import request
from flask import url_for
from flask_babel import gettext

from directory.db import get_db
from directory.hours import now_in_paris
from search import page
from search.engine import Filters
from search.excerpts import excerpt
from search.params import parse_search_params
from search.service import get_analyzer
from search.service import search_resources
from stats import service as stats_service
from web.i18n import current_language
from web.pagecache import cached_page

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
    result = search_resources(get_db(), search_request, now_in_paris())
    language = current_language().code
    return jsonify(
        total=result.total,
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
            for resource, score in result.hits
        ],
        suggestion=result.suggestion,
    )


@bp.get("/<lang:lang>/search")
@cached_page(per_minute=True)
def search_page():
    """The search page: filters with counts that work without JavaScript, results, pagination."""
    search_request, errors = parse_search_params(_query_lists())
    result = None
    excerpts = {}
    if search_request is not None:
        result = search_resources(get_db(), search_request, now_in_paris())
        analyzer = get_analyzer()
        excerpts = {resource.id: excerpt(resource.description, result.terms, analyzer) for resource, _ in result.hits}
        if result.total == 0 and search_request.text.strip() and search_request.page == 1:
            # Counted for the steering statistics; such a page is not cached, so each one counts.
            stats_service.count_zero_results(search_request.text)
            g.no_page_cache = True
    return (
        render_template(
            "search/search.html",
            search_request=search_request,
            errors=errors,
            args=request.args,
            result=result,
            excerpts=excerpts,
            empty_filters=Filters(),
            filters=page.filter_choices(result.facets, search_request.filters) if result else None,
            pages=page.page_count(result.total, search_request.per_page) if result else 0,
            leads=page.zero_result_leads(result, search_request.filters) if result and not result.total else None,
        ),
        400 if errors else 200,
    )
