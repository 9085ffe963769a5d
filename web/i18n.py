"""Languages in URLs and in Flask-Babel: /<lang>/… pages, negotiation, catalogs and their review."""

import logging
from pathlib import Path

from flask import current_app
from flask import g
from flask import has_app_context
from flask import has_request_context
from flask import request
from flask_babel import Babel
from flask_babel import get_translations
from werkzeug.routing import BaseConverter

from web import catalogs
from web import cli
from web.languages import DEFAULT_LANGUAGE
from web.languages import LANGUAGES
from web.languages import best_language
from web.languages import get_language

log = logging.getLogger(__name__)


class LanguageConverter(BaseConverter):
    """Match only the codes of supported languages in a URL (/fr/, /ar/, /zh-Hans/)."""

    regex = "|".join(sorted((language.code for language in LANGUAGES), key=len, reverse=True))


def current_language():
    """Return the language of this request: its URL prefix, ?lang=, then Accept-Language."""
    language = g.get("language")
    if language is None:
        language = get_language(request.args.get("lang")) or negotiated_language()
        g.language = language
    return language


def negotiated_language():
    """Return the best supported language for the browser's Accept-Language header."""
    return best_language(list(request.accept_languages))


def select_locale():
    """Tell Flask-Babel which catalog to use."""
    try:
        return current_language().locale
    except RuntimeError:  # outside a request (CLI): French, the source language
        return DEFAULT_LANGUAGE.locale


def pull_language(endpoint, values):
    """Take the language out of the URL values before the view runs."""
    if values and "lang" in values:
        g.language = get_language(values.pop("lang"))


def add_language(endpoint, values):
    """Fill in the current language when url_for builds a /<lang>/ URL without one."""
    if "lang" in values or not endpoint:
        return
    if current_app.url_map.is_endpoint_expecting(endpoint, "lang"):
        values["lang"] = current_language().code if has_request_context() else DEFAULT_LANGUAGE.code


def current_review():
    """Return the review status of the current language's catalog."""
    return current_app.extensions["catalog_reviews"][current_language().locale]


def request_translations():
    """Return the catalog of the current locale, found once per request and locale.

    Flask-Babel looks the locale and the catalog up again at each call; its per-request
    namespace (`g._flask_babel.babel_locale`) changes identity under `force_locale`, which
    the bilingual sheets use, so the cache is keyed by that object.
    """
    locale = getattr(g.get("_flask_babel"), "babel_locale", None)
    cached = g.get("translations_for_locale")
    if cached is not None and locale is not None and cached[0] is locale:
        return cached[1]
    translations = get_translations()
    g.translations_for_locale = (getattr(g.get("_flask_babel"), "babel_locale", None), translations)
    return translations


def gettext(message, **variables):
    """Translate a message from Python code like Flask-Babel's gettext, with the catalog found once per request."""
    text = request_translations().ugettext(message) if has_app_context() else message
    return text % variables if variables else text


def ngettext(singular, plural, number, **variables):
    """Translate a message with plural forms like Flask-Babel's ngettext (`%(num)d` is the number)."""
    variables.setdefault("num", number)
    if has_app_context():
        return request_translations().ungettext(singular, plural, number) % variables
    return (singular if number == 1 else plural) % variables


def warn_about_uncompiled_catalogs(translations_dir):
    """Log a warning for each language whose catalog is not compiled: its pages would be in French."""
    for language in LANGUAGES:
        compiled = catalogs.catalog_path(translations_dir, language.locale).with_suffix(".mo")
        if not compiled.exists():
            log.warning("%s is missing: pages in %s will show French; run `make translations`", compiled, language.code)


def init_app(app):
    """Register the language converter, the URL hooks, Flask-Babel, the catalogs' review status."""
    app.url_map.converters["lang"] = LanguageConverter
    app.url_value_preprocessor(pull_language)
    app.url_defaults(add_language)
    app.config.setdefault("BABEL_DEFAULT_LOCALE", DEFAULT_LANGUAGE.locale)
    app.config.setdefault("BABEL_DEFAULT_TIMEZONE", "Europe/Paris")
    app.config.setdefault("TRANSLATIONS_DIR", Path(app.root_path) / "translations")
    app.config.setdefault("BABEL_TRANSLATION_DIRECTORIES", str(app.config["TRANSLATIONS_DIR"]))
    Babel(app, locale_selector=select_locale)
    # Templates call gettext a hundred times a page: look the catalog up once per locale.
    app.jinja_env.install_gettext_callables(
        gettext=lambda message: request_translations().ugettext(message),
        ngettext=lambda singular, plural, number: request_translations().ungettext(singular, plural, number),
        newstyle=True,
    )
    # Read once: a broken reviews file stops the start with a message naming the problem.
    app.extensions["catalog_reviews"] = catalogs.load_reviews(
        Path(app.config["TRANSLATIONS_DIR"]) / catalogs.REVIEWS_FILE, [language.locale for language in LANGUAGES]
    )
    warn_about_uncompiled_catalogs(app.config["TRANSLATIONS_DIR"])
    cli.init_app(app)

    @app.after_request
    def vary_on_language(response):
        # The same URL (/, the API) may answer in another language for another browser.
        response.vary.add("Accept-Language")
        return response
