"""Nested relations are scoped like queries: by organisation and by role."""

from __future__ import annotations

from api.auth import service
from api.loaders import Loaders
from tests.factories import PASSWORD, make_org, make_user, make_world


async def _principal(user, services):
    pair = await service.login_with_password(
        username=user.username, password=PASSWORD, clock=services.clock, settings=services.settings
    )
    return await service.authenticate(
        access_token=pair.access_token, clock=services.clock, settings=services.settings
    )


async def test_a_rep_sees_their_own_chain_but_not_other_teams(services):
    w = await make_world()
    loaders = Loaders(await _principal(w.rep_a, services))
    assert await loaders.user_by_id.load(w.manager_a.id) == w.manager_a
    assert await loaders.user_by_id.load(w.director.id) == w.director
    assert await loaders.user_by_id.load(w.manager_b.id) is None
    assert await loaders.user_by_id.load(w.rep_b.id) is None
    assert await loaders.user_by_id.load(w.rep_a2.id) is None
    assert await loaders.team_by_id.load(w.team_a.id) == w.team_a
    assert await loaders.team_by_id.load(w.region.id) == w.region
    assert await loaders.team_by_id.load(w.team_b.id) is None


async def test_a_manager_sees_their_team_and_chain(services):
    w = await make_world()
    loaders = Loaders(await _principal(w.manager_a, services))
    assert await loaders.user_by_id.load(w.rep_a2.id) == w.rep_a2
    assert await loaders.user_by_id.load(w.director.id) == w.director
    assert await loaders.user_by_id.load(w.rep_b.id) is None


async def test_nobody_sees_across_organisations(services):
    w = await make_world()
    other_org = await make_org()
    stranger = await make_user(other_org)
    loaders = Loaders(await _principal(w.admin, services))
    assert await loaders.user_by_id.load(w.rep_b.id) == w.rep_b
    assert await loaders.user_by_id.load(stranger.id) is None


async def test_loading_only_yourself_costs_no_scope_queries(services):
    from api.common.querylog import count_queries

    w = await make_world()
    loaders = Loaders(await _principal(w.manager_a, services))
    async with count_queries() as log:
        assert await loaders.user_by_id.load(w.manager_a.id) == w.manager_a
    assert log.count == 1
