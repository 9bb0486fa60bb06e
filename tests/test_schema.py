"""schema.graphql is generated from the code; this fails when someone forgot to re-export."""

from __future__ import annotations

from pathlib import Path

from api.schema import sdl

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "schema.graphql"


def test_schema_graphql_is_current():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == sdl(), (
        "schema.graphql is stale: run `liuhen export-schema` (or `make schema`)"
    )


def test_production_schema_hides_introspection():
    from api.schema import build_schema
    from api.settings import Settings

    production = build_schema(Settings(env="production", secret_key="s" * 40))
    result = production.execute_sync("{ __schema { types { name } } }")
    assert result.errors
