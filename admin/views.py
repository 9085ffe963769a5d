"""The back office under /<lang>/staff/: resources, their history and conflicts, freshness, imports, exports.

Editors and administrators edit; imports are for administrators. Every write records its
history in the same transaction and then refreshes the search index.
"""

import dataclasses
import datetime

from flask import Blueprint
from flask import Response
from flask import flash
from flask import redirect
from flask import render_template
from flask import request
from flask import url_for
from flask_babel import gettext

from admin import forms
from admin.fields import CONFIDENCE_LABELS
from admin.fields import FIELDS
from admin.fields import label_of
from admin.preview import preview_hours
from desk.auth import current_account
from desk.auth import role_required
from desk.navigation import local_path
from directory import exporting
from directory import freshness
from directory import geography
from directory import importing
from directory import storage
from directory import taxonomy
from directory.db import get_db
from directory.hours import now_in_paris
from directory.models import resource_from_mapping
from directory.models import resource_to_mapping
from directory.taxonomy import N_
from directory.validation import Problem
from directory.validation import clean_record
from reports import storage as reports_storage
from search.service import sync_index

bp = Blueprint("admin", __name__, url_prefix="/<lang:lang>/staff")

EDITOR_ROLES = ("editor", "admin")  # who keeps the directory up to date
IMPORT_ROLES = ("admin",)  # imports change many records at once


def _actor():
    return current_account().username


def _today():
    return now_in_paris().date()


def _version_field():
    try:
        return int(request.form.get("version", ""))
    except ValueError:
        return None


def _missing(resource_id):
    flash(gettext("Cette fiche n'existe pas ou a été archivée : %(id)s", id=resource_id), "error")
    return redirect(url_for("admin.resources"))


@bp.get("/resources/")
@role_required(*EDITOR_ROLES)
def resources():
    """Every resource, filtered by kind, arrondissement or words of its name; overdue ones marked."""
    db = get_db()
    kind = request.args.get("kind") or None
    arrondissement = request.args.get("arrondissement", "")
    words = request.args.get("q", "").strip().lower()
    number = int(arrondissement) if arrondissement.isdigit() else None
    found = storage.list_resources(
        db, arrondissement=number, kind=kind if kind in taxonomy.KIND_BY_CODE else None, statuses=taxonomy.STATUSES
    )
    if words:
        found = [resource for resource in found if words in resource.name.lower() or words in resource.id]
    today = _today()
    return render_template(
        "admin/resources.html",
        rows=[(resource, freshness.freshness_of(resource, today)) for resource in found],
        open_reports=reports_storage.count_open_reports(db),
        args=request.args,
        kinds=taxonomy.KINDS,
        arrondissements=geography.arrondissement_numbers(),
    )


def _render_form(form, problems=(), resource_id=None, version=None, preview=None, status=200):
    return (
        render_template(
            "admin/edit.html",
            form=form,
            fields=FIELDS,
            errors=forms.problems_by_field(problems),
            resource_id=resource_id,
            version=version,
            preview=preview if preview is not None else preview_hours(form.get("opening_hours"), now_in_paris()),
            kinds=taxonomy.KINDS,
            themes=taxonomy.THEMES,
            statuses=taxonomy.STATUSES,
            costs=taxonomy.COSTS,
            access_modes=taxonomy.ACCESS_MODES,
            confidences=taxonomy.CONFIDENCES,
            confidence_labels=CONFIDENCE_LABELS,
            translated_languages=forms.TRANSLATED_LANGUAGES,
            translation_prefix=forms.TRANSLATION_PREFIX,
        ),
        status,
    )


# What each kind of history entry says, in the history list.
HISTORY_ACTIONS = {
    "create": N_("Création"),
    "update": N_("Modification"),
    "verify": N_("Vérification : toujours à jour"),
    "archive": N_("Archivage"),
    "restore": N_("Restauration"),
    "import": N_("Import"),
}
ID_TAKEN = N_("Cet identifiant est déjà pris (par une fiche en ligne ou archivée).")


def _checked(form):
    return clean_record(forms.raw_record(form), today=_today())


