"""Site-wide pages: the language redirect, the home page, the accessibility statement, health, errors, the languages API."""

import datetime
import logging

from flask import Blueprint
from flask import g
from flask import jsonify
from flask import redirect
from flask import render_template
from flask import request
from flask import url_for
from flask_babel import gettext
from werkzeug.exceptions import HTTPException

from directory import geography
from directory import storage
from directory import taxonomy
from directory.db import get_db
from search.service import get_index
from web.i18n import negotiated_language
from web.languages import LANGUAGES
from web.languages import get_language
from web.pagecache import cached_page

bp = Blueprint("web", __name__)
log = logging.getLogger(__name__)

# What the accessibility statement reports: the day its checks (tests/browser) were last run and
# read, and the axe-core they ran (tests/browser/vendor/axe.min.js; a test keeps the two equal).
ACCESSIBILITY_CHECKED_ON = datetime.date(2026, 12, 7)
AXE_VERSION = "4.14.1"


@bp.get("/")
def root():
    """Send the browser to the home page in its best language."""
    response = redirect(url_for("web.home", lang=negotiated_language().code))
    response.vary.add("Accept-Language")
    return response


@bp.get("/<lang:lang>/")
@cached_page()
def home():
    """Home: search, themes, arrondissements."""
    db = get_db()
    return render_template(
        "web/home.html",
        main_themes=[taxonomy.THEME_BY_CODE[code] for code in taxonomy.MAIN_THEMES],
        other_themes=[theme for theme in taxonomy.THEMES if theme.code not in taxonomy.MAIN_THEMES],
        arrondissements=geography.arrondissement_numbers(),
        paris_centre=geography.PARIS_CENTRE,
        counts=storage.counts_by_arrondissement(db),
    )


@bp.get("/<lang:lang>/accessibilite")
@cached_page()
def accessibility():
    """The accessibility statement: what was measured, what is known not to work, where to turn."""
    return render_template("web/accessibility.html", checked_on=ACCESSIBILITY_CHECKED_ON, axe_version=AXE_VERSION)


@bp.get("/healthz")
def healthz():
    """Tell a load balancer whether the database and the search index answer."""
    try:
        resources = storage.count_resources(get_db())
        with get_index().searcher() as searcher:
            indexed = searcher.doc_count()
    except Exception as error:  # noqa: BLE001 - any failure means "not healthy", and is logged
        log.error("health check failed: %s", error)
        return jsonify(status="error", error=str(error)), 503
    return jsonify(status="ok", resources=resources, indexed=indexed)


@bp.get("/api/v1/languages")
def api_languages():
    """List the interface languages."""
    return jsonify([{"code": language.code, "name": language.name, "dir": language.dir} for language in LANGUAGES])


def wants_json():
    """Tell whether the request is for the API, which answers errors in JSON."""
    return request.path.startswith("/api/") or request.path == "/healthz"


def language_of_path():
    """Guess the page language from the first segment of the path, for error pages."""
    first = request.path.strip("/").split("/")[0]
    return get_language(first) or negotiated_language()


def handle_http_error(error):
    """Answer an HTTP error in JSON for the API, as a friendly page otherwise, with the error's own headers (Allow…)."""
    headers = [(name, value) for name, value in error.get_headers() if name.lower() != "content-type"]
    if wants_json():
        return jsonify(error=error.description if error.code != 404 else "not found"), error.code, headers
    g.language = g.get("language") or language_of_path()
    return render_template("web/error.html", code=error.code), error.code, headers


def handle_unexpected_error(error):
    """Log an unexpected error and show a page that says what to do."""
    log.exception("unexpected error on %s", request.path, exc_info=error)
    if wants_json():
        return jsonify(error=gettext("Erreur interne. Réessayez dans un moment.")), 500
    g.language = g.get("language") or language_of_path()
    return render_template("web/error.html", code=500), 500


def init_app(app):
    """Register the error handlers."""
    app.register_error_handler(HTTPException, handle_http_error)
    app.register_error_handler(Exception, handle_unexpected_error)
