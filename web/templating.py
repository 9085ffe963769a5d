"""What templates can use: translated labels, language links, dates, phone links."""

import datetime

from babel import Locale
from babel import UnknownLocaleError
from flask import current_app
from flask import request
from flask import url_for
from flask_babel import format_date
from flask_babel import format_time
from flask_babel import get_locale
from flask_babel import gettext

from directory import taxonomy
from directory.hours import now_in_paris
from directory.sources import describe_source
from web.i18n import current_language
from web.languages import LANGUAGES


def kind_label(code, plural=False):
    """Return the translated label of a kind."""
    kind = taxonomy.KIND_BY_CODE.get(code)
    if kind is None:
        return code
    return gettext(kind.plural if plural else kind.label)


def kind_explanation(code):
    """Return the translated easy-to-read explanation of a kind."""
    kind = taxonomy.KIND_BY_CODE.get(code)
    return gettext(kind.explanation) if kind else ""


def language_name(code):
    """Return the name of a language (ISO 639-1 code) in the current interface language."""
    try:
        name = Locale.parse(code.replace("-", "_")).get_display_name(get_locale())
    except (ValueError, UnknownLocaleError):
        return code
    return name or code


def theme_label(code):
    """Return the translated label of a theme."""
    theme = taxonomy.THEME_BY_CODE.get(code)
    return gettext(theme.label) if theme else code


def arrondissement_label(number):
    """Return "1er arrondissement", "14e arrondissement" in the current language."""
    if number == 1:
        return gettext("1er arrondissement")
    return gettext("%(number)se arrondissement", number=number)


def arrondissement_short(number):
    """Return "1er", "14e" in the current language."""
    if number == 1:
        return gettext("1er")
    return gettext("%(number)se", number=number)


def tel_href(phone):
    """Return a tel: link for a French phone number."""
    return "tel:" + (phone or "").replace(" ", "")


def label_of(mapping, code):
    """Return the translated label of a code from one of the taxonomy's label tables."""
    message = mapping.get(code)
    return gettext(message) if message else code


def switch_language_urls():
    """Return (language, URL of this page in that language) for the language switcher."""
    endpoint = request.endpoint
    if not endpoint or not current_app.url_map.is_endpoint_expecting(endpoint, "lang"):
        return [(language, url_for("web.home", lang=language.code)) for language in LANGUAGES]
    arguments = request.args.to_dict(flat=True)
    arguments.update(request.view_args or {})
    return [(language, url_for(endpoint, **dict(arguments, lang=language.code))) for language in LANGUAGES]


def inject_globals():
    """Variables every template sees."""
    return {
        "current_language": current_language(),
        "languages": LANGUAGES,
        "switch_language_urls": switch_language_urls,
        "today": now_in_paris().date(),
    }


def init_app(app):
    """Register the filters and globals."""
    app.jinja_env.filters.update(
        kind_label=kind_label,
        kind_explanation=kind_explanation,
        language_name=language_name,
        source_reference=describe_source,
        theme_label=theme_label,
        arrondissement_label=arrondissement_label,
        arrondissement_short=arrondissement_short,
        tel_href=tel_href,
        format_date=format_date,
        format_time=format_time,
    )
    app.jinja_env.globals.update(
        label_of=label_of,
        STATUS_LABELS=taxonomy.STATUS_LABELS,
        COST_LABELS=taxonomy.COST_LABELS,
        ACCESS_LABELS=taxonomy.ACCESS_LABELS,
        now_in_paris=now_in_paris,
        date=datetime.date,
    )
    app.context_processor(inject_globals)
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
