"""A foreign report joins the English story of its event by the multilingual lead embedding,
confirmed by a shared name and the date (issue 20). Real models; texts are our own."""

from __future__ import annotations

import datetime as dt

from storyweave.model import Article
from storyweave.pipeline import Pipeline
from storyweave.stories import add_articles, open_clusterer
from storyweave.stories.crosslang import CROSS_JOIN, join_bar

DAY = dt.date(2026, 2, 17)
ENGLISH = (
    "Hospital workers in Valparaiso walk out over pay",
    "Nurses and orderlies at three public hospitals in Valparaiso went on strike on Tuesday, "
    "demanding a 9 percent pay rise and more staff on night shifts. The regional health "
    "service said emergency wards stayed open with reduced teams.",
)
VIETNAMESE = (
    "Nhân viên bệnh viện ở Valparaiso đình công đòi tăng lương",
    "Y tá và hộ lý tại ba bệnh viện công ở Valparaiso đã đình công hôm thứ Ba, yêu cầu tăng "
    "lương 9% và bổ sung nhân lực cho ca đêm. Cơ quan y tế khu vực cho biết các khoa cấp cứu "
    "vẫn hoạt động với số nhân viên ít hơn.",
)
OTHER_EVENT = (
    "Cháy chợ ở Hải Phòng, hàng trăm ki-ốt bị thiêu rụi",
    "Một đám cháy lớn đã thiêu rụi hàng trăm ki-ốt tại chợ Sắt ở Hải Phòng rạng sáng thứ Ba. "
    "Không có thương vong về người, lực lượng cứu hỏa mất bốn giờ để khống chế ngọn lửa.",
)


def _article(ref: str, parts: tuple[str, str], day: dt.date, language: str) -> Article:
    title, text = parts
    return Article(id=ref, text=text, ref=ref, title=title, published=day, language=language)


def _stories(*arts: Article) -> dict[str, str]:
    items = Pipeline().run(list(arts)).articles
    clusterer = open_clusterer()
    add_articles(clusterer, items)
    return {a: s for s, members in clusterer.partition().items() for a in members}


def test_an_independent_foreign_report_joins_the_english_story() -> None:
    story = _stories(
        _article("en", ENGLISH, DAY, "en"),
        _article("vi", VIETNAMESE, DAY, "vi"),
        _article("vi-other", OTHER_EVENT, DAY, "vi"),
    )
    assert story["vi"] == story["en"]
    assert story["vi-other"] != story["en"]  # the same day, but no name and another event


def test_a_report_weeks_away_does_not_join() -> None:
    story = _stories(
        _article("en", ENGLISH, DAY, "en"), _article("vi", VIETNAMESE, DAY + dt.timedelta(20), "vi")
    )
    assert story["vi"] != story["en"]


def test_each_language_pair_has_its_own_bar() -> None:
    assert join_bar("vi") == CROSS_JOIN["vi"] != join_bar("ru") == CROSS_JOIN["ru"]
    assert join_bar("th") >= max(CROSS_JOIN.values())  # a language not measured: the strictest
