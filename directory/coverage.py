"""Coverage per arrondissement: open resources by kind, the seeds' targets, and a bar chart.

Plain values in, plain values out; the chart's geometry is computed here and drawn by the
template as SVG (no script, no style attribute, no outside service).
"""

import functools
import math
from dataclasses import dataclass
from pathlib import Path

import yaml

from directory import geography
from directory import taxonomy

FIGURES_FILE = Path(__file__).resolve().parent.parent / "data" / "paris" / "population.yaml"
CHART_WIDTH = 640  # SVG user units; the chart scales to its box
CHART_HEIGHT = 260
CHART_MARGIN = (16, 12, 36, 36)  # top, right, bottom, left


@functools.cache
def load_figures(path=FIGURES_FILE):
    """Return the population figures and targets of data/paris/population.yaml."""
    with open(path, encoding="utf-8") as stream:
        return yaml.safe_load(stream)


@dataclass(frozen=True)
class CoverageRow:
    """One kind: its open resources in each arrondissement, remote ones, and the total."""

    kind: str
    by_arrondissement: tuple  # counts for 1..20
    remote: int
    total: int


def coverage_table(counts):
    """Return a CoverageRow per kind that has open resources, in taxonomy order."""
    numbers = geography.arrondissement_numbers()
    rows = []
    for kind in taxonomy.KINDS:
        local = tuple(counts.get((kind.code, number), 0) for number in numbers)
        remote = counts.get((kind.code, None), 0)
        if sum(local) + remote:
            rows.append(CoverageRow(kind.code, local, remote, sum(local) + remote))
    return rows


@dataclass(frozen=True)
class LaepTarget:
    """The LAEP target of an area: children under 6 (an estimate from the sources), places wanted, places open."""

    area: int | None  # an arrondissement, or None for the whole of Paris
    children: int | None  # None when no source gives it
    target: float | None
    open_places: int
    sources: tuple


def _children_under_6(entry, inhabitants):
    if "from_3_to_6" in entry:
        return round(inhabitants * entry["under_3_share"]["value"] / 100) + entry["from_3_to_6"]["value"]
    return round(inhabitants * (entry["under_3_share"]["value"] + entry["from_3_to_6_share"]["value"]) / 100)


def laep_targets(counts, figures):
    """Return the LaepTarget of Paris, then of each arrondissement."""
    per_place = figures["targets"]["laep_children_per_place"]["value"]
    laep = {number: counts.get(("laep", number), 0) for number in geography.arrondissement_numbers()}
    paris = figures["paris"]
    children = _children_under_6(paris, paris["inhabitants"]["value"])
    sources = (paris["inhabitants"]["source"], paris["under_3_share"]["source"], paris["from_3_to_6_share"]["source"])
    rows = [LaepTarget(None, children, children / per_place, sum(laep.values()), sources)]
    for number in geography.arrondissement_numbers():
        entry = figures["arrondissements"].get(number, {})
        if "under_3_share" in entry and "inhabitants" in entry:
            children = _children_under_6(entry, entry["inhabitants"]["value"])
            found = tuple(entry[name]["source"] for name in ("inhabitants", "under_3_share", "from_3_to_6"))
            rows.append(LaepTarget(number, children, children / per_place, laep[number], found))
        else:
            rows.append(LaepTarget(number, None, None, laep[number], ()))
    return rows


@dataclass(frozen=True)
class AvipTarget:
    """Crèches AVIP of an arrondissement: open, in a QPV, and the QPV it has."""

    arrondissement: int
    open_places: int
    in_qpv: int
    qpv: tuple  # names of its quartiers prioritaires
    meets_target: bool  # one at least, and one in a QPV when it has some


def avip_targets(counts, qpv_counts, figures):
    """Return the AvipTarget of each arrondissement."""
    minimum = figures["targets"]["avip_per_arrondissement"]["value"]
    rows = []
    for number in geography.arrondissement_numbers():
        names = tuple(item["name"] for item in figures["qpv"] if number in item["arrondissements"])
        open_places = counts.get(("creche_avip", number), 0)
        in_qpv = qpv_counts.get(number, 0)
        rows.append(AvipTarget(number, open_places, in_qpv, names, open_places >= minimum and (in_qpv >= 1 or not names)))
    return rows


def target_line(kind, figures):
    """Return the per-arrondissement target drawn on the chart for a kind, or None when there is none."""
    if kind == "creche_avip":
        return figures["targets"]["avip_per_arrondissement"]["value"]
    return None


@dataclass(frozen=True)
class Bar:
    """One bar of the chart, in SVG user units."""

    arrondissement: int
    count: int
    x: float
    y: float
    width: float
    height: float
    below_target: bool


@dataclass(frozen=True)
class Chart:
    """A bar chart of one kind's open resources per arrondissement."""

    width: int
    height: int
    bars: tuple
    ticks: tuple  # ((value, y), …) for the horizontal grid
    baseline: float
    left: float
    right: float
    target: int | None
    target_y: float | None


def bar_chart(counts, kind, target=None):
    """Return the Chart of a kind: one bar per arrondissement, a grid, and the target line if any."""
    top, right, bottom, left = CHART_MARGIN
    numbers = geography.arrondissement_numbers()
    values = [counts.get((kind, number), 0) for number in numbers]
    highest = max([*values, target or 0, 1])
    step = max(1, math.ceil(highest / 5))
    scale_top = step * math.ceil(highest / step)
    plot_height = CHART_HEIGHT - top - bottom
    slot = (CHART_WIDTH - left - right) / len(numbers)
    baseline = CHART_HEIGHT - bottom

    def y_of(value):
        return round(baseline - plot_height * value / scale_top, 1)

    bars = tuple(
        Bar(
            number,
            value,
            round(left + slot * index + slot * 0.15, 1),
            y_of(value),
            round(slot * 0.7, 1),
            round(baseline - y_of(value), 1),
            target is not None and value < target,
        )
        for index, (number, value) in enumerate(zip(numbers, values, strict=True))
    )
    ticks = tuple((value, y_of(value)) for value in range(0, scale_top + 1, step))
    return Chart(
        CHART_WIDTH, CHART_HEIGHT, bars, ticks, baseline, left, CHART_WIDTH - right, target, y_of(target) if target else None
    )
