"""The staff account commands: each one works and refuses bad input (tests/web/test_commands.py checks their help)."""

from desk import storage as desk_storage
from tests.desk.conftest import PASSWORD


def _create(runner, *arguments, password=PASSWORD):
    return runner.invoke(args=["create-user", *arguments], input=f"{password}\n{password}\n")


def test_create_user_asks_the_password_twice(runner, db):
    result = _create(
        runner, "amina", "--role", "desk", "--desk", "RIF du 14e", "--desk-resource", "rif-test-14", "--name", "Amina B."
    )
    assert result.exit_code == 0, result.output
    assert "Compte créé : amina · desk · RIF du 14e (rif-test-14) · actif" in result.output
    account = desk_storage.get_account_by_username(db, "amina")
    assert account.display_name == "Amina B."
    assert PASSWORD not in result.output


def test_create_user_refuses_a_mismatched_confirmation(runner, db):
    result = runner.invoke(
        args=["create-user", "amina", "--role", "editor"], input=f"{PASSWORD}\nother\n{PASSWORD}\n{PASSWORD}\n"
    )
    assert "Error: The two entered values do not match." in result.output
    assert result.exit_code == 0


def test_create_user_explains_a_refusal(runner, db):
    result = _create(runner, "amina", "--role", "desk")
    assert result.exit_code == 1
    assert "Refusé" in result.output and "--desk" in result.output
    assert desk_storage.list_accounts(db) == []


def test_role_desk_and_state_changes(runner, db, make_account):
    make_account("amina", "desk")
    assert "amina · editor" in runner.invoke(args=["set-role", "amina", "editor"]).output
    assert "Espace parents Belleville" in runner.invoke(args=["set-desk", "amina", "--desk", "Espace parents Belleville"]).output
    assert "désactivé" in runner.invoke(args=["disable-user", "amina"]).output
    assert not desk_storage.get_account_by_username(db, "amina").active
    assert "actif" in runner.invoke(args=["enable-user", "amina"]).output
    result = runner.invoke(args=["reset-password", "amina"], input="a brand new password\na brand new password\n")
    assert result.exit_code == 0, result.output
    listing = runner.invoke(args=["list-users"]).output
    assert listing.strip() == "amina · editor · Espace parents Belleville · actif"


def test_unknown_accounts_and_roles_are_refused(runner):
    result = runner.invoke(args=["disable-user", "nobody"])
    assert result.exit_code == 1 and "Aucun compte « nobody »" in result.output
    assert runner.invoke(args=["set-role", "nobody", "chief"]).exit_code == 2
