"""Settings read from the environment (prefix TIMELINE_), one typed object for the whole app."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    """Every setting the app reads; each is documented in the README's Settings table."""

    model_config = SettingsConfigDict(env_prefix="TIMELINE_", extra="ignore")

    database_url: str = Field(
        default="sqlite:///data/timeline.db",
        description="SQLAlchemy URL; a relative SQLite path is under the project root.",
    )
    demo: bool = Field(
        default=True, description="Load the bundled demo articles into an empty database."
    )
    max_upload_bytes: int = Field(
        default=2_000_000,
        gt=0,
        description="Largest article (file or pasted text) accepted, in bytes.",
    )
    page_size: int = Field(default=50, gt=0, le=500, description="Events per timeline page.")
    secret_key: str | None = Field(
        default=None,
        min_length=32,
        description="Signs session cookies; unset: generated once and kept in data/secret_key.",
    )
    secure_cookies: bool = Field(
        default=False, description="Send cookies only over HTTPS (set it behind a TLS proxy)."
    )

    def resolved_database_url(self) -> str:
        """The database URL with a relative SQLite path anchored at the project root."""
        prefix = "sqlite:///"
        if self.database_url.startswith(prefix):
            path = self.database_url[len(prefix) :]
            if path and path != ":memory:" and not Path(path).is_absolute():
                return prefix + str(PROJECT_ROOT / path)
        return self.database_url

    def data_dir(self) -> Path:
        """The SQLite file's folder (data/ for other databases): where runtime files live."""
        url = self.resolved_database_url()
        prefix = "sqlite:///"
        if url.startswith(prefix) and url[len(prefix) :] not in ("", ":memory:"):
            return Path(url[len(prefix) :]).parent
        return PROJECT_ROOT / "data"
