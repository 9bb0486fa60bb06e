"""Database bootstrapping: Tortoise configuration, start-up, migrations, shutdown."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tortoise import Tortoise, connections

from api.settings import Settings

MODEL_MODULES = [
    "api.org.models",
    "api.customers.models",
    "api.auth.models",
    "api.audit.models",
    "api.jobs.models",
    "api.uploads.models",
    "api.notifications.models",
    "api.visits.models",
    "api.leads.models",
    "api.onboarding.models",
]
MIGRATIONS_DIR = Path(__file__).parent / "migrations"
# Indexes Tortoise cannot declare: the migrations create them on PostgreSQL, this on SQLite.
EMBEDDED_EXTRA_SQL = (
    # At most one open visit per rep, whatever the race between two check-ins.
    'CREATE UNIQUE INDEX IF NOT EXISTS "uid_visit_one_open" ON "visit" ("rep_id")'
    " WHERE \"status\" = 'OPEN'",
    # The SLA sweep reads only leads with a pending deadline, earliest first.
    'CREATE INDEX IF NOT EXISTS "idx_lead_sla_due" ON "lead" ("sla_due_at")'
    ' WHERE "sla_due_at" IS NOT NULL',
)


def tortoise_config(settings: Settings) -> dict[str, Any]:
    """The Tortoise/aerich configuration for these settings."""
    url = settings.database_url
    if url.startswith("postgresql://"):
        url = "postgres://" + url.removeprefix("postgresql://")
    if url.startswith("sqlite://"):
        Path(url.removeprefix("sqlite://")).parent.mkdir(parents=True, exist_ok=True)
    return {
        "connections": {"default": url},
        "apps": {
            "models": {
                "models": [*MODEL_MODULES, "aerich.models"],
                "default_connection": "default",
            }
        },
        "use_tz": True,
        "timezone": "UTC",
    }


async def init_db(settings: Settings) -> None:
    """Connect Tortoise for this process (visible from every task)."""
    await Tortoise.init(config=tortoise_config(settings), _enable_global_fallback=True)


async def close_db() -> None:
    await connections.close_all()


async def migrate(settings: Settings) -> list[str]:
    """Bring the schema up to date: aerich migrations on PostgreSQL, models on SQLite."""
    if settings.uses_embedded_database:
        await init_db(settings)
        await Tortoise.generate_schemas(safe=True)
        for statement in EMBEDDED_EXTRA_SQL:
            await connections.get("default").execute_script(statement)
        return ["generate_schemas"]
    from aerich import Command

    command = Command(
        tortoise_config=tortoise_config(settings), app="models", location=str(MIGRATIONS_DIR)
    )
    await command.init()
    applied: list[str] = await command.upgrade(run_in_transaction=True)
    return applied


async def ping() -> None:
    """Raise when the database does not answer."""
    await connections.get("default").execute_query("SELECT 1")


async def make_migration(settings: Settings, name: str) -> str | None:
    """Write a new aerich migration for model changes (developers; needs PostgreSQL)."""
    from aerich import Command

    command = Command(
        tortoise_config=tortoise_config(settings), app="models", location=str(MIGRATIONS_DIR)
    )
    if not (MIGRATIONS_DIR / "models").exists():
        await command.init_db(safe=True)
        return "initial"
    await command.init()
    created: str | None = await command.migrate(name)
    return created
