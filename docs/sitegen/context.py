"""Everything the page renderers share, computed once from a loaded :class:`sanctiontrack.Tracker`."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

import attrs
import pendulum
import yaml

from sanctiontrack import Action, ActionHistory, Entity, Link, Relation, Source, Tracker

from .seeds import SeedText

__all__ = ["Context", "QuoteRef"]


@attrs.frozen
class QuoteRef:
    """Where a seed quote of an action's evidence sits: the seed file, its anchor and line."""

    seed: str
    anchor: str
    line: int


@attrs.define
class Context:
    """The tracker plus the reverse indexes the pages need (who cites what, who relates to whom)."""

    tracker: Tracker
    seeds_dir: Path
    directory_urls: bool = True
    seed_meta: dict[str, dict[str, Any]] = attrs.field(factory=dict)
    histories: dict[str, tuple[ActionHistory, ...]] = attrs.field(factory=dict)
    bears_on: defaultdict[str, list[tuple[Entity, ActionHistory]]] = attrs.field(factory=lambda: defaultdict(list))
    incoming: defaultdict[str, list[tuple[Action, Relation]]] = attrs.field(factory=lambda: defaultdict(list))
    cited_by: defaultdict[str, list[Action]] = attrs.field(factory=lambda: defaultdict(list))
    linked_from: defaultdict[str, list[tuple[Entity, Link]]] = attrs.field(factory=lambda: defaultdict(list))
    seed_texts: dict[str, SeedText] = attrs.field(factory=dict)
    quotes: dict[tuple[str, int], QuoteRef] = attrs.field(factory=dict)

    @classmethod
    def build(cls, tracker: Tracker, seeds_dir: Path, *, directory_urls: bool = True) -> Context:
        """Compute the indexes; raises ``FileNotFoundError`` if a seed a source names is missing."""
        ctx = cls(tracker, seeds_dir, directory_urls)
        index = seeds_dir / "index.yaml"
        if index.is_file():
            for entry in yaml.safe_load(index.read_text(encoding="utf-8")) or []:
                if isinstance(entry, dict) and "file" in entry:
                    ctx.seed_meta[str(entry["file"])] = entry
        for entity in tracker.entities:
            history = tracker.history(entity.id)
            ctx.histories[entity.id] = history
            for row in history:
                ctx.bears_on[row.action.id].append((entity, row))
            for link in entity.links:
                ctx.linked_from[link.entity].append((entity, link))
        for action in tracker.actions:
            for relation in action.relations:
                ctx.incoming[relation.action].append((action, relation))
            for evidence in action.evidence:
                if action not in ctx.cited_by[evidence.source]:
                    ctx.cited_by[evidence.source].append(action)
        for source in tracker.sources.values():
            if source.seed is not None:
                path = seeds_dir / source.seed
                if not path.is_file():
                    raise FileNotFoundError(f"source {source.id!r} names seed {source.seed!r}, which is not in {seeds_dir}")
                ctx.seed_texts.setdefault(source.seed, SeedText(path.read_text(encoding="utf-8")))
        for action in tracker.actions:
            for number, evidence in enumerate(action.evidence):
                cited = tracker.sources.get(evidence.source)
                if evidence.quote is None or cited is None or cited.seed is None:
                    continue
                text = ctx.seed_texts[cited.seed]
                anchor = text.add(evidence.quote)
                line = text.line_of(evidence.quote)
                if anchor is not None and line is not None:
                    ctx.quotes[(action.id, number)] = QuoteRef(cited.seed, anchor, line)
        return ctx

    def seed_sources(self) -> dict[str, list[Source]]:
        """Seed file -> the sources that are copies of it."""
        out: defaultdict[str, list[Source]] = defaultdict(list)
        for source in self.tracker.sources.values():
            if source.seed is not None:
                out[source.seed].append(source)
        return dict(sorted(out.items()))

    def first_day(self, action: Action) -> pendulum.Date | None:
        """The earliest recorded date of an action (for ordering), or None."""
        days = [value.date for _, value in action.dates.items()]
        return min(days) if days else None

    def why_never(self, entity_id: str, action: Action) -> str:
        """The library's own explanation of why an action never applied to an entity."""
        probe = action.dates.effective or next((v for _, v in action.dates.items()), None)
        if probe is None:
            return "no dates recorded"
        answer = self.tracker.restrictions(entity_id, on=probe.local_day(action.zone))
        for item in answer.not_operative:
            if item.action.id == action.id:
                return f"{item.reason.value}: {item.explanation}"
        return "never in force for this entity"
