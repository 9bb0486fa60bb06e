"""Phone numbers and e-mail addresses as people type them: normalised or refused."""

from __future__ import annotations

import re

_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^0\d{9,11}$")
_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}$")
MAX_EMAIL_LENGTH = 254


def normalise_phone(phone: str) -> str | None:
    """Digits of a Chinese mobile (+86 allowed) or landline number, or None if invalid."""
    digits = re.sub(r"[\s\-()（）]", "", phone)
    if digits.startswith("+86"):
        digits = digits[3:]
    elif digits.startswith("0086"):
        digits = digits[4:]
    elif digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    if _MOBILE.match(digits) or _LANDLINE.match(digits):
        return digits
    return None


def normalise_email(email: str) -> str | None:
    """The address trimmed and lower-cased, or None if it is not an e-mail address."""
    value = email.strip().lower()
    if len(value) > MAX_EMAIL_LENGTH or not _EMAIL.match(value):
        return None
    return value
