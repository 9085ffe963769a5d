"""Directory commands: init-db, check-data, import, export, reindex."""

import datetime
import sys
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from directory import datafiles
from directory import exporting
from directory import importing
from directory import storage
from directory.db import build_database
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
@click.option("--force", is_flag=True, help="Replace the resources even when staff or imports have changed them since.")
def init_db_command(if_missing, data_dir, force):
    """Build the database and the search index from data/ (replaces every resource).

    Refuses when edits, verifications or imports were recorded since the last init-db: they
    would be lost (use export, or --force).

    Example: flask --app app init-db
    """
    db = _open_db()
    try:
        if if_missing and storage.count_resources(db):
            click.echo(f"Base déjà présente : {storage.count_resources(db)} ressources ({current_app.config['DATABASE']}).")
            return
        changes = storage.changes_since_build(db)
        if changes and not force:
            raise click.ClickException(
                f"{changes} modification(s) (fiches modifiées, vérifiées, importées ou archivées) depuis la dernière "
                "construction seraient perdues. Exportez d'abord (flask --app app export --format csv --output "
                "sauvegarde.csv), puis relancez avec --force si vous voulez vraiment repartir de data/."
            )
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


def _files_of(paths):
    files = []
    for path in paths:
        members = sorted(item for item in path.iterdir() if item.is_file()) if path.is_dir() else [path]
        files += [importing.InputFile(member.name, member.read_bytes()) for member in members]
    return files


@click.command("import")
@with_appcontext
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Check the file(s) and report, without writing anything.")
@click.option("--source", "default_source", help="Web address used as the source of new records that give none.")
def import_command(paths, dry_run, default_source):
    """Import resources: project CSV, data·inclusion v1 JSON, HSDS 3.0 JSON or datapackage; all or nothing.

    Every record is checked first; if any has a problem, each problem is printed with its
    line or record number and nothing is written. Importing the same file twice changes
    nothing. Several files make one import (data·inclusion structures.json and services.json;
    a datapackage folder, zip, or datapackage.json with its CSV files).

    Example: flask --app app import structures.json services.json --dry-run
    """
    db = _open_db()
    try:
        try:
            plan = importing.plan_import(
                _files_of(paths),
                today=datetime.date.today(),
                existing={resource.id: resource for resource in storage.iter_resources(db)},
                archived=storage.archived_ids(db),
                default_source=default_source,
            )
        except importing.UnreadableFileError as error:
            click.echo(f"Fichier illisible : {error}", err=True)
            sys.exit(1)
        for notice in plan.notices:
            click.echo(f"laissé de côté : {notice.french()}", err=True)
        for problem in plan.problems:
            click.echo(problem, err=True)
        if plan.problems:
            click.echo(f"{len(plan.problems)} problème(s) : rien n'a été importé.", err=True)
            sys.exit(1)
        label = importing.FORMAT_NAMES[plan.format]
        if dry_run:
            click.echo(f"{label} : {len(plan.resources)} ressources valides ; essai seulement, rien n'a été écrit.")
            return
        names = ", ".join(path.name for path in paths)
        created, updated, unchanged = storage.upsert_resources(db, plan.resources, actor="cli", source_file=names)
        indexed = sync_index(db)
    finally:
        db.conn.close()
    click.echo(f"Import terminé ({label}) : {created} créées, {updated} modifiées, {unchanged} inchangées.")
    if not indexed:
        click.echo("L'index de recherche n'a pas pu être mis à jour : il le sera au prochain démarrage.", err=True)


@click.command("export")
@with_appcontext
@click.option(
    "--format",
    "export_format",
    type=click.Choice(list(exporting.EXPORTS)),
    default="csv",
    show_default=True,
    help="Output format: project CSV, data·inclusion v1 JSON, HSDS 3.0 JSON, or the HSDS datapackage (zip).",
)
@click.option(
    "--output", type=click.Path(dir_okay=False, writable=True, path_type=Path), help="File to write (default: standard output)."
)
def export_command(export_format, output):
    """Write the whole directory in a standard format (archived records are left out).

    Example: flask --app app export --format hsds --output services.json
    """
    if export_format == "hsds-datapackage" and not output:
        raise click.UsageError("the datapackage is a zip archive: give --output FILE.zip")
    db = _open_db()
    try:
        resources = list(storage.iter_resources(db))
        data = exporting.export_bytes(export_format, resources, storage.updated_at_by_id(db))
    finally:
        db.conn.close()
    if output:
        output.write_bytes(data)
        click.echo(f"{len(resources)} ressources écrites dans {output}.", err=True)
    else:
        sys.stdout.write(data.decode("utf-8"))


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
