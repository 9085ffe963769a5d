"""data·inclusion v1: structures and services, written and read (schema package 1.0.8).

Each resource is written as one structure and one service with the same id,
"<source>--<resource id>"; the vocabulary comes from data/mappings/datainclusion.yaml.
Reading takes a JSON object {"structures": [...], "services": [...]} or a list of either.
"""

import json

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
from directory.formats.batch import phone_to_e164
from directory.formats.batch import place_in_paris
from directory.formats.batch import readable_id
from directory.formats.batch import shape_problems
from directory.taxonomy import N_
from directory.validation import Problem

PARIS_ZONE = ["75056"]  # the services of the directory are for the families of Paris
# The JSON types `raw_from` reads (batch.shape_problems); anything else is a problem of the record.
PLACE_SHAPE = {
    "id": SCALAR,
    "adresse": TEXT,
    "complement_adresse": TEXT,
    "code_postal": SCALAR,
    "code_insee": SCALAR,
    "latitude": NUMBER,
    "longitude": NUMBER,
    "telephone": SCALAR,
    "courriel": TEXT,
    "horaires_accueil": TEXT,
    "description": TEXT,
    "lien_source": TEXT,
    "date_maj": TEXT,
}
STRUCTURE_SHAPE = {**PLACE_SHAPE, "reseaux_porteurs": [TEXT], "site_web": TEXT}
SERVICE_SHAPE = {
    **PLACE_SHAPE,
    "structure_id": SCALAR,
    "nom": TEXT,
    "thematiques": [TEXT],
    "publics": [TEXT],
    "publics_precisions": TEXT,
    "frais": TEXT,
    "frais_precisions": TEXT,
    "modes_mobilisation": [TEXT],
    "mobilisable_par": [TEXT],
    "lien_mobilisation": TEXT,
    "zone_eligibilite": [SCALAR],
}


class FormatError(ValueError):
    """The JSON is not data·inclusion structures and services."""


def _drop_empty(values):
    return {name: value for name, value in values.items() if value not in (None, "", [])}


def _unique(items):
    return list(dict.fromkeys(items))


def record_id(resource, mapping=None):
    """Return the data·inclusion id of a resource: "<source>--<id>"."""
    return f"{(mapping or mappings.datainclusion())['source']}--{resource.id}"


def _place_and_contact(resource):
    """Return the fields that a structure and a service both have: where it is, how to reach it."""
    return {
        "commune": "Paris",
        "code_postal": resource.postal_code,
        "code_insee": insee_code(resource.arrondissement),
        "adresse": resource.address,
        "complement_adresse": resource.address_details,
        "longitude": resource.longitude,
        "latitude": resource.latitude,
        "telephone": phone_to_e164(resource.phone),
        "courriel": resource.email,
    }


def structure_for(resource, page_url=None):
    """Return the data·inclusion structure of a resource."""
    mapping = mappings.datainclusion()
    kind = mapping["kinds"][resource.kind]
    return _drop_empty(
        {
            "source": mapping["source"],
            "id": record_id(resource, mapping),
            "nom": resource.name,
            "date_maj": resource.verified_on.isoformat(),
            "description": resource.description if len(resource.description) >= 5 else None,
            "lien_source": page_url,
            **_place_and_contact(resource),
            "site_web": resource.website,
            "horaires_accueil": resource.opening_hours,
            "reseaux_porteurs": _unique(kind.get("reseaux_porteurs", [])),
        }
    )


def _mobilisation(resource):
    modes = []
    for mode in resource.access:
        if mode == "walk_in":
            modes.append("se-presenter")
        elif mode in ("phone", "appointment") and resource.phone:
            modes.append("telephoner")
        elif mode == "appointment" and resource.email:
            modes.append("envoyer-un-courriel")
        elif mode == "online" and resource.website:
            modes.append("utiliser-lien-mobilisation")
    return _unique(modes)


