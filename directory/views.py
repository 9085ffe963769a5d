"""Directory pages: an arrondissement, a theme, a kind, a resource."""

from flask import Blueprint
from flask import abort
from flask import render_template
from flask import request

from directory import coverage as coverage_figures
from directory import geography
from directory import listing
from directory import storage
from directory import taxonomy
from directory.db import get_db
from directory.hours import now_in_paris
from reports.models import TOPICS
from web.pagecache import cached_page

bp = Blueprint("directory", __name__, url_prefix="/<lang:lang>")


@bp.get("/arrondissements/<int:number>")
@cached_page()
def arrondissement(number):
    """One arrondissement: its resources grouped by theme and kind, and what is coming."""
    if number not in geography.arrondissement_numbers():
        abort(404)
    db = get_db()
    resources = storage.list_resources(db, arrondissement=number)
    planned = storage.list_resources(db, arrondissement=number, statuses=("planned",))
    return render_template(
        "directory/arrondissement.html",
        number=number,
        groups=listing.group_by_theme_and_kind(resources),
        planned=planned,
        remote=storage.list_resources(db, remote=True),
        neighbours=geography.neighbours_of(number),
        in_paris_centre=number in geography.PARIS_CENTRE,
        paris_centre=geography.PARIS_CENTRE,
    )


@bp.get("/themes/<theme>")
@cached_page()
def theme(theme):
    """One theme: its kinds, then its resources by arrondissement."""
    if theme not in taxonomy.THEME_BY_CODE:
        abort(404)
    resources = storage.list_resources(get_db(), theme=theme)
    return render_template(
        "directory/theme.html",
        theme=taxonomy.THEME_BY_CODE[theme],
        kinds=listing.kinds_present(resources, theme),
        by_arrondissement=listing.group_by_arrondissement(resources),
    )


@bp.get("/kinds/<kind>")
@cached_page()
def kind(kind):
    """One kind of service: what it is, then every place by arrondissement."""
    if kind not in taxonomy.KIND_BY_CODE:
        abort(404)
    resources = storage.list_resources(get_db(), kind=kind)
    return render_template(
        "directory/kind.html",
        kind=taxonomy.KIND_BY_CODE[kind],
        by_arrondissement=listing.group_by_arrondissement(resources),
        count=len(resources),
    )


@bp.get("/resources/<resource_id>")
@cached_page(per_minute=True)
def resource(resource_id):
    """One resource with every public field, its hours and whether it is open now."""
    return render_resource_page(resource_id)


def render_resource_page(resource_id, report_form=None, report_error=None, status=200):
    """Render a resource's page; with the « Signaler une erreur » form open and its message after a refused report."""
    db = get_db()
    found = storage.get_resource(db, resource_id)
    if found is None:
        abort(404)
    moment = now_in_paris()
    # A closed place keeps its page (printed sheets and QR codes point to it), with alternatives.
    alternatives = []
    if found.status == "closed":
        alternatives = listing.nearby_alternatives(storage.list_resources(db, kind=found.kind), found)
    page = render_template(
        "directory/resource.html",
        resource=found,
        hours=listing.hours_view(found, moment),
        needs_check=found.needs_check(moment.date()),
        alternatives=alternatives,
        report_topics=TOPICS,
        report_form=report_form,
        report_error=report_error,
    )
    return page, status


@bp.get("/coverage")
def coverage():
    """Open resources by kind and arrondissement, the seeds' targets, as a table and a chart."""
    db = get_db()
    kind = request.args.get("kind", "laep")
    if kind not in taxonomy.KIND_BY_CODE:
        kind = "laep"
    counts = storage.counts_by_kind_and_arrondissement(db)
    figures = coverage_figures.load_figures()
    qpv_counts = storage.counts_in_qpv(db, "creche_avip")
    return render_template(
        "directory/coverage.html",
        table=coverage_figures.coverage_table(counts),
        laep=coverage_figures.laep_targets(counts, figures),
        avip=coverage_figures.avip_targets(counts, qpv_counts, figures),
        chart=coverage_figures.bar_chart(counts, kind, coverage_figures.target_line(kind, figures)),
        chart_kind=kind,
        kinds=taxonomy.KINDS,
        figures=figures,
    )
