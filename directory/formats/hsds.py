"""Open Referral HSDS 3.0: services written and read as JSON, and as the tabular datapackage.

Every id is a UUID derived from our stable ids (uuid5), so that the same resource keeps the
same HSDS ids from one export to the next, and an import of our own export finds its records.
Kinds and themes are terms of our own taxonomy (data/mappings/hsds.yaml), attached to each
service by an `attribute`. Opening hours become WEEKLY schedule rows, one per time block.
Times are Paris local times: HSDS cannot say "Europe/Paris" (a fixed offset would be wrong
half of the year), so no offset is written.
"""

import csv
import datetime
import io
import json
import re
import uuid
import zipfile
from pathlib import Path

from directory import hours
from directory import taxonomy
from directory.formats import mappings
from directory.formats.batch import NUMBER
from directory.formats.batch import OUTSIDE_PARIS
from directory.formats.batch import SCALAR
from directory.formats.batch import TEXT
from directory.formats.batch import Candidate
from directory.formats.batch import Notice
from directory.formats.batch import Where
from directory.formats.batch import foreign_id
from directory.formats.batch import insee_code
from directory.formats.batch import phone_from_text
from directory.formats.batch import place_in_paris
from directory.formats.batch import readable_id
from directory.formats.batch import shape_problems
from directory.validation import hours_problem

VERSION = "3.0"
PROFILE = "https://docs.openreferral.org/en/3.0/"  # core HSDS 3.0, no profile applied
NAMESPACE = uuid.UUID("6b0f3c3e-2f0e-5c6a-9d8e-2f6a1b7c9e41")  # fixed: changing it changes every exported id
DATAPACKAGE = Path(__file__).resolve().parents[2] / "data" / "standards" / "hsds-3.0-datapackage.json"
DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
OSM_DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
# A week without French public holidays: the weekly schedule rows are read from it.
REFERENCE_MONDAY = datetime.datetime(2025, 3, 10, tzinfo=hours.PARIS)
STATUS_OF = {"open": "active", "planned": "inactive", "closed": "defunct"}
TIME = re.compile(r"^([01]?[0-9]|2[0-4]):([0-5][0-9])")
# The JSON types `raw_from` reads in a service (batch.shape_problems); anything else is a problem of the record.
SCHEDULE_SHAPE = {"freq": TEXT, "interval": SCALAR, "opens_at": TEXT, "closes_at": TEXT, "byday": TEXT}
SERVICE_SHAPE = {
    "id": SCALAR,
    "name": TEXT,
    "status": TEXT,
    "description": TEXT,
    "url": TEXT,
    "email": TEXT,
    "eligibility_description": TEXT,
    "fees_description": TEXT,
    "minimum_age": SCALAR,
    "maximum_age": SCALAR,
    "assured_date": TEXT,
    "last_modified": TEXT,
    "organization": {"email": TEXT, "website": TEXT, "description": TEXT},
    "attributes": [{"taxonomy_term_id": TEXT, "taxonomy_term": {"id": TEXT, "name": TEXT}}],
    "service_at_locations": [
        {
            "location": {
                "latitude": NUMBER,
                "longitude": NUMBER,
                "addresses": [{"address_type": TEXT, "address_1": TEXT, "address_2": TEXT, "postal_code": SCALAR}],
                "accessibility": [{"description": TEXT}],
                "schedules": [SCHEDULE_SHAPE],
            }
        }
    ],
    "schedules": [SCHEDULE_SHAPE],
    "cost_options": [{"amount": NUMBER}],
    "phones": [{"number": SCALAR}],
    "languages": [{"code": TEXT}],
}


class FormatError(ValueError):
    """The file is not HSDS."""


def entity_id(entity, key):
    """Return the stable UUID of an HSDS object made from one of our records or codes."""
    return str(uuid.uuid5(NAMESPACE, f"{entity}:{key}"))


