"""Where the bundled dataset and seed documents live: inside the wheel, or in a source checkout."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

__all__ = ["bundled_data", "bundled_seeds"]


def _root() -> Path:
    """The folder holding ``data/`` and ``seeds/``: packaged copies first, then the checkout."""
    packaged = Path(str(resources.files("sanctiontrack"))) / "_bundled"
    if (packaged / "data" / "actions.yaml").is_file():
        return packaged
    return Path(__file__).resolve().parents[2]


def bundled_data() -> Path:
    """The bundled action file.

    >>> bundled_data().name
    'actions.yaml'
    """
    return _root() / "data" / "actions.yaml"


def bundled_seeds() -> Path:
    """The folder of bundled seed documents.

    >>> bundled_seeds().name
    'seeds'
    """
    return _root() / "seeds"
