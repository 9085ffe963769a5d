"""Render a piece of a page in a given language: the family's, or French for the services.

The sheet shows each resource's texts twice, in the family's language and in French; the
desk mode's questionnaire shows each question the same way. Both render one partial per
language with `render_in_language`.
"""

from flask import render_template
from flask_babel import force_locale
from markupsafe import Markup

from desk.sheets import FRENCH


def render_in_language(language, template_name, **context):
    """Render a partial with the catalog, dates and numbers of this language (web.languages.Language)."""
    with force_locale(language.locale):
        return Markup(render_template(template_name, block_language=language, **context))


def init_app(app):
    """Let templates render a partial in another language, French included."""
    app.jinja_env.globals.update(render_in_language=render_in_language, french=FRENCH)