def service_id(resource_id):
    """Return the HSDS id of the service of a resource."""
    return entity_id("service", resource_id)


def taxonomy_object():
    """Return our taxonomy as an HSDS taxonomy object."""
    mapping = mappings.hsds()["taxonomy"]
    return {
        "id": entity_id("taxonomy", "reperes-familles"),
        "name": mapping["name"],
        "description": mapping["description"],
        "version": mapping["version"],
    }


def taxonomy_terms():
    """Return every term of our taxonomy: one per kind, one per theme (French labels)."""
    taxonomy_id = taxonomy_object()["id"]
    terms = [
        {"id": entity_id("term", f"kind:{kind.code}"), "code": kind.code, "name": kind.label, "description": kind.explanation}
        for kind in taxonomy.KINDS
    ]
    terms += [
        {"id": entity_id("term", f"theme:{theme.code}"), "code": theme.code, "name": theme.label, "description": theme.summary}
        for theme in taxonomy.THEMES
    ]
    name = mappings.hsds()["taxonomy"]["name"]
    return [dict(term, taxonomy=name, taxonomy_id=taxonomy_id, language="fr") for term in terms]


def term_ids_of(resource):
    """Return the ids of the taxonomy terms a resource carries: its kind and all its themes."""
    return [entity_id("term", f"kind:{resource.kind}")] + [entity_id("term", f"theme:{theme}") for theme in resource.all_themes]


def _drop_empty(values):
    return {name: value for name, value in values.items() if value not in (None, "", [])}


def schedules_for(opening_hours, owner):
    """Return WEEKLY schedule rows (one per time block and group of days) for OpenStreetMap hours."""
    if not opening_hours or hours_problem(opening_hours):
        return []
    blocks = {}
    for day in hours.week_schedule(opening_hours, REFERENCE_MONDAY):
        for start, end, _comment in day.intervals:
            blocks.setdefault((start.strftime("%H:%M"), end.strftime("%H:%M")), []).append(DAY_CODES[day.day.weekday()])
    return [
        {
            "id": entity_id("schedule", f"{owner}:{','.join(days)}:{opens}-{closes}"),
            "freq": "WEEKLY",
            "byday": ",".join(days),
            "opens_at": opens,
            "closes_at": closes,
            "description": opening_hours,
            "notes": "opening_hours (OpenStreetMap), heure de Paris",
        }
        for (opens, closes), days in sorted(blocks.items(), key=lambda item: (DAY_CODES.index(item[1][0]), item[0]))
    ]


def opening_hours_from(schedules):
    """Return OpenStreetMap hours built from WEEKLY schedule rows, or None when they cannot say."""
    by_day = {code: [] for code in DAY_CODES}
    for row in schedules:
        if (row.get("freq") or "WEEKLY").upper() != "WEEKLY" or row.get("interval") not in (None, "", 1, "1"):
            return None
        opens, closes = TIME.match(str(row.get("opens_at") or "")), TIME.match(str(row.get("closes_at") or ""))
        days = [day.strip().upper() for day in str(row.get("byday") or "").split(",") if day.strip()]
        if not opens or not closes or not days or any(day not in DAY_CODES for day in days):
            return None
        for day in days:
            by_day[day].append(f"{int(opens.group(1)):02d}:{opens.group(2)}-{int(closes.group(1)):02d}:{closes.group(2)}")
    rules = []
    for code in DAY_CODES:
        times = ",".join(sorted(set(by_day[code])))
        if times and rules and rules[-1][1] == times and DAY_CODES.index(code) == DAY_CODES.index(rules[-1][0][-1]) + 1:
            rules[-1][0].append(code)
        elif times:
            rules.append(([code], times))
    if not rules:
        return None
    text = "; ".join(
        (OSM_DAYS[DAY_CODES.index(days[0])] + ("-" + OSM_DAYS[DAY_CODES.index(days[-1])] if len(days) > 1 else "")) + " " + times
        for days, times in rules
    )
    return None if hours_problem(text) else text


