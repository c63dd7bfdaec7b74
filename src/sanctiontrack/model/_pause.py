"""Pausing the garbage collector while many long-lived objects are made (kept apart so that importing it is free)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["paused_gc"]


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while many long-lived objects are built at once, then restore it.

    The records form no cycles worth collecting, and collection passes over a growing heap of them
    cost several times the build itself. The collector is left as it was found (enabled or not);
    nothing is frozen or tuned for the rest of the host process.

    >>> with paused_gc():
    ...     import gc
    ...     gc.isenabled()
    False
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
