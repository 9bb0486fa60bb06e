"""Local receivers for the external channels, and the settings that point at them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

from api.settings import Settings
from tests.servers.dingtalk import FakeDingtalk, running_dingtalk
from tests.servers.wecom import FakeWecom, running_wecom

WECOM_KEY = "wecom-robot-key"
DINGTALK_TOKEN = "dingtalk-token"
DINGTALK_SECRET = "SEC-dingtalk-secret"


@pytest.fixture
def wecom() -> Iterator[FakeWecom]:
    with running_wecom([WECOM_KEY]) as fake:
        yield fake


@pytest.fixture
def dingtalk() -> Iterator[FakeDingtalk]:
    with running_dingtalk({DINGTALK_TOKEN: DINGTALK_SECRET}) as fake:
        yield fake


@pytest.fixture
def receiver_settings(settings: Settings, wecom: FakeWecom, dingtalk: FakeDingtalk) -> Settings:
    """The test settings with WeCom and DingTalk pointing at the local receivers."""
    return replace(
        settings,
        wecom_api_base=wecom.url,
        dingtalk_api_base=dingtalk.url,
        notification_timeout_seconds=3.0,
    )
