"""The `liuhen` command as an operator runs it (real subprocesses, embedded database)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def liuhen(
    tmp_path: Path, *args: str, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LIUHEN_")}
    env["LIUHEN_VAR_DIR"] = str(tmp_path / "var")
    return subprocess.run(  # noqa: S603 - our own CLI
        [sys.executable, "-m", "api.cli", *args],
        cwd=tmp_path,
        env={**env, "PYTHONPATH": str(ROOT)},
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cli")


def test_users_create_bootstraps_an_organisation_without_demo_data(workdir):
    result = liuhen(
        workdir,
        "users",
        "create",
        "--organisation",
        "acme-med",
        "--role",
        "admin",
        "--username",
        "ops.admin",
        "--password-stdin",
        stdin="a-long-enough-password\n",
    )
    assert result.returncode == 0, result.stderr
    assert "created organisation acme-med" in result.stdout
    assert "created admin ops.admin" in result.stdout
    again = liuhen(
        workdir,
        "users",
        "create",
        "--org",
        "acme-med",
        "--role",
        "rep",
        "--username",
        "ops.admin",
        "--password",
        "another-password",
    )
    assert again.returncode == 1
    assert "ops.admin" in again.stderr


def test_short_passwords_are_refused(workdir):
    result = liuhen(
        workdir,
        "users",
        "create",
        "--org",
        "acme-med",
        "--role",
        "rep",
        "--username",
        "short.pw",
        "--password",
        "abc",
    )
    assert result.returncode == 1


def test_seed_is_idempotent_and_prints_demo_logins(workdir):
    first = liuhen(workdir, "seed")
    assert first.returncode == 0, first.stderr
    assert "director.wang" in first.stdout
    second = liuhen(workdir, "seed")
    assert second.returncode == 0
    assert second.stdout == first.stdout


def test_export_schema_check_detects_a_stale_file(workdir):
    target = workdir / "schema.graphql"
    assert liuhen(workdir, "export-schema", "--output", str(target)).returncode == 0
    assert liuhen(workdir, "export-schema", "--output", str(target), "--check").returncode == 0
    target.write_text("type Query { stale: Int }\n")
    assert liuhen(workdir, "export-schema", "--output", str(target), "--check").returncode == 1


def test_production_refuses_to_start_with_the_default_secret(workdir):
    env_result = subprocess.run(
        [sys.executable, "-m", "api.cli", "migrate"],
        cwd=workdir,
        env={
            **{k: v for k, v in os.environ.items() if not k.startswith("LIUHEN_")},
            "PYTHONPATH": str(ROOT),
            "LIUHEN_ENV": "production",
        },
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert env_result.returncode == 2
    assert "LIUHEN_SECRET_KEY" in env_result.stderr


def test_the_demo_organisation_is_never_created_in_production(workdir):
    for command in ("seed", "demo"):
        result = subprocess.run(  # noqa: S603 - our own CLI
            [sys.executable, "-m", "api.cli", command],
            cwd=workdir,
            env={
                **{k: v for k, v in os.environ.items() if not k.startswith("LIUHEN_")},
                "PYTHONPATH": str(ROOT),
                "LIUHEN_ENV": "production",
                "LIUHEN_SECRET_KEY": "p" * 48,
                "LIUHEN_DATABASE_URL": "postgres://nobody@127.0.0.1:1/none",
                "LIUHEN_REDIS_URL": "redis://127.0.0.1:1/0",
            },
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert result.returncode == 2
        assert "not created in production" in result.stderr


def test_sessions_revoke_all_logs_everyone_out(workdir):
    result = liuhen(workdir, "sessions", "revoke-all")
    assert result.returncode == 0, result.stderr
    assert "open session(s)" in result.stdout


def test_seed_explains_a_demo_username_already_taken_elsewhere(tmp_path):
    taken = liuhen(
        tmp_path,
        "users",
        "create",
        "--org",
        "other-co",
        "--role",
        "director",
        "--username",
        "director.wang",
        "--password",
        "a-long-enough-password",
    )
    assert taken.returncode == 0, taken.stderr
    result = liuhen(tmp_path, "seed")
    assert result.returncode == 1
    assert "cannot seed the demo organisation" in result.stderr
    assert "Traceback" not in result.stderr