def _location(resource):
    if not resource.address:
        return None
    location_id = entity_id("location", resource.id)
    return _drop_empty(
        {
            "id": location_id,
            "location_type": "physical",
            "name": resource.name,
            "latitude": resource.latitude,
            "longitude": resource.longitude,
            "external_identifier": insee_code(resource.arrondissement),
            "external_identifier_type": "code INSEE de l'arrondissement",
            "addresses": [
                _drop_empty(
                    {
                        "id": entity_id("address", resource.id),
                        "address_1": resource.address,
                        "address_2": resource.address_details,
                        "city": "Paris",
                        "state_province": mappings.hsds()["state_province"],
                        "postal_code": resource.postal_code,
                        "country": "FR",
                        "address_type": "physical",
                    }
                )
            ],
            "accessibility": [{"id": entity_id("accessibility", resource.id), "description": resource.accessibility}]
            if resource.accessibility
            else [],
        }
    )


def organization_for(resource):
    """Return the organization of a resource: the place itself (the directory does not name providers)."""
    return _drop_empty(
        {
            "id": entity_id("organization", resource.id),
            "name": resource.name,
            "description": resource.description,
            "email": resource.email,
            "website": resource.website,
        }
    )


def _last_modified(updated_at):
    if not updated_at:
        return None
    moment = datetime.datetime.fromisoformat(updated_at).astimezone(datetime.UTC)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def list_item_for(resource, updated_at=None):
    """Return the one-to-one fields of a service and its organization (an item of GET /services)."""
    cost_description = resource.cost_details
    return _drop_empty(
        {
            "id": service_id(resource.id),
            "organization_id": entity_id("organization", resource.id),
            "name": resource.name,
            "description": resource.description,
            "url": resource.website,
            "email": resource.email,
            "status": STATUS_OF[resource.status],
            "application_process": ", ".join(taxonomy.ACCESS_LABELS[mode] for mode in resource.access),
            "fees_description": cost_description,
            "eligibility_description": resource.audience,
            "minimum_age": resource.min_age,
            "maximum_age": resource.max_age,
            "assured_date": resource.verified_on.isoformat() if resource.verified_on else None,
            "last_modified": _last_modified(updated_at),
            "organization": organization_for(resource),
        }
    )


def service_for(resource, updated_at=None):
    """Return the fully nested HSDS service of a resource (GET /services/{id}, the JSON export)."""
    service = list_item_for(resource, updated_at)
    sid = service["id"]
    location = _location(resource)
    terms = {term["id"]: term for term in taxonomy_terms()}
    attributes = [
        {
            "id": entity_id("attribute", f"{resource.id}:{term_id}"),
            "link_id": sid,
            "link_entity": "service",
            "link_type": "kind" if terms[term_id]["code"] == resource.kind else "theme",
            "taxonomy_term_id": term_id,
            "taxonomy_term": terms[term_id],
        }
        for term_id in term_ids_of(resource)
    ]
    cost_options = []
    if resource.cost == "free":
        cost_options.append({"id": entity_id("cost", resource.id), "amount": 0, "currency": "EUR", "option": "Gratuit"})
    service.update(
        _drop_empty(
            {
                "phones": [{"id": entity_id("phone", resource.id), "number": resource.phone, "type": "voice"}]
                if resource.phone
                else [],
                "schedules": schedules_for(resource.opening_hours, resource.id),
                "service_areas": [
                    {
                        "id": entity_id("service_area", resource.id),
                        "name": f"Paris {resource.arrondissement}e" if resource.arrondissement else "Paris",
                        "uri": insee_code(resource.arrondissement),
                    }
                ],
                "service_at_locations": [{"id": entity_id("service_at_location", resource.id), "location": location}]
                if location
                else [],
                "languages": [
                    {"id": entity_id("language", f"{resource.id}:{code}"), "code": code} for code in resource.languages
                ],
                "cost_options": cost_options,
                "attributes": attributes,
            }
        )
    )
    return service