@bp.route("/resources/new", methods=["GET", "POST"])
@role_required(*EDITOR_ROLES)
def create():
    """A new resource: the same checks as check-data; an empty id is made from the name."""
    if request.method == "GET":
        blank = {spec.name: [] if spec.widget == "checkboxes" else "" for spec in FIELDS}
        blank.update(id="", status="open", confidence="medium", verified_on=_today().isoformat())
        blank.update({forms.TRANSLATION_PREFIX + language.code: "" for language in forms.TRANSLATED_LANGUAGES})
        return _render_form(blank)
    form = forms.submitted_values(request.form.to_dict(flat=False))
    if not form["id"]:
        form["id"] = forms.new_id(form.get("name"), form.get("arrondissement"))
    values, problems = _checked(form)
    if problems or request.form.get("action") == "preview":
        return _render_form(form, problems)
    db = get_db()
    try:
        storage.create_resource(db, resource_from_mapping(values), _actor())
    except storage.ResourceExistsError:
        return _render_form(form, [Problem("id", ID_TAKEN)])
    sync_index(db)
    flash(gettext("Fiche créée."))
    return redirect(url_for("admin.edit", resource_id=values["id"]))


@bp.route("/resources/<resource_id>/edit", methods=["GET", "POST"])
@role_required(*EDITOR_ROLES)
def edit(resource_id):
    """Edit a resource; a stale version lands on the conflict page, nothing is overwritten."""
    db = get_db()
    current = storage.get_resource(db, resource_id)
    if current is None:
        return _missing(resource_id)
    if request.method == "GET":
        return _render_form(
            forms.form_values(current), resource_id=resource_id, version=storage.resource_version(db, resource_id)
        )
    form = forms.submitted_values(request.form.to_dict(flat=False))
    form["id"] = resource_id
    version = _version_field()
    values, problems = _checked(form)
    if problems or request.form.get("action") == "preview":
        return _render_form(form, problems, resource_id=resource_id, version=version)
    try:
        storage.update_resource(db, resource_from_mapping(values), version, _actor())
    except storage.StaleVersionError as stale:
        return _conflict(resource_id, form, values, stale)
    sync_index(db)
    flash(gettext("Modifications enregistrées."))
    return redirect(url_for("admin.edit", resource_id=resource_id))


def _conflict(resource_id, form, mine, stale):
    db = get_db()
    theirs = resource_to_mapping(stale.current) if stale.current else None
    history = storage.resource_history(db, resource_id)
    return (
        render_template(
            "admin/conflict.html",
            resource_id=resource_id,
            form=form,
            rows=forms.differences(theirs, resource_to_mapping(resource_from_mapping(mine))) if theirs else [],
            archived=stale.current is None,
            last_change=history[0] if history else None,
            current_version=stale.current_version,
            translation_prefix=forms.TRANSLATION_PREFIX,
        ),
        409,
    )


@bp.get("/resources/<resource_id>/history")
@role_required(*EDITOR_ROLES)
def history(resource_id):
    """Every recorded change of a resource, newest first: who, when, each field before and after."""
    db = get_db()
    entries = storage.resource_history(db, resource_id)
    live = storage.get_resource(db, resource_id)
    archived = storage.get_archived_resource(db, resource_id)
    if not entries and live is None and archived is None:
        return _missing(resource_id)
    return render_template(
        "admin/history.html",
        resource_id=resource_id,
        resource=live or (archived[0] if archived else None),
        is_archived=archived is not None,
        entries=[(entry, forms.differences(entry.before, entry.after)) for entry in entries],
    )


@bp.post("/resources/<resource_id>/verify")
@role_required(*EDITOR_ROLES)
def verify(resource_id):
    """« Toujours à jour » : record that the facts were checked today, and nothing else."""
    db = get_db()
    current = storage.get_resource(db, resource_id)
    if current is None:
        return _missing(resource_id)
    try:
        storage.update_resource(db, dataclasses.replace(current, verified_on=_today()), _version_field(), _actor(), "verify")
    except storage.StaleVersionError:
        flash(gettext("La fiche a changé entre-temps : relisez-la avant de confirmer."), "error")
        return redirect(url_for("admin.edit", resource_id=resource_id))
    sync_index(db)
    flash(gettext("Vérification enregistrée : %(name)s", name=current.name))
    return redirect(local_path(request.form.get("next"), url_for("admin.freshness_dashboard")))


@bp.post("/resources/<resource_id>/archive")
@role_required(*EDITOR_ROLES)
def archive(resource_id):
    """Archive a resource: it leaves every public page, the search and the API; it can be restored."""
    db = get_db()
    if storage.get_resource(db, resource_id) is None:
        return _missing(resource_id)
    try:
        storage.archive_resource(db, resource_id, _version_field(), _actor())
    except storage.StaleVersionError:
        flash(gettext("La fiche a changé entre-temps : relisez-la avant de l'archiver."), "error")
        return redirect(url_for("admin.edit", resource_id=resource_id))
    sync_index(db)
    flash(gettext("Fiche archivée. Elle n'apparaît plus sur le site ; vous pouvez la restaurer."))
    return redirect(url_for("admin.archived"))


