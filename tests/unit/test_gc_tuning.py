"""Our long-lived processes raise the collector's young threshold (config/gc_tuning.py)."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from config.gc_tuning import OLDER_THRESHOLDS, YOUNG_THRESHOLD, tune_gc


@pytest.fixture
def saved_gc() -> Iterator[None]:
    thresholds = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*thresholds)


@pytest.mark.usefixtures("saved_gc")
def test_tuning_raises_the_young_threshold_and_can_freeze_what_lives() -> None:
    before = gc.get_freeze_count()
    tune_gc(freeze=False)
    assert gc.get_threshold() == (YOUNG_THRESHOLD, *OLDER_THRESHOLDS)
    assert gc.get_freeze_count() == before
    tune_gc(freeze=True)
    assert gc.get_freeze_count() > before


@pytest.mark.usefixtures("saved_gc")
def test_cycles_are_still_collected() -> None:
    tune_gc(freeze=False)

    class Node:
        other: object = None

    first, second = Node(), Node()
    first.other, second.other = second, first
    alive = len(gc.get_objects())
    del first, second
    assert gc.collect() >= 2
    assert len(gc.get_objects()) <= alive