def our_ids_by_uuid(known_ids):
    """Return {service UUID: resource id} for the ids we know (our own exports read back)."""
    return {service_id(identifier): identifier for identifier in known_ids}


def _our_id(value, known):
    text = str(value or "").strip().lower()
    return known.get(text) or foreign_id("hsds", text)


def raw_from(service, known=None):
    """Return the values of our fields that a nested HSDS service gives."""
    mapping = mappings.hsds()
    section = mapping["import"]
    known = known or {}
    attributes = [attribute for attribute in service.get("attributes") or [] if isinstance(attribute, dict)]
    terms = [attribute.get("taxonomy_term") or {} for attribute in attributes]
    ours = {entity_id("term", f"kind:{kind.code}"): ("kind", kind.code) for kind in taxonomy.KINDS}
    ours.update({entity_id("term", f"theme:{theme.code}"): ("theme", theme.code) for theme in taxonomy.THEMES})
    found = [
        ours.get(attribute.get("taxonomy_term_id")) or ours.get(term.get("id"))
        for attribute, term in zip(attributes, terms, strict=True)
    ]
    kinds = [code for entry, code in (item for item in found if item) if entry == "kind"]
    themes = [code for entry, code in (item for item in found if item) if entry == "theme"]
    kind = (
        kinds[0]
        if kinds
        else mappings.kind_from_rules(
            section["rules"], section["fallback"], service.get("name"), terms=[term.get("name") for term in terms]
        )
    )
    location, address = {}, {}
    for at_location in service.get("service_at_locations") or []:
        candidate = (at_location or {}).get("location") or {}
        physical = [
            item for item in candidate.get("addresses") or [] if (item or {}).get("address_type", "physical") == "physical"
        ]
        if physical:
            location, address = candidate, physical[0]
            break
    schedules = list(service.get("schedules") or []) or list(location.get("schedules") or [])
    costs = [option for option in service.get("cost_options") or [] if isinstance(option, dict)]
    amounts = [option.get("amount") for option in costs if isinstance(option.get("amount"), (int, float))]
    cost = ("free" if amounts and max(amounts) == 0 else "paid") if amounts else None
    phones = [phone.get("number") for phone in service.get("phones") or [] if isinstance(phone, dict) and phone.get("number")]
    accessibility = [
        item.get("description")
        for item in location.get("accessibility") or []
        if isinstance(item, dict) and item.get("description")
    ]
    languages = [item.get("code") for item in service.get("languages") or [] if isinstance(item, dict) and item.get("code")]
    postal_code = address.get("postal_code")
    place = place_in_paris(postal_code) if postal_code else None
    verified = service.get("assured_date") or (str(service.get("last_modified") or "")[:10] or None)
    organization = service.get("organization") or {}
    return {
        "id": _our_id(service.get("id"), known),
        "name": service.get("name"),
        "kind": kind,
        "status": section["statuses"].get(service.get("status")),
        "themes": [theme for theme in dict.fromkeys(themes) if theme not in taxonomy.themes_for(kind)],
        "address": address.get("address_1"),
        "address_details": address.get("address_2"),
        "postal_code": postal_code,
        "arrondissement": place[1] if place else None,
        "latitude": location.get("latitude"),
        "longitude": location.get("longitude"),
        "phone": phone_from_text(phones[0]) if phones else None,
        "email": service.get("email") or organization.get("email"),
        "website": service.get("url") or organization.get("website"),
        "opening_hours": opening_hours_from(schedules) if schedules else None,
        "audience": service.get("eligibility_description"),
        "min_age": service.get("minimum_age"),
        "max_age": service.get("maximum_age"),
        "cost": cost,
        "cost_details": service.get("fees_description"),
        "languages": list(dict.fromkeys(languages)),
        "accessibility": accessibility[0] if accessibility else None,
        "description": service.get("description") or organization.get("description"),
        "source": service.get("url") or organization.get("website"),
        "verified_on": verified,
    }


