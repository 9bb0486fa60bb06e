"""Composes each domain's queries and mutations into the one schema; adds the extensions."""

from __future__ import annotations

from functools import cache

import strawberry
from graphql import GraphQLError
from strawberry.tools import merge_types
from strawberry.types import ExecutionContext

from api.audit.mutations import AuditMutations
from api.audit.queries import AuditQueries
from api.auth.mutations import AuthMutations
from api.auth.queries import AuthQueries
from api.customers.mutations import CustomerMutations
from api.customers.queries import CustomerQueries
from api.graphql.extensions import extensions_for
from api.jobs.mutations import JobMutations
from api.jobs.queries import JobQueries
from api.leads.admin import LeadAdminMutations, LeadAdminQueries
from api.leads.import_schema import LeadImportMutations, LeadImportQueries
from api.leads.mutations import LeadMutations
from api.leads.queries import LeadQueries
from api.notifications.mutations import NotificationMutations
from api.notifications.queries import NotificationQueries
from api.notifications.subscriptions import NotificationSubscriptions
from api.onboarding.mutations import OnboardingMutations
from api.onboarding.queries import OnboardingQueries
from api.org.mutations import OrgMutations
from api.org.queries import OrgQueries
from api.settings import Settings
from api.visits.mutations import VisitMutations
from api.visits.queries import VisitQueries

Query = merge_types(
    "Query",
    (
        AuthQueries,
        OrgQueries,
        CustomerQueries,
        AuditQueries,
        JobQueries,
        NotificationQueries,
        VisitQueries,
        LeadQueries,
        LeadAdminQueries,
        LeadImportQueries,
        OnboardingQueries,
    ),
)
Mutation = merge_types(
    "Mutation",
    (
        AuthMutations,
        OrgMutations,
        CustomerMutations,
        AuditMutations,
        JobMutations,
        NotificationMutations,
        VisitMutations,
        LeadMutations,
        LeadAdminMutations,
        LeadImportMutations,
        OnboardingMutations,
    ),
)
Subscription = merge_types("Subscription", (NotificationSubscriptions,))


class Schema(strawberry.Schema):
    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        """Expected errors are not logged; ErrorCodes logs the unexpected ones with traces."""


@cache
def build_schema(settings: Settings) -> strawberry.Schema:
    """The schema with the limits and extensions these settings ask for."""
    return Schema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        extensions=extensions_for(settings),
    )


def sdl() -> str:
    """The schema definition language text that is committed as schema.graphql."""
    return build_schema(Settings()).as_str() + "\n"
