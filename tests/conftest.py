"""Shared fixtures: settings on a fresh database of each backend, the app and its test client."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.config import Settings
from app.main import create_app
from app.security.passwords import hash_password
from app.security.tokens import new_token, token_digest, token_hint
from app.store import users
from app.store.db import make_engine, make_session_factory
from app.store.migrate import upgrade
from tests.backends import BACKENDS
from tests.backends import database_url as backend_database

DATA = Path(__file__).parent / "data"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "sqlite_only: the test checks SQLite itself; skip on PostgreSQL"
    )


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """'sqlite' always; 'postgresql' too when TIMELINE_TEST_POSTGRES_URL is set (see .ci/run)."""
    if request.param != "sqlite" and request.node.get_closest_marker("sqlite_only"):
        pytest.skip("checks SQLite itself")
    return str(request.param)


@pytest.fixture
def database_url(backend: str, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database for this test: a SQLite file, or a new PostgreSQL database."""
    with backend_database(backend, tmp_path) as url:
        yield url


@pytest.fixture
def settings(database_url: str) -> Settings:
    return Settings(database_url=database_url, demo=False)


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as test_client:
        yield test_client


# Accounts: writes need an editor (or admin). The helpers below create accounts straight in the
# test database, log a client in through the real form and hand out real API tokens.
PASSWORD = "correct horse battery staple"
CSRF_INPUT = re.compile(r'name="csrf_token" value="([^"]+)"')


def create_account(settings: Settings, username: str, role: str) -> str:
    """Create an account in the settings' database; returns a fresh API token for it."""
    engine = make_engine(settings.resolved_database_url())
    upgrade(engine)
    with make_session_factory(engine)() as session:
        user = users.get_user(session, username) or users.add_user(
            session, username, hash_password(PASSWORD), role
        )
        token = new_token()
        users.add_token(session, user, "tests", token_digest(token), token_hint(token))
        session.commit()
    engine.dispose()
    return token


def csrf_from(html: str) -> str:
    match = CSRF_INPUT.search(html)
    assert match, "no csrf_token field in the page"
    return match.group(1)


class AccountClient(TestClient):
    """A TestClient logged in through /login, sending its bearer token to the API and the
    CSRF token with every form post, as a browser with the page open would."""

    csrf = ""

    def login(self, username: str, password: str = PASSWORD) -> Any:
        page = self.get("/login")
        form = {"username": username, "password": password, "csrf_token": csrf_from(page.text)}
        response = self.post("/login", data=form, follow_redirects=False)
        self.csrf = csrf_from(self.get("/login").text)
        return response

    def post(self, url: Any, *args: Any, **kwargs: Any) -> Any:
        data = kwargs.get("data")
        if isinstance(data, dict) and "csrf_token" not in data and self.csrf:
            kwargs["data"] = {"csrf_token": self.csrf, **data}
        return super().post(url, *args, **kwargs)


def _account_client(settings: Settings, username: str, role: str) -> Iterator[AccountClient]:
    token = create_account(settings, username, role)
    with AccountClient(create_app(settings)) as test_client:
        test_client.login(username)
        test_client.headers["Authorization"] = f"Bearer {token}"
        yield test_client


@pytest.fixture
def editor_client(settings: Settings) -> Iterator[AccountClient]:
    yield from _account_client(settings, "edith", "editor")


@pytest.fixture
def admin_client(settings: Settings) -> Iterator[AccountClient]:
    yield from _account_client(settings, "ada", "admin")
