"""China's list of dishonest judgment debtors: Jia Yueting, Gan Wei and Leshi Holdings (seed 004)."""

from __future__ import annotations

from tests.data.facts import assert_not_restricted, assert_restricted, tracker


def test_jia_yueting_listed_december_2017() -> None:
    assert_not_restricted("Jia Yueting", on="2017-12-10")
    assert_restricted("贾跃亭", on="2017-12-11", by="cn-court-2017-jia-yueting-dishonest-debtor")


def test_gan_wei_listed_in_2018_at_month_precision() -> None:
    assert_not_restricted("Gan Wei", on="2017-12-31")
    assert_restricted("甘薇", on="2018-04-30", by="cn-court-2018-gan-wei-dishonest-debtor")
    effective = tracker().action("cn-court-2018-gan-wei-dishonest-debtor").dates.effective
    assert effective is not None and effective.precision.value == "month" and effective.confidence.value == "unconfirmed"


def test_uncertain_dates_are_flagged_in_the_explanation() -> None:
    answer = tracker().restrictions("Gan Wei", on="2018-05-15")
    assert "month precision" in answer.restrictions[0].explanation


def test_company_listed_with_her() -> None:
    assert_restricted("Leshi Holdings", on="2018-04-30", by="cn-court-2018-leshi-holdings-dishonest-debtor")
