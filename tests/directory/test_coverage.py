"""The coverage page: open resources by kind and arrondissement, the targets with their sources, an SVG chart."""

from directory import coverage


def test_the_laep_target_uses_the_figures_the_sources_give():
    figures = coverage.load_figures()
    rows = coverage.laep_targets({("laep", 14): 1}, figures)
    paris, *arrondissements = rows
    assert paris.area is None and 130_000 < paris.children < 150_000  # 6.5 % of 2,145,906
    fourteenth = next(row for row in arrondissements if row.area == 14)
    assert fourteenth.children == round(133967 * 0.028) + 4217 and fourteenth.open_places == 1
    assert round(fourteenth.target, 1) == 2.3
    assert all(row.children is None for row in arrondissements if row.area != 14)


def test_avip_wants_one_per_arrondissement_and_one_in_its_qpv():
    rows = {
        row.arrondissement: row
        for row in coverage.avip_targets({("creche_avip", 13): 2, ("creche_avip", 5): 1}, {13: 0}, coverage.load_figures())
    }
    assert rows[5].meets_target and not rows[5].qpv
    assert not rows[13].meets_target and "Oudiné - Chevaleret" in rows[13].qpv
    assert not rows[19].meets_target


def test_the_chart_has_a_bar_per_arrondissement_and_the_target_line():
    chart = coverage.bar_chart({("creche_avip", 13): 3}, "creche_avip", target=1)
    assert len(chart.bars) == 20 and chart.target_y is not None
    thirteenth = chart.bars[12]
    assert thirteenth.count == 3 and thirteenth.y < chart.baseline and not thirteenth.below_target
    assert chart.bars[0].below_target and chart.bars[0].height == 0


def test_the_page_is_public_with_a_table_an_svg_and_no_style(client):
    page = client.get("/fr/coverage?kind=creche_avip").get_data(as_text=True)
    assert "<svg" in page and 'role="img"' in page and "chart__target" in page
    assert "style=" not in page and "<style" not in page
    assert (
        "Nos sources ne donnent pas le nombre d&#39;enfants de moins de 6 ans par arrondissement" in page
        or "Nos sources ne donnent pas le nombre d'enfants" in page
    )
    assert "Projet social de territoire du 14e" in page
    assert client.get("/fr/coverage?kind=nonsense").status_code == 200
    assert client.get("/ar/coverage").status_code == 200
