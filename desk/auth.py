"""Who is signed in, and the one guard of every staff page: `role_required`.

A staff page is a view under /<lang>/staff/ decorated with `role_required(*roles)`: an
anonymous request is sent to the login page, a signed-in account of another role gets 403.
The login page alone is marked `public_staff_page`. tests/desk/test_staff_routes.py walks the
app's URL map and fails on a staff route that has neither.
"""

import datetime
import functools

from flask import abort
from flask import g
from flask import redirect
from flask import request
from flask import session
from flask import url_for

from desk import accounts
from desk import storage
from desk.shortlist import shortlist_ids
from desk.visit import visit_language_code
from directory.db import get_db

SESSION_KEY = "staff"


def current_account():
    """Return the signed-in account of this request, or None."""
    if "staff_account" not in g:
        g.staff_account = _load_account()
    return g.staff_account


def _load_account():
    signed_in = session.get(SESSION_KEY)
    if not isinstance(signed_in, dict):
        return None
    account = storage.get_account(get_db(), signed_in.get("id"))
    since = signed_in.get("since")
    since = datetime.datetime.fromisoformat(since) if isinstance(since, str) else None
    if not accounts.session_is_valid(account, signed_in.get("generation"), since, accounts.utc_now()):
        # Disabled, password reset, role changed, or a working day is over: sign out.
        session.clear()
        return None
    return account


def sign_in(account, now):
    """Start a staff session; whatever the browser's session held before is dropped."""
    session.clear()
    session[SESSION_KEY] = {"id": account.id, "generation": account.session_generation, "since": now.isoformat()}
    g.staff_account = account


def sign_out():
    """End the staff session and forget everything it held, a family's visit included."""
    session.clear()
    g.staff_account = None


def role_required(*roles):
    """Guard a staff view: anonymous → the login page; signed in without one of these roles → 403."""
    unknown = set(roles) - set(accounts.ROLES)
    if not roles or unknown:
        raise ValueError(f"role_required needs roles among {accounts.ROLES}, not {sorted(unknown)}")

    def decorate(view):
        @functools.wraps(view)
        def guarded(*args, **kwargs):
            account = current_account()
            if account is None:
                back = request.full_path.rstrip("?") if request.method == "GET" else None
                return redirect(url_for("staff.login", next=back))
            if account.role not in roles:
                abort(403)
            return view(*args, **kwargs)

        guarded.allowed_roles = frozenset(roles)
        return guarded

    return decorate


def public_staff_page(view):
    """Mark a staff view that anyone may open (the login page)."""
    view.staff_public = True
    return view


def inject_staff_globals():
    """Variables every template sees: the signed-in account, the visit, the shortlist."""
    return {
        "staff_account": current_account(),
        "visit_language_code": visit_language_code(session),
        "shortlist_ids": shortlist_ids(session),
    }


def init_app(app):
    """Make the signed-in account and the shortlist visible to every template."""
    app.context_processor(inject_staff_globals)
