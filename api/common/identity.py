"""Identity rules shared by every way a user comes into being: usernames and passwords.

The API (``createUser``/``updateUser``) and the operator CLI (``liuhen users create``) both
apply these, each reporting a refusal with its own error type.
"""

from __future__ import annotations

import re
from typing import Final, Literal

from api.auth.passwords import MIN_PASSWORD_LENGTH

# 3-64 lowercase ascii letters, digits, '.', '_' or '-', starting with a letter or digit.
USERNAME_PATTERN: Final = re.compile(r"[a-z0-9][a-z0-9._-]{2,63}")
MIN_USERNAME_LENGTH: Final = 3
MAX_USERNAME_LENGTH: Final = 64
# The login mutation reads at most this many characters: a longer password could never log in.
MAX_PASSWORD_LENGTH: Final = 256

PasswordProblem = Literal["PASSWORD_TOO_SHORT", "PASSWORD_TOO_LONG"]


def normalise_username(value: str) -> str | None:
    """The username as stored (trimmed, lowercase), or None when it breaks the rules."""
    username = value.strip().lower()
    return username if USERNAME_PATTERN.fullmatch(username) else None


def password_problem(password: str) -> PasswordProblem | None:
    """Why ``password`` cannot be set, as a reason code; None when it is acceptable."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return "PASSWORD_TOO_SHORT"
    if len(password) > MAX_PASSWORD_LENGTH:
        return "PASSWORD_TOO_LONG"
    return None
