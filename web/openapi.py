"""The OpenAPI 3.0 description of every public API route, built from the code's own lists.

Kinds, themes, statuses and the situation's fields come from where they are defined, so the
description cannot drift from what the routes accept. Served at GET /api/openapi.json.
"""

from flask import Blueprint
from flask import jsonify
from flask import request

from directory import taxonomy
from directory.formats import hsds
from orientation import situation
from search import params as search_params
from web.languages import LANGUAGES

bp = Blueprint("api_docs", __name__)

OPENAPI_VERSION = "3.0.3"
API_VERSION = "1.1.0"  # of this description: /api/v1 and /api/hsds


def _nullable(schema):
    values = dict(schema, nullable=True)
    if "enum" in values:
        values["enum"] = [*values["enum"], None]
    return values


STRING = {"type": "string"}
NULLABLE_STRING = _nullable(STRING)
NULLABLE_INTEGER = {"type": "integer", "nullable": True}
ERROR = {
    "type": "object",
    "required": ["error"],
    "properties": {"error": STRING, "field": NULLABLE_STRING},
}
KIND = {"type": "string", "enum": [kind.code for kind in taxonomy.KINDS]}
THEME = {"type": "string", "enum": [theme.code for theme in taxonomy.THEMES]}
FLAG_WORDS = [*search_params.TRUE_WORDS, *search_params.FALSE_WORDS]
LANG_PARAMETER = {
    "name": "lang",
    "in": "query",
    "required": False,
    "description": "Langue des textes de la réponse (code de /api/v1/languages) ; sinon Accept-Language, puis le français.",
    "schema": STRING,
}


def _json(description, schema):
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _array_parameter(name, items, description):
    return {
        "name": name,
        "in": "query",
        "required": False,
        "style": "form",
        "explode": True,
        "description": description,
        "schema": {"type": "array", "items": items},
    }


def _integer_parameter(name, high, description):
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": {"type": "integer", "minimum": 1, "maximum": high},
    }


RESOURCE = {
    "type": "object",
    "required": ["id", "name", "kind", "themes", "status", "description", "source", "url"],
    "properties": {
        "id": STRING,
        "name": STRING,
        "kind": KIND,
        "themes": {"type": "array", "items": THEME},
        "status": {"type": "string", "enum": list(taxonomy.STATUSES)},
        "arrondissement": _nullable({"type": "integer", "minimum": 1, "maximum": 20}),
        "address": NULLABLE_STRING,
        "postal_code": NULLABLE_STRING,
        "latitude": {"type": "number", "nullable": True},
        "longitude": {"type": "number", "nullable": True},
        "phone": NULLABLE_STRING,
        "email": NULLABLE_STRING,
        "website": NULLABLE_STRING,
        "opening_hours": _nullable({"type": "string", "description": "Syntaxe OpenStreetMap opening_hours."}),
        "open_now": {"type": "boolean", "nullable": True},
        "audience": NULLABLE_STRING,
        "min_age": NULLABLE_INTEGER,
        "max_age": NULLABLE_INTEGER,
        "cost": _nullable({"type": "string", "enum": list(taxonomy.COSTS)}),
        "cost_details": NULLABLE_STRING,
        "access": {"type": "array", "items": {"type": "string", "enum": list(taxonomy.ACCESS_MODES)}},
        "languages": {"type": "array", "items": STRING},
        "accessibility": NULLABLE_STRING,
        "description": STRING,
        "source": STRING,
        "verified_on": _nullable({"type": "string", "format": "date"}),
        "kind_label": STRING,
        "address_details": NULLABLE_STRING,
        "hours_details": NULLABLE_STRING,
        "descriptions": {"type": "object", "additionalProperties": STRING},
        "other_sources": {"type": "array", "items": STRING},
        "source_date": _nullable({"type": "string", "format": "date"}),
        "confidence": {"type": "string", "enum": list(taxonomy.CONFIDENCES)},
        "needs_check": {"type": "boolean"},
        "url": STRING,
    },
}


def _situation_property(spec):
    if spec.type == "bool":
        return {"type": "boolean", "nullable": True}
    if spec.type == "int":
        return {"type": "integer", "minimum": spec.low, "maximum": spec.high, "nullable": True}
    if spec.type == "ages":
        age = {"type": "integer", "minimum": spec.low, "maximum": spec.high}
        return {"type": "array", "items": age, "maxItems": situation.MAX_CHILDREN, "nullable": True}
    if spec.type == "language":
        return {"type": "string", "pattern": situation.LANGUAGE_TAG.pattern, "nullable": True}
    return _nullable({"type": "string", "enum": list(spec.choices)})


