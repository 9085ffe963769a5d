"""Directory commands: init-db, check-data, import, export, reindex."""

import datetime
import sys
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from directory import datafiles
from directory import importing
from directory import storage
from directory.db import build_database
from directory.formats import project_csv
from search.service import rebuild_index
from search.service import sync_index


def _open_db():
    db = storage.open_database(current_app.config["DATABASE"])
    storage.migrate(db)
    return db


def _reindex_with_progress(db):
    total = storage.count_resources(db)
    with click.progressbar(length=total, label="Index de recherche", file=sys.stderr) as bar:
        rebuild_index(db, progress=bar.update)


@click.command("init-db")
@with_appcontext
@click.option("--if-missing", is_flag=True, help="Do nothing when the database already holds resources.")
@click.option(
    "--data-dir", type=click.Path(exists=True, file_okay=False, path_type=Path), help="Folder to read instead of data/."
)
def init_db_command(if_missing, data_dir):
    """Build the database and the search index from data/ (replaces every resource).

    Example: flask --app app init-db
    """
    db = _open_db()
    try:
        if if_missing and storage.count_resources(db):
            click.echo(f"Base déjà présente : {storage.count_resources(db)} ressources ({current_app.config['DATABASE']}).")
            return
        resources, problems = build_database(db, data_dir or current_app.config["DATA_DIR"])
        for problem in problems:
            click.echo(f"écarté : {problem.french()}", err=True)
        click.echo(f"{len(resources)} ressources chargées dans {current_app.config['DATABASE']}.")
        _reindex_with_progress(db)
    finally:
        db.conn.close()


@click.command("check-data")
@with_appcontext
@click.option(
    "--data-dir", type=click.Path(exists=True, file_okay=False, path_type=Path), help="Folder to check instead of data/."
)
def check_data_command(data_dir):
    """Validate every record of data/resources/; exit with status 1 if any problem is found.

    Example: flask --app app check-data
    """
    folder = data_dir or current_app.config["DATA_DIR"]
    resources, problems = datafiles.load_resources(folder, today=datetime.date.today())
    for problem in problems:
        click.echo(problem.french())
    summary = importing.summarize(resources)
    click.echo(
        f"{len(resources)} ressources valides ({summary['open']} ouvertes, {summary['planned']} à venir, "
        f"{summary['closed']} fermées), {summary['arrondissements']} arrondissements couverts, "
        f"{len(problems)} problème(s)."
    )
    if problems:
        sys.exit(1)


@click.command("import")
@with_appcontext
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Check the file and report, without writing anything.")
def import_command(path, dry_run):
    """Import a file of resources (project CSV); all or nothing.

    Every record is checked first; if any has a problem, each problem is printed with its
    line number and nothing is written.

    Example: flask --app app import ressources.csv --dry-run
    """
    try:
        resources, problems = importing.read_file(path, today=datetime.date.today())
    except importing.UnreadableFileError as error:
        click.echo(f"Fichier illisible : {error}", err=True)
        sys.exit(1)
    for problem in problems:
        click.echo(problem, err=True)
    if problems:
        click.echo(f"{len(problems)} problème(s) : rien n'a été importé.", err=True)
        sys.exit(1)
    if dry_run:
        click.echo(f"{len(resources)} ressources valides ; essai seulement, rien n'a été écrit.")
        return
    db = _open_db()
    try:
        created, updated, unchanged = storage.upsert_resources(db, resources)
        indexed = sync_index(db)
    finally:
        db.conn.close()
    click.echo(f"Import terminé : {created} créées, {updated} modifiées, {unchanged} inchangées.")
    if not indexed:
        click.echo("L'index de recherche n'a pas pu être mis à jour : il le sera au prochain démarrage.", err=True)


@click.command("export")
@with_appcontext
@click.option("--format", "export_format", type=click.Choice(["csv"]), default="csv", show_default=True, help="Output format.")
@click.option(
    "--output", type=click.Path(dir_okay=False, writable=True, path_type=Path), help="File to write (default: standard output)."
)
def export_command(export_format, output):
    """Write the whole directory in a standard format.

    Example: flask --app app export --format csv --output ressources.csv
    """
    db = _open_db()
    try:
        resources = list(storage.iter_resources(db))
    finally:
        db.conn.close()
    if output:
        with open(output, "w", encoding="utf-8", newline="") as stream:
            project_csv.write_rows(resources, stream)
        click.echo(f"{len(resources)} ressources écrites dans {output}.", err=True)
    else:
        project_csv.write_rows(resources, sys.stdout)


@click.command("reindex")
@with_appcontext
def reindex_command():
    """Rebuild the search index from the database (the new index replaces the old at once).

    Example: flask --app app reindex
    """
    db = _open_db()
    try:
        _reindex_with_progress(db)
    finally:
        db.conn.close()
    click.echo(f"Index reconstruit dans {current_app.config['INDEX_DIR']}.")


def init_app(app):
    """Register the directory commands."""
    for command in (init_db_command, check_data_command, import_command, export_command, reindex_command):
        app.cli.add_command(command)
