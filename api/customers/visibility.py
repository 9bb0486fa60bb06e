"""What of a customer each role may see (DOMAIN.md, "People (roles)"): one place for the rules.

marketing: customers' tags only, never contacts; finance: payment account and terms, no
contacts; delivery: technical contacts' name and e-mail; sales roles: their scope's contacts,
masked in lists, unmasked one at a time by an audited reveal.
"""

from __future__ import annotations

from api.auth.permissions import Permission
from api.auth.principal import Principal
from api.customers.models import Contact, ContactKind
from api.org.models import Role

ALL_CONTACT_FIELDS = frozenset({"phone", "email", "wechat_id"})
DELIVERY_CONTACT_FIELDS = frozenset({"email"})


def sees_contacts(principal: Principal) -> bool:
    return principal.can(Permission.CONTACTS_VIEW)


def sees_notes(principal: Principal) -> bool:
    return principal.can(Permission.CONTACTS_VIEW)


def sees_payment(principal: Principal) -> bool:
    return principal.can(Permission.PAYMENT_VIEW)


def visible_contacts(rows: list[Contact], principal: Principal) -> list[Contact]:
    """The contacts of a customer the caller may see at all."""
    if not sees_contacts(principal):
        return []
    if principal.role == Role.DELIVERY:
        return [r for r in rows if r.kind == ContactKind.TECHNICAL]
    return rows


def contact_fields(principal: Principal) -> frozenset[str]:
    """Which contact details the caller sees (masked in lists, unmasked when revealed)."""
    return DELIVERY_CONTACT_FIELDS if principal.role == Role.DELIVERY else ALL_CONTACT_FIELDS


def may_reveal(principal: Principal, contact: Contact) -> bool:
    """Whether the caller may see this (visible) contact's details unmasked."""
    if principal.role == Role.DELIVERY:
        return contact.kind == ContactKind.TECHNICAL
    return principal.can(Permission.CONTACTS_REVEAL)