SITUATION = {
    "type": "object",
    "additionalProperties": False,
    "description": "La situation de la famille : les champs ci-dessous, tous facultatifs ; un champ absent ou null est inconnu.",
    "properties": {name: _situation_property(spec) for name, spec in situation.FIELDS.items()},
}
PLACE = {
    "type": "object",
    "required": ["id", "name", "kind", "url"],
    "properties": {
        "id": STRING,
        "name": STRING,
        "kind": KIND,
        "arrondissement": NULLABLE_INTEGER,
        "address": NULLABLE_STRING,
        "postal_code": NULLABLE_STRING,
        "phone": NULLABLE_STRING,
        "url": STRING,
        "where": STRING,
        "needs_check": {"type": "boolean"},
    },
}
RECOMMENDATION = {
    "type": "object",
    "required": ["kind", "reasons", "check", "resources"],
    "properties": {
        "kind": KIND,
        "priority": {"type": "integer", "minimum": 1},
        "label": STRING,
        "what": STRING,
        "reasons": {"type": "array", "items": STRING},
        "check": {"type": "array", "items": STRING},
        "cost": _nullable({"type": "string", "enum": list(taxonomy.COSTS)}),
        "free": {"type": "boolean", "nullable": True},
        "how_to_go": STRING,
        "resources": {"type": "array", "items": PLACE},
    },
}
HSDS_ORGANIZATION = {
    "type": "object",
    "required": ["id", "name", "description"],
    "properties": {
        "id": {"type": "string", "format": "uuid"},
        "name": STRING,
        "description": STRING,
        "email": STRING,
        "website": STRING,
    },
}
HSDS_SERVICE_ITEM = {
    "type": "object",
    "required": ["id", "organization_id", "name", "status"],
    "properties": {
        "id": {"type": "string", "format": "uuid"},
        "organization_id": {"type": "string", "format": "uuid"},
        "name": STRING,
        "description": STRING,
        "url": STRING,
        "email": STRING,
        "status": {"type": "string", "enum": sorted(set(hsds.STATUS_OF.values()))},
        "application_process": STRING,
        "fees_description": STRING,
        "eligibility_description": STRING,
        "minimum_age": {"type": "number"},
        "maximum_age": {"type": "number"},
        "assured_date": {"type": "string", "format": "date"},
        "last_modified": {"type": "string", "format": "date-time"},
        "organization": HSDS_ORGANIZATION,
    },
}
_ID_OBJECT = {"type": "object", "required": ["id"], "properties": {"id": {"type": "string", "format": "uuid"}}}
HSDS_SERVICE = {
    "type": "object",
    "required": HSDS_SERVICE_ITEM["required"],
    "description": "Un service HSDS 3.0 complet (schéma officiel : schema/compiled/service.json de la spécification).",
    "properties": dict(
        HSDS_SERVICE_ITEM["properties"],
        **{
            name: {"type": "array", "items": _ID_OBJECT}
            for name in (
                "phones",
                "schedules",
                "service_areas",
                "service_at_locations",
                "languages",
                "cost_options",
                "attributes",
            )
        },
    ),
}
PAGE = {
    "type": "object",
    "required": ["total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents"],
    "properties": {
        "total_items": {"type": "integer", "minimum": 0},
        "total_pages": {"type": "integer", "minimum": 1},
        "page_number": {"type": "integer", "minimum": 1},
        "size": {"type": "integer", "minimum": 1, "description": "Le nombre d'éléments demandé par page (per_page)."},
        "first_page": {"type": "boolean"},
        "last_page": {"type": "boolean"},
        "empty": {"type": "boolean"},
        "contents": {"type": "array", "items": HSDS_SERVICE_ITEM},
    },
}


