"""Who may write: anonymous readers read, editors add and correct, admins delete and revert."""

from __future__ import annotations

import io
import re
import sqlite3
import stat
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.cli import main as cli
from app.config import Settings
from app.main import create_app
from tests.conftest import AccountClient, create_account, csrf_from
from tests.factories import SIEGE_TEXT, article_payload


def _articles(client: TestClient) -> int:
    count: int = client.get("/api/health").json()["articles"]
    return count


def test_anonymous_writes_are_refused_but_reading_and_parsing_are_open(client: TestClient) -> None:
    assert client.post("/api/articles", json=article_payload()).status_code == 401
    assert client.post("/articles", data=article_payload()).status_code == 403
    assert client.delete("/api/articles/1").status_code == 401
    assert client.patch("/api/events/1", json={"summary": "x"}).status_code == 401
    assert client.get("/api/audit").status_code == 401
    assert (
        client.post("/api/parse", json={"text": SIEGE_TEXT, "published": "2022-06-25"}).status_code
        == 200
    )
    assert client.get("/").status_code == 200
    assert _articles(client) == 0


def test_logged_out_upload_form_says_log_in(client: TestClient) -> None:
    page = client.get("/articles/new")
    assert page.status_code == 200
    assert "Log in to add articles" in page.text
    assert 'href="/login?next=/articles/new"' in page.text
    assert '<form method="post" action="/articles"' not in page.text


def test_form_posts_without_a_valid_csrf_token_are_refused(editor_client: AccountClient) -> None:
    no_token = dict(article_payload(), csrf_token="")
    assert editor_client.post("/articles", data=no_token).status_code == 403
    wrong = dict(article_payload(), csrf_token="x" * 43)
    assert editor_client.post("/articles", data=wrong).status_code == 403
    cross_site = editor_client.post(
        "/articles", data=article_payload(), headers={"Origin": "https://evil.example"}
    )
    assert cross_site.status_code == 403
    assert _articles(editor_client) == 0
    ok = editor_client.post("/articles", data=article_payload(), follow_redirects=False)
    assert ok.status_code == 303


def test_every_html_form_route_checks_csrf(editor_client: AccountClient) -> None:
    paths = editor_client.get("/api/openapi.json").json()["paths"]
    posts = [path for path, ops in paths.items() if "post" in ops and not path.startswith("/api/")]
    assert {"/articles", "/login", "/logout"} <= set(posts)
    article_id = editor_client.post("/api/articles", json=article_payload()).json()["id"]
    for path in posts:
        concrete = re.sub(r"\{[^}]+\}", str(article_id), path)
        response = editor_client.post(concrete, data={"csrf_token": "", "event_type": "x"})
        assert response.status_code == 403, path


def test_login_needs_csrf_and_the_right_password(settings: Settings) -> None:
    create_account(settings, "edith", "editor")
    with AccountClient(create_app(settings)) as client:
        form = {"username": "edith", "password": "correct horse battery staple"}
        assert client.post("/login", data=form).status_code == 403
        assert client.login("edith", "wrong password!").status_code == 401
        assert client.login("nobody").status_code == 401
        ok = client.login("edith")
        assert ok.status_code == 303
        cookie = ok.headers["set-cookie"].lower()
        assert "httponly" in cookie and "samesite=lax" in cookie and "timeline_session=" in cookie
        assert "Log out edith" in client.get("/").text
        client.post("/logout", data={})
        assert "Log out" not in client.get("/").text


def test_login_is_rate_limited(settings: Settings) -> None:
    create_account(settings, "edith", "editor")
    with AccountClient(create_app(settings)) as client:
        codes = [client.login("edith", f"wrong {i} password").status_code for i in range(6)]
        assert codes == [401] * 5 + [429]
        assert client.login("edith").status_code == 429  # even the right password waits


def test_a_tampered_session_cookie_is_ignored(editor_client: AccountClient) -> None:
    cookie = editor_client.cookies["timeline_session"]
    editor_client.cookies.set("timeline_session", cookie[:-4] + "AAAA")
    del editor_client.headers["Authorization"]
    assert "Log in to add articles" in editor_client.get("/articles/new").text


