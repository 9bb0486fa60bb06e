"""One set of username and password rules, whether a user is created by the API or the CLI."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from api.auth.passwords import MIN_PASSWORD_LENGTH
from api.common.identity import (
    MAX_PASSWORD_LENGTH,
    normalise_username,
    password_problem,
)
from api.org import bootstrap
from api.org.models import Role, User
from tests.factories import make_org, make_user

if TYPE_CHECKING:
    from tests.conftest import Api

CREATE_USER = """
mutation ($input: CreateUserInput!) {
  createUser(input: $input) { user { username } errors { code field } }
}
"""
LOGIN = """
mutation ($username: String!, $password: String!) {
  login(username: $username, password: $password) { errors { code } }
}
"""

INVALID_USERNAMES = ["", "ab", "-lead", ".dot", "_under", "with space", "名字", "a+b", "x" * 65]


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("abc", "abc"),
        ("  Zhang.San ", "zhang.san"),
        ("0_rep-1.x", "0_rep-1.x"),
        ("a" * 64, "a" * 64),
    ],
)
def test_a_valid_username_is_stored_trimmed_and_lowercase(given, stored):
    assert normalise_username(given) == stored


@pytest.mark.parametrize("username", INVALID_USERNAMES)
def test_a_username_is_3_to_64_safe_characters_starting_with_a_letter_or_digit(username):
    assert normalise_username(username) is None


def test_a_password_is_between_the_minimum_and_what_login_reads():
    assert MAX_PASSWORD_LENGTH == 256
    assert password_problem("p" * (MIN_PASSWORD_LENGTH - 1)) == "PASSWORD_TOO_SHORT"
    assert password_problem("p" * MIN_PASSWORD_LENGTH) is None
    assert password_problem("p" * MAX_PASSWORD_LENGTH) is None
    assert password_problem("p" * (MAX_PASSWORD_LENGTH + 1)) == "PASSWORD_TOO_LONG"


@pytest.mark.parametrize("username", INVALID_USERNAMES)
async def test_the_api_and_the_cli_refuse_the_same_usernames(api, username):
    admin = await make_user(await make_org(), Role.ADMIN)
    token = await api.login(admin.username)

    payload = await _create_user(api, token, username=username)
    assert payload["errors"] == [{"code": "USERNAME_INVALID", "field": "username"}]
    with pytest.raises(bootstrap.BootstrapError) as raised:
        await bootstrap.create_user(
            organisation="acme", role=Role.REP, username=username, password="p" * 8
        )
    assert raised.value.code == bootstrap.BootstrapErrorCode.INVALID_USERNAME


@pytest.mark.parametrize(
    ("length", "api_code", "cli_code"),
    [
        (MIN_PASSWORD_LENGTH - 1, "PASSWORD_TOO_SHORT", "PASSWORD_TOO_SHORT"),
        (MAX_PASSWORD_LENGTH + 1, "TOO_LONG", "PASSWORD_TOO_LONG"),
    ],
)
async def test_the_api_and_the_cli_refuse_the_same_passwords(api, length, api_code, cli_code):
    admin = await make_user(await make_org(), Role.ADMIN)
    token = await api.login(admin.username)

    payload = await _create_user(api, token, username="api.user", password="p" * length)
    assert payload["errors"] == [{"code": api_code, "field": "password"}]
    with pytest.raises(bootstrap.BootstrapError) as raised:
        await bootstrap.create_user(
            organisation="acme", role=Role.REP, username="cli.user", password="p" * length
        )
    assert raised.value.code == cli_code
    assert not await User.filter(username__in=["api.user", "cli.user"]).exists()


async def test_the_longest_password_either_accepts_is_one_login_can_use(api):
    longest = "p" * MAX_PASSWORD_LENGTH
    admin = await make_user(await make_org(), Role.ADMIN)
    token = await api.login(admin.username)

    payload = await _create_user(api, token, username="api.user", password=longest)
    assert payload["errors"] == []
    await bootstrap.create_user(
        organisation="acme", role=Role.REP, username="cli.user", password=longest
    )
    for username in ("api.user", "cli.user"):
        body = await api.graphql(LOGIN, {"username": username, "password": longest})
        assert body["data"]["login"]["errors"] == [], username
        body = await api.graphql(LOGIN, {"username": username, "password": longest[:-1]})
        assert body["data"]["login"]["errors"] != [], username


async def _create_user(api: Api, token: str, **fields: Any) -> dict[str, Any]:
    body = await api.graphql(
        CREATE_USER,
        {"input": {"displayName": "新人", "role": "REP", **fields}},
        token=token,
    )
    assert "errors" not in body, body
    payload: dict[str, Any] = body["data"]["createUser"]
    return payload
