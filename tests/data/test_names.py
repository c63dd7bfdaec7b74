"""Entity resolution: English variants, Entity List spellings, Han script, width and suffixes."""

from __future__ import annotations

import pytest

from sanctiontrack import UnknownEntityError
from tests.data.facts import assert_ambiguous, assert_not_restricted, assert_resolves, tracker


@pytest.mark.parametrize(
    ("name", "entity"),
    [
        ("Huawei", "huawei"),
        ("HUAWEI TECHNOLOGIES CO., LTD.", "huawei"),
        ("华为技术有限公司", "huawei"),
        ("華為技術有限公司", "huawei"),
        ("Ｈｕａｗｅｉ Technologies", "huawei"),
        ("IFLYTEK", "iflytek"),
        ("iFlytek Co Ltd", "iflytek"),
        ("科大讯飞", "iflytek"),
        ("Hangzhou Hikvision Digital Technology Co., Ltd.", "hikvision"),
        ("依图科技", "yitu"),
        ("ZTE Corporation", "zte"),
        ("Zhongxing Telecommunications Equipment Corporation", "zte"),
        ("字节跳动", "bytedance"),
        ("Musical.ly", "musically"),
        ("贾跃亭", "jia-yueting"),
    ],
)
def test_names_resolve(name: str, entity: str) -> None:
    assert_resolves(name, entity)


def test_unknown_names_get_suggestions() -> None:
    with pytest.raises(UnknownEntityError) as caught:
        tracker().restrictions("Hikvison Digital", on="2020-01-01")
    assert any("Hikvision" in s for s in caught.value.suggestions)


def test_named_only_through_an_app_that_was_never_banned() -> None:
    # EO 13971 (Alipay's developer) never operated in the U.S.; in China the SSE's listing halt of 2020-11-03 applies.
    assert_not_restricted("Ant Group", on="2021-02-20", jurisdiction="US")
    assert_not_restricted("蚂蚁集团", on="2021-02-20", jurisdiction="US")


@pytest.mark.parametrize(
    ("name", "entity"),
    [
        # A name two entities share resolves when one of them bears that exact spelling ...
        ("China Unicom", "china-unicom-group"),
        ("china  unicom", "china-unicom-group"),
        ("China Mobile", "china-mobile-group"),
        # ... or has it as its own canonical name, the others as an a.k.a.
        ("CHINA MOBILE LIMITED", "china-mobile-limited"),
        # Same words once legal forms are set aside, but each list row is its own company.
        ("Huawei International Pte. Ltd.", "huawei-international-singapore"),
        ("Huawei International Co., Limited", "huawei-international-hong-kong"),
        ("Huawei Tech Investment Limited", "huawei-tech-investment-qatar"),
    ],
)
def test_a_shared_name_resolves_only_when_its_spelling_or_canonical_name_settles_it(name: str, entity: str) -> None:
    assert_resolves(name, entity)


def test_a_name_several_entities_bear_alike_is_ambiguous_not_picked() -> None:
    # Huawei's own a.k.a. and two listed affiliates (Cairo, Hanoi) reduce to the same words.
    assert_ambiguous("Huawei Technology", "huawei", "huawei-technology-egypt")
    with pytest.raises(UnknownEntityError, match="name one by its full name or id"):
        tracker().restrictions("Huawei Technology", on="2020-01-01")


def test_the_lists_one_company_is_one_entity() -> None:
    # The CSL's "CHINA MOBILE LIMITED" row merges into the curated company, not a second entity beside it.
    ids = {e.id for e in tracker().entities if e.id.startswith("china-mobile-limited")}
    assert ids == {"china-mobile-limited"}
