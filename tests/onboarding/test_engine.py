"""The engine's own helpers."""

from __future__ import annotations

import gc

import pytest

from api.onboarding.engine import collection_paused


def test_collection_is_paused_inside_and_restored_after_even_on_error() -> None:
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collection_paused():
        assert not gc.isenabled()
        raise RuntimeError("the sweep failed")
    assert gc.isenabled()


def test_a_caller_that_paused_collection_itself_keeps_it_paused() -> None:
    gc.disable()
    try:
        with collection_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()
