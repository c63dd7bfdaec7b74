"""Imports kept off the cold path: modules our dependencies load eagerly but a question rarely needs.

pendulum imports ``dateutil.parser`` (and with it ``dateutil.tz`` and ``decimal``) when it is
imported, for its lenient parser, which this library never calls: about 25 ms of every cold CLI
run. The module is registered with the standard library's :class:`importlib.util.LazyLoader`, so
it is executed, unchanged, the first time anyone reads one of its attributes. ``blake2b`` is
hashlib's own, imported without hashlib, which loads OpenSSL first (3 to 20 ms of a cold CLI here).
"""

from __future__ import annotations

import importlib.util
import sys
from typing import Any

try:
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - an interpreter built without it
    from hashlib import blake2b

__all__ = ["blake2b", "defer_dateutil_parser"]


def defer_dateutil_parser() -> None:
    """Register ``dateutil.parser`` to load on first attribute access (once; a no-op if it is loaded already).

    >>> import dateutil.parser
    >>> callable(dateutil.parser.parse)
    True
    """
    name = "dateutil.parser"
    if name in sys.modules:
        return
    try:
        spec = importlib.util.find_spec(name)
    except ImportError:  # pragma: no cover - dateutil absent: pendulum will say so itself
        return
    if spec is None or spec.loader is None:  # pragma: no cover
        return
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    parent: Any = sys.modules["dateutil"]
    parent.parser = module  # as an import would: `from dateutil import parser` finds it
