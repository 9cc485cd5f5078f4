"""Schemathesis against the app's OpenAPI schema: no 5xx, responses match the schema."""

from __future__ import annotations

from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from app.config import Settings
from app.main import create_app
from app.services import prepare_database
from app.store.db import make_engine
from tests.conftest import create_account

# One app and database for the whole module; schemathesis builds the cases at import time.
_DB_DIR = Path(__import__("tempfile").mkdtemp(prefix="schemathesis-"))
_SETTINGS = Settings(database_url=f"sqlite:///{_DB_DIR}/timeline.db", demo=True)
prepare_database(make_engine(_SETTINGS.resolved_database_url()), demo=True, max_bytes=2_000_000)
TOKEN = create_account(_SETTINGS, "ada", "admin")
APP = create_app(_SETTINGS)
schema = schemathesis.openapi.from_asgi("/api/openapi.json", APP)
CHECKS = [
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
    content_type_conformance,
]
MAX_EXAMPLES = 25


@schema.include(path_regex="^/api/").parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_api_never_fails_and_keeps_its_schema(case: schemathesis.Case) -> None:
    case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"}, checks=CHECKS)
