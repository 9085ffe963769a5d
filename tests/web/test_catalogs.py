"""The translation catalogs: up to date with the sources, complete, reviewed or marked as not."""

import datetime
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog

from web import catalogs
from web.languages import DEFAULT_LANGUAGE
from web.languages import LANGUAGES

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "translations"


def makefile_extract_command(output):
    """Return the `pybabel extract` command of `make messages`, writing to another file."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    line = next(line.strip() for line in makefile.splitlines() if "pybabel extract" in line)
    words = shlex.split(line)
    words[0] = str(Path(sys.executable).parent / "pybabel")
    words[words.index("-o") + 1] = str(output)
    return words


@pytest.fixture(scope="module")
def template():
    return catalogs.read_catalog(TRANSLATIONS / "messages.pot")


@pytest.fixture(scope="module")
def fresh_template(tmp_path_factory):
    """The template extracted now from the sources, exactly as `make messages` does."""
    output = tmp_path_factory.mktemp("pot") / "messages.pot"
    subprocess.run(makefile_extract_command(output), cwd=ROOT, check=True, capture_output=True)
    return catalogs.read_catalog(output)


def test_the_template_is_up_to_date_with_the_sources(template, fresh_template):
    missing = catalogs.message_ids(fresh_template) - catalogs.message_ids(template)
    stale = catalogs.message_ids(template) - catalogs.message_ids(fresh_template)
    assert not missing, f"run `make messages`: new strings not in messages.pot: {sorted(map(str, missing))}"
    assert not stale, f"run `make messages`: strings no longer in the sources: {sorted(map(str, stale))}"


def test_extraction_finds_n_marked_strings_plural_ids_and_translator_notes(fresh_template):
    ids = catalogs.message_ids(fresh_template)
    assert "Être parent" in ids  # N_() in directory/taxonomy.py
    assert ("%(num)d résultat", "%(num)d résultats") in ids  # ngettext in a template
    assert "Traduction automatique, non relue" in ids


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.code)
def test_every_catalog_has_every_message_and_no_gap(language, template):
    catalog = catalogs.read_catalog(catalogs.catalog_path(TRANSLATIONS, language.locale))
    assert catalogs.message_ids(catalog) == catalogs.message_ids(template), "run `make messages`"
    gaps = catalogs.catalog_gaps(catalog)
    assert not gaps, (
        f"{language.code}: {len(gaps)} messages to translate; see `flask --app app translations worklist {language.code}`"
    )


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.code)
def test_every_catalog_has_the_plural_forms_of_its_language(language):
    catalog = catalogs.read_catalog(catalogs.catalog_path(TRANSLATIONS, language.locale))
    assert str(catalog.locale) == language.locale
    assert catalog.num_plurals == Catalog(locale=language.locale).num_plurals


def test_the_french_catalog_copies_the_source():
    catalog = catalogs.read_catalog(catalogs.catalog_path(TRANSLATIONS, DEFAULT_LANGUAGE.locale))
    for message in catalog:
        if message.id:
            assert catalogs.translations_of(message) == list(message.id if message.pluralizable else [message.id])


def test_the_reviews_file_names_every_catalog():
    reviews = catalogs.load_reviews(TRANSLATIONS / catalogs.REVIEWS_FILE, [language.locale for language in LANGUAGES])
    assert reviews[DEFAULT_LANGUAGE.locale].status == "source"
    assert all(review.status in ("machine", "reviewed") for locale, review in reviews.items() if locale != "fr")


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("fr: {status: source}\n", "missing"),
        ("fr: {status: source}\nen: {status: machine}\nde: {status: machine}\n", "unknown"),
        ("fr: {status: source}\nen: {status: done}\n", "status must be"),
        ("fr: {status: source}\nen: {status: reviewed}\n", "names its reviewer"),
        ("fr: {status: source}\nen: {status: machine, by: me}\n", "unknown fields"),
    ],
)
def test_a_broken_reviews_file_is_refused_with_its_problem(tmp_path, content, problem):
    path = tmp_path / "reviews.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=problem):
        catalogs.load_reviews(path, ["fr", "en"])


def test_a_reviewed_catalog_names_who_and_when(tmp_path):
    path = tmp_path / "reviews.yaml"
    path.write_text(
        "fr: {status: source}\nen: {status: reviewed, reviewed_by: A. Martin, reviewed_on: 2026-05-04}\n", encoding="utf-8"
    )
    review = catalogs.load_reviews(path, ["fr", "en"])["en"]
    assert review.reviewed_on == datetime.date(2026, 5, 4)
    assert not review.is_machine_translation


def catalog_with(*messages, locale="ar"):
    catalog = Catalog(locale=locale)
    for msgid, string, flags in messages:
        catalog.add(msgid, string, flags=flags)
    return catalog


def test_gaps_are_missing_fuzzy_or_broken_placeholders():
    catalog = catalog_with(
        ("Bonjour", "", ()),
        ("Fermé", "مغلق", ("fuzzy",)),
        ("Vérifié le %(date)s", "تم التحقق", ("python-format",)),
        ("Page %(page)s sur %(pages)s", "الصفحة %(page)s من %(pages)s", ("python-format",)),
        (("%(num)d lieu", "%(num)d lieux"), ("%(num)d", "%(num)d", "", "%(num)d", "%(num)d", "%(num)d"), ()),
    )
    gaps = catalogs.catalog_gaps(catalog)
    assert [(gap.problem, gap.msgid) for gap in gaps] == [
        ("missing", "Bonjour"),
        ("fuzzy", "Fermé"),
        ("placeholders", "Vérifié le %(date)s"),
        ("missing", ("%(num)d lieu", "%(num)d lieux")),
    ]


def test_the_worklist_lists_what_each_language_still_needs(app, tmp_path, monkeypatch):
    catalog = catalogs.read_catalog(catalogs.catalog_path(TRANSLATIONS, "es"))
    for message in catalog:
        if message.id == "Fermé":
            message.string = ""
        if message.id == "Ouvert maintenant":
            message.flags.add("fuzzy")
    for language in LANGUAGES:
        path = catalogs.catalog_path(tmp_path, language.locale)
        path.parent.mkdir(parents=True)
        source = catalogs.catalog_path(TRANSLATIONS, language.locale)
        catalogs.write_catalog(path, catalog if language.code == "es" else catalogs.read_catalog(source))
    monkeypatch.setitem(app.config, "TRANSLATIONS_DIR", tmp_path)

    result = app.test_cli_runner().invoke(args=["translations", "worklist", "es", "uk"])
    assert result.exit_code == 0
    assert "es (Español): 2 to translate" in result.output
    assert "missing      Fermé" in result.output
    assert "fuzzy        Ouvert maintenant" in result.output
    assert "uk (Українська): 0 to translate" in result.output

    status = app.test_cli_runner().invoke(args=["translations", "status"])
    assert "es        " in status.output and "2 to do" in status.output
    assert "machine translation, not reviewed" in status.output


def test_the_worklist_refuses_an_unknown_language(runner):
    result = runner.invoke(args=["translations", "worklist", "xx"])
    assert result.exit_code != 0
    assert "unknown language 'xx'" in result.output


def test_copy_source_fills_the_french_catalog(app, tmp_path, monkeypatch):
    path = catalogs.catalog_path(tmp_path, "fr")
    path.parent.mkdir(parents=True)
    catalog = catalogs.read_catalog(catalogs.catalog_path(TRANSLATIONS, "fr"))
    for message in catalog:
        message.string = ("", "") if message.pluralizable else ""
    catalogs.write_catalog(path, catalog)
    monkeypatch.setitem(app.config, "TRANSLATIONS_DIR", tmp_path)

    result = app.test_cli_runner().invoke(args=["translations", "copy-source"])
    assert result.exit_code == 0
    assert catalogs.catalog_gaps(catalogs.read_catalog(path)) == []