def roundtrip(resource):
    """Return what a resource looks like once written as HSDS and read back."""
    return raw_from(service_for(resource), our_ids_by_uuid([resource.id]))


def _candidates(located_services, known, part=None):
    candidates, notices = [], []
    defaults = dict(mappings.hsds().get("new_records", {}))
    for where, service in located_services:
        if not isinstance(service, dict):
            raise FormatError(f"{where.french()} : un objet service est attendu")
        problems = shape_problems(service, SERVICE_SHAPE)
        if problems:
            identifier = _our_id(service["id"], known) if readable_id(service) else None
            candidates.append(Candidate(where, {"id": identifier}, problems=tuple(problems)))
            continue
        raw = raw_from(service, known)
        outside = raw["postal_code"] and raw["arrondissement"] is None and place_in_paris(raw["postal_code"]) is None
        if outside:
            notices.append(Notice(where, raw["id"], OUTSIDE_PARIS))
            continue
        candidates.append(Candidate(where, raw, roundtrip, defaults))
    return candidates, notices


def looks_like(document):
    """Tell whether a parsed JSON document is HSDS: a service, a list of services or a page of them."""
    if isinstance(document, dict):
        return "contents" in document or ("status" in document and "name" in document)
    first = document[0] if isinstance(document, list) and document else None
    return isinstance(first, dict) and "status" in first and "name" in first


def read_json(document, known, part=None):
    """Return (candidates, notices) of an HSDS JSON document: one service, a list, or a page {"contents": [...]}."""
    if isinstance(document, dict) and "contents" in document:
        document = document["contents"]
    services = document if isinstance(document, list) else [document]
    return _candidates(
        [(Where(number, "enregistrement", part), service) for number, service in enumerate(services, 1)], known, part
    )


def _datapackage():
    with open(DATAPACKAGE, encoding="utf-8") as stream:
        return json.load(stream)


def table_columns():
    """Return {file name: [columns]} of every table of the HSDS datapackage."""
    return {
        resource["path"]: [field["name"] for field in resource["schema"]["fields"]] for resource in _datapackage()["resources"]
    }


def _rows(text):
    reader = csv.DictReader(io.StringIO(text, newline=""))
    return [(reader.line_num, {key: (value if value != "" else None) for key, value in row.items() if key}) for row in reader]


def _number(text, kind=float):
    """Return the number a CSV cell holds, or the cell as it is (the record check then names the field)."""
    if text is None:
        return None
    try:
        return kind(float(text))
    except (ValueError, OverflowError):
        return text


