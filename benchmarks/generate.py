"""Deterministic generator of synthetic, valid sanctiontrack action files, for the benchmarks.

    .venv/bin/python benchmarks/generate.py --actions 10000 --out /tmp/x.yaml --seed 1

The same ``--actions`` and ``--seed`` always give the same bytes. The file has about ``actions / 5``
entities (corporate families with dated ownership links, apps, products, people and institutes; Latin
spelling variants, legal suffixes and Han-script aliases) and one primary source per eight actions.
More than 50k actions exceed sanctiontrack's 64 MiB cap on one file: give a folder as ``--out``.

The mix of actions follows the bundled dataset's shapes: Entity List additions with several targets
(some ``scope: with_subsidiaries``, some limited to specific prohibitions), other restricting kinds with
prohibitions that start and end on their own dates, license chains (``exempts`` plus ``extends``
renewals whose periods overlap or leave gaps), court injunctions that ``enjoins``/``stays`` specific
prohibitions (some later lifted on appeal), revocations, Entity List removals that ``revokes`` for
specific ``entities``, executive orders with an empty ``restricts`` implemented by ``app_ban`` actions,
supersessions and amendments, and non-binding statements, indictments and recommendations.

Every relation points to an earlier action (no cycles) and starts inside the related action's life, so
``sanctiontrack validate`` reports 0 errors. Dates use every form of the format: days, months and
years, instants with a zone, and ``reported`` dates with a note.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import re
import shutil
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

__all__ = ["generate", "main", "write"]

Record = dict[str, Any]

FIRST_DAY = dt.date(2014, 1, 1)
LAST_DAY = dt.date(2024, 6, 30)
NOTE_DAY = "2026-01-15"

ZONES = {
    "US": "America/New_York",
    "CN": "Asia/Shanghai",
    "IN": "Asia/Kolkata",
    "GB": "Europe/London",
    "EU": "Europe/Brussels",
    "JP": "Asia/Tokyo",
}
COURT_ZONES = ["America/Los_Angeles", "America/Chicago", "America/New_York"]

# Latin syllable -> Han character, so every Latin brand has a matching Chinese name.
SYLLABLES = [
    ("Zhong", "中"), ("Xin", "芯"), ("Hua", "华"), ("Tian", "天"), ("Hai", "海"), ("Kang", "康"),
    ("Long", "龙"), ("Rui", "瑞"), ("Jing", "晶"), ("Bo", "博"), ("Da", "大"), ("Tong", "通"),
    ("Wei", "维"), ("Yuan", "源"), ("Sheng", "盛"), ("Guang", "光"), ("Ming", "明"), ("Feng", "锋"),
    ("Heng", "恒"), ("Jia", "嘉"), ("Chuang", "创"), ("Xun", "讯"), ("Yun", "云"), ("Zhi", "智"),
    ("Hong", "宏"), ("An", "安"), ("Dian", "电"), ("Lian", "联"), ("Kai", "凯"), ("Shu", "数"),
]  # fmt: skip
INDUSTRIES = [
    ("Technology", "科技"), ("Electronics", "电子"), ("Semiconductor", "半导体"), ("Communication", "通信"),
    ("Network Technology", "网络技术"), ("Microelectronics", "微电子"), ("Optoelectronics", "光电"),
    ("Intelligent Technology", "智能科技"), ("Information Technology", "信息技术"),
    ("Precision Instruments", "精密仪器"), ("Software", "软件"), ("Aerospace", "航天"),
]  # fmt: skip
TRADITIONAL = str.maketrans("华龙电联讯云维锋数网络术导体仪软创开晶", "華龍電聯訊雲維鋒數網絡術導體儀軟創開晶")
CITIES = [
    ("Shenzhen", "CN"), ("Shanghai", "CN"), ("Beijing", "CN"), ("Hangzhou", "CN"), ("Wuhan", "CN"), ("Chengdu", "CN"),
    ("Suzhou", "CN"), ("Xi'an", "CN"), ("Hong Kong", "HK"), ("Singapore", "SG"), ("Dubai", "AE"), ("Moscow", "RU"),
]  # fmt: skip
FOREIGN = [("Europe", "GmbH", "DE"), ("International", "Pte. Ltd.", "SG"), ("Technologies", "Limited", "HK"), ("America", "Inc.", "US")]
APPS = [("Chat", "聊天"), ("Video", "视频"), ("Browser", "浏览器"), ("Pay", "支付"), ("Music", "音乐"), ("Maps", "地图")]
INSTITUTES = [
    ("Institute of Technology", "理工大学"),
    ("Research Institute of Electronics", "电子研究所"),
    ("Academy of Engineering Physics", "工程物理研究院"),
]
SURNAMES = [
    ("Li", "李"),
    ("Wang", "王"),
    ("Zhang", "张"),
    ("Liu", "刘"),
    ("Chen", "陈"),
    ("Yang", "杨"),
    ("Zhao", "赵"),
    ("Huang", "黄"),
    ("Zhou", "周"),
    ("Wu", "吴"),
]
GIVEN = [
    ("Wei", "伟"),
    ("Fang", "芳"),
    ("Min", "敏"),
    ("Jing", "静"),
    ("Lei", "磊"),
    ("Yang", "洋"),
    ("Jun", "军"),
    ("Tao", "涛"),
    ("Ming", "明"),
    ("Chao", "超"),
]
ITEMS = [  # (id, name): the controlled items export rules name, declared once under `items`
    ("geospatial-imagery-software", "Geospatial imagery software specially designed to train deep convolutional neural networks"),
    ("advanced-computing-ics", "Advanced computing integrated circuits above the performance threshold"),
    ("logic-node-equipment", "Semiconductor manufacturing equipment for logic nodes of 16/14 nm or below"),
    ("gaafet-eda", "Software and technology for electronic design automation of GAAFET structures"),
]
SUFFIX_VARIANTS = {"Co., Ltd.": "CO LTD", "Limited": "LTD", "Inc.": "INC", "Pte. Ltd.": "PTE LTD"}


@dataclass
class Family:
    """A corporate group: the parent, what it owns (possibly through several levels) and its apps."""

    parent: str
    members: list[str] = field(default_factory=list)


@dataclass
class Meta:
    """What later actions need to know about an earlier one to relate to it validly."""

    id: str
    kind: str
    jurisdiction: str
    first: dt.date
    effective: dt.date
    ended: dt.date | None
    prohibitions: list[str]
    entities: list[str]
    removed: list[str] = field(default_factory=list)

    def window(self, rng: random.Random, span: int = 1500) -> dt.date | None:
        """A day strictly inside this action's life, on which a relation to it may start."""
        low = self.effective + dt.timedelta(days=1)
        high = self.ended - dt.timedelta(days=1) if self.ended is not None else self.effective + dt.timedelta(days=span)
        if high < low:
            return None
        return low + dt.timedelta(days=rng.randint(0, min((high - low).days, span)))


