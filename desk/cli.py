"""Staff account commands: create-user, list-users, set-role, set-desk, disable-user,
enable-user, reset-password. There is no self-signup: accounts exist only through these.
"""

import sys

import click
from flask import current_app
from flask.cli import with_appcontext

from desk import accounts
from desk import storage as desk_storage
from directory import storage

ROLE_CHOICE = click.Choice(accounts.ROLES)


def _open_db():
    db = storage.open_database(current_app.config["DATABASE"])
    storage.migrate(db)
    return db


def _run(change):
    """Run change(db) and print its result, or the reason it was refused (exit status 1)."""
    db = _open_db()
    try:
        return change(db)
    except accounts.AccountError as error:
        click.echo(f"Refusé : {error}", err=True)
        sys.exit(1)
    finally:
        db.conn.close()


def _summary(account):
    desk = account.desk_name or "sans lieu d'accueil"
    if account.desk_resource_id:
        desk += f" ({account.desk_resource_id})"
    state = "actif" if account.active else "désactivé"
    return f"{account.username} · {account.role} · {desk} · {state}"


password_option = click.option(
    "--password",
    prompt="Mot de passe",
    hide_input=True,
    confirmation_prompt="Encore une fois",
    help="The password (asked when not given; at least 12 characters).",
)
desk_options = (
    click.option("--desk", "desk_name", help='The desk the account works at, e.g. "RIF du 13e" (required for the desk role).'),
    click.option("--desk-resource", "desk_resource_id", help="The directory id of that desk, e.g. rif-mairie-13 (optional)."),
)


def with_desk_options(command):
    """Add --desk and --desk-resource to a command."""
    for option in reversed(desk_options):
        command = option(command)
    return command


@click.command("create-user")
@with_appcontext
@click.argument("username")
@click.option("--role", type=ROLE_CHOICE, required=True, help="admin, editor or desk.")
@with_desk_options
@click.option("--name", "display_name", default="", help="The person's name, printed on fiches de liaison.")
@password_option
def create_user_command(username, role, desk_name, desk_resource_id, display_name, password):
    """Create a staff account (the password is asked twice).

    Example: flask --app app create-user amina --role desk --desk "RIF du 13e" --desk-resource rif-mairie-13 --name "Amina B."
    """
    account = _run(
        lambda db: accounts.create_account(
            db, username, password, role, desk_name=desk_name, desk_resource_id=desk_resource_id, display_name=display_name
        )
    )
    click.echo(f"Compte créé : {_summary(account)}")


@click.command("list-users")
@with_appcontext
def list_users_command():
    """List the staff accounts: username, role, desk, state.

    Example: flask --app app list-users
    """
    for account in _run(lambda db: desk_storage.list_accounts(db)):
        click.echo(_summary(account))


@click.command("set-role")
@with_appcontext
@click.argument("username")
@click.argument("role", type=ROLE_CHOICE)
def set_role_command(username, role):
    """Change an account's role; its open sessions end.

    Example: flask --app app set-role amina editor
    """
    click.echo(f"Rôle changé : {_summary(_run(lambda db: accounts.set_role(db, username, role)))}")


@click.command("set-desk")
@with_appcontext
@click.argument("username")
@with_desk_options
def set_desk_command(username, desk_name, desk_resource_id):
    """Attach an account to another desk.

    Example: flask --app app set-desk amina --desk "Espace parents Belleville"
    """
    click.echo(f"Lieu changé : {_summary(_run(lambda db: accounts.set_desk(db, username, desk_name, desk_resource_id)))}")


@click.command("disable-user")
@with_appcontext
@click.argument("username")
def disable_user_command(username):
    """Disable an account: it can no longer log in, and its open sessions end.

    Example: flask --app app disable-user amina
    """
    click.echo(f"Compte désactivé : {_summary(_run(lambda db: accounts.set_active(db, username, False)))}")


@click.command("enable-user")
@with_appcontext
@click.argument("username")
def enable_user_command(username):
    """Enable a disabled account again.

    Example: flask --app app enable-user amina
    """
    click.echo(f"Compte réactivé : {_summary(_run(lambda db: accounts.set_active(db, username, True)))}")


@click.command("reset-password")
@with_appcontext
@click.argument("username")
@password_option
def reset_password_command(username, password):
    """Give an account a new password (asked twice); its sessions end and any lockout is lifted.

    Example: flask --app app reset-password amina
    """
    click.echo(f"Mot de passe changé : {_summary(_run(lambda db: accounts.reset_password(db, username, password)))}")


COMMANDS = (
    create_user_command,
    list_users_command,
    set_role_command,
    set_desk_command,
    disable_user_command,
    enable_user_command,
    reset_password_command,
)


def init_app(app):
    """Register the staff account commands."""
    for command in COMMANDS:
        app.cli.add_command(command)
