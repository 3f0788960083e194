"""The JSON API against its own OpenAPI schema: schemathesis, in-process (ASGI), over a real
SQLite store of the bundled demo corpus, with the write endpoints on (a token)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from schemathesis import Case
from typer.testing import CliRunner

from keeptabs.cli import app as cli
from keeptabs.web.app import create_app
from keeptabs.web.state import AppState

TOKEN = "schema-test-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}

# Few examples per operation (fuzzing; the examples and coverage phases add their own few):
# the whole file takes about 25 s on 2 cores.
FEW = settings(
    max_examples=int(os.environ.get("KEEPTABS_SCHEMA_EXAMPLES", "8")),
    deadline=None,  # a POST /api/documents runs spaCy; its first call loads the model
    suppress_health_check=[HealthCheck.too_slow],
)


# The schema is read from the app when this module is imported: ``/openapi.json`` does not
# touch the store, and the app's state (its ledger) is only set by the fixture below. (The
# lazy ``schemathesis.pytest.from_fixture`` would be tidier, but 4.32.5 sets ``Node._nodeid``,
# which pytest 9.2 no longer has.)
web_app = create_app(None, token=TOKEN)
schema = schemathesis.openapi.from_asgi("/openapi.json", web_app)


@pytest.fixture(scope="module", autouse=True)
def demo_ledger(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real SQLite store of the bundled demo corpus, as the ledger the app serves."""
    url = f"sqlite:///{tmp_path_factory.mktemp('api-schema') / 'demo.db'}"
    result = CliRunner().invoke(cli, ["demo", "--db", url])
    assert result.exit_code == 0, result.output
    before = web_app.state.keeptabs
    web_app.state.keeptabs = AppState(url, token=TOKEN)
    yield url
    web_app.state.keeptabs = before


# Every check runs, none is excluded: each applies to this API (its 405s included, which
# must list the methods of the path in `Allow`; `ignored_auth` probes the POSTs without and
# with a wrong token when the right one is sent).
@schema.parametrize()
@FEW
def test_api_conforms_to_its_schema_with_the_token(case: Case) -> None:
    case.call_and_validate(headers=AUTH)


@schema.parametrize()
@FEW
def test_api_conforms_to_its_schema_without_a_token(case: Case) -> None:
    response = case.call_and_validate()
    if case.method == "POST" and response.status_code < 300:
        pytest.fail(f"{case.method} {case.path} answered {response.status_code} without a token")


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(web_app)


# Generated ids almost never name a row of the ledger, so the items that exist are checked
# against the schema here, with ids taken from the lists.
ITEMS = {
    "/api/claims/{claim_id}": ("/api/claims", "claim_id"),
    "/api/documents/{doc_id}": ("/api/documents", "doc_id"),
    "/api/series/{series_id}": ("/api/series", "series_id"),
    "/api/findings/{finding_id}": ("/api/findings", "finding_id"),
}


@pytest.mark.parametrize("path", sorted(ITEMS))
def test_api_items_of_the_ledger_conform_to_the_schema(client: TestClient, path: str) -> None:
    listing, name = ITEMS[path]
    rows = client.get(listing, params={"limit": 3}).json()["items"]
    assert rows, f"the demo ledger has no {listing}"
    for row in rows:
        case = schema[path]["GET"].Case(path_parameters={name: row["id"]})
        response = case.call_and_validate()
        assert response.status_code == 200
        assert response.json()["item"]["id"] == row["id"]


def test_api_review_of_a_real_claim_conforms_to_the_schema(client: TestClient) -> None:
    claim_id = client.get("/api/claims", params={"limit": 1}).json()["items"][0]["id"]
    body = {"rating": "misleading", "author": "A. Reviewer", "date": "2016-12-20"}
    case = schema["/api/claims/{claim_id}/review"]["POST"].Case(
        path_parameters={"claim_id": claim_id}, body=body, headers=AUTH
    )
    response = case.call_and_validate()
    assert response.status_code == 201
    assert response.json()["item"] == {
        "claim_id": claim_id,
        "rating": "misleading",
        "date": "2016-12-20",
    }


def _is_error(response: Any, status: int) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"ok", "error", "status"}
    assert body["ok"] is False and body["status"] == status and body["error"]


def test_api_unknown_path_answers_with_the_error_shape(client: TestClient) -> None:
    _is_error(client.get("/api/no-such-thing"), 404)
    _is_error(client.post("/api/no-such-thing", json={}), 404)
    _is_error(client.get("/api/claims/no-such-claim"), 404)
    _is_error(client.get("/api/series/no/such/series"), 404)


def test_api_bad_parameter_answers_with_the_error_shape(client: TestClient) -> None:
    _is_error(client.get("/api/claims", params={"limit": "lots"}), 422)
    _is_error(client.get("/api/claims", params={"limit": 0}), 422)
    _is_error(client.get("/api/documents", params={"offset": -1}), 422)
    _is_error(client.get("/api/findings", params={"type": "x" * 201}), 422)
    _is_error(client.get("/api/search"), 422)  # q is required
    _is_error(client.post("/api/documents", json={"text": ""}, headers=AUTH), 422)


def test_api_write_endpoints_are_off_without_a_token(demo_ledger: str) -> None:
    read_only = TestClient(create_app(demo_ledger))
    _is_error(read_only.post("/api/documents", json={"text": "x"}, headers=AUTH), 403)


def test_api_write_endpoints_need_the_token(client: TestClient) -> None:
    review = {"rating": "misleading", "author": "A. Reviewer"}
    claim_id = client.get("/api/claims", params={"limit": 1}).json()["items"][0]["id"]
    _is_error(client.post(f"/api/claims/{claim_id}/review", json=review), 401)
    wrong = {"Authorization": "Bearer not-the-token"}
    _is_error(client.post(f"/api/claims/{claim_id}/review", json=review, headers=wrong), 401)
    done = client.post(f"/api/claims/{claim_id}/review", json=review, headers=AUTH)
    assert done.status_code == 201, done.text
    assert done.json()["item"]["claim_id"] == claim_id
