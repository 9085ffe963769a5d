"""`flask translations …`: what translators and the release need to know about the catalogs."""

import click
from flask import current_app
from flask.cli import AppGroup

from web import catalogs
from web.languages import DEFAULT_LANGUAGE
from web.languages import LANGUAGES
from web.languages import get_language

translations = AppGroup("translations", help="Inspect and prepare the translation catalogs.")


def translations_dir():
    """Return the folder of the catalogs."""
    return current_app.config["TRANSLATIONS_DIR"]


def chosen_languages(codes):
    """Return the Languages named on the command line, or all of them."""
    if not codes:
        return LANGUAGES
    chosen = []
    for code in codes:
        language = get_language(code)
        if language is None:
            raise click.BadParameter(f"unknown language {code!r}; known: {', '.join(each.code for each in LANGUAGES)}")
        chosen.append(language)
    return chosen


def describe_review(review):
    """Say in a few words who has read a catalog."""
    if review.status == "reviewed":
        return f"reviewed by {review.reviewed_by} on {review.reviewed_on}"
    if review.status == "machine":
        return "machine translation, not reviewed"
    return "source language"


@translations.command("status")
def status_command():
    """Show, per language, how many messages are translated and whether a person reviewed them.

    Example: flask --app app translations status
    """
    reviews = current_app.extensions["catalog_reviews"]
    for language in LANGUAGES:
        catalog = catalogs.read_catalog(catalogs.catalog_path(translations_dir(), language.locale))
        total = len(catalogs.message_ids(catalog))
        gaps = catalogs.catalog_gaps(catalog)
        review = reviews[language.locale]
        click.echo(f"{language.code:8} {total - len(gaps):4}/{total} translated, {len(gaps):3} to do   {describe_review(review)}")


@translations.command("worklist")
@click.argument("codes", nargs=-1, metavar="[LANGUAGE]...")
def worklist_command(codes):
    """List the missing, fuzzy or broken messages of each language: the translators' to-do list.

    Example: flask --app app translations worklist ar fa
    """
    for language in chosen_languages(codes):
        path = catalogs.catalog_path(translations_dir(), language.locale)
        gaps = catalogs.catalog_gaps(catalogs.read_catalog(path))
        click.echo(f"{language.code} ({language.name}): {len(gaps)} to translate in {path}")
        for gap in gaps:
            click.echo(f"  {gap.problem:12} {catalogs.describe_msgid(gap.msgid)}")


@translations.command("copy-source")
def copy_source_command():
    """Fill the French catalog from the message ids (French is the source language).

    Example: flask --app app translations copy-source   (make messages runs it)
    """
    path = catalogs.catalog_path(translations_dir(), DEFAULT_LANGUAGE.locale)
    catalogs.write_catalog(path, catalogs.copy_source(catalogs.read_catalog(path)))
    click.echo(f"{path}: every message copied from its id")


def init_app(app):
    """Register the commands."""
    app.cli.add_command(translations)
