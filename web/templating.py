"""What templates can use: translated labels, language links, dates, phone links."""

import datetime
import functools
import re
from urllib.parse import quote

from babel import Locale
from babel import UnknownLocaleError
from babel.dates import format_date as babel_format_date
from babel.dates import format_interval
from babel.dates import match_skeleton
from flask import current_app
from flask import g
from flask import request
from flask import url_for
from flask_babel import format_date
from flask_babel import format_datetime
from flask_babel import format_decimal
from flask_babel import format_number
from flask_babel import format_time
from flask_babel import get_locale
from flask_babel import to_user_timezone

from directory import taxonomy
from directory.hours import now_in_paris
from directory.sources import describe_source
from web.i18n import current_language
from web.i18n import current_review
from web.i18n import gettext
from web.languages import DEFAULT_LANGUAGE
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
        # I18N: Paris's first district. Where ordinals change with the number, write "Arrondissement 1".
        return gettext("1er arrondissement")
    # I18N: one of Paris's 20 districts, 2 to 20; %(number)s is the number alone.
    return gettext("%(number)se arrondissement", number=number)


def arrondissement_short(number):
    """Return "1er", "14e" in the current language."""
    if number == 1:
        # I18N: the first district in a grid of 20 buttons: as short as possible.
        return gettext("1er")
    # I18N: a district number in a grid of 20 buttons: as short as possible, the bare number is fine.
    return gettext("%(number)se", number=number)


@functools.lru_cache(maxsize=64)  # one pattern per locale; matching a skeleton is slow
def weekday_date_pattern(locale):
    """Return the locale's pattern for "Thursday 5 March": its month-day-weekday order, names in full."""
    skeletons = locale.datetime_skeletons
    pattern = skeletons[match_skeleton("MMMMEEEEd", skeletons)].pattern
    # CLDR often stores only the abbreviated form ("jeu. 5 mars"): widen weekday and month names.
    pattern = re.sub(r"(?<![EMLc])(E{1,3}|c{3})(?![EMLc])", "EEEE", pattern)
    return re.sub(r"(?<![ML])(MMM|LLL)(?![ML])", lambda match: match.group(1) + match.group(1)[0], pattern)


def format_weekday_date(value):
    """Return "jeudi 5 mars", "Thursday, March 5", "3月5日星期四"… in the current language."""
    if isinstance(value, datetime.datetime):
        value = to_user_timezone(value)  # a moment is shown as the day it falls on in Paris
    locale = get_locale()
    return babel_format_date(value, weekday_date_pattern(locale), locale=locale)


def format_time_range(start, end):
    """Return an opening interval such as "09:00–12:30" or "9:00 AM – 12:30 PM" in the current language."""
    locale = get_locale()
    hour_cycle = "h" if "h" in locale.time_formats["short"].pattern else "H"
    return format_interval(start, end, hour_cycle + "m", locale=locale)


def list_separator():
    """Return the separator between items of a list in the current language: ", ", "، ", "、"."""
    return get_locale().list_patterns["standard"]["middle"].format("", "")


def resource_url(resource_id):
    """Return the path of a resource page in the current language.

    Lists show dozens of cards: the language prefix is built once per request with url_for,
    then each id is appended (ids are lowercase letters, digits and dashes).
    """
    prefix = g.get("resource_url_prefix")
    if prefix is None:
        prefix = g.resource_url_prefix = url_for("directory.resource", resource_id="-")[:-1]
    return prefix + quote(resource_id, safe="")


def static_url(endpoint):
    """Return the URL of an endpoint without arguments, built once per request."""
    built = g.setdefault("static_urls", {})
    if endpoint not in built:
        built[endpoint] = url_for(endpoint)
    return built[endpoint]


def tel_href(phone):
    """Return a tel: link for a French phone number."""
    return "tel:" + (phone or "").replace(" ", "")


def label_of(mapping, code):
    """Return the translated label of a code from one of the taxonomy's label tables."""
    message = mapping.get(code)
    return gettext(message) if message else code


def page_url_in(language):
    """Return the URL of this page in another language (its home page when the page has none)."""
    endpoint = request.endpoint
    if not endpoint or not current_app.url_map.is_endpoint_expecting(endpoint, "lang"):
        return url_for("web.home", lang=language.code)
    arguments = request.args.to_dict(flat=True)
    arguments.update(request.view_args or {})
    return url_for(endpoint, **dict(arguments, lang=language.code))


def switch_language_urls():
    """Return (language, URL of this page in that language) for the language switcher and the alternates."""
    # Every page asks twice (the <link hreflang> of its head, the switcher): built once per request.
    urls = g.get("switch_language_urls")
    if urls is None:
        urls = g.switch_language_urls = [(language, page_url_in(language)) for language in LANGUAGES]
    return urls


def inject_globals():
    """Variables every template sees."""
    return {
        "current_language": current_language(),
        "translation_review": current_review(),
        "feedback_email": current_app.config.get("FEEDBACK_EMAIL"),
        "source_language": DEFAULT_LANGUAGE,
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
        format_datetime=format_datetime,
        format_number=format_number,
        format_decimal=format_decimal,
        format_time=format_time,
        format_weekday_date=format_weekday_date,
    )
    app.jinja_env.globals.update(
        label_of=label_of,
        resource_url=resource_url,
        static_url=static_url,
        STATUS_LABELS=taxonomy.STATUS_LABELS,
        COST_LABELS=taxonomy.COST_LABELS,
        ACCESS_LABELS=taxonomy.ACCESS_LABELS,
        now_in_paris=now_in_paris,
        format_time_range=format_time_range,
        list_separator=list_separator,
        page_url_in=page_url_in,
        date=datetime.date,
    )
    app.context_processor(inject_globals)
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
