"""Schemathesis: every operation of /api/openapi.json, called in-process through WSGI, a bounded run.

Each answer must not be a 5xx and must conform to the document: a documented status code
and content type, and a body valid against the schema of that status. Requests are drawn
both from the document (positive) and against it (negative: wrong types, values out of
range). A failure means the app or the document is wrong.

The operations are drawn with Schemathesis's Hypothesis strategies inside one test rather
than through its pytest plugin, whose fixture-based loading does not work with pytest 9.
"""

import pytest
import schemathesis
from hypothesis import given
from hypothesis import settings
from schemathesis import GenerationMode
from schemathesis import checks

pytestmark = pytest.mark.fuzz

CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_schema_conformance,
]
EXAMPLES_PER_OPERATION = 20  # per mode: about 400 calls in all


def can_be_sent_wrong(operation):
    """Tell whether a request can break the document: a body, or a parameter that is more than any text."""
    return bool(operation.body) or any(
        parameter.definition.get("schema") != {"type": "string"} for parameter in operation.iter_parameters()
    )


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=["positive", "negative"])
def test_every_operation_answers_as_documented(app, mode):
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 8

    for operation in operations:
        if mode is GenerationMode.NEGATIVE and not can_be_sent_wrong(operation):
            continue

        @settings(max_examples=EXAMPLES_PER_OPERATION)
        @given(case=operation.as_strategy(generation_mode=mode))
        def call(case):
            case.call_and_validate(checks=CHECKS)

        call()
