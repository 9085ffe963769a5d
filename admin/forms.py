"""The resource form: a record as form values, form values as a raw record, and what changed.

Plain values in, plain values out. Checking is `directory.validation.clean_record`, the same
as `check-data` and the imports; its problems are shown next to their field.
"""

import datetime
import re
import unicodedata

from admin.fields import FIELDS
from directory.formats.batch import phone_from_text
from directory.models import FIELD_NAMES
from directory.models import resource_to_mapping
from web.languages import LANGUAGES

TRANSLATION_PREFIX = "description_"
TRANSLATED_LANGUAGES = tuple(language for language in LANGUAGES if language.code != "fr")


def form_values(resource):
    """Return the form's values for a resource: text for each field, lists for the checkboxes."""
    values = resource_to_mapping(resource)
    form = {}
    for spec in FIELDS:
        value = values[spec.name]
        if spec.widget == "checkboxes":
            form[spec.name] = list(value)
        elif spec.widget == "lines":
            form[spec.name] = "\n".join(value)
        elif spec.widget == "translations":
            for language in TRANSLATED_LANGUAGES:
                form[TRANSLATION_PREFIX + language.code] = value.get(language.code, "")
        elif isinstance(value, list):
            form[spec.name] = ", ".join(value)
        else:
            form[spec.name] = "" if value is None else str(value)
    form["id"] = resource.id
    return form


def submitted_values(form_lists):
    """Return the form's values from a request's form ({name: [values]}), as typed."""
    form = {}
    for spec in FIELDS:
        if spec.widget == "checkboxes":
            form[spec.name] = [value for value in form_lists.get(spec.name, []) if value]
        elif spec.widget == "translations":
            for language in TRANSLATED_LANGUAGES:
                form[TRANSLATION_PREFIX + language.code] = (form_lists.get(TRANSLATION_PREFIX + language.code) or [""])[-1]
        else:
            form[spec.name] = (form_lists.get(spec.name) or [""])[-1]
    form["id"] = (form_lists.get("id") or [""])[-1].strip()
    return form


def raw_record(form):
    """Return the raw record of the form's values, for clean_record."""
    raw = {}
    for spec in FIELDS:
        if spec.widget == "translations":
            raw[spec.name] = {
                language.code: form[TRANSLATION_PREFIX + language.code].strip()
                for language in TRANSLATED_LANGUAGES
                if form.get(TRANSLATION_PREFIX + language.code, "").strip()
            }
        elif spec.widget == "lines":
            raw[spec.name] = [line.strip() for line in form.get(spec.name, "").splitlines() if line.strip()]
        else:
            raw[spec.name] = form.get(spec.name)
    # People type phone numbers in many ways; the directory writes them one way.
    raw["phone"] = phone_from_text(raw["phone"]) if raw["phone"] else raw["phone"]
    raw["id"] = form.get("id")
    return raw


def new_id(name, arrondissement):
    """Return an id for a new record from its name and arrondissement ("laep-les-petits-pas-14")."""
    decomposed = unicodedata.normalize("NFKD", name or "")
    bare = "".join(character for character in decomposed if not unicodedata.combining(character)).lower()
    words = re.findall(r"[a-z0-9]+", bare)
    suffix = [str(arrondissement)] if arrondissement and str(arrondissement).isdigit() else []
    return "-".join(words[:8] + suffix)[:80].strip("-")


def problems_by_field(problems):
    """Return {field: [Problem]} so that each message is shown next to its field."""
    grouped = {}
    for problem in problems:
        grouped.setdefault(problem.field, []).append(problem)
    return grouped


def _shown(value):
    if value is None or value == [] or value == {}:
        return ""
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if isinstance(value, dict):
        return "; ".join(f"{key}: {text}" for key, text in sorted(value.items()))
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def differences(before, after):
    """Return [(field, before as text, after as text)] for the fields that differ, in form order."""
    before = before or {}
    after = after or {}
    rows = []
    for name in ("id", *FIELD_NAMES):
        if name == "id" and before and after:
            continue
        old, new = _shown(before.get(name)), _shown(after.get(name))
        if old != new:
            rows.append((name, old, new))
    return rows
