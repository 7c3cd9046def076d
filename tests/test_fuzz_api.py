"""schemathesis against the service's own OpenAPI schema: generated requests, valid and invalid, on every route, through
the real validation, index and embeddings (the scripted model stands in for the LLM, or the run would take hours).
No 5xx, and every response matches what the schema documents."""

from itertools import product
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import positive_data_acceptance

from service.api.app import create_app
from tests.conftest import make_settings
from tests.fakes import FAKE_PROVIDER, quote_best_source, register_fake

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def api_schema(seed_index: Path) -> schemathesis.BaseSchema:
    register_fake(quote_best_source)
    app = create_app(make_settings(seed_index, llm_model=f"{FAKE_PROVIDER}/scripted", rate_limit=""))
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def test_every_route_holds_to_its_schema_and_never_fails(api_schema: schemathesis.BaseSchema) -> None:
    operations = [result.ok() for result in api_schema.get_all_operations()]  # type: ignore[union-attr]
    assert {op.label for op in operations} >= {"POST /v1/ask", "POST /v1/chat", "POST /v1/chat/completions"}
    for operation, mode in product(operations, GenerationMode):

        @settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        @given(case=operation.as_strategy(generation_mode=mode))
        def holds(case: schemathesis.Case[Any]) -> None:
            # Schema-valid input the engine still refuses (a question of punctuation alone, a NUL byte) is a 422 by
            # design: the schema cannot say "has a word in it".
            case.call_and_validate(excluded_checks=[positive_data_acceptance])

        try:
            holds()
        except Unsatisfiable:  # a route with no parameters and no body has no invalid requests to make
            assert mode == GenerationMode.NEGATIVE, operation.label
