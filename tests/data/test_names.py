"""Entity resolution: English variants, Entity List spellings, Han script, width and suffixes."""

from __future__ import annotations

import pytest

from sanctiontrack import UnknownEntityError
from tests.data.facts import assert_not_restricted, assert_resolves, tracker


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
