"""Seed documents: find them, and check that a quote appears in one verbatim.

Quotes are compared after folding whitespace runs to one space and curly quotes, primes and
dashes to their plain forms, so a quote typed with straight quotes still matches the seed.
"""

from __future__ import annotations

import re
import stat
from functools import lru_cache
from pathlib import Path

import attrs

__all__ = ["MAX_QUOTE", "MAX_SEED_BYTES", "MIN_QUOTE", "QuoteCheck", "SeedLibrary", "locate_quote", "normalize_quote"]

#: The largest seed file read, in bytes (the bundled ones are under 40 kB).
MAX_SEED_BYTES = 4 * 1024 * 1024
#: The shortest and longest quote checked, in characters once normalized: a shorter one proves
#: nothing (``e`` is in every seed), a longer one is a paste, not a quote.
MIN_QUOTE = 12
MAX_QUOTE = 2_000
#: How much of a quote that is not found is aligned for the "closest passage" hint; aligning at most
#: this many characters keeps the work linear in the seed's size.
_HINT = 120

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
    #: Why a seed name was refused (it leaves its folder, is no regular file, or is too large), by name.
    refused: dict[str, str] = attrs.field(factory=dict, init=False)

    def text(self, name: str) -> str | None:
        """The normalized text of seed file ``name``, or None if no folder holds it (or it was refused: see ``refused``).

        Nothing outside a seed folder is read: a name with a path in it, a symlink that leaves its
        folder, anything but a regular file and a file over ``MAX_SEED_BYTES`` are refused.
        """
        if name not in self._texts:
            self._texts[name] = None
            for folder in self.folders:
                candidate = folder / name
                if not (candidate.is_file() or candidate.is_symlink()):
                    continue
                why = _refusal(folder, name)
                if why is not None:
                    self.refused[name] = why
                    break
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

        # The quote's start only: aligning all of a long quote with a long seed is quadratic.
        alignment = fuzz.partial_ratio_alignment(wanted[:_HINT], text)
        if alignment is None:
            return QuoteCheck(False)
        start, end = alignment.dest_start, alignment.dest_end
        return QuoteCheck(False, text[start:end], alignment.score)


def _refusal(folder: Path, name: str) -> str | None:
    """Why seed ``name`` in ``folder`` may not be read, or None when it is a regular file inside the folder."""
    if Path(name).name != name or name in (".", ".."):
        return "a seed is named by its file name alone, with no folder"
    candidate = folder / name
    try:
        real = candidate.resolve(strict=True)
        if not real.is_relative_to(folder.resolve(strict=True)):
            return f"it is a link that leaves the seed folder {folder}"
        info = real.stat()
    except (OSError, RuntimeError) as err:  # a dangling or looping link
        return f"it cannot be read ({getattr(err, 'strerror', None) or err})"
    if not stat.S_ISREG(info.st_mode):
        return "it is not a regular file"
    if info.st_size > MAX_SEED_BYTES:
        return f"it has {info.st_size:,} bytes; a seed has at most {MAX_SEED_BYTES:,}"
    return None


@lru_cache(maxsize=64)
def _load_normalized(path: str) -> str:
    return normalize_quote(Path(path).read_text(encoding="utf-8"))
