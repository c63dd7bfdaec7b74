"""Where the bundled dataset and seed documents live: inside the wheel, or in a source checkout."""

from __future__ import annotations

from pathlib import Path

__all__ = ["bundled_data", "bundled_seeds"]


def _root() -> Path:
    """The folder holding ``data/`` and ``seeds/``: packaged copies first, then the checkout."""
    packaged = Path(__file__).resolve().parents[1] / "_bundled"  # the installed package's folder
    if (packaged / "data" / "actions.yaml").is_file():
        return packaged
    return Path(__file__).resolve().parents[3]


def bundled_data() -> Path:
    """The folder of bundled action files (every ``*.yaml`` below it is read).

    >>> bundled_data().name, (bundled_data() / "actions.yaml").is_file()
    ('data', True)
    """
    return _root() / "data"


def bundled_seeds() -> Path:
    """The folder of bundled seed documents.

    >>> bundled_seeds().name
    'seeds'
    """
    return _root() / "seeds"