def service_for(resource, page_url=None):
    """Return the data·inclusion service of a resource."""
    mapping = mappings.datainclusion()
    kind = mapping["kinds"][resource.kind]
    thematiques = list(kind.get("thematiques", []))
    publics = list(kind.get("publics", []))
    for theme in resource.themes:
        thematiques += mapping["themes"].get(theme, {}).get("thematiques", [])
        publics += mapping["themes"].get(theme, {}).get("publics", [])
    publics = _unique(publics)
    if "tous-publics" in publics and len(publics) > 1:  # the schema wants it alone
        publics.remove("tous-publics")
    cost_details = resource.cost_details
    if resource.cost == "income_based" and not cost_details:
        cost_details = "Tarif selon les revenus."
    modes = _mobilisation(resource)
    reception = ["a-distance"] if resource.is_remote else ["en-presentiel"]
    if not resource.is_remote and {"phone", "online"} & set(resource.access):
        reception.append("a-distance")
    return _drop_empty(
        {
            "source": mapping["source"],
            "structure_id": record_id(resource, mapping),
            "id": record_id(resource, mapping),
            "nom": resource.name,
            "description": resource.description,
            "date_maj": resource.verified_on.isoformat(),
            "lien_source": page_url,
            "type": kind.get("type"),
            "thematiques": _unique(thematiques),
            "frais": {"free": "gratuit", "paid": "payant", "income_based": "payant"}.get(resource.cost),
            "frais_precisions": cost_details,
            "publics": publics,
            "publics_precisions": resource.audience,
            **_place_and_contact(resource),
            "modes_accueil": reception,
            "zone_eligibilite": PARIS_ZONE,
            "lien_mobilisation": resource.website if "utiliser-lien-mobilisation" in modes else None,
            "modes_mobilisation": modes,
            "mobilisable_par": ["professionnels"] if resource.access == ["referral"] else ["usagers", "professionnels"],
            "horaires_accueil": resource.opening_hours,
        }
    )


def export_document(resources, page_url_of=None):
    """Return {"structures": [...], "services": [...]} for resources; page_url_of(resource) gives lien_source."""
    page_url_of = page_url_of or (lambda _resource: None)
    return {
        "structures": [structure_for(resource, page_url_of(resource)) for resource in resources],
        "services": [service_for(resource, page_url_of(resource)) for resource in resources],
    }


def our_id(external_id, mapping=None):
    """Return the resource id of a data·inclusion id: ours back when it is ours, else a derived one."""
    prefix = f"{(mapping or mappings.datainclusion())['source']}--"
    text = str(external_id)
    if text.startswith(prefix):
        return text[len(prefix) :]
    return foreign_id("di", text)


def _themes(thematiques, publics, kind, section):
    found = []
    for value in thematiques:
        for key, theme in section["themes_from"]["thematiques"].items():
            if value == key or (key.endswith("--") and value.startswith(key)):
                found.append(theme)
                break
    found += [section["themes_from"]["publics"][public] for public in publics if public in section["themes_from"]["publics"]]
    defaults = taxonomy.themes_for(kind)
    return [theme for theme in _unique(found) if theme not in defaults]


def raw_from(service, structure=None):
    """Return the values of our fields that a data·inclusion service (and its structure) gives."""
    mapping = mappings.datainclusion()
    section = mapping["import"]
    structure = structure or {}

    def either(name):
        value = service.get(name)
        return value if value not in (None, "", []) else structure.get(name)

    thematiques = list(service.get("thematiques") or [])
    publics = list(service.get("publics") or [])
    reseaux = list(structure.get("reseaux_porteurs") or [])
    kind = mappings.kind_from_rules(section["rules"], section["fallback"], service.get("nom"), thematiques, reseaux)
    place = place_in_paris(either("code_postal"), either("code_insee"), service.get("zone_eligibilite"))
    access = [
        section["modes_mobilisation"][mode]
        for mode in service.get("modes_mobilisation") or []
        if mode in section["modes_mobilisation"]
    ]
    if service.get("mobilisable_par") == ["professionnels"]:
        access = ["referral"]
    cost = section["frais"].get(service.get("frais"))
    address = either("adresse")
    return {
        "id": our_id(service.get("id"), mapping),
        "name": service.get("nom"),
        "kind": kind,
        "themes": _themes(thematiques, publics, kind, section),
        "address": address,
        "address_details": either("complement_adresse"),
        "postal_code": either("code_postal"),
        "arrondissement": place[1] if place else None,
        "latitude": either("latitude"),
        "longitude": either("longitude"),
        "phone": phone_from_text(either("telephone")),
        "email": either("courriel"),
        "website": structure.get("site_web") or service.get("lien_mobilisation"),
        "opening_hours": either("horaires_accueil"),
        "audience": service.get("publics_precisions"),
        "cost": cost,
        "cost_details": None
        if service.get("frais_precisions") == "Tarif selon les revenus."
        else service.get("frais_precisions"),
        "access": _unique(access),
        "description": service.get("description") or structure.get("description"),
        "source": service.get("lien_source") or structure.get("lien_source"),
        "verified_on": service.get("date_maj") or structure.get("date_maj"),
    }