@bp.get("/archive/")
@role_required(*EDITOR_ROLES)
def archived():
    """The archived resources, each with « Restaurer »."""
    return render_template("admin/archive.html", rows=storage.list_archived_resources(get_db()))


@bp.post("/archive/<resource_id>/restore")
@role_required(*EDITOR_ROLES)
def restore(resource_id):
    """Bring an archived resource back on the site."""
    db = get_db()
    try:
        storage.restore_resource(db, resource_id, _actor())
    except KeyError:
        return _missing(resource_id)
    except storage.ResourceExistsError:
        flash(gettext("Une fiche en ligne porte déjà cet identifiant : %(id)s", id=resource_id), "error")
        return redirect(url_for("admin.archived"))
    sync_index(db)
    flash(gettext("Fiche restaurée."))
    return redirect(url_for("admin.edit", resource_id=resource_id))


@bp.get("/hours-preview")
@role_required(*EDITOR_ROLES)
def hours_preview():
    """The hours preview alone, for the edit form's script (static/js/hours-preview.js)."""
    preview = preview_hours(request.args.get("opening_hours", ""), now_in_paris())
    return render_template("admin/_hours_preview.html", preview=preview)


@bp.get("/freshness")
@role_required(*EDITOR_ROLES)
def freshness_dashboard():
    """Records whose review is due, counted by arrondissement and kind, then listed oldest first."""
    db = get_db()
    resources = storage.list_resources(db, statuses=("open", "planned"))
    counts, overdue = freshness.overdue_table(resources, _today())
    kinds = [kind for kind in taxonomy.KINDS if any(key[1] == kind.code for key in counts)]
    places = sorted({key[0] for key in counts}, key=lambda number: (number is None, number or 0))
    return render_template(
        "admin/freshness.html",
        counts=counts,
        kinds=kinds,
        places=places,
        overdue=overdue,
        versions={resource.id: storage.resource_version(db, resource.id) for resource, _ in overdue},
        total=len(resources),
    )


@bp.route("/imports", methods=["GET", "POST"])
@role_required(*IMPORT_ROLES)
def imports():
    """Upload a file: « Vérifier » reports every problem; « Importer » writes all or nothing."""
    if request.method == "GET":
        return render_template("admin/imports.html", plan=None, formats=importing.FORMAT_NAMES)
    uploads = [upload for upload in request.files.getlist("files") if upload and upload.filename]
    if not uploads:
        flash(gettext("Choisissez un ou plusieurs fichiers."), "error")
        return redirect(url_for("admin.imports"))
    files = [importing.InputFile(upload.filename, upload.read(importing.MAX_IMPORT_BYTES + 1)) for upload in uploads]
    default_source = request.form.get("source", "").strip() or None
    db = get_db()
    try:
        plan = importing.plan_import(
            files,
            _today(),
            existing={resource.id: resource for resource in storage.iter_resources(db)},
            archived=storage.archived_ids(db),
            default_source=default_source,
        )
    except importing.UnreadableFileError as error:
        return render_template("admin/imports.html", plan=None, unreadable=str(error), formats=importing.FORMAT_NAMES)
    outcome = None
    if request.form.get("action") == "import" and not plan.problems:
        names = ", ".join(item.name for item in files)
        outcome = storage.upsert_resources(db, plan.resources, actor=_actor(), source_file=names)
        sync_index(db)
    return render_template(
        "admin/imports.html", plan=plan, outcome=outcome, source=default_source or "", formats=importing.FORMAT_NAMES
    )


@bp.get("/exports/<export_format>")
@role_required(*EDITOR_ROLES)
def export(export_format):
    """Download the whole directory in a format (the project's CSV holds the staff notes)."""
    if export_format not in exporting.EXPORTS:
        flash(gettext("Format inconnu."), "error")
        return redirect(url_for("admin.resources"))
    db = get_db()
    resources = list(storage.iter_resources(db))
    data = exporting.export_bytes(
        export_format,
        resources,
        storage.updated_at_by_id(db),
        lambda resource: url_for("directory.resource", resource_id=resource.id, lang="fr", _external=True),
    )
    file_name, media_type = exporting.EXPORTS[export_format]
    stamped = file_name.replace(".", f"-{datetime.date.today().isoformat()}.", 1)
    return Response(data, mimetype=media_type, headers={"Content-Disposition": f'attachment; filename="{stamped}"'})


def init_app(app):
    """Accept import files up to the import limit; give templates the field labels."""
    app.config.setdefault("MAX_CONTENT_LENGTH", importing.MAX_IMPORT_BYTES + 1024 * 1024)
    app.jinja_env.globals.update(label_of_field=label_of, HISTORY_ACTIONS=HISTORY_ACTIONS)
