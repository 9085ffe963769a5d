"""`flask --app app orient SITUATION.json`: the same JSON as POST /api/v1/orientation."""

import json
import sys

import click
from flask import current_app
from flask.cli import with_appcontext

from directory.db import get_db
from directory.hours import now_in_paris
from orientation.api import read_json_body
from orientation.display import orientation_json
from orientation.display import problem_message
from orientation.results import orient
from orientation.situation import SituationError
from orientation.situation import parse_situation


@click.command("orient")
@click.argument("situation_file", type=click.File("rb"))
@click.option("--lang", default="fr", show_default=True, help="Language of the reasons and texts (an interface language code).")
@with_appcontext
def orient_command(situation_file, lang):
    """Print the recommendations for a situation written as JSON (CONTRACTS §3-4); "-" reads standard input.

    Example: flask --app app orient situation.json
    """
    # A request context gives the texts their language and the resources their URLs.
    with current_app.test_request_context("/", query_string={"lang": lang}):
        try:
            situation = parse_situation(read_json_body(situation_file.read()))
        except SituationError as error:
            click.echo(
                json.dumps({"error": problem_message(error.problem), "field": error.problem.field}, ensure_ascii=False, indent=2)
            )
            sys.exit(1)
        today = now_in_paris().date()
        answer = orientation_json(orient(situation, get_db(), today), today)
    click.echo(json.dumps(answer, ensure_ascii=False, indent=2))


def init_app(app):
    """Register the orientation command."""
    app.cli.add_command(orient_command)