def openapi_document(server_url):
    """Return the OpenAPI description of the public API, served from server_url."""
    language_codes = [language.code for language in LANGUAGES]
    return {
        "openapi": OPENAPI_VERSION,
        "info": {
            "title": "Repères familles",
            "version": API_VERSION,
            "description": "Annuaire parisien des services aux familles : recherche, fiches, orientation, et lecture au format Open Referral HSDS 3.0. Les réponses GET sont ouvertes aux autres sites (CORS).",
            "license": {"name": "AGPL-3.0-or-later"},
        },
        "servers": [{"url": server_url}],
        "paths": {
            "/healthz": {
                "get": {
                    "operationId": "health",
                    "summary": "La base et l'index de recherche répondent-ils ?",
                    "responses": {
                        "200": _json(
                            "En état de marche.",
                            {
                                "type": "object",
                                "required": ["status", "resources", "indexed"],
                                "properties": {
                                    "status": {"type": "string", "enum": ["ok"]},
                                    "resources": {"type": "integer"},
                                    "indexed": {"type": "integer"},
                                },
                            },
                        ),
                        "503": _json(
                            "La base ou l'index ne répond pas.",
                            {
                                "type": "object",
                                "required": ["status", "error"],
                                "properties": {"status": {"type": "string", "enum": ["error"]}, "error": STRING},
                            },
                        ),
                    },
                }
            },
            "/api/v1/languages": {
                "get": {
                    "operationId": "languages",
                    "summary": "Les langues de l'interface.",
                    "responses": {
                        "200": _json(
                            "Les langues, nommées dans leur propre langue.",
                            {
                                "type": "array",
                                "items": {
                                    "type": "object",
                                    "required": ["code", "name", "dir"],
                                    "properties": {
                                        "code": {"type": "string", "enum": language_codes},
                                        "name": STRING,
                                        "dir": {"type": "string", "enum": ["ltr", "rtl"]},
                                    },
                                },
                            },
                        )
                    },
                }
            },
            "/api/v1/search": {
                "get": {
                    "operationId": "search",
                    "summary": "Chercher dans l'annuaire ; les filtres se combinent.",
                    "parameters": [
                        {
                            "name": "q",
                            "in": "query",
                            "required": False,
                            "description": "Texte libre, quel qu'il soit.",
                            "schema": STRING,
                        },
                        _array_parameter(
                            "arrondissement", {"type": "integer", "minimum": 1, "maximum": 20}, "Arrondissement(s), 1 à 20."
                        ),
                        _array_parameter("theme", THEME, "Thème(s)."),
                        _array_parameter("kind", KIND, "Type(s) de service."),
                        _array_parameter(
                            "language",
                            {"type": "string", "pattern": "^[A-Za-z]{2,3}$"},
                            "Langue(s) parlée(s) sur place, code ISO 639.",
                        ),
                        {
                            "name": "free",
                            "in": "query",
                            "required": False,
                            "description": "Seulement les services gratuits.",
                            "schema": {"type": "string", "enum": FLAG_WORDS},
                        },
                        {
                            "name": "open_now",
                            "in": "query",
                            "required": False,
                            "description": "Seulement les lieux ouverts maintenant.",
                            "schema": {"type": "string", "enum": FLAG_WORDS},
                        },
                        {
                            "name": "neighbours",
                            "in": "query",
                            "required": False,
                            "description": "Ajouter aux arrondissements demandés leurs voisins.",
                            "schema": {"type": "string", "enum": FLAG_WORDS},
                        },
                        {
                            "name": "age",
                            "in": "query",
                            "required": False,
                            "description": f"Âge d'un enfant en années (0 à {search_params.MAX_AGE}), ou deux âges comme 3-5.",
                            "schema": {"type": "string", "pattern": "^[0-9]{1,2}(-[0-9]{1,2})?$"},
                        },
                        _integer_parameter("page", search_params.MAX_PAGE, "Page, à partir de 1."),
                        _integer_parameter("per_page", search_params.MAX_PER_PAGE, "Résultats par page."),
                        LANG_PARAMETER,
                    ],
                    "responses": {
                        "200": _json(
                            "Les résultats de la page demandée.",
                            {
                                "type": "object",
                                "required": ["total", "page", "results", "suggestion"],
                                "properties": {
                                    "total": {"type": "integer", "minimum": 0},
                                    "page": {"type": "integer", "minimum": 1},
                                    "results": {
                                        "type": "array",
                                        "items": {
                                            "type": "object",
                                            "required": [
                                                "id",
                                                "name",
                                                "kind",
                                                "themes",
                                                "arrondissement",
                                                "address",
                                                "url",
                                                "score",
                                            ],
                                            "properties": {
                                                "id": STRING,
                                                "name": STRING,
                                                "kind": KIND,
                                                "themes": {"type": "array", "items": THEME},
                                                "arrondissement": NULLABLE_INTEGER,
                                                "address": NULLABLE_STRING,
                                                "url": STRING,
                                                "score": {"type": "number"},
                                            },
                                        },
                                    },
                                    "suggestion": NULLABLE_STRING,
                                },
                            },
                        ),
                        "400": _json("Une valeur de filtre invalide : `field` la nomme.", ERROR),
                    },
                }
            },
            "/api/v1/resources/{resource_id}": {
                "get": {
                    "operationId": "resource",
                    "summary": "Une fiche avec tous ses champs publics.",
                    "parameters": [{"name": "resource_id", "in": "path", "required": True, "schema": STRING}, LANG_PARAMETER],
                    "responses": {"200": _json("La fiche.", RESOURCE), "404": _json("Aucune fiche n'a cet identifiant.", ERROR)},
                }
            },
            "/api/v1/orientation": {
                "post": {
                    "operationId": "orientation",
                    "summary": "Les recommandations pour une situation : aide urgente d'abord, puis les services proposés avec leurs raisons et des lieux.",
                    "parameters": [LANG_PARAMETER],
                    "requestBody": {"required": True, "content": {"application/json": {"schema": SITUATION}}},
                    "responses": {
                        "200": _json(
                            "Les recommandations, la plus utile d'abord, et l'aide urgente.",
                            {
                                "type": "object",
                                "required": ["recommendations", "urgent"],
                                "properties": {
                                    "recommendations": {"type": "array", "items": RECOMMENDATION},
                                    "urgent": {"type": "array", "items": RECOMMENDATION},
                                },
                            },
                        ),
                        "400": _json("Un corps illisible, un champ inconnu, un mauvais type ou une valeur hors limites.", ERROR),
                    },
                }
            },
            "/api/hsds/": {
                "get": {
                    "operationId": "hsdsAbout",
                    "summary": "La version HSDS de cette API et son profil.",
                    "responses": {
                        "200": _json(
                            "Version, profil et adresse de cette description.",
                            {
                                "type": "object",
                                "required": ["version", "profile", "openapi_url"],
                                "properties": {
                                    "version": {"type": "string", "enum": [hsds.VERSION]},
                                    "profile": STRING,
                                    "openapi_url": STRING,
                                },
                            },
                        )
                    },
                }
            },
            "/api/hsds/services": {
                "get": {
                    "operationId": "hsdsServices",
                    "summary": "Une page de services HSDS ; les filtres se combinent (ET).",
                    "parameters": [
                        {
                            "name": "search",
                            "in": "query",
                            "required": False,
                            "description": "Recherche en texte libre.",
                            "schema": STRING,
                        },
                        {
                            "name": "taxonomy_term_id",
                            "in": "query",
                            "required": False,
                            "description": "Un terme de notre taxonomie (son id ou son code : type de service ou thème). Un terme inconnu ne donne rien.",
                            "schema": STRING,
                        },
                        {
                            "name": "modified_after",
                            "in": "query",
                            "required": False,
                            "description": "Seulement les services modifiés à cette date et heure ou après (RFC 3339 ; une date seule vaut minuit UTC).",
                            "schema": {"type": "string", "format": "date-time"},
                        },
                        _integer_parameter("page", 10_000, "Page, à partir de 1."),
                        _integer_parameter("per_page", 100, "Services par page (50 par défaut)."),
                    ],
                    "responses": {
                        "200": _json("Une page de services.", PAGE),
                        "400": _json("Un paramètre invalide : `field` le nomme.", ERROR),
                    },
                }
            },
            "/api/hsds/services/{service_id}": {
                "get": {
                    "operationId": "hsdsService",
                    "summary": "Un service HSDS complet.",
                    "parameters": [
                        {
                            "name": "service_id",
                            "in": "path",
                            "required": True,
                            "description": "L'UUID HSDS du service, ou l'identifiant de la fiche.",
                            "schema": STRING,
                        }
                    ],
                    "responses": {
                        "200": _json("Le service.", HSDS_SERVICE),
                        "404": _json("Aucun service n'a cet identifiant.", ERROR),
                    },
                }
            },
            "/api/openapi.json": {
                "get": {
                    "operationId": "openapi",
                    "summary": "Cette description.",
                    "responses": {
                        "200": _json("La description OpenAPI 3.0.", {"type": "object", "required": ["openapi", "paths"]})
                    },
                }
            },
        },
    }


@bp.get("/api/openapi.json")
def openapi():
    """Serve the OpenAPI description of the public API."""
    return jsonify(openapi_document(request.host_url.rstrip("/")))
