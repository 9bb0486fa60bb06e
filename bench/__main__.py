"""``python -m bench``: run every benchmark against one seeded database and print a summary.

Figures are measurements, never assertions: the exit status is 0 whatever the ratios are
(and non-zero only when a benchmark cannot run, e.g. the two endpoints answer differently).
"""

from __future__ import annotations

import argparse
import asyncio
import inspect
import platform
import sys
from collections.abc import Callable
from time import perf_counter
from types import ModuleType
from typing import Any

from bench import common, customers_list, leads, notifications, onboarding, visits

BENCHMARKS: list[ModuleType] = [customers_list, notifications, visits, leads, onboarding]


def _loop_factory() -> tuple[str, Callable[[], asyncio.AbstractEventLoop] | None]:
    """uvloop when installed, as uvicorn (``liuhen serve``) would pick it."""
    try:
        import uvloop
    except ImportError:
        return "asyncio", None
    return "uvloop", uvloop.new_event_loop


async def main(args: argparse.Namespace, loop_name: str) -> int:
    started = perf_counter()
    selected = [m for m in BENCHMARKS if not args.only or m.NAME in args.only]
    async with common.environment() as env:
        s = env.seeded
        print(f"backend: {common.backend_description(env.settings)}; event loop: {loop_name}")
        print(f"python {platform.python_version()} on {platform.machine()}")
        print(
            f"seeded: {s.customers} customers, {s.contacts} contacts, {s.sites} sites, "
            f"1 manager + {len(s.reps)} reps in one team (setup {perf_counter() - started:.1f}s)"
        )
        tables: list[common.Table] = []
        for module in selected:
            print(f"\n[{module.NAME}]", flush=True)
            run: Any = module.run
            tables.append(await run(env, **_options(run, args)))
    print("\nSummary\n")
    for table in tables:
        print(table.render())
        print()
    print(f"total time {perf_counter() - started:.1f}s")
    return 0


def _options(run: Callable[..., Any], args: argparse.Namespace) -> dict[str, Any]:
    """The command-line options a benchmark's ``run`` accepts (``requests`` and its own)."""
    accepted = inspect.signature(run).parameters
    options = {
        "requests": args.requests,
        "notifications": args.notifications,
        "hashes": args.hashes,
        "sla_leads": args.sla_leads,
        "hires": args.hires,
    }
    return {name: value for name, value in options.items() if name in accepted}


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument(
        "--requests", type=int, default=300, help="timed requests per contender (default 300)"
    )
    parser.add_argument(
        "--notifications",
        type=int,
        default=notifications.DEFAULT_NOTIFICATIONS,
        help="notifications (two deliveries each) the notifications benchmark drains "
        "through the worker "
        f"(default {notifications.DEFAULT_NOTIFICATIONS:,})",
    )
    parser.add_argument(
        "--hashes",
        type=int,
        default=visits.DEFAULT_HASHES,
        help=f"stored photo hashes for the reuse lookup (default {visits.DEFAULT_HASHES:,})",
    )
    parser.add_argument(
        "--sla-leads",
        type=int,
        default=leads.DEFAULT_SLA_LEADS,
        help="leads in the table the SLA sweep benchmark reads, on PostgreSQL "
        f"(default {leads.DEFAULT_SLA_LEADS:,}; SQLite uses at most {leads.SQLITE_SLA_LEADS:,})",
    )
    parser.add_argument(
        "--hires",
        type=int,
        default=onboarding.DEFAULT_HIRES,
        help="hires the onboarding unlock sweep evaluates, on PostgreSQL "
        f"(default {onboarding.DEFAULT_HIRES:,}; SQLite uses at most {onboarding.SQLITE_HIRES:,})",
    )
    parser.add_argument(
        "--only",
        action="append",
        choices=[m.NAME for m in BENCHMARKS],
        help="run only this benchmark (repeatable)",
    )
    return parser.parse_args(argv)


if __name__ == "__main__":
    arguments = parse_args(sys.argv[1:])
    name, factory = _loop_factory()
    with asyncio.Runner(loop_factory=factory) as runner:
        sys.exit(runner.run(main(arguments, name)))
