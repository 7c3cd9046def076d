"""Answering only from chosen articles (by file or publication date), on the real index and embeddings with the
scripted model: nothing retrieved or cited comes from outside the scope, and a bad scope is a clear 422."""

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from service.api.app import create_app
from service.engine.engine import Engine
from service.schemas import Answer, Scope
from service.wiring import build_catalog, build_engine
from tests.conftest import make_settings
from tests.fakes import FAKE_PROVIDER, ScriptedLLM, quote_best_source, register_fake

pytestmark = pytest.mark.integration
CROCUS = "How many people were killed in the Crocus City Hall attack?"
WAGNER = "004_f2c2a30e7610bf0b.txt"


@pytest.fixture(scope="module")
def fake() -> ScriptedLLM:
    return register_fake(quote_best_source)


@pytest.fixture(scope="module")
def engine(seed_index: Path, fake: ScriptedLLM) -> Engine:
    return build_engine(make_settings(seed_index, llm_model=f"{FAKE_PROVIDER}/scripted"))


@pytest.fixture(scope="module")
def dates(seed_index: Path) -> dict[str, str]:
    return {info.source: info.published for info in build_catalog(make_settings(seed_index)).list_sources()}


@pytest.fixture(scope="module")
def client(seed_index: Path, fake: ScriptedLLM) -> Iterator[TestClient]:
    with TestClient(create_app(make_settings(seed_index, llm_model=f"{FAKE_PROVIDER}/scripted"))) as test_client:
        yield test_client


def test_named_articles_are_the_only_ones_searched_and_cited(engine: Engine) -> None:
    trace = engine.run(CROCUS, within=Scope(sources=[WAGNER, "002_d3a83041cccd83b2.txt"]))
    assert trace.retrieved and {c.source for c in trace.retrieved} <= {WAGNER, "002_d3a83041cccd83b2.txt"}
    assert {c.source for c in trace.answer.citations} <= {WAGNER, "002_d3a83041cccd83b2.txt"}
    assert "000_d2a25c7ec89bae19.txt" in {c.source for c in engine.run(CROCUS).retrieved}  # unscoped, it is found


@pytest.mark.parametrize(
    ("start", "end"), [(date(2023, 1, 1), None), (None, date(2020, 12, 31)), (date(2020, 1, 1), date(2023, 12, 31))]
)
def test_a_date_range_keeps_articles_published_inside_it(
    engine: Engine, dates: dict[str, str], start: date | None, end: date | None
) -> None:
    inside = {
        name
        for name, published in dates.items()
        if published != "unknown" and (start or date.min) <= date.fromisoformat(published) <= (end or date.max)
    }
    assert inside and inside != set(dates)
    trace = engine.run("What did Lukashenko say about Russia?", within=Scope(published_from=start, published_to=end))
    assert trace.retrieved and {c.source for c in trace.retrieved} <= inside
    assert {c.source for c in trace.answer.citations} <= inside


def test_a_scope_no_article_falls_in_is_refused(engine: Engine) -> None:
    answer = engine.answer(CROCUS, within=Scope(published_to=date(1990, 1, 1)))
    assert answer.refused and not answer.citations


def test_scopes_travel_over_http_and_bad_ones_are_422(client: TestClient) -> None:
    response = client.post("/v1/ask", json={"question": CROCUS, "within": {"sources": [WAGNER]}})
    assert response.status_code == 200
    assert {c.source for c in Answer.model_validate(response.json()).citations} <= {WAGNER}
    chat = client.post(
        "/v1/chat",
        json={"messages": [{"role": "user", "content": CROCUS}], "within": {"published_from": "2024-01-01"}},
    )
    assert chat.status_code == 200
    assert {c.source for c in Answer.model_validate(chat.json()).citations} <= {"000_d2a25c7ec89bae19.txt"}

    unknown = client.post("/v1/ask", json={"question": CROCUS, "within": {"sources": ["nope.txt"]}, "stream": True})
    assert unknown.status_code == 422 and "/v1/sources" in unknown.json()["error"]["message"]
    backwards = {"published_from": "2024-01-01", "published_to": "2023-01-01"}
    reversed_range = client.post("/v1/ask", json={"question": CROCUS, "within": backwards})
    assert reversed_range.status_code == 422 and "published_from" in reversed_range.json()["error"]["message"]
    not_a_date = client.post("/v1/ask", json={"question": CROCUS, "within": {"published_to": "last week"}})
    assert not_a_date.status_code == 422 and "within.published_to" in not_a_date.json()["error"]["message"]
    a_number = client.post("/v1/ask", json={"question": CROCUS, "within": {"published_from": 0}})
    assert a_number.status_code == 422 and "YYYY-MM-DD" in a_number.json()["error"]["message"]
