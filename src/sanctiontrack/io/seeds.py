"""Seed documents: find them, and check that a quote appears in one verbatim.

Quotes are compared after folding whitespace runs to one space and curly quotes, primes and
dashes to their plain forms, so a quote typed with straight quotes still matches the seed.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import attrs

__all__ = ["QuoteCheck", "SeedLibrary", "locate_quote", "normalize_quote"]

_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u00b4": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2026": "...",
    }
)
_SPACE = re.compile(r"\s+")


def normalize_quote(text: str) -> str:
    """Fold whitespace, quote marks and dashes so equivalent spellings compare equal.

    >>> normalize_quote("  “Disappointed”\\n after  a ruling — ok ")
    '"Disappointed" after a ruling - ok'
    """
    return _SPACE.sub(" ", text.translate(_FOLD)).strip()


def _normalized_with_offsets(text: str) -> tuple[str, list[int]]:
    """The normalized text and, for each of its characters, the index it came from in ``text``."""
    out: list[str] = []
    where: list[int] = []
    in_space = False
    for index, char in enumerate(text):
        if char.isspace() or char == "\u00a0":
            if not in_space and out:
                out.append(" ")
                where.append(index)
            in_space = True
            continue
        in_space = False
        for folded in char.translate(_FOLD):
            out.append(folded)
            where.append(index)
    return "".join(out), where


def locate_quote(text: str, quote: str) -> tuple[int, int] | None:
    r"""Where ``quote`` stands in ``text``, as ``(start, end)`` indices of ``text``, or None.

    Whitespace, quote marks and dashes are compared as the validator compares them.

    >>> text = "Huawei said it is “disappointed”  after the\nruling."
    >>> start, end = locate_quote(text, 'it is "disappointed" after the ruling')
    >>> text[start:end]
    'it is “disappointed”  after the\nruling'
    """
    wanted = normalize_quote(quote)
    if not wanted:
        return None
    normalized, where = _normalized_with_offsets(text)
    found = normalized.find(wanted)
    if found < 0:
        return None
    return where[found], where[found + len(wanted) - 1] + 1


@attrs.frozen(slots=True)
class QuoteCheck:
    """The outcome of looking for a quote in a seed: found, or the closest passage and its score."""

    found: bool
    closest: str = ""
    score: float = 0.0


@attrs.define
class SeedLibrary:
    """The seed files available to the validator, looked up by file name in one or more folders."""

    folders: tuple[Path, ...]
    _texts: dict[str, str | None] = attrs.field(factory=dict, init=False)

    def text(self, name: str) -> str | None:
        """The normalized text of seed file ``name``, or None if no folder holds it."""
        if name not in self._texts:
            self._texts[name] = None
            for folder in self.folders:
                candidate = folder / name
                if candidate.is_file():
                    self._texts[name] = _load_normalized(str(candidate))
                    break
        return self._texts[name]

    def check(self, name: str, quote: str) -> QuoteCheck:
        """Whether ``quote`` appears in seed ``name``; when not, the closest passage.

        >>> import tempfile, pathlib
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (folder / "s.txt").write_text("Huawei said it is “disappointed” today.")
        >>> SeedLibrary((folder,)).check("s.txt", 'it is "disappointed"').found
        True
        """
        text = self.text(name)
        if text is None:
            return QuoteCheck(False)
        wanted = normalize_quote(quote)
        if wanted and wanted in text:
            return QuoteCheck(True)
        from rapidfuzz import fuzz  # imported here: only failed quotes need it

        alignment = fuzz.partial_ratio_alignment(wanted, text)
        if alignment is None:
            return QuoteCheck(False)
        start, end = alignment.dest_start, alignment.dest_end
        return QuoteCheck(False, text[start:end], alignment.score)


@lru_cache(maxsize=64)
def _load_normalized(path: str) -> str:
    return normalize_quote(Path(path).read_text(encoding="utf-8"))
