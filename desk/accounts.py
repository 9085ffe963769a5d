"""Staff accounts: roles, creation and changes, and logging in with a temporary lockout.

There is no self-signup: accounts are made with `flask --app app create-user` (desk/cli.py).
"""

import datetime
import re
from dataclasses import dataclass

from desk import passwords
from desk import storage
from desk.models import Account
from desk.models import Throttle
from directory import storage as directory_storage
from directory.taxonomy import N_

ROLES = ("admin", "editor", "desk")
ROLE_LABELS = {
    "admin": N_("Administration"),
    "editor": N_("Mise à jour de l'annuaire"),
    "desk": N_("Accueil des familles"),
}

USERNAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{1,39}$")
MAX_USERNAME_INPUT = 80  # characters kept from a typed name; longer input cannot be an account
MAX_DESK_NAME_LENGTH = 120

# Five wrong passwords within 15 minutes lock the name tried for 15 minutes.
MAX_FAILED_LOGINS = 5
FAILURE_WINDOW = datetime.timedelta(minutes=15)
LOCKOUT = datetime.timedelta(minutes=15)

# A staff session ends after a working day, even if the browser stays open at the desk.
SESSION_MAX_AGE = datetime.timedelta(hours=12)


class AccountError(Exception):
    """A change to an account was refused; the message says why, in French."""


@dataclass(frozen=True)
class LoginOutcome:
    """The account signed in, or None; and until when the name is locked, when it is."""

    account: Account | None
    locked_until: datetime.datetime | None = None


def utc_now():
    """Return the current moment in UTC."""
    return datetime.datetime.now(datetime.UTC)


def normalize_username(text):
    """Return a typed username as stored: trimmed, lowercase, cut to a bounded length."""
    return (text or "").strip().lower()[:MAX_USERNAME_INPUT]


def after_failure(throttle, now):
    """Return the throttle after one more failed login at this moment."""
    if throttle.first_failure_at is None or now - throttle.first_failure_at > FAILURE_WINDOW:
        throttle = Throttle(0, now, None)
    failures = throttle.failures + 1
    locked_until = now + LOCKOUT if failures >= MAX_FAILED_LOGINS else throttle.locked_until
    return Throttle(failures, throttle.first_failure_at, locked_until)


def authenticate(db, username, password, now):
    """Check a login; count failures by the name tried, so an unknown name behaves like a known one."""
    name = normalize_username(username)
    throttle = storage.get_throttle(db, name)
    if throttle.is_locked(now):
        return LoginOutcome(None, throttle.locked_until)
    account = storage.get_account_by_username(db, name) if USERNAME_PATTERN.match(name) else None
    usable_hash = account.password_hash if account is not None and account.active else None
    matches, new_hash = passwords.verify_password(usable_hash, password)
    if not matches:
        throttle = storage.update_throttle(
            db, name, lambda current: after_failure(current, now), now, forget_before=now - FAILURE_WINDOW
        )
        return LoginOutcome(None, throttle.locked_until if throttle.is_locked(now) else None)
    storage.clear_throttle(db, name)
    changes = {"last_login_at": now}
    if new_hash:
        changes["password_hash"] = new_hash
    return LoginOutcome(storage.update_account(db, account.id, **changes))


def session_is_valid(account, generation, signed_in_at, now):
    """Tell whether a session opened at signed_in_at still belongs to this account."""
    return (
        account is not None
        and account.active
        and account.session_generation == generation
        and signed_in_at is not None
        and now - signed_in_at < SESSION_MAX_AGE
    )


def create_account(db, username, password, role, desk_name=None, desk_resource_id=None, display_name="", now=None):
    """Check and create an account; raise AccountError saying what is wrong."""
    username = normalize_username(username)
    if not USERNAME_PATTERN.match(username):
        raise AccountError("L'identifiant doit faire 2 à 40 caractères : lettres minuscules, chiffres, « . », « _ » ou « - ».")
    _check_role(role)
    desk_name, desk_resource_id = _checked_desk(db, role, desk_name, desk_resource_id)
    _check_password(password)
    account = Account(
        id=None,
        username=username,
        display_name=(display_name or "").strip(),
        role=role,
        desk_name=desk_name,
        desk_resource_id=desk_resource_id,
        password_hash=passwords.hash_password(password),
        created_at=now or utc_now(),
    )
    try:
        return storage.insert_account(db, account)
    except storage.DuplicateUsernameError as error:
        raise AccountError(f"Le compte « {username} » existe déjà.") from error


def find_account(db, username):
    """Return the account of a username; raise AccountError when there is none."""
    account = storage.get_account_by_username(db, normalize_username(username))
    if account is None:
        raise AccountError(f"Aucun compte « {normalize_username(username)} ».")
    return account


def set_role(db, username, role):
    """Change an account's role; its open sessions end."""
    account = find_account(db, username)
    _check_role(role)
    _checked_desk(db, role, account.desk_name, account.desk_resource_id)
    return storage.update_account(db, account.id, role=role, session_generation=account.session_generation + 1)


def set_desk(db, username, desk_name, desk_resource_id=None):
    """Attach an account to another desk."""
    account = find_account(db, username)
    desk_name, desk_resource_id = _checked_desk(db, account.role, desk_name, desk_resource_id)
    return storage.update_account(db, account.id, desk_name=desk_name, desk_resource_id=desk_resource_id)


def set_active(db, username, active):
    """Enable or disable an account; disabling ends its open sessions."""
    account = find_account(db, username)
    generation = account.session_generation if active else account.session_generation + 1
    return storage.update_account(db, account.id, active=active, session_generation=generation)


def reset_password(db, username, password):
    """Give an account a new password, end its open sessions and lift any lockout."""
    account = find_account(db, username)
    _check_password(password)
    storage.clear_throttle(db, account.username)
    return storage.update_account(
        db, account.id, password_hash=passwords.hash_password(password), session_generation=account.session_generation + 1
    )


def _check_role(role):
    if role not in ROLES:
        raise AccountError(f"Rôle inconnu « {role} » : choisissez parmi {', '.join(ROLES)}.")


def _check_password(password):
    problem = passwords.password_problem(password)
    if problem:
        raise AccountError(problem)


def _checked_desk(db, role, desk_name, desk_resource_id):
    desk_name = (desk_name or "").strip() or None
    desk_resource_id = (desk_resource_id or "").strip() or None
    if role == "desk" and not desk_name:
        raise AccountError("Un compte d'accueil doit être rattaché à son lieu : donnez --desk, par exemple « RIF du 13e ».")
    if desk_name and len(desk_name) > MAX_DESK_NAME_LENGTH:
        raise AccountError(f"Le nom du lieu d'accueil doit faire au plus {MAX_DESK_NAME_LENGTH} caractères.")
    if desk_resource_id and not desk_name:
        raise AccountError("Donnez aussi le nom du lieu d'accueil (--desk).")
    if desk_resource_id and directory_storage.get_resource(db, desk_resource_id) is None:
        raise AccountError(f"Aucune fiche « {desk_resource_id} » dans l'annuaire.")
    return desk_name, desk_resource_id
