"""The Resource record, as stored, validated and shown."""

import dataclasses
import datetime
from dataclasses import dataclass
from dataclasses import field

from directory import taxonomy

# Records confirmed before this many days ago need checking again (five years; see data/README.md).
STALE_AFTER_DAYS = 5 * 365

# Fields that hold lists or mappings; stored as JSON text in SQLite.
LIST_FIELDS = ("themes", "access", "languages", "other_sources")
MAPPING_FIELDS = ("descriptions",)


@dataclass
class Resource:
    """A real place or service for families, with where its facts come from."""

    id: str
    name: str
    kind: str
    status: str = "open"
    themes: list = field(default_factory=list)  # extra themes beyond the kind's defaults
    address: str | None = None
    address_details: str | None = None
    postal_code: str | None = None
    arrondissement: int | None = None
    qpv: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    phone: str | None = None
    email: str | None = None
    website: str | None = None
    opening_hours: str | None = None
    hours_details: str | None = None
    audience: str | None = None
    min_age: int | None = None
    max_age: int | None = None
    cost: str | None = None
    cost_details: str | None = None
    access: list = field(default_factory=list)
    languages: list = field(default_factory=list)
    accessibility: str | None = None
    description: str = ""
    descriptions: dict = field(default_factory=dict)
    source: str = ""
    other_sources: list = field(default_factory=list)
    source_date: datetime.date | None = None
    verified_on: datetime.date | None = None
    confidence: str = "medium"
    notes: str | None = None
    review_months: int | None = None  # staff's review interval; None = the kind's default (directory.freshness)

    @property
    def all_themes(self):
        """Return the kind's default themes followed by the record's extra ones."""
        return taxonomy.themes_for(self.kind, self.themes)

    @property
    def is_remote(self):
        """Tell whether the service has no place in an arrondissement (phone, web, all Paris)."""
        return self.arrondissement is None

    def needs_check(self, today):
        """Tell whether the facts are doubtful or old enough to be confirmed before use."""
        if self.confidence == "low" or self.verified_on is None:
            return True
        return (today - self.verified_on).days > STALE_AFTER_DAYS

    def description_in(self, locale):
        """Return (text, language) of the description, translated when a translation exists."""
        translated = self.descriptions.get(locale) or self.descriptions.get(locale.split("_")[0])
        if translated:
            return translated, locale
        return self.description, "fr"


FIELD_NAMES = tuple(f.name for f in dataclasses.fields(Resource))
REQUIRED_FIELDS = ("id", "name", "kind", "status", "description", "source", "verified_on", "confidence")


@dataclass(frozen=True)
class HistoryEntry:
    """One recorded change of a resource: who, when, what it was before and after."""

    resource_id: str
    version: int  # the version the change produced
    action: str  # create, update, verify, archive, restore, import
    actor: str | None  # a staff username, or "cli" for the command line
    at: datetime.datetime
    before: dict | None  # resource_to_mapping() of the record before, None for a creation
    after: dict | None
    source_file: str | None = None  # the file an import read

    def changed_fields(self):
        """Return the names of the fields whose value differs between before and after."""
        before = self.before or {}
        after = self.after or {}
        return [name for name in FIELD_NAMES if before.get(name) != after.get(name)]


def resource_from_mapping(values):
    """Build a Resource from a mapping that has already been validated."""
    data = {name: values.get(name) for name in FIELD_NAMES if name in values}
    for name in LIST_FIELDS:
        data[name] = list(data.get(name) or [])
    for name in MAPPING_FIELDS:
        data[name] = dict(data.get(name) or {})
    for name in ("source_date", "verified_on"):
        value = data.get(name)
        if isinstance(value, str):
            data[name] = datetime.date.fromisoformat(value)
    return Resource(**data)


def resource_to_mapping(resource):
    """Return the resource's fields as plain values (dates as ISO strings)."""
    values = dataclasses.asdict(resource)
    for name in ("source_date", "verified_on"):
        if values[name] is not None:
            values[name] = values[name].isoformat()
    return values