_LEGAL = re.compile(r"(?:-(?:co|ltd|limited|inc|gmbh|pte|company))+$")


def _slug(text: str) -> str:
    return _LEGAL.sub("", re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-"))[:100]


class Flow(dict[str, Any]):
    """A mapping written on one line (``{a: 1, b: [x, y]}``), to keep 100k-action files under the reader's 64 MiB cap."""


def _flow(dumper: yaml.SafeDumper, data: Flow) -> yaml.MappingNode:
    return dumper.represent_mapping("tag:yaml.org,2002:map", data, flow_style=True)


class Generator:
    """Builds the three collections; every choice comes from one seeded ``random.Random``."""

    def __init__(self, actions: int, seed: int) -> None:
        self.rng = random.Random(seed)
        self.target_actions = actions
        self.target_entities = max(30, actions // 5)
        self.entities: list[Record] = []
        self.sources: list[Record] = []
        self.actions: list[Record] = []
        self.ids: set[str] = set()
        self.names: set[str] = set()
        self.families: list[Family] = []
        self.companies: list[str] = []
        self.apps: list[tuple[str, str]] = []  # (app, owner)
        self.people: list[str] = []
        self.hot: list[str] = []
        self.display: dict[str, tuple[str, str | None]] = {}  # id -> (name, entity-list spelling)
        self.bases: list[Meta] = []  # restricting actions later actions may relate to
        self.counters: dict[str, int] = {}
        self.source_count = max(10, actions // 8)

    # -- helpers ---------------------------------------------------------------------------

    def unique_id(self, text: str) -> str:
        base = _slug(text) or "x"
        candidate, n = base, 1
        while candidate in self.ids:
            n += 1
            candidate = f"{base}-{n}"
        self.ids.add(candidate)
        return candidate

    def number(self, key: str, start: int) -> int:
        value = self.counters.get(key, start)
        self.counters[key] = value + 1
        return value

    def day_between(self, low: dt.date, high: dt.date) -> dt.date:
        return low + dt.timedelta(days=self.rng.randint(0, max(0, (high - low).days)))

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def date_value(self, day: dt.date, zone: str | None = None, *, instant: float = 0.0, reported: float = 0.0) -> Any:
        """A day as the format writes it: plain, as an instant in ``zone``, or ``reported`` with a note."""
        if zone is not None and self.chance(instant):
            # 04:00 or later: the library refuses local times that a DST change skips or repeats (00:00-03:59 in these zones)
            return {"at": f"{day.isoformat()}T{self.rng.randint(4, 23):02d}:{self.rng.choice(['00', '01', '15', '30', '59'])}", "tz": zone}
        if self.chance(reported):
            return {"date": day.isoformat(), "confidence": "reported", "note": "Only secondary reports give this date."}
        return day.isoformat()

    def coarse(self, day: dt.date) -> Any:
        """An announcement date, sometimes only known to the month or the year (never later than ``day``)."""
        roll = self.rng.random()
        if roll < 0.08:
            return f"{day.year:04d}-{day.month:02d}"
        if roll < 0.10:
            return f"{day.year:04d}"
        return day.isoformat()

    # -- entities ----------------------------------------------------------------------------

    def brand(self) -> tuple[str, str]:
        for _ in range(1000):
            parts = self.rng.sample(SYLLABLES, self.rng.choice([2, 2, 3]))
            latin = parts[0][0] + "".join(p[0].lower() for p in parts[1:])
            if latin not in self.names:
                self.names.add(latin)
                return latin, "".join(p[1] for p in parts)
        latin = f"{self.rng.choice(SYLLABLES)[0]}{len(self.names)}"
        self.names.add(latin)
        return latin, self.rng.choice(SYLLABLES)[1]

    def link(self, relation: str, owner: str, *, dated: float = 0.6) -> Record:
        record: Record = Flow(relation=relation, entity=owner)
        if self.chance(dated):
            record["from"] = self.coarse(self.day_between(dt.date(2005, 1, 1), dt.date(2016, 12, 31)))
        record["sources"] = [f"src-{self.rng.randrange(self.source_count):06d}"]
        return record

    def entity(
        self, name: str, kind: str, country: str, aliases: Sequence[Record] = (), links: Sequence[Record] = (), listed: str | None = None
    ) -> str:
        entity_id = self.unique_id(name)
        record: Record = {"id": entity_id, "name": name, "kind": kind, "country": country}
        if aliases:
            record["aliases"] = list(aliases)
        if links:
            record["links"] = list(links)
        self.entities.append(record)
        self.display[entity_id] = (name, listed)
        return entity_id

    def han_aliases(self, han: str) -> list[Record]:
        out: list[Record] = [{"name": han, "lang": "zh-Hans"}]
        traditional = han.translate(TRADITIONAL)
        if traditional != han and self.chance(0.5):
            out.append({"name": traditional, "lang": "zh-Hant"})
        return out

    def family(self) -> None:
        rng = self.rng
        latin, han = self.brand()
        industry, han_industry = rng.choice(INDUSTRIES)
        name = f"{latin} {industry} Co., Ltd."
        shouted = f"{latin.upper()} {industry.upper()} CO LTD"
        aliases: list[Record] = [{"name": latin}]
        if self.chance(0.6):
            aliases += self.han_aliases(f"{han}{han_industry}{rng.choice(['有限公司', '股份有限公司'])}")
        if self.chance(0.5):
            aliases.append({"name": shouted, "note": "spelling on the Entity List"})
        if self.chance(0.2):
            aliases.append(
                {
                    "name": f"{' '.join(re.findall('[A-Z][a-z]*', latin))} {industry} Company Limited",
                    "note": "romanization in the company's filings",
                }
            )
        if self.chance(0.15):
            aliases.append({"name": f"{latin} Tech Inc.", "note": "former name"})
        parent = self.entity(name, "company", "CN", aliases, listed=shouted if self.chance(0.5) else name)
        group = Family(parent, [parent])
        self.companies.append(parent)
        for _ in range(min(8, int(rng.expovariate(0.45)))):
            owner = rng.choice(group.members[: max(1, len(group.members))]) if self.chance(0.3) else parent
            if self.chance(0.6):
                city, country = rng.choice(CITIES)
                sub_industry, sub_han = rng.choice(INDUSTRIES)
                sub_name = f"{latin} {sub_industry} ({city}) Co., Ltd."
                sub_aliases = self.han_aliases(f"{han}{sub_han}有限公司") if country == "CN" and self.chance(0.4) else []
            else:
                region, suffix, country = rng.choice(FOREIGN)
                sub_name = f"{latin} {region} {suffix}"
                shouted = f"{latin.upper()} {region.upper()} {SUFFIX_VARIANTS.get(suffix, suffix.upper())}"
                sub_aliases = [{"name": shouted}] if self.chance(0.3) and shouted.casefold() != sub_name.casefold() else []
            if sub_name in self.names:
                continue
            self.names.add(sub_name)
            links = [self.link(rng.choice(["subsidiary_of", "subsidiary_of", "part_of", "owned_by"]), owner)]
            if self.chance(0.1):  # sold (links start by 2016): the old link ends the day the new owner's begins
                sold = self.day_between(dt.date(2017, 1, 1), dt.date(2023, 6, 30))
                links[0]["until"] = self.date_value(sold, reported=0.3)
                buyer = rng.choice(self.companies)
                if buyer != parent:
                    new = self.link("owned_by", buyer, dated=0.0)
                    new["from"] = links[0]["until"]
                    links.append(new)
            if self.chance(0.15):
                links.append(self.link(rng.choice(["affiliate_of", "associated_with"]), rng.choice(self.companies)))
            member = self.entity(sub_name, "company", country, sub_aliases, links)
            group.members.append(member)
            self.companies.append(member)
        if self.chance(0.25):
            suffix, han_suffix = rng.choice(APPS)
            app_name = f"{latin} {suffix}"
            owner = rng.choice(group.members)
            app = self.entity(app_name, "app", "CN", [{"name": f"{han}{han_suffix}", "lang": "zh-Hans"}], [self.link("owned_by", owner)])
            self.apps.append((app, owner))
            group.members.append(app)
        if self.chance(0.1):
            product = self.entity(
                f"{latin} X{rng.randint(1, 99)} surveillance cameras", "product", "CN", (), [self.link("brand_of", parent, dated=0.0)]
            )
            group.members.append(product)
        if self.chance(0.15):
            (sur, sur_han), (giv, giv_han) = rng.choice(SURNAMES), rng.choice(GIVEN)
            person = self.entity(
                f"{sur} {giv}", "person", "CN", [{"name": f"{sur_han}{giv_han}", "lang": "zh-Hans"}], [self.link("associated_with", parent)]
            )
            self.people.append(person)
        self.families.append(group)

    def institute(self) -> None:
        city, country = self.rng.choice(CITIES[:8])
        field_name, han_field = self.rng.choice(INSTITUTES)
        name = f"{city} {field_name}"
        if name in self.names:
            name = f"{name} No. {len(self.names)}"
        self.names.add(name)
        entity = self.entity(
            name,
            self.rng.choice(["organization", "government_body"]),
            country,
            [{"name": f"{city}{han_field}", "lang": "zh-Hans"}] if self.chance(0.5) else [],
        )
        self.companies.append(entity)

    def make_entities(self) -> None:
        while len(self.entities) < self.target_entities:
            if self.chance(0.08):
                self.institute()
            else:
                self.family()
        del self.entities[self.target_entities :]
        kept = {e["id"] for e in self.entities}
        for record in self.entities:  # links to entities cut off by the truncation go too
            if "links" in record:
                record["links"] = [link for link in record["links"] if link["entity"] in kept]
                if not record["links"]:
                    del record["links"]
        self.companies = [c for c in self.companies if c in kept]
        self.apps = [(a, o) for a, o in self.apps if a in kept and o in kept]
        self.people = [p for p in self.people if p in kept]
        self.families = [f for f in self.families if f.parent in kept]
        for group in self.families:
            group.members = [m for m in group.members if m in kept]
        parents = [f.parent for f in self.families if len(f.members) > 1] or self.companies
        self.hot = self.rng.sample(parents, max(1, len(parents) // 50))

    def pick_targets(self, count: int) -> list[str]:
        """Distinct companies or institutes; a few big groups are named far more often (like Huawei)."""
        out: list[str] = []
        for _ in range(count * 3):
            if len(out) == count:
                break
            choice = self.rng.choice(self.hot) if self.chance(0.15) else self.rng.choice(self.companies)
            if choice not in out:
                out.append(choice)
        return out

    def target(self, entity: str, role: str = "listed", *, with_subsidiaries: float = 0.25, listed: bool = True) -> Record:
        record: Record = Flow(entity=entity, role=role)
        if self.chance(with_subsidiaries):
            record["scope"] = "with_subsidiaries"
        spelling = self.display[entity][1]
        if listed and spelling is not None and self.chance(0.3):
            record["listed_as"] = spelling
        return record

    # -- sources and shared parts --------------------------------------------------------------

    def make_sources(self) -> None:
        publishers = {
            "US": "Office of the Federal Register",
            "CN": "Ministry of Commerce of the People's Republic of China",
            "IN": "Ministry of Electronics and Information Technology",
            "GB": "UK Parliament",
            "EU": "Publications Office of the European Union",
            "JP": "Ministry of Economy, Trade and Industry",
        }
        codes = list(publishers)
        for i in range(self.source_count):
            code = codes[0] if self.chance(0.7) else self.rng.choice(codes)
            published = self.day_between(FIRST_DAY, LAST_DAY)
            self.sources.append(
                {
                    "id": f"src-{i:06d}",
                    "kind": "primary",
                    "publisher": publishers[code],
                    "title": f"Official document {published.year}-{i:06d}",
                    "published": published.isoformat(),
                    "url": f"https://documents.example.gov/{code.lower()}/{published.year}/{i:06d}",
                }
            )

    def evidence(self, index: int, supports: Sequence[str]) -> list[Record]:
        out: list[Record] = [Flow(source=f"src-{index % self.source_count:06d}", locator="DATES", supports=list(supports))]
        if self.chance(0.2):
            out.append(
                Flow(
                    source=f"src-{self.rng.randrange(self.source_count):06d}", locator=f"p. {self.rng.randint(1, 40)}", supports=["targets"]
                )
            )
        return out

    def instruments(self, jurisdiction: str, kind: str, year: int) -> list[Record]:
        if jurisdiction == "US":
            if kind == "executive_order":
                return [{"type": "executive_order", "value": str(self.number("eo-number", 13600))}]
            if kind == "court_ruling":
                return [
                    {"type": "court_docket", "value": f"{self.rng.randint(1, 4)}:{year % 100:02d}-cv-{self.rng.randint(100, 9999):05d}"}
                ]
            if kind == "legislation":
                return [{"type": "public_law", "value": f"{year - 1903}-{self.rng.randint(1, 300)}, sec. {self.rng.randint(100, 999)}"}]
            document: list[Record] = [{"type": "fr_document", "value": f"{year}-{self.number(f'fr{year}', 10000):05d}"}]
            if self.chance(0.3):
                document.insert(0, {"type": "fr_citation", "value": f"{year - 1935} FR {self.rng.randint(1000, 99999)}"})
            return document
        if jurisdiction == "IN":
            return [{"type": "gazette", "value": f"G.S.R. {self.rng.randint(100, 999)}(E)"}]
        return [{"type": "notice", "value": f"No. {self.number(jurisdiction, 1)} of {year}"}]

    def dates(
        self, effective: dt.date, zone: str, *, instant: float = 0.1, ended: dt.date | None = None, on_signing: bool = False
    ) -> Record:
        """announced <= signed <= published <= effective (or effective on signing, published later)."""
        rng = self.rng
        signed = effective - dt.timedelta(days=rng.randint(0, 10))
        published = signed + dt.timedelta(days=rng.randint(0, (effective - signed).days))
        announced = signed - dt.timedelta(days=rng.randint(0, 20))
        record: Record = {}
        if self.chance(0.4):
            record["announced"] = self.coarse(announced)
        if on_signing:
            record["signed"] = effective.isoformat()
            record["published"] = (effective + dt.timedelta(days=rng.randint(1, 5))).isoformat()
        else:
            if self.chance(0.6):
                record["signed"] = signed.isoformat()
            record["published"] = published.isoformat()
        record["effective"] = self.date_value(effective, zone, instant=instant, reported=0.05)
        if ended is not None:
            record["ended"] = self.date_value(ended, reported=0.05)
        return record

    def emit(self, record: Record, supports: Sequence[str] = ("published", "effective", "targets")) -> Record:
        record["evidence"] = self.evidence(len(self.actions), supports)
        if self.chance(0.05):
            record["notes"] = [{"date": NOTE_DAY, "text": "Synthetic record generated for the benchmarks."}]
        self.actions.append(record)
        return record

    def prohibitions(
        self, specs: Sequence[tuple[str, str, str]], effective: dt.date, *, staged: float = 0.2, lapse: float = 0.1
    ) -> list[Record]:
        """Prohibitions, some starting after the action (never before it) and some ending on their own."""
        out: list[Record] = []
        for pid, category, summary in specs:
            record: Record = {"id": pid, "category": category, "summary": summary}
            start = effective
            if self.chance(staged):
                start = effective + dt.timedelta(days=self.rng.randint(1, 400))
                record["effective"] = start.isoformat()
            if self.chance(lapse):
                record["ended"] = (start + dt.timedelta(days=self.rng.randint(30, 900))).isoformat()
            out.append(record)
        return out

    def base(self, record: Record, effective: dt.date, ended: dt.date | None) -> Meta:
        first = effective - dt.timedelta(days=40)  # earlier than any announced/signed/published date set above
        meta = Meta(
            record["id"],
            record["kind"],
            record["jurisdiction"],
            first,
            effective,
            ended,
            [p["id"] for p in record.get("restricts", ())],
            [t["entity"] for t in record.get("targets", ()) if "entity" in t],
        )
        self.bases.append(meta)
        return meta

    def pick_base(self, accept: Callable[[Meta], bool]) -> Meta | None:
        for _ in range(12):
            if not self.bases:
                return None
            candidate = self.rng.choice(self.bases)
            if accept(candidate):
                return candidate
        return None

    def effective_day(self) -> dt.date:
        return self.day_between(FIRST_DAY + dt.timedelta(days=60), LAST_DAY)

    def maybe_ended(self, effective: dt.date, p: float) -> dt.date | None:
        return effective + dt.timedelta(days=self.rng.randint(150, 2200)) if self.chance(p) else None

    # -- restricting actions ---------------------------------------------------------------------

    def listing(self) -> None:
        rng = self.rng
        effective = self.effective_day()
        ended = self.maybe_ended(effective, 0.15)
        targets = [self.target(e) for e in self.pick_targets(rng.choice([1, 1, 2, 3, 4, 6, 9]))]
        specs = [("ear-license", "exports", "License required for items subject to the EAR.")]
        if self.chance(0.3):
            specs.append(("fdp-rule", "exports", "Foreign-produced items made with U.S. technology also need a license."))
        if self.chance(0.1):
            specs.append(("reexport", "exports", "Reexports and in-country transfers need a license."))
        restricts = self.prohibitions(specs, effective + dt.timedelta(days=1))
        if len(restricts) > 1 and len(targets) > 1 and self.chance(0.3):
            targets[-1]["prohibitions"] = [restricts[0]["id"]]
        n = self.number("ela", 1)
        record = self.emit(
            {
                "id": f"us-bis-{effective.year}-entity-list-{n:06d}",
                "kind": "entity_list_addition",
                "title": f"{len(targets)} entities added to the Entity List",
                "jurisdiction": "US",
                "authority": "Bureau of Industry and Security",
                "instruments": self.instruments("US", "entity_list_addition", effective.year),
                "dates": self.dates(effective, ZONES["US"], instant=0.15, ended=ended),
                "targets": targets,
                "restricts": restricts,
            }
        )
        self.base(record, effective, ended)

    def other_restriction(self) -> None:
        rng = self.rng
        effective = self.effective_day()
        roll = rng.random()
        targets = [self.target(e, "named", listed=False) for e in self.pick_targets(rng.choice([1, 2, 3, 5]))]
        relations: list[Record] = []
        if roll < 0.3:
            jurisdiction, kind = rng.choice([("US", "designation"), ("CN", "designation")])
            if jurisdiction == "CN":
                specs = [
                    ("import-export", "transactions", "Import and export activities involving China are prohibited."),
                    ("new-investment", "transactions", "New investment in China is prohibited."),
                    ("entry", "personal_conduct", "Entry of senior managers is restricted."),
                ]
                authority = "Ministry of Commerce, Unreliable Entity List working mechanism"
            else:
                specs = [
                    ("covered-equipment", "network_equipment", "Equipment placed on the Covered List."),
                    ("usf-funds", "subsidies", "Universal Service Fund support may not be used for the covered equipment."),
                ]
                authority = "Federal Communications Commission"
        elif roll < 0.5:
            jurisdiction, kind = rng.choice([("US", "device_ban"), ("GB", "device_ban"), ("EU", "device_ban")])
            specs = [
                ("government-devices", "government_devices", "Prohibited on government-issued devices."),
                ("procurement", "procurement", "No new government purchases."),
            ]
            authority = {"US": "Office of Management and Budget", "GB": "Cabinet Office", "EU": "European Commission"}[jurisdiction]
        elif roll < 0.75:
            jurisdiction, kind = rng.choice([("US", "legislation"), ("US", "legislation"), ("GB", "legislation")])
            specs = [
                ("a1a-procurement", "procurement", "Agencies may not procure covered equipment or services."),
                ("a1b-contracting", "procurement", "Agencies may not contract with entities that use covered equipment."),
                ("b1-loan-grant", "subsidies", "Loan and grant funds may not be spent on covered equipment."),
            ]
            authority = {"US": "U.S. Congress", "GB": "UK Parliament"}[jurisdiction]
        else:
            jurisdiction, kind = rng.choice([("US", "export_rule"), ("JP", "export_rule")])
            specs = [("license-requirement", "exports", "A license is required to export the listed items.")]
            authority = {
                "US": "Bureau of Industry and Security",
                "JP": "Ministry of Economy, Trade and Industry",
            }[jurisdiction]
            items: list[Record] = [
                {"item": rng.choice(ITEMS)[0], "destinations": rng.choice([["CN", "MO"], ["all except CA"], ["CN", "RU", "IR"]])}
            ]
            targets = items + targets[: rng.choice([0, 0, 1, 2])]
        earlier = self.pick_base(lambda b: b.kind == kind and b.jurisdiction == jurisdiction) if self.chance(0.25) else None
        start = earlier.window(self.rng) if earlier is not None else None
        if earlier is not None and start is not None:  # amends or supersedes an earlier one of its kind, from inside its life
            relations.append({"type": rng.choice(["amends", "supersedes", "amends"]), "action": earlier.id})
            effective = start
            if relations[-1]["type"] == "supersedes":
                earlier.ended = effective
        chosen = rng.sample(specs, rng.randint(1, len(specs)))
        restricts = self.prohibitions(chosen, effective + dt.timedelta(days=1), staged=0.5 if kind == "legislation" else 0.2)
        ended = self.maybe_ended(effective, 0.15)
        n = self.number(kind, 1)
        record: Record = {
            "id": f"{jurisdiction.lower()}-{kind.replace('_', '-')}-{effective.year}-{n:06d}",
            "kind": kind,
            "title": f"Synthetic {kind.replace('_', ' ')} no. {n}",
            "jurisdiction": jurisdiction,
            "authority": authority,
        }
        if jurisdiction not in ZONES:
            record["timezone"] = "UTC"
        zone = record.get("timezone", ZONES.get(jurisdiction, "UTC"))
        record["instruments"] = self.instruments(jurisdiction, kind, effective.year)
        record["dates"] = self.dates(effective, zone, instant=0.05, ended=ended)
        record["targets"] = targets
        record["restricts"] = restricts
        if relations:
            record["relations"] = relations
        if self.chance(0.03) and "signed" in record["dates"]:
            record["dates"]["published"] = (effective + dt.timedelta(days=3)).isoformat()
            record["acknowledged"] = ["effective-before-published"]
        self.emit(record)
        self.base(record, effective, ended)

    def court_order(self) -> None:
        """A court order that restricts by itself (an asset freeze, a conduct order)."""
        effective = self.effective_day()
        ended = self.maybe_ended(effective, 0.5)
        entity = self.pick_targets(1)
        n = self.number("court-order", 1)
        record = self.emit(
            {
                "id": f"us-court-{effective.year}-order-{n:06d}",
                "kind": "court_ruling",
                "title": f"Court order restraining transfers (case {n})",
                "jurisdiction": "US",
                "authority": "U.S. District Court",
                "timezone": self.rng.choice(COURT_ZONES),
                "instruments": self.instruments("US", "court_ruling", effective.year),
                "dates": {
                    "signed": effective.isoformat(),
                    "effective": effective.isoformat(),
                    **({"ended": ended.isoformat()} if ended else {}),
                },
                "targets": [self.target(e, "subject", with_subsidiaries=0.0, listed=False) for e in entity],
                "restricts": [
                    {"id": "asset-freeze", "category": "other", "summary": "Assets in the United States may not be transferred."}
                ],
            },
            ("signed", "effective", "targets"),
        )
        self.base(record, effective, ended)

    def executive_order(self) -> None:
        """An order that only directs an agency, then the agency's identifications implementing it."""
        if not self.apps:
            self.listing()
            return
        rng = self.rng
        app, owner = rng.choice(self.apps)
        signed = self.effective_day()
        n = self.number("eo", 0)
        eo = self.emit(
            {
                "id": f"us-eo-{signed.year}-{n:06d}",
                "kind": "executive_order",
                "title": f"Addressing the threat posed by {self.display[app][0]}",
                "jurisdiction": "US",
                "authority": "President of the United States",
                "instruments": self.instruments("US", "executive_order", signed.year),
                "dates": self.dates(signed, ZONES["US"], instant=0.0, on_signing=True),
                "targets": [{"entity": app, "role": "subject"}, {"entity": owner, "role": "owner"}],
                "restricts": [],
            },
            ("signed", "published", "effective", "targets"),
        )
        eo_meta = self.base(eo, signed, None)
        for k in range(rng.choice([1, 1, 2])):
            effective = signed + dt.timedelta(days=rng.randint(30, 60) + 20 * k)
            specs = [
                ("app-store", "app_distribution", "Distribution or maintenance through an online app store."),
                ("hosting", "internet_services", "Internet hosting services enabling the app."),
                ("payments", "transactions", "Processing of funds transfers through the app."),
            ]
            restricts = self.prohibitions(rng.sample(specs, rng.randint(1, 3)), effective, staged=0.4, lapse=0.05)
            m = self.number("identification", 1)
            ban = self.emit(
                {
                    "id": f"us-commerce-{effective.year}-identification-{m:06d}",
                    "kind": "app_ban",
                    "title": f"Identification of prohibited transactions: {self.display[app][0]}",
                    "jurisdiction": "US",
                    "authority": "U.S. Department of Commerce",
                    "instruments": self.instruments("US", "app_ban", effective.year),
                    "dates": self.dates(effective, ZONES["US"], instant=0.3),
                    "targets": [{"entity": app, "role": "subject"}, {"entity": owner, "role": "owner"}],
                    "restricts": restricts,
                    "relations": [{"type": "implements", "action": eo["id"]}],
                },
                ("published", "effective", "targets", "restricts", "relations"),
            )
            self.base(ban, effective, None)
        if self.chance(0.3):  # revoked later: the identifications end with the order (parent_ended)
            self.revocation(eo_meta)

    def india_block(self) -> None:
        effective = self.effective_day()
        apps = (
            [a for a, _ in self.rng.sample(self.apps, min(len(self.apps), self.rng.randint(1, 8)))] if self.apps else self.pick_targets(1)
        )
        n = self.number("in-block", 1)
        record = self.emit(
            {
                "id": f"in-meity-{effective.year}-block-{n:06d}",
                "kind": "app_ban",
                "title": f"Blocking order under section 69A ({len(apps)} apps)",
                "jurisdiction": "IN",
                "authority": "Ministry of Electronics and Information Technology",
                "instruments": self.instruments("IN", "app_ban", effective.year),
                "dates": self.dates(effective, ZONES["IN"], instant=0.0),
                "targets": [{"entity": a, "role": "subject"} for a in apps],
                "restricts": [{"id": "app-access", "category": "app_access", "summary": "Public access to the app is blocked."}],
            }
        )
        self.base(record, effective, None)

    # -- modifiers --------------------------------------------------------------------------------

    def license_chain(self) -> None:
        """A temporary general license and its renewals: ``extends`` the previous one, overlapping or not."""
        rng = self.rng
        base = self.pick_base(lambda b: b.kind == "entity_list_addition")
        if base is None:
            self.listing()
            return
        start = base.window(rng, 600)
        if start is None:
            self.listing()
            return
        purpose = rng.choice(
            [
                "Continued operation of existing networks and equipment.",
                "Support of existing personal consumer electronic devices.",
                "Cybersecurity research and vulnerability disclosure.",
                "Buying medical supplies.",
            ]
        )
        exempted = [rng.choice(base.prohibitions)] if base.prohibitions and self.chance(0.7) else []
        only = [rng.choice(base.entities)] if len(base.entities) > 1 and self.chance(0.3) else []
        previous: str | None = None
        n = self.number("tgl", 1)
        for renewal in range(rng.choice([1, 1, 2, 3, 4, 6])):
            if len(self.actions) >= self.target_actions:
                return
            if base.ended is not None and start >= base.ended:
                return
            length = rng.choice([45, 90, 90, 180, 365])
            end = start + dt.timedelta(days=length)
            relations: list[Record] = []
            if previous is not None:
                relations.append({"type": "extends", "action": previous})
            if previous is None or self.chance(0.7):
                relation: Record = Flow(type="exempts", action=base.id, purpose=purpose)
                if exempted:
                    relation["prohibitions"] = exempted
                if only:
                    relation["entities"] = only
                relations.append(relation)
            aid = f"us-bis-{start.year}-general-license-{n:06d}" + (f"-renewal-{renewal}" if renewal else "")
            self.emit(
                {
                    "id": aid,
                    "kind": "exemption",
                    "title": "Temporary general license" + (f" extended ({renewal})" if renewal else ""),
                    "jurisdiction": "US",
                    "authority": "Bureau of Industry and Security",
                    "instruments": self.instruments("US", "exemption", start.year),
                    "dates": self.dates(start, ZONES["US"], instant=0.0, ended=end),
                    "relations": relations,
                },
                ("published", "effective", "ended", "relations"),
            )
            previous = aid
            # the renewal overlaps the old license, follows it at once, or leaves a gap
            start = end + dt.timedelta(days=rng.choice([-20, -5, -1, 0, 0, 3, 15, 40]))

    def removal(self) -> None:
        base = self.pick_base(lambda b: b.kind == "entity_list_addition" and len(b.removed) < len(b.entities))
        start = base.window(self.rng) if base is not None else None
        if base is None or start is None:
            self.listing()
            return
        remaining = [e for e in base.entities if e not in base.removed]
        chosen = self.rng.sample(remaining, self.rng.randint(1, min(2, len(remaining))))
        base.removed.extend(chosen)
        n = self.number("removal", 1)
        self.emit(
            {
                "id": f"us-bis-{start.year}-entity-list-removal-{n:06d}",
                "kind": "entity_list_removal",
                "title": f"{len(chosen)} entities removed from the Entity List",
                "jurisdiction": "US",
                "authority": "Bureau of Industry and Security",
                "instruments": self.instruments("US", "entity_list_removal", start.year),
                "dates": self.dates(start, ZONES["US"], instant=0.0),
                "targets": [{"entity": e, "role": "listed"} for e in chosen],
                "relations": [Flow(type="revokes", action=base.id, entities=chosen)],
            },
            ("published", "effective", "relations"),
        )

    def revocation(self, base: Meta | None = None) -> None:
        base = base or self.pick_base(lambda b: b.kind != "court_ruling")
        start = base.window(self.rng) if base is not None else None
        if base is None or start is None:
            self.listing()
            return
        relation: Record = Flow(type="revokes", action=base.id)
        partial = len(base.prohibitions) > 1 and self.chance(0.3)
        if partial:
            relation["prohibitions"] = [self.rng.choice(base.prohibitions)]
        else:
            base.ended = start
        n = self.number("revocation", 1)
        self.emit(
            {
                "id": f"{base.jurisdiction.lower()}-{start.year}-revocation-{n:06d}",
                "kind": "revocation",
                "title": f"Revocation of {base.id}",
                "jurisdiction": base.jurisdiction,
                "authority": "President of the United States" if base.kind == "executive_order" else "Issuing authority",
                "instruments": self.instruments(base.jurisdiction, "revocation", start.year),
                "dates": self.dates(start, ZONES.get(base.jurisdiction, "UTC"), instant=0.0),
                "relations": [relation],
            },
            ("signed", "effective", "relations"),
        )

    def injunction(self) -> None:
        """A preliminary injunction suspending some prohibitions (for the plaintiff only, sometimes), maybe lifted on appeal."""
        rng = self.rng
        base = self.pick_base(lambda b: bool(b.prohibitions) and bool(b.entities) and b.kind != "court_ruling")
        start = base.window(rng, 900) if base is not None else None
        if base is None or start is None:
            self.other_restriction()
            return
        plaintiff = rng.choice(base.entities)
        relation: Record = Flow(type=rng.choice(["enjoins", "enjoins", "stays"]), action=base.id)
        if len(base.prohibitions) > 1 and self.chance(0.5):
            relation["prohibitions"] = rng.sample(base.prohibitions, rng.randint(1, len(base.prohibitions)))
        if self.chance(0.4):
            relation["entities"] = [plaintiff]
        if self.chance(0.2):
            relation["until"] = (start + dt.timedelta(days=rng.randint(20, 300))).isoformat()
        ended = start + dt.timedelta(days=rng.randint(30, 700)) if self.chance(0.3) else None
        zone = rng.choice(COURT_ZONES)
        n = self.number("injunction", 1)
        record = self.emit(
            {
                "id": f"us-court-{start.year}-injunction-{n:06d}",
                "kind": "court_ruling",
                "title": f"Preliminary injunction against {base.id}",
                "jurisdiction": "US",
                "authority": "U.S. District Court",
                "timezone": zone,
                "instruments": self.instruments("US", "court_ruling", start.year),
                "dates": {"signed": start.isoformat(), "effective": start.isoformat(), **({"ended": ended.isoformat()} if ended else {})},
                "targets": [{"entity": plaintiff, "role": "subject"}],
                "restricts": [],
                "relations": [relation],
            },
            ("signed", "effective", "relations"),
        )
        if self.chance(0.35) and len(self.actions) < self.target_actions:
            meta = Meta(record["id"], "court_ruling", "US", start - dt.timedelta(days=1), start, ended, [], [plaintiff])
            appeal = meta.window(rng, 400)
            if appeal is None:
                return
            lifted = self.chance(0.6)
            m = self.number("appeal", 1)
            self.emit(
                {
                    "id": f"us-ca-{appeal.year}-appeal-{m:06d}",
                    "kind": "court_ruling",
                    "title": f"Court of appeals {'vacates' if lifted else 'affirms'} the injunction",
                    "jurisdiction": "US",
                    "authority": "U.S. Court of Appeals",
                    "timezone": zone,
                    "instruments": self.instruments("US", "court_ruling", appeal.year),
                    "dates": {"signed": appeal.isoformat(), "effective": appeal.isoformat()},
                    "targets": [{"entity": plaintiff, "role": "subject"}],
                    "restricts": [],
                    "relations": [{"type": "lifts", "action": record["id"]}]
                    if lifted
                    else [Flow(type="upholds", action=base.id, entities=[plaintiff])],
                },
                ("signed", "effective", "relations"),
            )

    def non_binding(self) -> None:
        rng = self.rng
        day = self.effective_day()
        kind = rng.choice(["statement", "statement", "indictment", "policy_recommendation"])
        n = self.number(kind, 1)
        if kind == "indictment":
            who = (rng.sample(self.people, 1) if self.people and self.chance(0.5) else []) + self.pick_targets(rng.randint(1, 2))
            record: Record = {
                "id": f"us-doj-{day.year}-indictment-{n:06d}",
                "kind": kind,
                "title": f"Indictment unsealed (case {n})",
                "jurisdiction": "US",
                "authority": "U.S. Department of Justice",
                "instruments": self.instruments("US", "court_ruling", day.year),
                "dates": {"signed": (day - dt.timedelta(days=rng.randint(0, 60))).isoformat(), "published": day.isoformat()},
                "targets": [{"entity": e, "role": "named"} for e in who],
            }
        elif kind == "policy_recommendation":
            record = {
                "id": f"eu-{day.year}-recommendation-{n:06d}",
                "kind": kind,
                "title": "Recommendation on the security of 5G networks",
                "jurisdiction": "EU",
                "authority": "European Commission",
                "dates": {"announced": self.coarse(day), "published": day.isoformat()},
            }
        else:
            jurisdiction = rng.choice(["US", "US", "CN", "GB", "IN"])
            record = {
                "id": f"{jurisdiction.lower()}-{day.year}-statement-{n:06d}",
                "kind": kind,
                "title": "Statement of intent to restrict named companies",
                "jurisdiction": jurisdiction,
                "authority": "Government spokesperson",
                "dates": {"announced": self.coarse(day)},
                "targets": [{"entity": e, "role": "named"} for e in self.pick_targets(rng.randint(0, 3))],
            }
            if not record["targets"]:
                del record["targets"]
        self.emit(record, ("announced", "published"))

    # -- the whole file ---------------------------------------------------------------------------

    def make_actions(self) -> None:
        templates: list[tuple[float, Callable[[], None]]] = [
            (0.27, self.listing),
            (0.14, self.other_restriction),
            (0.01, self.court_order),
            (0.04, self.executive_order),
            (0.02, self.india_block),
            (0.05, self.license_chain),
            (0.06, self.removal),
            (0.04, self.revocation),
            (0.05, self.injunction),
            (0.15, self.non_binding),
        ]
        weights = [w for w, _ in templates]
        steps = [t for _, t in templates]
        # the first actions are restrictions, so modifiers always find something to relate to
        while len(self.actions) < min(self.target_actions, 20):
            self.listing()
        while len(self.actions) < self.target_actions:
            self.rng.choices(steps, weights)[0]()
        del self.actions[self.target_actions :]

    def document(self) -> Record:
        self.make_sources()
        self.make_entities()
        self.make_actions()
        items = [{"id": id_, "kind": "item_class", "name": name} for id_, name in ITEMS]
        return {"entities": self.entities, "sources": self.sources, "items": items, "actions": self.actions}


def generate(actions: int, seed: int = 1) -> Record:
    """The action file as plain data (``entities``, ``sources``, ``actions``)."""
    return Generator(actions, seed).document()


MAX_FILE_BYTES = 64 * 2**20  # sanctiontrack refuses larger files (MAX_FILE_BYTES in _read.py)
PART_ACTIONS = 25_000
PART_ENTITIES = 50_000  # entities per file of a folder output
HEADER = "# Synthetic sanctiontrack action file for the benchmarks (benchmarks/generate.py); not real data.\n"


def _dump(document: Record) -> bytes:
    class Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
        def ignore_aliases(self, data: Any) -> bool:
            return True  # no &anchors: a shared list is written out at each use

    Dumper.add_representer(Flow, _flow)
    text = yaml.dump(document, Dumper=Dumper, sort_keys=False, allow_unicode=True, default_flow_style=None, width=160)
    return (HEADER + text).encode("utf-8")


def write(document: Record, out: Path, *, part_actions: int = PART_ACTIONS, part_entities: int = PART_ENTITIES) -> int:
    """Write YAML (PyYAML's C dumper when available); returns the bytes written.

    ``out`` ending in ``.yaml``/``.yml`` is one file, refused above the library's 64 MiB cap. Any other
    ``out`` is a folder (which ``sanctiontrack.load`` and ``validate`` accept): ``00-sources.yaml`` with the
    sources and items, ``00-entities-NN.yaml`` with ``part_entities`` entities each, then ``actions-NN.yaml`` with
    ``part_actions`` actions each.
    """
    if out.suffix in (".yaml", ".yml"):
        parts = {out.name: document}
    else:
        actions, entities = document["actions"], document["entities"]
        parts = {"00-sources.yaml": {"sources": document["sources"], "items": document["items"]}}
        for n, start in enumerate(range(0, len(entities), part_entities), 1):  # 200k entities (1M actions) are 72 MiB
            parts[f"00-entities-{n:02d}.yaml"] = {"entities": entities[start : start + part_entities]}
        for n, start in enumerate(range(0, len(actions), part_actions), 1):
            parts[f"actions-{n:02d}.yaml"] = {"actions": actions[start : start + part_actions]}
    blobs = {name: _dump(part) for name, part in parts.items()}
    for name, blob in blobs.items():
        if len(blob) > MAX_FILE_BYTES:
            raise ValueError(
                f"{name} would be {len(blob) / 2**20:.0f} MiB, over sanctiontrack's 64 MiB cap per file; give a folder as --out"
            )
    tmp = out.with_name(f".{out.name}.tmp")
    if tmp.is_dir():
        shutil.rmtree(tmp)
    if out.suffix in (".yaml", ".yml"):
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(blobs[out.name])
    else:
        if out.exists():
            raise FileExistsError(f"{out} exists; remove it first (a folder output is never overwritten)")
        tmp.mkdir(parents=True)
        for name, blob in blobs.items():
            (tmp / name).write_bytes(blob)
    os.replace(tmp, out)  # atomic: a half-written output never looks complete
    return sum(len(b) for b in blobs.values())


def default_path(actions: int, seed: int, root: Path = Path("/tmp/sanctiontrack-bench")) -> Path:
    """Where generated data is cached: one file up to 50k actions, a folder of files above."""
    name = f"actions-{actions}-seed{seed}"
    return root / (f"{name}.yaml" if actions <= 50_000 else name)


def ensure(actions: int, seed: int = 1, root: Path = Path("/tmp/sanctiontrack-bench")) -> Path:
    """The path of generated data for (actions, seed), generating it on first use."""
    path = default_path(actions, seed, root)
    if not path.exists():
        began = time.perf_counter()
        size = write(generate(actions, seed), path)
        print(f"generated {path} ({size / 2**20:.1f} MiB) in {time.perf_counter() - began:.1f} s", file=sys.stderr)
    return path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--actions", type=int, default=10_000, help="number of actions (default 10000)")
    parser.add_argument(
        "--out",
        type=Path,
        default=None,
        help="a .yaml file, or a folder for files over 64 MiB (default /tmp/sanctiontrack-bench/actions-N-seedS[.yaml])",
    )
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if args.actions < 20:
        parser.error("--actions must be at least 20")
    out: Path = args.out or default_path(args.actions, args.seed)
    began = time.perf_counter()
    document = generate(args.actions, args.seed)
    try:
        size = write(document, out)
    except (ValueError, FileExistsError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    counts = {k: len(v) for k, v in document.items()}
    kinds: dict[str, int] = {}
    for action in document["actions"]:
        kinds[action["kind"]] = kinds.get(action["kind"], 0) + 1
    print(f"wrote {out} ({size / 2**20:.1f} MiB) in {time.perf_counter() - began:.1f} s: {counts}", file=sys.stderr)
    print("kinds: " + ", ".join(f"{k}={v}" for k, v in sorted(kinds.items(), key=lambda kv: -kv[1])), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
