"""POST /api/v1/orientation: a situation in, the recommendations out (CONTRACTS §4).

The same data as the results page, in JSON, in the language of `?lang=` or Accept-Language.
A malformed body, an unknown field, a wrong type or an out-of-range value answers 400
`{"error", "field"}` (field is null when the body as a whole is wrong).
"""

import json

from flask import Blueprint
from flask import jsonify
from flask import request

from directory.db import get_db
from directory.hours import now_in_paris
from directory.taxonomy import N_
from directory.validation import Problem
from orientation.display import orientation_json
from orientation.display import problem_message
from orientation.results import orient
from orientation.situation import SituationError
from orientation.situation import parse_situation

bp = Blueprint("orientation_api", __name__, url_prefix="/api/v1")

MAX_BODY_BYTES = 16_384  # a situation is a few hundred bytes; more is not a situation


def read_json_body(data):
    """Return the JSON value of a request body, or raise SituationError."""
    if len(data) > MAX_BODY_BYTES:
        raise SituationError(
            Problem(None, N_("Le corps de la requête est trop long (%(limit)s octets au plus)."), {"limit": MAX_BODY_BYTES})
        )
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise SituationError(Problem(None, N_("Le corps de la requête n'est pas du JSON valide."))) from error


def situation_error(error):
    """Return the 400 JSON answer of a situation that cannot be read."""
    return jsonify(error=problem_message(error.problem), field=error.problem.field), 400


@bp.post("/orientation")
def orientation():
    """Return the recommendations for a situation; 400 JSON when the situation cannot be read."""
    try:
        # Read one byte more than allowed, never the whole of an oversized body.
        situation = parse_situation(read_json_body(request.stream.read(MAX_BODY_BYTES + 1)))
    except SituationError as error:
        return situation_error(error)
    today = now_in_paris().date()
    return jsonify(orientation_json(orient(situation, get_db(), today), today))