def test_editor_cannot_do_admin_actions(editor_client: AccountClient) -> None:
    created = editor_client.post("/api/articles", json=article_payload())
    article_id = created.json()["id"]
    assert editor_client.delete(f"/api/articles/{article_id}").status_code == 403
    assert editor_client.get("/api/audit").status_code == 403
    assert editor_client.post("/api/audit/1/revert").status_code == 403
    assert _articles(editor_client) == 1


def test_corrections_keep_the_machine_value_and_an_admin_reverts(settings: Settings) -> None:
    admin_token = create_account(settings, "ada", "admin")
    with AccountClient(create_app(settings)) as editor:
        editor.headers["Authorization"] = f"Bearer {create_account(settings, 'edith', 'editor')}"
        article = editor.get(
            f"/api/articles/{editor.post('/api/articles', json=article_payload()).json()['id']}"
        )
        event = article.json()["event_list"][0]
        fix = editor.patch(
            f"/api/events/{event['id']}", json={"event_type": "Strategic developments"}
        )
        assert fix.status_code == 200
        editor.headers["Authorization"] = f"Bearer {admin_token}"
        log = editor.get("/api/audit").json()
        correction = next(e for e in log if e["action"] == "event.correct")
        assert (correction["username"], correction["old_value"]) == ("edith", event["event_type"])
        assert any(e["action"] == "article.create" and e["username"] == "edith" for e in log)
        assert editor.post(f"/api/audit/{correction['id']}/revert").status_code == 200
        again = editor.get(f"/api/articles/{article.json()['id']}").json()["event_list"][0]
        assert again["event_type"] == event["event_type"]
        assert editor.post(f"/api/audit/{correction['id']}/revert").status_code == 409
        assert editor.delete(f"/api/articles/{article.json()['id']}").status_code == 204
        assert _articles(editor) == 0


@pytest.mark.sqlite_only
def test_cli_creates_accounts_and_tokens_and_a_revoked_token_stops_working(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TIMELINE_DATABASE_URL", settings.database_url)
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert cli(["users", "add", "root", "--role", "admin", "--password-stdin"]) == 1
    monkeypatch.setattr("sys.stdin", io.StringIO("a long enough password\n"))
    assert cli(["users", "add", "root", "--role", "admin", "--password-stdin"]) == 0
    capsys.readouterr()
    assert cli(["tokens", "create", "root", "--name", "scripts"]) == 0
    token = capsys.readouterr().out.strip().splitlines()[-1]
    with TestClient(create_app(settings)) as client:
        auth = {"Authorization": f"Bearer {token}"}
        assert client.post("/api/articles", json=article_payload(), headers=auth).status_code == 201
        assert client.get("/api/audit", headers=auth).status_code == 200
        assert cli(["tokens", "revoke", "1"]) == 0
        assert client.get("/api/audit", headers=auth).status_code == 401
        other = article_payload(text=SIEGE_TEXT + " More.")
        assert client.post("/api/articles", json=other, headers=auth).status_code == 401
    db = sqlite3.connect(settings.database_url.removeprefix("sqlite:///"))
    (stored_hash,) = db.execute("SELECT password_hash FROM users").fetchone()
    assert stored_hash.startswith("$argon2id$")
    assert token not in {row[0] for row in db.execute("SELECT token_hash FROM api_tokens")}


@pytest.mark.sqlite_only
def test_secret_key_is_generated_once_with_mode_600(settings: Settings, tmp_path: Path) -> None:
    with TestClient(create_app(settings)) as client:
        client.get("/login")
    key_file = tmp_path / "secret_key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    first = key_file.read_text()
    create_app(settings)
    assert key_file.read_text() == first and len(first.strip()) >= 32


def test_security_headers_on_pages_and_api(client: TestClient) -> None:
    for path in ("/", "/api/health", "/articles/new", "/nope"):
        headers = client.get(path).headers
        csp = headers["content-security-policy"]
        assert "script-src 'self';" in csp and "object-src 'none'" in csp
        assert "frame-ancestors 'none'" in csp
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"
    assert "timeline_session" not in client.get("/").headers.get("set-cookie", "")


def test_login_page_has_a_csrf_field(client: TestClient) -> None:
    assert len(csrf_from(client.get("/login").text)) >= 32
