"""Per-request GraphQL context: the caller, the clock, the locale and fresh dataloaders."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.types import Info as StrawberryInfo

from api.auth.principal import Principal
from api.clock import Clock
from api.errors import ApiError, ApiErrorCode
from api.loaders import Loaders
from api.services import Services
from api.settings import Settings


@dataclass(frozen=True, slots=True)
class PersonalDataView:
    """One unmasked personal-data field shown to the caller (recorded in the audit log)."""

    subject_type: str
    subject_id: str
    field: str


@dataclass
class Context:
    request: Request | WebSocket
    response: Response | None
    services: Services
    locale: str
    principal: Principal | None
    loaders: Loaders
    personal_data_views: list[PersonalDataView] = field(default_factory=list)
    # The graphql-transport-ws ``connection_init`` payload (websocket connections only).
    connection_params: dict[str, object] | None = None

    @property
    def settings(self) -> Settings:
        return self.services.settings

    @property
    def clock(self) -> Clock:
        return self.services.clock

    def require_principal(self) -> Principal:
        if self.principal is None:
            raise ApiError(ApiErrorCode.UNAUTHENTICATED)
        return self.principal

    def record_personal_data_view(self, subject_type: str, subject_id: str, field: str) -> None:
        self.personal_data_views.append(PersonalDataView(subject_type, subject_id, field))


Info = StrawberryInfo[Context, Any]
