"""Python's garbage collector, tuned for our long-lived processes (salon hosts, Serve replicas,
the scheduler and the sender).

Each call makes thousands of short-lived objects (a campaign run over one salon: models, rows,
JSON), while the process holds many long-lived ones (its salons' agendas). With Python's young
threshold of 700 allocations, collections ran so often that objects of a call still in use got
promoted and full collections over every resident salon followed: a campaign over 100 salons in
one host spent ~25 % of its CPU in the collector (4 full collections). With 50,000 it spent 0-3 %
and ~30 % less CPU in all (scripts/bench/campaign.py; measured in-process with gc.callbacks).
Cycles are still collected, only later; at most the young generation's garbage waits.
"""

from __future__ import annotations

import gc

YOUNG_THRESHOLD = 50_000  # Python's default: 700
OLDER_THRESHOLDS = (20, 10)  # Python's default: (10, 10)


def tune_gc(*, freeze: bool) -> None:
    """Raise the young generation's threshold; `freeze`: also collect now and move what the
    process holds after start-up (modules, settings) out of every later collection's scan
    (Serve already does this for replicas once they start)."""
    if freeze:
        gc.collect()
        gc.freeze()
    gc.set_threshold(YOUNG_THRESHOLD, *OLDER_THRESHOLDS)