def roundtrip(resource):
    """Return what a resource looks like once written as data·inclusion and read back."""
    return raw_from(service_for(resource), structure_for(resource))


def _records(document, part):
    """Return (structures, services) of a JSON document, each as [(Where, record)]."""
    structures, services = [], []
    if isinstance(document, dict) and ("structures" in document or "services" in document):
        for key, target in (("structures", structures), ("services", services)):
            items = document.get(key) or []
            if not isinstance(items, list):
                raise FormatError(f"« {key} » doit être une liste")
            target.extend(
                (Where(number, "enregistrement", f"{part} · {key}" if part else key), item)
                for number, item in enumerate(items, 1)
            )
        return structures, services
    if isinstance(document, list):
        for number, item in enumerate(document, 1):
            where = Where(number, "enregistrement", part)
            (services if isinstance(item, dict) and "structure_id" in item else structures).append((where, item))
        return structures, services
    raise FormatError('un objet {"structures": [...], "services": [...]} ou une liste est attendu')


def looks_like(document):
    """Tell whether a parsed JSON document is data·inclusion (rather than HSDS)."""
    if isinstance(document, dict):
        return "structures" in document or ("services" in document and "contents" not in document)
    first = document[0] if isinstance(document, list) and document else None
    return isinstance(first, dict) and ("nom" in first or "structure_id" in first)


def read(documents):
    """Return (candidates, notices) from [(file name, parsed JSON)], services joined to their structures."""
    structures, services = [], []
    for part, document in documents:
        found_structures, found_services = _records(document, part if len(documents) > 1 else None)
        structures += found_structures
        services += found_services
    by_id = {item.get("id"): item for _where, item in structures if readable_id(item)}
    used = set()
    candidates, notices = [], []
    defaults = dict(mappings.datainclusion().get("new_records", {}))
    for where, service in services:
        if not isinstance(service, dict):
            raise FormatError(f"{where.french()} : un objet JSON est attendu")
        identifier = our_id(service["id"]) if readable_id(service) else None
        problems = shape_problems(service, SERVICE_SHAPE)
        if problems:
            candidates.append(Candidate(where, {"id": identifier}, problems=tuple(problems)))
            continue
        structure = by_id.get(service.get("structure_id"))
        used.add(service.get("structure_id"))
        if structure is None and structures:
            problem = Problem("structure_id", N_("Structure inconnue : « %(value)s »."), {"value": service.get("structure_id")})
            candidates.append(Candidate(where, {"id": identifier}, problems=(problem,)))
            continue
        problems = shape_problems(structure, STRUCTURE_SHAPE, "structure")
        if problems:
            candidates.append(Candidate(where, {"id": identifier}, problems=tuple(problems)))
            continue
        raw = raw_from(service, structure)
        if (
            raw["arrondissement"] is None
            and place_in_paris(raw["postal_code"], service.get("code_insee"), service.get("zone_eligibilite")) is None
        ):
            notices.append(Notice(where, raw["id"], OUTSIDE_PARIS))
            continue
        candidates.append(Candidate(where, raw, roundtrip, defaults))
    for where, structure in structures:
        if readable_id(structure) and structure["id"] not in used:
            notices.append(Notice(where, None, N_("Structure sans service : rien à importer."), {}))
    return candidates, notices


def dumps(document):
    """Return the JSON text of an export."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
