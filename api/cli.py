"""The `liuhen` command: demo, serve, worker, migrate, seed, export-schema, users create."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from api.settings import Settings, SettingsError

if TYPE_CHECKING:
    from api.org.models import Role

log = logging.getLogger("liuhen")
SCHEMA_FILE = Path("schema.graphql")


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    try:
        settings = Settings.from_env()
    except SettingsError as exc:
        print(f"liuhen: configuration error: {exc}", file=sys.stderr)
        return 2
    logging.basicConfig(
        level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s %(message)s"
    )
    result: int = args.handler(settings, args)
    return result


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="liuhen", description="Liuhen (留痕) sales backend")
    sub = parser.add_subparsers(title="commands")

    demo = sub.add_parser("demo", help="migrate, seed the demo organisation, run API + worker")
    demo.set_defaults(handler=_demo)
    serve = sub.add_parser("serve", help="run the GraphQL API (uvicorn)")
    serve.add_argument("--workers", type=int, default=1)
    serve.set_defaults(handler=_serve)
    worker = sub.add_parser("worker", help="run the arq worker (timers, alerts, unlocks)")
    worker.add_argument("--burst", action="store_true", help="process what is due, then exit")
    worker.set_defaults(handler=_worker)
    migrate = sub.add_parser("migrate", help="bring the database schema up to date")
    migrate.set_defaults(handler=_migrate)
    seed = sub.add_parser("seed", help="create the demo organisation (idempotent)")
    seed.set_defaults(handler=_seed)
    export = sub.add_parser("export-schema", help="write schema.graphql")
    export.add_argument("--output", type=Path, default=SCHEMA_FILE)
    export.add_argument("--check", action="store_true", help="fail if the file is stale")
    export.set_defaults(handler=_export_schema)
    makemigrations = sub.add_parser("makemigrations", help="write an aerich migration (PostgreSQL)")
    makemigrations.add_argument("name", nargs="?", default="update")
    makemigrations.set_defaults(handler=_makemigrations)

    sessions = sub.add_parser("sessions", help="manage login sessions").add_subparsers(
        title="sessions commands"
    )
    revoke = sessions.add_parser("revoke-all", help="log every user out of every device")
    revoke.set_defaults(handler=_sessions_revoke_all)

    users = sub.add_parser("users", help="manage users").add_subparsers(title="users commands")
    create = users.add_parser("create", help="create a user (and the organisation if missing)")
    create.add_argument("--organisation", "--org", required=True, help="organisation slug or name")
    create.add_argument("--role", required=True, choices=[r.value for r in _roles()])
    create.add_argument("--username", required=True)
    create.add_argument("--display-name")
    secret = create.add_mutually_exclusive_group(required=True)
    secret.add_argument("--password", help="visible to other local users; prefer --password-stdin")
    secret.add_argument(
        "--password-stdin", action="store_true", help="read the password from stdin"
    )
    create.set_defaults(handler=_users_create)
    return parser


def _roles() -> list[Role]:
    from api.org.models import Role

    return list(Role)


def _migrate(settings: Settings, args: argparse.Namespace) -> int:
    from api.db import close_db, migrate

    async def run() -> list[str]:
        try:
            return await migrate(settings)
        finally:
            await close_db()

    applied = asyncio.run(run())
    print(f"database is up to date ({', '.join(applied) or 'no new migrations'})")
    return 0


def _refuse_demo_in_production(settings: Settings) -> int | None:
    if settings.is_production:
        print("liuhen: the demo organisation is not created in production", file=sys.stderr)
        return 2
    return None


def _seed(settings: Settings, args: argparse.Namespace) -> int:
    if (refused := _refuse_demo_in_production(settings)) is not None:
        return refused
    from api.db import close_db, init_db
    from api.seed import DemoSeedError, seed_demo

    async def run() -> int:
        await init_db(settings)
        try:
            summary = await seed_demo()
        except DemoSeedError as exc:
            print(f"liuhen: cannot seed the demo organisation: {exc}", file=sys.stderr)
            return 1
        finally:
            await close_db()
        _print_demo_logins(summary)
        return 0

    return asyncio.run(run())


def _print_demo_logins(summary: object) -> None:
    from api.seed import DEMO_PASSWORD, DemoSummary

    assert isinstance(summary, DemoSummary)
    print(f"demo organisation: {summary.organisation_name}")
    print(f"demo logins (password {DEMO_PASSWORD}):")
    for username, role, display_name in summary.logins:
        print(f"  {username:<24} {role:<10} {display_name}")


def _serve(settings: Settings, args: argparse.Namespace) -> int:
    import uvicorn

    uvicorn.run(
        "api.app:create_app",
        factory=True,
        host=settings.host,
        port=settings.port,
        workers=args.workers,
        proxy_headers=True,
        log_level=settings.log_level.lower(),
    )
    return 0


def _worker(settings: Settings, args: argparse.Namespace) -> int:
    from api.worker import run_worker

    asyncio.run(run_worker(settings, burst=args.burst))
    return 0


def _demo(settings: Settings, args: argparse.Namespace) -> int:
    from api.seed import DemoSeedError

    if (refused := _refuse_demo_in_production(settings)) is not None:
        return refused
    try:
        asyncio.run(_run_demo(settings))
    except DemoSeedError as exc:
        print(f"liuhen: cannot seed the demo organisation: {exc}", file=sys.stderr)
        return 1
    return 0


async def _run_demo(settings: Settings) -> None:
    import uvicorn

    from api.app import build_services, close_services, create_app
    from api.db import migrate
    from api.redis import shutdown_embedded
    from api.seed import seed_demo
    from api.worker import run_worker

    await migrate(settings)
    summary = await seed_demo()
    services = await build_services(settings)
    app = create_app(services=services)
    server = uvicorn.Server(
        uvicorn.Config(app, host=settings.host, port=settings.port, log_level="info")
    )
    url = f"http://{settings.host}:{settings.port}"
    print("\nLiuhen demo is running")
    print(f"  GraphQL + GraphiQL: {url}/graphql")
    print(f"  health:             {url}/healthz")
    _print_demo_logins(summary)
    print("Press Ctrl+C to stop.\n")
    worker = asyncio.create_task(
        run_worker(settings, clock=services.clock, db_ready=True, handle_signals=False)
    )
    try:
        await server.serve()
    finally:
        worker.cancel()
        await asyncio.gather(worker, return_exceptions=True)
        await close_services(services)
        if settings.uses_embedded_redis:
            shutdown_embedded(force=True)  # the demo process owns its embedded Redis


def _export_schema(settings: Settings, args: argparse.Namespace) -> int:
    from api.schema import sdl

    text = sdl()
    output: Path = args.output
    if args.check:
        current = output.read_text(encoding="utf-8") if output.exists() else ""
        if current != text:
            print(f"{output} is stale: run `liuhen export-schema`", file=sys.stderr)
            return 1
        print(f"{output} is current")
        return 0
    output.write_text(text, encoding="utf-8")
    print(f"wrote {output}")
    return 0


def _makemigrations(settings: Settings, args: argparse.Namespace) -> int:
    from api.db import close_db, make_migration

    async def run() -> str | None:
        try:
            return await make_migration(settings, args.name)
        finally:
            await close_db()

    created = asyncio.run(run())
    print(f"migration: {created or 'no changes'}")
    return 0


def _sessions_revoke_all(settings: Settings, args: argparse.Namespace) -> int:
    from api.auth.service import revoke_all_sessions
    from api.clock import SystemClock
    from api.db import close_db, init_db

    async def run() -> int:
        await init_db(settings)
        try:
            return await revoke_all_sessions(clock=SystemClock())
        finally:
            await close_db()

    print(f"revoked {asyncio.run(run())} open session(s); every user must log in again")
    return 0


def _users_create(settings: Settings, args: argparse.Namespace) -> int:
    from api.db import close_db, init_db, migrate
    from api.org.bootstrap import BootstrapError, create_user
    from api.org.models import Role

    password = sys.stdin.readline().rstrip("\n") if args.password_stdin else args.password

    async def run() -> int:
        await migrate(settings) if settings.uses_embedded_database else await init_db(settings)
        try:
            user, created_org = await create_user(
                organisation=args.organisation,
                role=Role(args.role),
                username=args.username,
                password=password,
                display_name=args.display_name,
            )
        except BootstrapError as exc:
            print(f"liuhen: {exc}", file=sys.stderr)
            return 1
        finally:
            await close_db()
        if created_org:
            print(f"created organisation {args.organisation}")
        print(f"created {args.role} {user.username} ({user.id})")
        return 0

    return asyncio.run(run())


if __name__ == "__main__":
    raise SystemExit(main())
