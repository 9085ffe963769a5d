"""Repères familles: the Paris family-services directory and orientation assistant."""

import secrets
from pathlib import Path

from flask import Flask
from flask_wtf.csrf import CSRFProtect

from admin import views as admin_views
from desk import auth as desk_auth
from desk import bilingual
from desk import cli as desk_cli
from desk import sheet_views
from desk import shortlist_views
from desk import views as desk_views
from directory import api as directory_api
from directory import cli as directory_cli
from directory import db as directory_db
from directory import hsds_api
from directory import views as directory_views
from orientation import api as orientation_api
from orientation import cli as orientation_cli
from orientation import views as orientation_views
from reports import views as reports_views
from search import service as search_service
from search import views as search_views
from stats import views as stats_views
from web import i18n
from web import logs
from web import openapi
from web import pagecache
from web import security
from web import templating
from web import views as web_views

ROOT = Path(__file__).resolve().parent

# One CSRF guard for the whole app: every POST form carries {{ csrf_token() }}; JSON API
# routes that take no cookie-based authority are exempted where they are defined.
csrf = CSRFProtect()


def create_app(test_config=None):
    """Create and configure the app: a readable list of steps."""
    app = Flask(__name__, instance_relative_config=True)

    # 1. Configuration: defaults, then FLASK_* environment variables, then the tests' mapping.
    app.config.from_mapping(
        DATABASE=Path(app.instance_path) / "reperes.sqlite3",
        INDEX_DIR=Path(app.instance_path) / "index",
        DATA_DIR=ROOT / "data",
        # The session cookie holds the shortlist and a staff sign-in: never readable by scripts,
        # not sent by cross-site requests, and HTTPS-only except where FLASK_SESSION_COOKIE_SECURE
        # is false (`make run`, which serves plain HTTP on the loopback).
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=True,
    )
    app.config.from_prefixed_env()
    if test_config:
        app.config.update(test_config)
    for name in ("DATABASE", "INDEX_DIR", "DATA_DIR"):
        app.config[name] = Path(app.config[name])
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    app.config["DATABASE"].parent.mkdir(parents=True, exist_ok=True)
    security.check_secret_key(app.config)
    configure_secret_key(app)
    logs.configure_logging()
    app.json.sort_keys = False  # keep the field order of the contracts in JSON answers

    # 2. Languages, templates and their helpers; CSRF tokens on every form that changes state.
    i18n.init_app(app)
    templating.init_app(app)
    bilingual.init_app(app)
    csrf.init_app(app)
    pagecache.init_app(app)  # after CSRF: it wraps the csrf_token() of templates
    security.init_app(app)
    logs.init_app(app)

    # 3. Data: the database and the search index, built from data/ when missing.
    directory_db.init_app(app)
    search_service.init_app(app)

    # 4. The questionnaires, loaded and checked once (a problem stops the start).
    orientation_views.init_app(app)

    # 5. Pages, API and commands.
    for blueprint in (
        web_views.bp,
        directory_views.bp,
        search_views.bp,
        orientation_views.bp,
        desk_views.bp,
        shortlist_views.bp,
        sheet_views.bp,
        admin_views.bp,
        reports_views.bp,
        stats_views.bp,
        directory_api.bp,
        hsds_api.bp,
        openapi.bp,
        orientation_api.bp,
    ):
        app.register_blueprint(blueprint)
    # The orientation API takes no cookie authority; "Quitter rapidement" must never fail.
    csrf.exempt(orientation_api.bp)
    csrf.exempt(orientation_views.quick_exit)
    desk_auth.init_app(app)
    admin_views.init_app(app)
    reports_views.init_app(app)
    web_views.init_app(app)
    for cli in (directory_cli, orientation_cli, desk_cli):
        cli.init_app(app)
    return app


def configure_secret_key(app):
    """Use FLASK_SECRET_KEY, or a random key kept in the instance folder for local use."""
    if app.config.get("SECRET_KEY"):
        return
    key_file = Path(app.instance_path) / "secret_key"
    if not key_file.exists():
        key_file.touch(mode=0o600)
        key_file.write_text(secrets.token_hex(32), encoding="utf-8")
    app.config["SECRET_KEY"] = key_file.read_text(encoding="utf-8").strip()
