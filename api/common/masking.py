"""Minimum-necessary display of personal data."""

from __future__ import annotations


def mask_phone(phone: str) -> str:
    """138****5678: keep the first three and last four digits."""
    if len(phone) <= 7:
        return "*" * len(phone)
    return phone[:3] + "*" * (len(phone) - 7) + phone[-4:]


def mask_email(email: str) -> str:
    """z***@hospital.example: keep the first letter and the domain."""
    local, at, domain = email.partition("@")
    if not at:
        return "***"
    return (local[:1] or "*") + "***@" + domain


def mask_text(value: str) -> str:
    return value[:1] + "***" if value else value