def read_datapackage(tables, known):
    """Return (candidates, notices) from the CSV tables of a datapackage ({file name: text}), services nested back."""
    if "services.csv" not in tables:
        raise FormatError("le paquet n'a pas de services.csv")
    rows = {name: _rows(text) for name, text in tables.items() if name.endswith(".csv")}

    def by(name, key):
        grouped = {}
        for _line, row in rows.get(name, []):
            grouped.setdefault(row.get(key), []).append(row)
        return grouped

    organizations = {row.get("id"): row for _line, row in rows.get("organizations.csv", [])}
    locations = {row.get("id"): row for _line, row in rows.get("locations.csv", [])}
    terms = {row.get("id"): row for _line, row in rows.get("taxonomy_terms.csv", [])}
    addresses, accessibility = by("addresses.csv", "location_id"), by("accessibility.csv", "location_id")
    schedules_of_service, schedules_of_location = by("schedules.csv", "service_id"), by("schedules.csv", "location_id")
    phones, languages, costs = (
        by("phones.csv", "service_id"),
        by("languages.csv", "service_id"),
        by("cost_options.csv", "service_id"),
    )
    at_locations = by("service_at_location.csv", "service_id")
    attributes = by("attributes.csv", "link_id")
    located = []
    for line, row in rows["services.csv"]:
        service = dict(row)
        identifier = row.get("id")
        for name in ("minimum_age", "maximum_age"):
            service[name] = _number(service.get(name), int)
        service["organization"] = organizations.get(row.get("organization_id")) or {}
        service["phones"] = phones.get(identifier, [])
        service["schedules"] = schedules_of_service.get(identifier, [])
        service["languages"] = languages.get(identifier, [])
        service["cost_options"] = [dict(option, amount=_number(option.get("amount"))) for option in costs.get(identifier, [])]
        service["attributes"] = [
            dict(attribute, taxonomy_term=terms.get(attribute.get("taxonomy_term_id")))
            for attribute in attributes.get(identifier, [])
        ]
        service["service_at_locations"] = []
        for link in at_locations.get(identifier, []):
            location = dict(locations.get(link.get("location_id")) or {})
            for name in ("latitude", "longitude"):
                location[name] = _number(location.get(name))
            location["addresses"] = addresses.get(location.get("id"), [])
            location["accessibility"] = accessibility.get(location.get("id"), [])
            location["schedules"] = schedules_of_location.get(location.get("id"), [])
            service["service_at_locations"].append({"id": link.get("id"), "location": location})
        located.append((Where(line, "ligne", "services.csv"), service))
    return _candidates(located, known)


def _csv_text(columns, records):
    stream = io.StringIO()
    writer = csv.DictWriter(stream, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for record in records:
        writer.writerow({name: "" if record.get(name) is None else record.get(name) for name in columns})
    return stream.getvalue()


def datapackage_tables(resources, updated_at_of=None):
    """Return {file name: text} of the datapackage: datapackage.json and one CSV per HSDS table."""
    updated_at_of = updated_at_of or (lambda _resource: None)
    tables = {path: [] for path in table_columns()}
    used_terms = set()
    for resource in resources:
        service = service_for(resource, updated_at_of(resource))
        sid = service["id"]
        tables["organizations.csv"].append(service["organization"])
        tables["services.csv"].append(service)
        tables["phones.csv"] += [dict(phone, service_id=sid) for phone in service.get("phones", [])]
        tables["schedules.csv"] += [dict(schedule, service_id=sid) for schedule in service.get("schedules", [])]
        tables["service_areas.csv"] += [dict(area, service_id=sid) for area in service.get("service_areas", [])]
        tables["languages.csv"] += [dict(language, service_id=sid) for language in service.get("languages", [])]
        tables["cost_options.csv"] += [dict(option, service_id=sid) for option in service.get("cost_options", [])]
        for attribute in service.get("attributes", []):
            tables["attributes.csv"].append(attribute)
            used_terms.add(attribute["taxonomy_term_id"])
        for link in service.get("service_at_locations", []):
            location = link["location"]
            tables["service_at_location.csv"].append({"id": link["id"], "service_id": sid, "location_id": location["id"]})
            tables["locations.csv"].append(location)
            tables["addresses.csv"] += [dict(address, location_id=location["id"]) for address in location.get("addresses", [])]
            tables["accessibility.csv"] += [dict(item, location_id=location["id"]) for item in location.get("accessibility", [])]
    # HSDS: a package "shouldn't contain any unused taxonomy terms".
    tables["taxonomy_terms.csv"] = [term for term in taxonomy_terms() if term["id"] in used_terms]
    tables["taxonomies.csv"] = [taxonomy_object()] if used_terms else []
    texts = {path: _csv_text(columns, tables[path]) for path, columns in table_columns().items()}
    texts["datapackage.json"] = DATAPACKAGE.read_text(encoding="utf-8")
    return texts


def write_zip(tables, stream):
    """Write the datapackage's files into a zip archive."""
    with zipfile.ZipFile(stream, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, text in tables.items():
            archive.writestr(name, text)
