"""Name normalization for entity resolution: one key per spelling, whatever its case, width or suffix.

``Huawei Technologies Co., Ltd.``, ``HUAWEI TECHNOLOGIES CO LTD`` and ``Ｈｕａｗｅｉ Technologies`` share
a key; so do ``华为技术有限公司`` and ``华为技术``. Legal suffixes only go when something is left.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

__all__ = ["did_you_mean", "name_key"]

_LATIN_SUFFIXES = frozenset(
    {
        "co",
        "company",
        "corp",
        "corporation",
        "inc",
        "incorporated",
        "ltd",
        "limited",
        "llc",
        "plc",
        "gmbh",
        "sa",
        "ag",
        "bv",
        "nv",
        "pte",
        "pty",
        "pvt",
        "private",
        "sarl",
        "srl",
        "spa",
        "sas",
        "kk",
        "oy",
        "ab",
        "ltda",
        "lp",
        "llp",
    }
)
_HAN_SUFFIXES = ("股份有限公司", "有限责任公司", "有限責任公司", "有限公司", "股份公司", "公司")
_PUNCT = re.compile(r"[^\w\s]+", re.UNICODE)


@lru_cache(maxsize=1 << 17)
def name_key(name: str) -> str:
    """The comparison key of a name: folded case and width, no diacritics, punctuation or legal suffix.

    >>> name_key("Huawei Technologies Co., Ltd.")
    'huawei technologies'
    >>> name_key("ＨＵＡＷＥＩ  technologies co ltd") == name_key("Huawei Technologies")
    True
    >>> name_key("Société Générale S.A."), name_key("华为技术有限公司"), name_key("Hua\u200bwei")
    ('societe generale', '华为技术', 'huawei')
    """
    ascii_only = name.isascii()
    if ascii_only:
        text = name.lower()
    else:
        text = unicodedata.normalize("NFKC", name)
        # marks go, and so do invisible format characters (zero-width space, soft hyphen, direction marks):
        # pasted from a web page, "Hua\u200bwei" is Huawei, not two words
        text = "".join(
            ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch) and unicodedata.category(ch) != "Cf"
        ).casefold()
    text = text.replace("&", " and ").replace(".", "")
    words = _PUNCT.sub(" ", text).split()
    while len(words) > 1 and words[-1] in _LATIN_SUFFIXES:
        words.pop()
    if len(words) > 1 and words[0] == "the":
        words.pop(0)
    key = " ".join(words)
    if not ascii_only:
        for suffix in _HAN_SUFFIXES:
            if key.endswith(suffix) and len(key) > len(suffix):
                key = key[: -len(suffix)].rstrip()
                break
    return key


def did_you_mean(word: str, choices: Sequence[str], cutoff: float = 70) -> str | None:
    """The closest choice to ``word`` if it is close enough.

    >>> did_you_mean("efective", ["announced", "effective", "ended"])
    'effective'
    """
    if not choices:
        return None
    from rapidfuzz import process  # imported here: only near misses need it

    best = process.extractOne(word, choices, score_cutoff=cutoff)
    return best[0] if best else None
