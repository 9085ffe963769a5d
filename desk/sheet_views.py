"""Orientation sheets and fiches de liaison, as printable HTML and as PDF.

GET /<lang>/sheet?ids=ID1,ID2&family_lang=CODE and /<lang>/sheet.pdf?… (CONTRACTS §5); the
same addresses take a POST from the sheet's own form, which may carry the staff member's
note, so that the note never appears in an address or a log. Nothing is stored.

When this browser's session holds answers to the questionnaires, each place they propose
says why on the sheet; the reasons come from the session, never from the address.
"""

from pathlib import Path

from flask import Blueprint
from flask import abort
from flask import current_app
from flask import make_response
from flask import render_template
from flask import request
from flask import url_for
from flask_babel import gettext

from desk import qr
from desk.auth import current_account
from desk.liaison import read_liaison_form
from desk.pdf import html_to_pdf
from desk.sheets import MAX_NOTE_LENGTH
from desk.sheets import MAX_SHEET_RESOURCES
from desk.sheets import Sheet
from desk.sheets import build_entries
from desk.sheets import choose_reasons
from desk.sheets import clean_note
from desk.sheets import issuer_for
from desk.sheets import parse_ids
from directory import storage
from directory.db import get_db
from directory.hours import now_in_paris
from orientation.results import reasons_by_resource
from orientation.results import speaks_of_danger
from orientation.views import answered_orientation
from web.i18n import current_language
from web.languages import LANGUAGES
from web.languages import get_language

bp = Blueprint("sheets", __name__, url_prefix="/<lang:lang>")


@bp.route("/sheet", methods=["GET", "POST"])
def sheet():
    """The orientation sheet as a printable page, with its form (family language, note)."""
    values = request.form if request.method == "POST" else request.args
    built, why = _build_sheet(values)
    page = render_template(
        "desk/sheet.html",
        sheet=built,
        why=why,
        ids=",".join(entry.resource.id for entry in built.entries),
        family_lang_unknown=_family_lang_unknown(values),
        languages=LANGUAGES,
        max_sheet_resources=MAX_SHEET_RESOURCES,
        max_note_length=MAX_NOTE_LENGTH,
        qr_format="svg",
        qr_images=_qr_images(built, "svg"),
    )
    return _private(make_response(page))


@bp.route("/sheet.pdf", methods=["GET", "POST"])
def sheet_pdf():
    """The orientation sheet as a PDF download."""
    values = request.form if request.method == "POST" else request.args
    built, _why = _build_sheet(values)
    html = render_template("desk/sheet_pdf.html", sheet=built, qr_format="png", qr_images=_qr_images(built, "png"))
    return _pdf_download(html, f"fiche-orientation-{built.issued_on.isoformat()}.pdf")


@bp.route("/liaison", methods=["GET", "POST"])
def liaison():
    """The fiche de liaison: a form (GET), then the printable document (POST)."""
    values = request.form if request.method == "POST" else request.args
    requested = _requested_resources(values.get("ids"))
    if request.method == "GET":
        return _private(make_response(_liaison_form(requested, _liaison_defaults(), [])))
    typed, document, errors = read_liaison_form(request.form)
    if errors:
        return _private(make_response(_liaison_form(requested, typed, errors), 400))
    if request.form.get("edit"):
        return _private(make_response(_liaison_form(requested, typed, [])))
    resources = requested[0]
    ids = ",".join(resource.id for resource in resources)
    page = render_template("desk/liaison.html", resources=resources, ids=ids, typed=typed, document=document, **_issue())
    return _private(make_response(page))


@bp.post("/liaison.pdf")
def liaison_pdf():
    """The fiche de liaison as a PDF download; a form with problems is shown again."""
    requested = _requested_resources(request.form.get("ids"))
    typed, document, errors = read_liaison_form(request.form)
    if errors:
        return _private(make_response(_liaison_form(requested, typed, errors), 400))
    html = render_template("desk/liaison_pdf.html", resources=requested[0], document=document, **_issue())
    return _pdf_download(html, f"fiche-de-liaison-{now_in_paris().date().isoformat()}.pdf")


def _requested_resources(text):
    """Return (resources found, ids not found, ids beyond the limit) for "ID1,ID2"; 404 when none is found."""
    ids, malformed, left_out = parse_ids(text)
    resources = storage.get_resources(get_db(), ids)
    if not resources:
        abort(404)
    found = {resource.id for resource in resources}
    return resources, (*malformed, *(identifier for identifier in ids if identifier not in found)), left_out


def _build_sheet(values):
    """Return the Sheet asked for, and its Reasons: why the answers in this session proposed its places."""
    resources, unknown_ids, left_out = _requested_resources(values.get("ids"))
    orientation = answered_orientation()
    why = choose_reasons(
        resources,
        reasons_by_resource(orientation) if orientation else {},
        orientation is not None and speaks_of_danger(orientation.situation),
        values.getlist("why"),
    )
    issue = _issue()
    sheet = Sheet(
        entries=build_entries(resources, now_in_paris(), why.by_id),
        family_language=get_language(values.get("family_lang")) or current_language(),
        issued_on=issue["issued_on"],
        issuer=issue["issuer"],
        # Only a POST carries a note: typed text never travels in an address.
        note=clean_note(request.form.get("note")),
        unknown_ids=unknown_ids,
        left_out_ids=left_out,
    )
    return sheet, why


def _family_lang_unknown(values):
    code = values.get("family_lang")
    return bool(code) and get_language(code) is None


def _issue():
    """Return the date of the document and the desk that issues it, when staff are signed in."""
    account = current_account()
    issuer = None
    if account is not None and account.desk_name:
        desk_resource = storage.get_resource(get_db(), account.desk_resource_id) if account.desk_resource_id else None
        issuer = issuer_for(account.desk_name, desk_resource)
    return {"issued_on": now_in_paris().date(), "issuer": issuer}


def _liaison_defaults():
    account = current_account()
    if account is None:
        return {}
    return {"professional_name": account.display_name, "professional_service": account.desk_name or ""}


def _liaison_form(requested, typed, errors):
    resources, unknown_ids, left_out_ids = requested
    return render_template(
        "desk/liaison_form.html",
        resources=resources,
        ids=",".join(resource.id for resource in resources),
        unknown_ids=unknown_ids,
        left_out_ids=left_out_ids,
        max_sheet_resources=MAX_SHEET_RESOURCES,
        typed=typed,
        errors={error.field: error for error in errors},
    )


def _qr_images(built, qr_format):
    """Return {resource id: QR code of its page in the family's language}."""
    images = {}
    for entry in built.entries:
        url = url_for("directory.resource", resource_id=entry.resource.id, lang=built.family_language.code, _external=True)
        images[entry.resource.id] = (
            qr.qr_svg(url, gettext("Code QR de la page de ce lieu")) if qr_format == "svg" else qr.qr_png_data_uri(url)
        )
    return images


def _pdf_download(html, filename):
    stylesheet = Path(current_app.static_folder) / "css" / "sheet.css"
    response = make_response(html_to_pdf(html, [stylesheet]))
    response.mimetype = "application/pdf"
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return _private(response)


def _private(response):
    # A sheet may carry a note or a family's name: no cache, no copy kept on the way.
    response.headers["Cache-Control"] = "no-store"
    return response
